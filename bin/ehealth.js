#!/usr/bin/env node
// Launcher for the bundled CLI (built by `npm run build`; `npm pack` builds it through `prepack`).
const path = require('node:path');
const fs = require('node:fs');

const bundle = path.join(__dirname, '..', 'dist', 'cli.js');
if (!fs.existsSync(bundle)) {
  console.error('ehealth: the command line is not built yet. Run "npm run build" in ' + path.dirname(__dirname) + '.');
  process.exit(1);
}
let finished = false;
// A verb still waiting when nothing is left to run (a question whose input was closed) must not
// end as success.
process.on('beforeExit', () => {
  if (!finished) process.exit(1);
});
require(bundle).main(process.argv.slice(2)).then((code) => {
  finished = true;
  process.exitCode = code;
});
