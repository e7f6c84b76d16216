// `ehealth keystore check` and `keystore inspect F1 F2...` through the built launcher, as CI jobs run
// them, on keystores made here whose certificates end at chosen days from now (a test PKI, written
// by the engine's PKCS#12 writer) and on the real acceptance keystore. The JUnit report is validated
// by xmllint against the Jenkins xUnit plugin's JUnit schema (test/fixtures/junit), and read back
// with xmllint's XPath: tools we did not write.
import { strict as assert } from 'node:assert';
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { ExitCode } from '../../../src/faces/exitCodes';
import { realKeystorePath, realPassword } from '../../unit/keystore/fixtures';
import { issue, issuingDn, makePki, testPassword, writeKeystore, type TestPki } from '../../unit/keystore/testPki';
import { writePkcs12 } from '../../../src/keystore/pkcs12/writer';
import { ehealthLayout } from '../../../src/keystore/layout';
import { sharedKdfPool } from '../../../src/keystore/workerPool';

const root = path.resolve(__dirname, '..', '..', '..');
const junitSchema = path.join(root, 'test', 'fixtures', 'junit', 'junit-10.xsd');
const day = 86_400_000;

function ehealth(args: string[], env: NodeJS.ProcessEnv = {}, input?: string) {
  return spawnSync(process.execPath, [path.join(root, 'bin', 'ehealth.js'), ...args], {
    encoding: 'utf8',
    env: { ...process.env, EHEALTH_LANG: 'en', CI: '1', PW: testPassword, ...env },
    ...(input !== undefined ? { input } : {}),
  });
}

const dnOf = (id: string) => `CN=SSIN\\=${id}, OU=eHealth-platform Belgium, OU=TEST PERSON ${id}, OU=SSIN\\=${id}, O=Federal Government, C=BE`;

describe('ehealth keystore check, and inspect of several files (built bundle)', function () {
  this.timeout(120_000);
  let dir: string;
  let pki: TestPki;
  /** Keystore files by what their certificate does, in `dir/all`. */
  const files: Record<string, string> = {};

  /**
   * A sandbox keystore of SSIN=`id` whose authentication certificate started `startedDaysAgo` days ago
   * and ends in `endsInDays` days (negative: ended), written to `folder/name`.
   */
  async function keystoreFile(folder: string, id: string, startedDaysAgo: number, endsInDays: number, password = testPassword): Promise<string> {
    const from = new Date(Date.now() - startedDaysAgo * day);
    const dn = dnOf(id);
    const auth = await issue({ subject: dn, key: pki.authKey, issuer: { dn: issuingDn, key: pki.issuingKey }, from, days: startedDaysAgo + endsInDays });
    const etk = await issue({ subject: dn, key: pki.etkKey, issuer: { dn, key: pki.authKey }, from, days: 1096 });
    const content = { authentication: { privateKey: pki.authKey, chain: [auth, pki.issuing, pki.root] }, encryption: [{ privateKey: pki.etkKey, certificate: etk }] };
    const bytes = password === testPassword ? await writeKeystore(content) : await writePkcs12(ehealthLayout(content), password, { mode: 'modern', iterations: 1_000 }, sharedKdfPool());
    const stamp = from.toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15);
    const file = path.join(folder, `SSIN=${id} ${stamp}.sandbox-p12`);
    mkdirSync(folder, { recursive: true });
    writeFileSync(file, bytes);
    return file;
  }

  before(async () => {
    execFileSync(process.execPath, [path.join(root, 'scripts', 'build.mjs')], { cwd: root, stdio: 'pipe' });
    dir = mkdtempSync(path.join(tmpdir(), 'ehealth-check-'));
    pki = await makePki();
    const all = path.join(dir, 'all');
    files.ok = await keystoreFile(all, '79021802145', 100, 900);
    files.warn = await keystoreFile(all, '85031412401', 1000, 40);
    files.fail = await keystoreFile(all, '90010112345', 1090, 5);
    files.ended = await keystoreFile(all, '60010112345', 1100, -3);
    // The holder of `ok` before its renewal: ends in 5 days, superseded.
    files.renewed = await keystoreFile(all, '79021802145', 1090, 5);
    files.otherPassword = await keystoreFile(path.join(dir, 'other'), '70010112345', 10, 1000, 'Other_pass9');
    files.damaged = path.join(dir, 'other', 'SSIN=71010112345 20250101-000000.sandbox-p12');
    writeFileSync(files.damaged, readFileSync(files.ok).subarray(0, 1500));
    files.missing = path.join(dir, 'other', 'missing.p12');
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  const check = (...args: string[]) => ehealth(['keystore', 'check', ...args, '--password-env', 'PW']);
  /** The line of `file` in the text output. */
  const lineOf = (stdout: string, file: string) => stdout.split('\n').find((line) => line.includes(file)) ?? assert.fail(`no line for ${file} in\n${stdout}`);

  describe('keystore check', () => {
    it('one line per keystore (verdict, days left, end date, holder, file); exit 0, 23, 24 by the certificate alone', () => {
      const ok = check(files.ok);
      assert.equal(ok.status, ExitCode.ok, ok.stderr);
      assert.match(lineOf(ok.stdout, files.ok), /^ok {2}899 days left {2}\d{1,2} \w+ \d{4} {2}TEST PERSON 79021802145 \(79\.02\.18-021\.45\) {2}/);
      assert.match(ok.stderr, /Thresholds \(days\): warn 90, fail 30; judged on/);
      assert.equal(check(files.warn).status, ExitCode.expiryWarning);
      assert.match(check(files.warn).stdout, /^warn {2}39 days left /);
      assert.equal(check(files.fail).status, ExitCode.expiryFailure);
      const ended = check(files.ended);
      assert.equal(ended.status, ExitCode.expiryFailure);
      assert.match(ended.stdout, /^fail {2}ended 3 days ago /);
    });

    it('the thresholds are the options: --warn-days 30 makes the 40-day certificate ok, --fail-days 45 a failure', () => {
      assert.equal(check(files.warn, '--warn-days', '30').status, ExitCode.ok);
      assert.equal(check(files.warn, '--fail-days', '45').status, ExitCode.expiryFailure);
      assert.equal(check(files.fail, '--warn-days', '0', '--fail-days', '0').status, ExitCode.ok);
    });

    it('not checked (25): a wrong password, a damaged file, a missing one, and without a password a keystore whose certificates are encrypted, naming the options', () => {
      for (const file of [files.otherPassword, files.damaged, files.missing]) {
        const run = check(file);
        assert.equal(run.status, ExitCode.notChecked, `${file}: ${run.stdout}${run.stderr}`);
        assert.match(lineOf(run.stdout, file), /^not checked {2}- {2}- {2}/);
      }
      assert.match(check(files.otherPassword).stdout, /\(The password is not correct for this keystore\.\)$/m);
      const locked = ehealth(['keystore', 'check', files.ok]);
      assert.equal(locked.status, ExitCode.notChecked);
      assert.match(locked.stdout, /its certificates are encrypted: give the password with --password-env, --password-file, or --password-stdin/);
      // The file name's date is never taken for the certificate's.
      assert.doesNotMatch(locked.stdout, /days left|ended/);
    });

    it('the worst verdict wins: 25 > 24 > 23 > 0, whatever the order of the files', () => {
      assert.equal(check(files.ok, files.warn).status, ExitCode.expiryWarning);
      assert.equal(check(files.warn, files.fail, files.ok).status, ExitCode.expiryFailure);
      assert.equal(check(files.damaged, files.warn, files.ended).status, ExitCode.notChecked);
      assert.equal(check(files.fail, files.damaged).status, ExitCode.notChecked);
    });

    it('a folder: every keystore in it; the older certificate of a renewed holder is superseded and changes nothing', () => {
      const run = check(path.join(dir, 'all'));
      assert.equal(run.status, ExitCode.expiryFailure, run.stderr);
      assert.equal(run.stdout.trim().split('\n').length, 5);
      assert.match(lineOf(run.stdout, files.renewed), new RegExp(`^superseded  4 days left .*\\(replaced by ${files.ok.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\)$`));
      assert.match(lineOf(run.stdout, files.ok), /^ok /);
      // Alone, the old certificate would fail; beside its renewal it is ok.
      assert.equal(check(files.renewed).status, ExitCode.expiryFailure);
      assert.equal(check(files.renewed, files.ok).status, ExitCode.ok);
    });

    it('without DIR or FILE: the folders keystore list searches (~/ehealth/keystore, EHEALTH_KEYSTORE_FOLDERS); none found is exit 4', () => {
      const home = path.join(dir, 'home');
      const configured = path.join(dir, 'configured');
      mkdirSync(path.join(home, 'ehealth', 'keystore'), { recursive: true });
      mkdirSync(configured);
      const none = ehealth(['keystore', 'check'], { HOME: home, USERPROFILE: home, EHEALTH_KEYSTORE_FOLDERS: configured });
      assert.equal(none.status, ExitCode.notFound);
      assert.match(none.stderr, /No keystore found in .*ehealth\/keystore/);
      copyFileSync(files.ok, path.join(home, 'ehealth', 'keystore', path.basename(files.ok)));
      copyFileSync(files.warn, path.join(configured, path.basename(files.warn)));
      const found = ehealth(['keystore', 'check', '--password-env', 'PW'], { HOME: home, USERPROFILE: home, EHEALTH_KEYSTORE_FOLDERS: configured });
      assert.equal(found.status, ExitCode.expiryWarning, found.stderr);
      assert.deepEqual(found.stdout.trim().split('\n').map((line) => line.split('  ')[0]), ['ok', 'warn']);
      // A configured folder that cannot be listed (here a file) is not checked, in its own line.
      const notFolder = ehealth(['keystore', 'check', '--password-env', 'PW', '--json'], { HOME: home, USERPROFILE: home, EHEALTH_KEYSTORE_FOLDERS: `${configured}:${files.ok}` });
      assert.equal(notFolder.status, ExitCode.notChecked, notFolder.stderr);
      const unlisted = JSON.parse(notFolder.stdout).keystores.find((keystore: { file: string }) => keystore.file === files.ok);
      assert.deepEqual([unlisted.verdict, unlisted.notChecked.error.code, unlisted.notChecked.message], ['not-checked', 'cli/folder-unreadable', 'Not a folder: give the folder that holds the keystores']);
    });

    it('--json: the verdicts, the thresholds and the exit code; a keystore that did not open carries its error', () => {
      const run = ehealth(['keystore', 'check', files.ok, files.otherPassword, files.renewed, '--password-env', 'PW', '--warn-days', '60', '--fail-days', '10', '--json']);
      assert.equal(run.status, ExitCode.notChecked, run.stderr);
      const document = JSON.parse(run.stdout);
      assert.deepEqual([document.schemaVersion, document.warnDays, document.failDays, document.exitCode], [1, 60, 10, ExitCode.notChecked]);
      const [ok, wrong, renewed] = document.keystores;
      assert.deepEqual([ok.verdict, ok.daysLeft, ok.holder, ok.environment], ['ok', 899, { type: 'SSIN', id: '79021802145', name: 'TEST PERSON 79021802145' }, 'sandbox']);
      assert.deepEqual([wrong.verdict, wrong.notChecked.reason, wrong.notChecked.error.code, wrong.notChecked.error.exitCode], ['not-checked', 'unreadable', 'keystore/wrong-password', ExitCode.wrongPassword]);
      assert.deepEqual([renewed.verdict, renewed.supersededBy], ['superseded', files.ok]);
    });

    it('usage errors (exit 2) before anything is opened: days that are not whole numbers from 0, --fail-days above --warn-days, a bad --at', () => {
      for (const [option, value] of [['--warn-days', '-1'], ['--warn-days', 'ten'], ['--fail-days', '1.5'], ['--warn-days', '1e3'], ['--fail-days', ''], ['--warn-days', '99999999']]) {
        const run = ehealth(['keystore', 'check', files.ok, `${option}=${value}`]);
        assert.equal(run.status, ExitCode.usage, `${option} ${value}: ${run.stderr}`);
        assert.ok(run.stderr.includes(`ehealth: ${option} takes a whole number of days from 0 to 36500, not "${value}".`), run.stderr);
      }
      const inverted = ehealth(['keystore', 'check', files.ok, '--fail-days', '100']);
      assert.equal(inverted.status, ExitCode.usage);
      assert.match(inverted.stderr, /--fail-days \(100\) cannot be more than --warn-days \(90\)/);
      const json = ehealth(['keystore', 'check', files.ok, '--warn-days', '10', '--fail-days', '20', '--json', '--lang', 'fr']);
      assert.equal(json.status, ExitCode.usage);
      assert.equal(JSON.parse(json.stdout).error.code, 'cli/usage');
      assert.match(JSON.parse(json.stdout).error.message, /^--fail-days \(20\) ne peut pas dépasser --warn-days \(10\)\u00a0: un certificat alerte avant d’échouer\.$/);
      assert.equal(ehealth(['keystore', 'check', files.ok, '--at', 'yesterday']).status, ExitCode.usage);
    });

    it('the real acceptance keystore, judged on a date: ok, warn, fail', () => {
      const at = (date: string) => ehealth(['keystore', 'check', realKeystorePath, '--password-env', 'REAL', '--at', date], { REAL: realPassword });
      assert.equal(at('2025-01-01').status, ExitCode.ok);
      assert.equal(at('2026-06-01').status, ExitCode.expiryWarning);
      assert.equal(at('2026-08-01').status, ExitCode.expiryFailure);
      assert.match(at('2026-09-01').stdout, /^fail {2}ended 8 days ago {2}23 August 2026 {2}BRYAN EDUARD BROUCKAERT \(79\.02\.18-021\.45\)/);
    });

    describe('--junit FILE', () => {
      const xmllint = (...args: string[]) => execFileSync('xmllint', ['--nonet', ...args], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
      const xpath = (file: string, expression: string) => xmllint('--xpath', expression, file).trim();

      it('one testsuite, a testcase per keystore: fail is a <failure>, not checked an <error>, superseded <skipped>, warn passes with its warning in <system-out>; valid against the JUnit schema', () => {
        const report = path.join(dir, 'report.xml');
        const run = check(path.join(dir, 'all'), files.damaged, files.otherPassword, '--junit', report);
        assert.equal(run.status, ExitCode.notChecked, run.stderr);
        xmllint('--noout', '--schema', junitSchema, report);
        assert.equal(xpath(report, 'count(/testsuite)'), '1');
        assert.equal(xpath(report, 'count(/testsuite/testcase)'), '7');
        assert.deepEqual(['tests', 'failures', 'errors', 'skipped'].map((name) => xpath(report, `string(/testsuite/@${name})`)), ['7', '2', '2', '1']);
        const testcase = (file: string) => `/testsuite/testcase[@name="${file}"]`;
        assert.equal(xpath(report, `count(${testcase(files.ok)}/*)`), '0');
        assert.match(xpath(report, `string(${testcase(files.warn)}/system-out)`), /^warn: 39 days left · \d{1,2} \w+ \d{4} · TEST PERSON 85031412401/);
        assert.equal(xpath(report, `count(${testcase(files.warn)}/failure | ${testcase(files.warn)}/error | ${testcase(files.warn)}/skipped)`), '0');
        assert.match(xpath(report, `string(${testcase(files.fail)}/failure/@message)`), /^4 days left · /);
        assert.match(xpath(report, `string(${testcase(files.ended)}/failure/@message)`), /^ended 3 days ago · /);
        assert.match(xpath(report, `string(${testcase(files.damaged)}/error/@message)`), /damaged/);
        assert.equal(xpath(report, `string(${testcase(files.otherPassword)}/error/@message)`), 'The password is not correct for this keystore.');
        assert.equal(xpath(report, `string(${testcase(files.renewed)}/skipped/@message)`), `replaced by ${files.ok}`);
        assert.equal(xpath(report, `string(${testcase(files.ok)}/@classname)`), 'ehealth.keystore.sandbox');
      });

      it('file names that are markup or hold control characters still make a valid report, the names escaped', () => {
        const hostile = path.join(dir, 'hostile & <"odd">');
        mkdirSync(hostile);
        const file = path.join(hostile, 'a\x1b[31m\'\x07.p12');
        copyFileSync(files.damaged, file);
        const report = path.join(dir, 'hostile.xml');
        const run = check(hostile, '--junit', report);
        assert.equal(run.status, ExitCode.notChecked, run.stderr);
        xmllint('--noout', '--schema', junitSchema, report);
        assert.equal(xpath(report, 'string(/testsuite/testcase/@name)'), `${hostile}${path.sep}a\\x1b[31m'\\x07.p12`);
      });

      it('an existing report is replaced through a new file renamed over it (never written in place); a keystore is never the report (exit 19, nothing opened)', () => {
        const report = path.join(dir, 'again.xml');
        writeFileSync(report, 'previous run');
        const before = statSync(report).ino;
        assert.equal(check(files.ok, '--junit', report).status, ExitCode.ok);
        assert.notEqual(statSync(report).ino, before);
        xmllint('--noout', '--schema', junitSchema, report);
        assert.deepEqual(readdirSync(dir).filter((name) => name.includes('ehealth-tmp')), []);
        const keystore = path.join(dir, 'copy.p12');
        copyFileSync(files.ok, keystore);
        const refused = check(files.ok, '--junit', keystore);
        assert.equal(refused.status, ExitCode.outputIsKeystore);
        assert.equal(refused.stdout, '');
        assert.deepEqual(readFileSync(keystore), readFileSync(files.ok));
      });
    });
  });

  describe('keystore inspect FILE FILE...', () => {
    it('--json: an array, one element per file in the order given, the keystore or the file\'s error; the exit code of the first file that failed', () => {
      const args = ['keystore', 'inspect', files.ok, files.otherPassword, files.damaged, files.missing, files.warn, '--password-env', 'PW', '--json'];
      const run = ehealth(args);
      assert.equal(run.status, ExitCode.wrongPassword, run.stderr);
      const documents = JSON.parse(run.stdout);
      assert.ok(Array.isArray(documents));
      assert.deepEqual(
        documents.map((document: { schemaVersion: number; file: string; error?: { code: string; exitCode: number }; locked?: boolean }) => [document.schemaVersion, document.file, document.error?.code ?? document.locked]),
        [
          [1, files.ok, false],
          [1, files.otherPassword, 'keystore/wrong-password'],
          [1, files.damaged, 'keystore/corrupt'],
          [1, files.missing, 'keystore/not-found'],
          [1, files.warn, false],
        ],
      );
      assert.equal(documents[2].error.exitCode, ExitCode.damaged);
      // Each keystore as `inspect FILE --json` prints it alone.
      const alone = JSON.parse(ehealth(['keystore', 'inspect', files.warn, '--password-env', 'PW', '--json']).stdout);
      assert.deepEqual({ ...documents[4], evaluatedAt: alone.evaluatedAt }, alone);
      // Each failure also said on stderr, naming its file.
      assert.match(run.stderr, new RegExp(`ehealth: ${files.missing.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: Keystore file not found`));
      const reordered = ehealth(['keystore', 'inspect', files.missing, files.otherPassword, '--password-env', 'PW', '--json']);
      assert.equal(reordered.status, ExitCode.notFound);
    });

    it('text: each report under a header naming its file; the password read once from standard input opens every file', () => {
      const run = ehealth(['keystore', 'inspect', files.ok, files.damaged, files.warn, '--password-stdin'], { PW: '' }, `${testPassword}\n`);
      assert.equal(run.status, ExitCode.damaged, run.stderr);
      const headers = run.stdout.split('\n').filter((line) => line.startsWith('==> '));
      assert.deepEqual(headers, [files.ok, files.damaged, files.warn].map((file) => `==> ${file} <==`));
      assert.match(run.stdout, new RegExp(`==> ${files.damaged.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} <==\n! The keystore file is damaged`));
      assert.equal(run.stdout.match(/^Holder: /gm)?.length, 2);
    });

    it('one FILE keeps its document (an object) and its exit code', () => {
      const one = ehealth(['keystore', 'inspect', files.ok, '--password-env', 'PW', '--json']);
      assert.equal(one.status, ExitCode.ok);
      assert.equal(JSON.parse(one.stdout).file, files.ok);
      const failed = ehealth(['keystore', 'inspect', files.otherPassword, '--password-env', 'PW', '--json']);
      assert.equal(failed.status, ExitCode.wrongPassword);
      assert.deepEqual(Object.keys(JSON.parse(failed.stdout)), ['schemaVersion', 'error']);
      assert.ok(existsSync(files.ok));
    });
  });
});
