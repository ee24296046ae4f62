#!/usr/bin/env node
'use strict';
// The kubespec launcher: TypeScript through ts-node with swc (transpile only; `npm test` type-checks).
require('./register.js');

require('./cli.ts')
  .main(process.argv.slice(2))
  .then((code) => { process.exitCode = code; })
  .catch((err) => {
    process.stderr.write(`kubespec: ${err && err.stack ? err.stack : err}\nThis is a kubespec bug; please report it with the command line and input above.\n`);
    process.exitCode = 70;
  });
