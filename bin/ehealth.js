#!/usr/bin/env node
// Launcher for the built CLI (built by `npm run build`; `npm pack` builds it through `prepack`):
// its entry in dist/cli/, an ES module that loads the code of the verb it runs on demand.
const path = require('node:path');
const fs = require('node:fs');
const { pathToFileURL } = require('node:url');

const entry = path.join(__dirname, '..', 'dist', 'cli', 'main.mjs');
if (!fs.existsSync(entry)) {
  console.error('ehealth: the command line is not built yet. Run "npm run build" in ' + path.dirname(__dirname) + '.');
  process.exit(1);
}
let finished = false;
// A verb still waiting when nothing is left to run (a question whose input was closed) must not
// end as success.
process.on('beforeExit', () => {
  if (!finished) process.exit(1);
});
import(pathToFileURL(entry).href)
  .then((cli) => cli.main(process.argv.slice(2)))
  .then((code) => {
    finished = true;
    process.exitCode = code;
  });
