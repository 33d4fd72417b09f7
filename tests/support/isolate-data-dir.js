// Every test process answers from the bundled snapshot, whatever a developer's ./var holds: a
// refreshed snapshot there (northstat data refresh) would otherwise be loaded by loadCore().
// Tests that exercise DATA_DIR set their own.
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

if (!process.env.NORTHSTAT_TEST_KEEP_DATA_DIR) {
  process.env.DATA_DIR = fs.mkdtempSync(path.join(os.tmpdir(), 'northstat-test-data-'));
}
