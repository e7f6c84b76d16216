import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';

// src/core is the domain every layer shares: it imports only itself, so any layer (and a browser
// script) can use it and a rule changes in one place.
const core = path.join(__dirname, '..', '..', '..', 'src', 'core');

describe('src/core', () => {
  it('imports nothing but itself: no other folder of ours, no npm package, no Node module', () => {
    const outside = readdirSync(core)
      .filter((file) => file.endsWith('.ts'))
      .flatMap((file) =>
        [...readFileSync(path.join(core, file), 'utf8').matchAll(/(?:^|\n)\s*(?:import|export)\b[^;]*?\bfrom\s*'([^']+)'|\bimport\(\s*'([^']+)'\s*\)|\brequire\(\s*'([^']+)'\s*\)/g)]
          .map((match) => match[1] ?? match[2] ?? match[3])
          .filter((specifier) => !/^\.\/[^/]+$/.test(specifier))
          .map((specifier) => `${file}: ${specifier}`),
      );
    assert.deepEqual(outside, []);
  });
});
