// Runs bundled mocha test modules inside the extension host (the `extensionTestsPath` contract).
import Mocha from 'mocha';
import { format } from 'node:util';

/** Marks the report's lines so the harness can tell them from the workbench's own console. */
export const reportMarker = '[mocha] ';

/**
 * `loaders` require the test modules; they run after mocha has installed its globals
 * (describe, it, ...), which a bundle cannot do at import time.
 */
export function runMocha(loaders: Array<() => void>, timeout = 60_000): Promise<void> {
  Mocha.reporters.Base.consoleLog = (...args: unknown[]) => console.log(reportMarker + format(...args));
  const grep = process.env.EHEALTH_TEST_GREP;
  const mocha = new Mocha({ ui: 'bdd', color: false, timeout, reporter: 'spec', ...(grep ? { grep } : {}) });
  mocha.suite.emit('pre-require', globalThis, 'bundle', mocha);
  for (const load of loaders) load();
  return new Promise((resolve, reject) => {
    mocha.run((failures) => (failures > 0 ? reject(new Error(`${failures} test(s) failed`)) : resolve()));
  });
}
