// The workflows in .github/workflows/ as GitHub would take them (a validator from the npm registry,
// @action-validator/cli), and what the validator cannot know: the release matrix builds each release
// target on a runner of its own system and architecture, and every npm script and file a workflow
// runs exists here.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parse } from 'yaml';
import { scripts } from '../../../package.json';
import { cardSupportTargets } from '../../../src/eid/addon';

const root = path.resolve(__dirname, '..', '..', '..');
const folder = path.join(root, '.github', 'workflows');
const workflowFiles = readdirSync(folder).filter((name) => /\.ya?ml$/.test(name));
const validator = require.resolve('@action-validator/cli/cli.mjs');

function validate(file: string): { ok: boolean; output: string } {
  const run = spawnSync(process.execPath, [validator, file], { encoding: 'utf8' });
  return { ok: run.status === 0, output: `${run.stdout}${run.stderr}` };
}

interface Step {
  uses?: string;
  run?: string;
}
interface Job {
  'runs-on': string;
  needs?: string[];
  defaults?: { run?: { shell?: string } };
  strategy?: { matrix: { include: { target: string; runner: string }[] } };
  steps: Step[];
}
interface Workflow {
  on: Record<string, unknown>;
  jobs: Record<string, Job>;
}

const workflows = workflowFiles.map((name) => ({ name, workflow: parse(readFileSync(path.join(folder, name), 'utf8')) as Workflow }));
const release = workflows.find(({ name }) => name === 'release.yml')?.workflow;
const allSteps = workflows.flatMap(({ workflow }) => Object.values(workflow.jobs).flatMap((job) => job.steps));
const commands = allSteps.flatMap((step) => (step.run ? [step.run] : []));

describe('workflows', () => {
  it('there is a release workflow', () => assert.ok(release, `workflows found: ${workflowFiles.join(', ')}`));

  for (const name of workflowFiles) {
    it(`${name} passes the workflow validator`, () => {
      const { ok, output } = validate(path.join(folder, name));
      assert.ok(ok, output);
    });
  }

  it('the validator rejects a broken workflow (a job whose runs-on is misspelt)', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'ehealth-workflow-'));
    try {
      const broken = path.join(dir, 'release.yml');
      writeFileSync(broken, readFileSync(path.join(folder, 'release.yml'), 'utf8').replace('runs-on: ubuntu-24.04\n', 'runs_on: ubuntu-24.04\n'));
      const { ok, output } = validate(broken);
      assert.equal(ok, false);
      assert.match(output, /Additional property 'runs_on' is not allowed/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('a tag v* and a run by hand start the release', () => {
    assert.deepEqual((release?.on.push as { tags: string[] }).tags, ['v*']);
    assert.ok('workflow_dispatch' in (release?.on ?? {}));
  });

  it('builds each release target on a runner of its own system and architecture, and no other', async () => {
    const runners: Record<string, string> = {
      'linux-x64': 'ubuntu-24.04',
      'linux-arm64': 'ubuntu-24.04-arm',
      'win32-x64': 'windows-2025',
      'darwin-arm64': 'macos-15',
      'darwin-x64': 'macos-15-intel',
    };
    const matrix = release?.jobs.platform.strategy?.matrix.include ?? [];
    assert.deepEqual(Object.fromEntries(matrix.map(({ target, runner }) => [target, runner])), runners);
    assert.equal(matrix.length, 5, 'each target once');
    assert.equal(release?.jobs.platform['runs-on'], '${{ matrix.runner }}');
    // The systems the code names as released, and the list the release check holds the npm package to.
    assert.deepEqual([...cardSupportTargets].sort(), Object.keys(runners).sort());
    const { releaseTargets } = (await import(pathToFileURL(path.join(root, 'scripts', 'release-check.mjs')).href)) as { releaseTargets: string[] };
    assert.deepEqual([...releaseTargets].sort(), Object.keys(runners).sort());
  });

  it("runs the platform jobs' commands in bash, on Windows too", () => {
    assert.equal(release?.jobs.platform.defaults?.run?.shell, 'bash');
  });

  it('releases only after every other job has passed', () => {
    const others = Object.keys(release?.jobs ?? {}).filter((name) => name !== 'release');
    assert.deepEqual([...(release?.jobs.release.needs ?? [])].sort(), others.sort());
  });

  it('every npm script the workflows run is in package.json', () => {
    const called = commands.flatMap((command) => [...command.matchAll(/npm run ([\w:-]+)/g)].map((match) => match[1]));
    assert.ok(called.includes('test:portable') && called.includes('package'), called.join(', '));
    for (const name of called) assert.ok(name in scripts, `npm run ${name}: no such script in package.json`);
  });

  it('every file the workflows run exists', () => {
    const files = commands.flatMap((command) => [...command.matchAll(/(?:node|bash) ((?:scripts|\.ci)\/[\w./-]+)/g)].map((match) => match[1]));
    assert.ok(files.includes('scripts/release-check.mjs') && files.includes('.ci/run'), files.join(', '));
    for (const file of files) assert.ok(existsSync(path.join(root, file)), `${file} does not exist`);
  });

  it("uses GitHub's own actions only, each at a major version", () => {
    const actions = allSteps.flatMap((step) => (step.uses ? [step.uses] : []));
    assert.ok(actions.length > 0);
    for (const action of actions) assert.match(action, /^actions\/(checkout|setup-node|setup-java|upload-artifact|download-artifact)@v\d+$/);
  });
});
