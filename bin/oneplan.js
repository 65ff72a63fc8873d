#!/usr/bin/env node
// The `oneplan` command: runs the compiled CLI (`npm run build` makes dist/node).
// A closed pipe (`oneplan … | head`) ends the command quietly, as Unix tools do.
process.stdout.on('error', (e) => {
  if (e.code === 'EPIPE') process.exit(0);
  throw e;
});
const path = require('node:path');
const fs = require('node:fs');
const compiled = path.join(__dirname, '..', 'dist', 'node', 'cli', 'oneplan.js');
if (!fs.existsSync(compiled)) {
  console.error(
    'oneplan: ยังไม่ได้สร้างโปรแกรม — รัน npm run build (หรือ npm run build:cli) ในโฟลเดอร์โครงการก่อน\n' +
      'oneplan: not built yet — run `npm run build` (or `npm run build:cli`) in the project folder first',
  );
  process.exit(2);
}
require(compiled)
  .main(process.argv.slice(2))
  .then((code) => {
    process.exitCode = code;
  })
  .catch((e) => {
    console.error(`oneplan: ${e && e.stack ? e.stack : e}`);
    process.exitCode = 1;
  });
