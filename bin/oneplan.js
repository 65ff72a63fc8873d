#!/usr/bin/env node
// The `oneplan` command: runs the compiled CLI (`npm run build` makes dist/node).
// A closed pipe (`oneplan … | head`) ends the command quietly, as Unix tools do.
process.stdout.on('error', (e) => {
  if (e.code === 'EPIPE') process.exit(0);
  throw e;
});
require('../dist/node/cli/oneplan.js')
  .main(process.argv.slice(2))
  .then((code) => {
    process.exitCode = code;
  })
  .catch((e) => {
    console.error(`oneplan: ${e && e.stack ? e.stack : e}`);
    process.exitCode = 1;
  });
