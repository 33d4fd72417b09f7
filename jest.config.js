/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/tests'],
  transform: { '^.+\\.tsx?$': ['ts-jest', {}] },
  testTimeout: 30000,
  setupFiles: ['<rootDir>/tests/support/isolate-data-dir.js'],
};
