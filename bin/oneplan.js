#!/usr/bin/env node
// The `oneplan` command: runs the compiled CLI (`npm run build` makes dist/node).
require('../dist/node/cli/oneplan.js').main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
