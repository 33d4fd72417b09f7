// Runs inside `unshare -m` with /usr/share/fonts hidden, like a bare container: proves the
// charts draw text with the font shipped in node_modules and nothing else.
// Loads the TypeScript sources through typescript.transpileModule (no ts-node in this repo).
const fs = require('node:fs');
const ts = require('typescript');

require.extensions['.ts'] = (module, filename) => {
  const out = ts.transpileModule(fs.readFileSync(filename, 'utf8'), {
    compilerOptions: {
      module: ts.ModuleKind.CommonJS,
      target: ts.ScriptTarget.ES2022,
      esModuleInterop: true,
    },
    fileName: filename,
  });
  module._compile(out.outputText, filename);
};

async function main() {
  const { GlobalFonts } = require('@napi-rs/canvas');
  const systemFamilies = GlobalFonts.families.length;
  const { renderPng } = require('../../../src/charts/render-local.ts');
  const { sampleBars } = require('../../support/chart-fixtures.ts');
  const a = await renderPng(sampleBars);
  const b = await renderPng({ ...sampleBars, title: 'A different title entirely' });
  process.stdout.write(
    JSON.stringify({
      systemFamilies,
      families: GlobalFonts.families.map((f) => f.family),
      sizeA: a.length,
      differs: !a.equals(b),
    }),
  );
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
