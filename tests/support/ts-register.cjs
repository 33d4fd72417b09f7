// Lets a child process (node -r ./tests/support/ts-register.cjs script.ts) load the TypeScript sources the
// way Jest does, without a build: each .ts file is transpiled on require (types are not checked here; tsc does
// that). Used by tests that need real separate processes (SIGKILL, racing migrations).
const { readFileSync } = require('node:fs');
const ts = require('typescript');

require.extensions['.ts'] = (module, filename) => {
  const { outputText } = ts.transpileModule(readFileSync(filename, 'utf8'), {
    fileName: filename,
    compilerOptions: {
      module: ts.ModuleKind.CommonJS,
      target: ts.ScriptTarget.ES2022,
      esModuleInterop: true,
      resolveJsonModule: true,
    },
  });
  module._compile(outputText, filename);
};
