// `--json` as integrators script it: the REAL output of every verb, run through the built CLI with
// stdin not a terminal, validated against its documented schema (docs/schemas, JSON Schema 2020-12)
// by a validator we did not write (Ajv). stdout holds one document and nothing else, schemaVersion
// first; errors are documents too, with the exit code they say. Keystore verbs run on the real
// acceptance fixture and on keystores made here; eid verbs on a virtual eID; cert verbs on one
// request lifecycle against an in-process sandbox (the procedures' harness).
import assert from 'node:assert/strict';
import { execFileSync, spawn } from 'node:child_process';
import { copyFileSync, cpSync, mkdirSync, readdirSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { createInterface } from 'node:readline';
import Ajv2020, { type ValidateFunction } from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { ExitCode } from '../../../src/faces/exitCodes';
import { realFileName, realKeystorePath, realPassword } from '../../unit/keystore/fixtures';
import { cli, cliRequest, PASSWORD, startRig, type Rig } from '../procedures/harness';

const root = path.join(__dirname, '..', '..', '..');
const schemaFolder = path.join(root, 'docs', 'schemas');
const NEW_PASSWORD = 'Json-test-2';

/** Every schema of docs/schemas, by file name, compiled by Ajv (strict: a mistake in a schema fails too). */
function loadSchemas(): Map<string, ValidateFunction> {
  const ajv = new Ajv2020({ allErrors: true, strict: true, allowUnionTypes: true });
  addFormats(ajv);
  // A guide's front matter is no CLI document: test/unit/guides/frontMatterSchema.test.ts checks its schema.
  const files = readdirSync(schemaFolder).filter((name) => name.endsWith('.schema.json') && name !== 'guide-front-matter.schema.json');
  const schemas = files.map((name) => [name, JSON.parse(readFileSync(path.join(schemaFolder, name), 'utf8'))] as const);
  for (const [, schema] of schemas) ajv.addSchema(schema);
  return new Map(schemas.filter(([name]) => name !== 'common.schema.json').map(([name, schema]) => [name.replace('.schema.json', ''), ajv.getSchema(schema.$id)!]));
}

describe('ehealth --json: every document against its schema (built bundle)', function () {
  this.timeout(120_000);
  const schemas = loadSchemas();
  const validated = new Set<string>();
  let rig: Rig;
  let work: string;

  /**
   * stdout as one JSON document and nothing else (one line feed after it), `schemaVersion` its first
   * field, valid against `schema`: the document, for the test's own checks.
   */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  function documentOf(schema: string, run: { stdout: string; stderr: string }): any {
    assert.ok(run.stdout.endsWith('}\n'), `stdout is one document:\n${run.stdout}\n${run.stderr}`);
    const document = JSON.parse(run.stdout);
    assert.equal(Object.keys(document)[0], 'schemaVersion');
    assert.equal(document.schemaVersion, 1);
    mustValidate(schema, document);
    return document;
  }

  function mustValidate(schema: string, document: unknown): void {
    const validate = schemas.get(schema);
    assert.ok(validate, `docs/schemas/${schema}.schema.json`);
    assert.ok(validate(document), `${schema}: ${JSON.stringify(validate.errors, null, 2)}\n${JSON.stringify(document, null, 2)}`);
    validated.add(schema);
  }

  /** A verb that succeeds: exit 0, its document. */
  async function ok(schema: string, args: string[], env: NodeJS.ProcessEnv = {}) {
    const run = await cli(args, env);
    assert.equal(run.status, ExitCode.ok, run.stderr);
    return documentOf(schema, run);
  }

  /** A verb that fails: its error document on stdout, the same words on stderr, the exit code it says. */
  async function failure(args: string[], env: NodeJS.ProcessEnv = {}) {
    const run = await cli(args, env);
    const { error } = documentOf('error', run);
    assert.equal(run.status, error.exitCode, run.stderr);
    assert.ok(run.stderr.includes(`ehealth: ${error.message}`), run.stderr);
    assert.doesNotMatch(run.stderr, /\n\s+at /, 'no stack trace');
    return error as { code: string; message: string; exitCode: number };
  }

  before(async () => {
    execFileSync('node', ['scripts/build.mjs'], { cwd: root, stdio: 'ignore' });
    // 60-day certificates: renewal opens at once (the last 90 days).
    rig = await startRig('rsa', { validityDays: 60 });
    work = path.join(rig.folder, 'json');
    mkdirSync(work);
  });
  after(() => rig?.stop());

  describe('keystore', () => {
    it('list: folders and files, the creation date from the file name with its offset; --json also before the group', async () => {
      const folder = path.join(work, 'listed');
      mkdirSync(folder);
      copyFileSync(realKeystorePath, path.join(folder, realFileName));
      writeFileSync(path.join(folder, 'odd name.p12'), 'not a keystore');
      const missing = path.join(work, 'no-such-folder');
      // Brussels in August: summer time, two hours ahead of UTC.
      const env = { TZ: 'Europe/Brussels' };
      const listing = await ok('keystore-list', ['keystore', 'list', folder, missing, '--json'], env);
      assert.deepEqual(listing.folders.map((found: { state: string }) => found.state), ['ok', 'missing']);
      const real = listing.folders[0].keystores.find((file: { fileName: string }) => file.fileName === realFileName);
      assert.equal(real.createdAt, '2023-08-23T08:57:51+02:00');
      assert.deepEqual(await ok('keystore-list', ['--json', 'keystore', 'list', folder, missing], env), listing);
    });

    it('inspect: the acceptance fixture locked and opened, and a key stored without its certificate', async () => {
      const locked = await ok('keystore-inspect', ['keystore', 'inspect', realKeystorePath, '--json']);
      assert.equal(locked.locked, true);
      const opened = await ok('keystore-inspect', ['keystore', 'inspect', realKeystorePath, '--password-env', 'PW', '--at', '2025-01-01', '--json'], { PW: realPassword });
      assert.equal(opened.status, 'valid');
      assert.equal(opened.evaluatedAt, '2025-01-01T00:00:00.000Z');
      const keyOnly = path.join(work, 'key-only.p12');
      const openssl = (...args: string[]) => execFileSync('openssl', args, { cwd: work, stdio: 'pipe', env: { ...process.env, PW: PASSWORD } });
      openssl('genpkey', '-algorithm', 'EC', '-pkeyopt', 'ec_paramgen_curve:P-256', '-out', 'key.pem');
      openssl('pkcs12', '-export', '-nocerts', '-inkey', 'key.pem', '-name', 'lonely', '-passout', 'env:PW', '-out', keyOnly);
      const alone = await ok('keystore-inspect', ['keystore', 'inspect', keyOnly, '--password-env', 'PW', '--json'], { PW: PASSWORD });
      assert.deepEqual(alone.entries, [{ alias: 'lonely', kind: 'key-only', key: { type: 'ec', curve: 'prime256v1' } }]);
    });

    it('inspect FILE FILE...: an array, each element the one-file document or that file\'s error', async () => {
      const run = await cli(['keystore', 'inspect', realKeystorePath, path.join(work, 'nothing.p12'), '--password-env', 'PW', '--json'], { PW: realPassword });
      assert.equal(run.status, ExitCode.notFound, run.stderr);
      const documents = JSON.parse(run.stdout);
      mustValidate('keystore-inspect-files', documents);
      assert.deepEqual(documents.map((document: { locked?: boolean; error?: { code: string } }) => document.error?.code ?? document.locked), [false, 'keystore/not-found']);
    });

    it('check: each keystore\'s verdict, the thresholds, the exit code (the worst verdict\'s)', async () => {
      const run = await cli(['keystore', 'check', realKeystorePath, path.join(work, 'nothing.p12'), '--password-env', 'PW', '--at', '2026-06-01', '--json'], { PW: realPassword });
      const document = documentOf('keystore-check', run);
      assert.equal(run.status, ExitCode.notChecked, run.stderr);
      assert.equal(document.exitCode, ExitCode.notChecked);
      assert.deepEqual(document.keystores.map((keystore: { verdict: string }) => keystore.verdict), ['warn', 'not-checked']);
    });

    it('passwd and its alias cert change-password: the keystore and its backup', async () => {
      const file = path.join(work, realFileName);
      copyFileSync(realKeystorePath, file);
      const changed = await ok('keystore-passwd', ['keystore', 'passwd', file, '--password-env', 'OLD', '--new-password-env', 'NEW', '--json'], { OLD: realPassword, NEW: NEW_PASSWORD });
      assert.equal(changed.keystore, file);
      const back = await ok('cert-change-password', ['cert', 'change-password', '--keystore', file, '--password-env', 'OLD', '--new-password-env', 'NEW', '--json'], { OLD: NEW_PASSWORD, NEW: realPassword });
      assert.notEqual(back.backup, changed.backup);
    });
  });

  describe('keystore export, etk show (the acceptance fixture)', () => {
    it('export: the chain, the private key for a server, a PKCS#12 copy: what was written where', async () => {
      const env = { PW: realPassword, NEW: NEW_PASSWORD };
      const exported = (out: string, ...flags: string[]) => ok('keystore-export', ['keystore', 'export', realKeystorePath, '--password-env', 'PW', ...flags, '--out', path.join(work, out), '--json'], env);
      assert.equal((await exported('export-chain.pem', '--chain')).certificates, 2);
      assert.equal((await exported('export-key.pem', '--private-key', '--new-password-env', 'NEW')).contents, 'private-key');
      assert.equal((await exported('export-copy.p12', '--pkcs12', '--new-password-env', 'NEW')).format, 'pkcs12');
    });

    it('etk show: the keystore\'s ETK by its role', async () => {
      const shown = await ok('etk-show', ['etk', 'show', realKeystorePath, '--password-env', 'PW', '--json'], { PW: realPassword });
      assert.equal(shown.alias, '19088378040904364161854366057849601424');
    });

    it('--version', async () => {
      const report = await ok('version', ['--version', '--json']);
      assert.equal(report.node, process.version);
    });
  });

  describe('errors', () => {
    it('a wrong password: keystore/wrong-password, exit 5', async () => {
      const error = await failure(['keystore', 'inspect', realKeystorePath, '--password-env', 'PW', '--json'], { PW: 'not-the-password' });
      assert.deepEqual([error.code, error.exitCode], ['keystore/wrong-password', ExitCode.wrongPassword]);
    });

    it('an unknown option, and a missing keystore with --json before the group: usage (2) and not found (4)', async () => {
      const unknown = await failure(['keystore', 'list', '--jsno', '--json']);
      assert.deepEqual([unknown.code, unknown.exitCode], ['cli/unknown-option', ExitCode.usage]);
      assert.match(unknown.message, /--jsno/);
      const typo = await failure(['--json', 'keystor', 'list']);
      assert.deepEqual([typo.code, typo.exitCode], ['cli/unknown-command', ExitCode.usage]);
      const missing = await failure(['--json', 'keystore', 'inspect', path.join(work, 'nothing.p12')]);
      assert.deepEqual([missing.code, missing.exitCode], ['keystore/not-found', ExitCode.notFound]);
    });

    it('a question without its answer, stdin not a terminal: cli/answer-needed (2), naming the flags', async () => {
      const unanswered = await failure(['keystore', 'export', realKeystorePath, '--out', path.join(work, 'never.pem'), '--json']);
      assert.deepEqual([unanswered.code, unanswered.exitCode], ['cli/answer-needed', ExitCode.usage]);
      assert.match(unanswered.message, /--password-env/);
    });

    it('a renamed field fails its schema: the shapes are closed', async () => {
      const run = await cli(['keystore', 'inspect', realKeystorePath, '--json']);
      const { locked, ...rest } = JSON.parse(run.stdout);
      assert.equal(schemas.get('keystore-inspect')!({ ...rest, isLocked: locked }), false);
      assert.equal(schemas.get('error')!({ schemaVersion: 1, error: { code: 'keystore/wrong-password', message: 'x', exit: 5 } }), false);
    });
  });

  describe('eid (virtual card)', () => {
    const module = () => ['--module', rig.eid.modulePath];
    it('info: middleware, readers, card, identity, certificates', async () => {
      const info = await ok('eid-info', ['eid', 'info', ...module(), '--json']);
      assert.equal(info.identity.nationalNumber, rig.eid.holder.nationalNumber);
      assert.equal(info.error, undefined);
    });

    it('info with the card pulled out: what was read, and the error as every error document has it (eid/no-card, 10)', async () => {
      const removed = path.join(rig.eid.dir, 'removed');
      writeFileSync(removed, '');
      try {
        const run = await cli(['eid', 'info', ...module(), '--json']);
        const report = documentOf('eid-info', run);
        assert.equal(run.status, ExitCode.noCard, run.stderr);
        assert.deepEqual([report.error.code, report.error.exitCode, report.card], ['eid/no-card', ExitCode.noCard, undefined]);
        assert.equal(report.readers.length, 1);
        assert.ok(run.stderr.includes(`ehealth: ${report.error.message}`), run.stderr);
      } finally {
        unlinkSync(removed);
      }
    });

    it('info without the middleware: the error document, eid/middleware-missing (11)', async () => {
      const error = await failure(['eid', 'info', '--module', path.join(work, 'no-such-pkcs11.so'), '--json']);
      assert.deepEqual([error.code, error.exitCode], ['eid/middleware-missing', ExitCode.middlewareMissing]);
    });

    it('verify-pin: verified; a wrong PIN is eid/pin-incorrect (8)', async () => {
      const wrong = await failure(['eid', 'verify-pin', ...module(), '--pin-env', 'PIN', '--json'], { PIN: '0000' });
      assert.deepEqual([wrong.code, wrong.exitCode], ['eid/pin-incorrect', ExitCode.pinIncorrect]);
      // The right one resets the card's counter.
      assert.deepEqual(await ok('eid-verify-pin', ['eid', 'verify-pin', ...module(), '--pin-env', 'PIN', '--json'], { PIN: rig.eid.pin }), { schemaVersion: 1, verified: true });
    });

    it('sign: key, algorithm and where the signature went', async () => {
      const data = path.join(work, 'data.txt');
      writeFileSync(data, 'signed by the JSON test\n');
      const out = path.join(work, 'data.sig');
      const signed = await ok('eid-sign', ['eid', 'sign', '--key', 'signature', '--in', data, '--out', out, ...module(), '--pin-env', 'PIN', '--json'], { PIN: rig.eid.pin });
      assert.equal(signed.out, out);
      // The signature itself on stdout would not be JSON: refused before the PIN is asked.
      const mixed = await failure(['eid', 'sign', '--key', 'signature', '--in', data, '--out', '-', ...module(), '--pin-env', 'PIN', '--json'], { PIN: rig.eid.pin });
      assert.deepEqual([mixed.code, mixed.exitCode], ['cli/usage', ExitCode.usage]);
    });
  });

  describe('cert: one request lifecycle on the sandbox', () => {
    const authority = () => ['--env', 'acceptance', '--ra-url', rig.sandbox.url];
    const eid = () => ['--module', rig.eid.modulePath, '--pin-env', 'PIN'];
    /** A verb continuing from `file`, its password in the variable `password`. */
    const withKeystore = (file: string, password = 'PW') => ['--keystore', file, '--password-env', password, ...authority(), '--json'];
    const secrets = { PIN: '', PW: PASSWORD, NEW: NEW_PASSWORD };
    let keystore: string;
    let renewal: string;

    before(() => (secrets.PIN = rig.eid.pin));

    it('request, complete, status', async () => {
      const requested = await cliRequest(rig, { args: ['--json'] });
      assert.equal(requested.status, ExitCode.ok, requested.stderr);
      ({ keystore } = documentOf('cert-request', requested));
      const completed = await ok('cert-complete', ['cert', 'complete', ...withKeystore(keystore)], secrets);
      assert.equal(completed.published, true);
      const status = await ok('cert-status', ['cert', 'status', ...withKeystore(keystore)], secrets);
      assert.equal(status.stage, 'complete');
      assert.equal(status.authority.status, 'VALID_ACTIVE');
    });

    it('etk lookup: the ETK just registered, from the depot', async () => {
      const found = await ok('etk-lookup', ['etk', 'lookup', '--type', 'SSIN', '--id', rig.eid.holder.nationalNumber, ...authority(), '--json']);
      assert.equal(found.holder, `SSIN=${rig.eid.holder.nationalNumber}`);
    });

    it('renew, complete the renewal, activate its ETK', async () => {
      const renewed = await ok('cert-renew', ['cert', 'renew', ...withKeystore(keystore), '--new-password-env', 'NEW', ...eid(), '--accept-contract'], secrets);
      renewal = renewed.keystore;
      const completed = await ok('cert-complete', ['cert', 'complete', ...withKeystore(renewal, 'NEW')], secrets);
      assert.equal(completed.toBeActivated, true);
      const activated = await ok('cert-activate', ['cert', 'activate', ...withKeystore(renewal, 'NEW')], secrets);
      assert.equal(activated.published, true);
    });

    it('list: the certificates of the eID holder, the keystores holding their keys', async () => {
      const listed = await ok('cert-list', ['cert', 'list', ...eid(), ...authority(), '--keystore-dir', path.dirname(keystore), '--json'], secrets);
      assert.ok(listed.certificates.length >= 2);
    });

    it('revoke the first certificate by its keystore', async () => {
      const revoked = await ok('cert-revoke', ['cert', 'revoke', ...withKeystore(keystore), ...eid(), '--reason', 'superseded', '--accept-contract'], secrets);
      assert.equal(revoked.keystore, keystore);
    });

    it('organisations typed by hand: complete is not-yet-delivered (12) until sandbox approve; sandbox reject', async () => {
      // Both asked before a decision: once one is approved, eHealth lets the signer manage that organisation without validation.
      const typed = async (applicationId: string) => {
        const run = await cliRequest(rig, { args: ['--holder', `NIHII-HOSPITAL=71000436,${applicationId}`, '--organization-name', 'Hôpital du Val', '--json'] });
        assert.equal(run.status, ExitCode.ok, run.stderr);
        return documentOf('cert-request', run);
      };
      const approved = await typed('JSONA');
      const rejected = await typed('JSONB');
      assert.equal(approved.automaticallyValidated, false);
      const early = await failure(['cert', 'complete', ...withKeystore(approved.keystore)], secrets);
      assert.deepEqual([early.code, early.exitCode], ['procedure/not-yet-delivered', ExitCode.notYetDelivered]);
      assert.deepEqual(await ok('sandbox-reject', ['--json', 'sandbox', 'reject', rejected.publicKeyIdentifier, '--url', rig.sandbox.url]), {
        schemaVersion: 1,
        decision: 'reject',
        publicKeyIdentifier: rejected.publicKeyIdentifier,
      });
      await ok('sandbox-approve', ['sandbox', 'approve', approved.publicKeyIdentifier, '--url', rig.sandbox.url, '--json']);
    });
  });

  describe('sandbox serve, guides lint', () => {
    it('sandbox serve: JSON Lines, the address first, then one line per exchange', async () => {
      const child = spawn('node', ['bin/ehealth.js', 'sandbox', 'serve', '--port', '0', '--data', path.join(work, 'served'), '--json'], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
      const lines = createInterface({ input: child.stdout })[Symbol.asyncIterator]();
      try {
        const first = JSON.parse((await lines.next()).value as string);
        mustValidate('sandbox-serve', first);
        assert.ok(first.url, 'the address first');
        // An exchange it logs: its behaviour, asked to change nothing.
        await fetch(new URL('/sandbox/behaviour', first.url), { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{}' });
        const event = JSON.parse((await lines.next()).value as string);
        mustValidate('sandbox-serve', event);
        assert.ok(event.event);
      } finally {
        child.kill('SIGTERM');
      }
    });

    it('guides lint: the shipped guides', async () => {
      const lint = await ok('guides-lint', ['guides', 'lint', '--json']);
      assert.equal(lint.errors, 0);
    });

    it('guides status, mark-translated: on a copy of the shipped guides', async () => {
      const copy = path.join(work, 'guides');
      cpSync(path.join(root, 'guides'), copy, { recursive: true });
      const marked = await ok('guides-mark-translated', ['guides', 'mark-translated', path.join(copy, 'nl', 'renew-certificate.md'), path.join(copy, 'de', 'get-started.md'), '--json']);
      assert.deepEqual(
        marked.files.map((file: { file: string; marked: unknown[] }) => [path.basename(path.dirname(file.file)), path.basename(file.file), file.marked.length > 2]),
        [
          ['nl', 'renew-certificate.md', true],
          ['de', 'get-started.md', true],
        ],
      );
      assert.equal(marked.stores.length, 1);
      const status = await ok('guides-status', ['guides', 'status', copy, '--json']);
      assert.deepEqual(status.languages.map((language: { language: string }) => language.language), ['nl', 'en', 'de']);
    });
  });

  // Last (mocha runs a suite's own tests before its inner suites): no schema documents a shape nothing prints.
  describe('coverage', () => {
    it('every schema in docs/schemas was checked against real output', () => {
      assert.deepEqual([...schemas.keys()].filter((name) => !validated.has(name)).sort(), []);
    });
  });
});
