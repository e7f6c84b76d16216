// `npm test`: lint, type check, build, unit, integration and real-VS-Code tests, in that order.
// Every stage runs even when an earlier one failed, so one run shows everything that is wrong.
// Ends with the failed tests, each by its title and first error line (a CI log that keeps only its
// tail still names them), then one line CI reads: "N passed, N failed" (tests counted by mocha; a
// failed lint, type check or build counts as one failure). A stage that outlives its time limit (a
// test that leaves a server listening keeps mocha alive forever) is killed with its whole process
// group and fails.
import { spawn } from 'node:child_process';
import { ensureDebianPackages } from './system-packages.mjs';

const minutes = 60 * 1000;

const stages = [
  { name: 'lint', command: ['npx', 'eslint', '.'], limit: 5 * minutes },
  { name: 'typecheck', command: ['npx', 'tsc', '-p', '.'], limit: 5 * minutes },
  { name: 'build', command: ['node', 'scripts/build.mjs'], limit: 5 * minutes },
  { name: 'unit', command: ['npx', 'mocha', 'test/unit/**/*.test.ts'], limit: 10 * minutes },
  { name: 'integration', command: ['npx', 'mocha', 'test/integration/**/*.test.ts'], limit: 30 * minutes },
  { name: 'vscode', command: ['npx', 'tsx', 'test/vscode/run.ts', ...process.argv.slice(2)], limit: 35 * minutes },
];

function run(stage) {
  return new Promise((resolve) => {
    const counts = { passed: 0, failed: 0, failures: [], inFailures: false };
    const child = spawn(stage.command[0], stage.command.slice(1), { stdio: ['ignore', 'pipe', 'inherit'], detached: true });
    const timer = setTimeout(() => {
      console.log(`\n=== ${stage.name}: still running after ${stage.limit / minutes} minutes, stopped`);
      try {
        process.kill(-child.pid, 'SIGKILL');
      } catch {
        // already gone
      }
    }, stage.limit);
    let pending = '';
    child.stdout.on('data', (chunk) => {
      process.stdout.write(chunk);
      pending += chunk.toString('utf8');
      const lines = pending.split('\n');
      pending = lines.pop();
      for (const line of lines) count(line, stage.name, counts);
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      count(pending, stage.name, counts);
      resolve({ code, ...counts });
    });
  });
}

function count(line, stage, counts) {
  // The harness prints its own total for the VS Code suites; mocha prints "N passing"/"N failing".
  const total = stage === 'vscode' ? /^vscode: (\d+) passed, (\d+) failed/.exec(line) : null;
  if (total) {
    counts.passed = Number(total[1]);
    counts.failed = Number(total[2]);
    return;
  }
  recordFailure(line, counts);
  if (stage === 'vscode') return;
  const passing = /^\s+(\d+) passing/.exec(line);
  const failing = /^\s+(\d+) failing/.exec(line);
  if (passing) counts.passed += Number(passing[1]);
  if (failing) counts.failed += Number(failing[1]);
}

/**
 * Mocha's report of a failure, after "N failing": "  1) Suite", the test's title on the next
 * line(s), then the error. Keeps the header and the next three lines that say something.
 */
function recordFailure(line, counts) {
  if (/^\s+\d+ failing/.test(line)) {
    counts.inFailures = true;
    return;
  }
  if (!counts.inFailures) return;
  if (/^ {2}\d+\) /.test(line)) counts.failures.push([line.trim()]);
  else if (/^\s+\d+ passing/.test(line)) counts.inFailures = false;
  else {
    const current = counts.failures.at(-1);
    if (current && current.length < 4 && line.trim() && !/^\s+at /.test(line)) current.push(line.trim());
  }
}

try {
  ensureDebianPackages('test');
} catch (error) {
  console.log(`setup: could not install the Debian packages (${error.message}); the tests that need them will fail`);
}

let passed = 0;
let failed = 0;
const summary = [];
const failures = [];
for (const stage of stages) {
  console.log(`\n=== ${stage.name}: ${stage.command.join(' ')}`);
  const started = Date.now();
  const result = await run(stage);
  // A stage that exits non-zero without reporting a failing test still counts as one failure.
  const stageFailed = result.code !== 0 ? Math.max(result.failed, 1) : result.failed;
  passed += result.passed;
  failed += stageFailed;
  failures.push(...result.failures.map((lines) => `${stage.name} ${lines.join('\n    ')}`));
  summary.push(`${stage.name} ${result.code === 0 ? 'ok' : 'FAILED'} (${result.passed} passed, ${stageFailed} failed, ${((Date.now() - started) / 1000).toFixed(0)} s)`);
}
if (failures.length) console.log(`\nfailed tests:\n${failures.join('\n')}`);
console.log(`\n${summary.join('\n')}`);
console.log(`\n${passed} passed, ${failed} failed`);
process.exit(failed === 0 && passed > 0 ? 0 : 1);
