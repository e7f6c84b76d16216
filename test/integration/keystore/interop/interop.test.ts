// Keystores written by keytool, OpenSSL, BouncyCastle, Python `cryptography` and the official eHealth
// tool (writers.ts) go through `ehealth keystore inspect` and `ehealth keystore passwd` (the built
// bundle), then keytool, the JDK, OpenSSL and Python read them again (oracles.ts): after the password
// change every bag must be there as before, under the new password only, and the backup must be the
// original file, still opening with the old password.
import { strict as assert } from 'node:assert';
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { ExitCode } from '../../../../src/faces/exitCodes';
import { requireTool } from '../generate';
import {
  assertSameItems,
  bouncyCastleJar,
  debianPython,
  jdkSecretKeys,
  keytoolEntries,
  opensslView,
  pythonView,
  type OpensslView,
  type PythonView,
} from './oracles';
import { writeInputs, writers, type Inputs } from './writers';

const root = path.resolve(__dirname, '..', '..', '..', '..');
/** Meets the eHealth policy (src/keystore/passwordPolicy.ts). */
const newPassword = 'Interop_2026y';

const ehealth = (args: string[], env: NodeJS.ProcessEnv) =>
  spawnSync(process.execPath, [path.join(root, 'bin', 'ehealth.js'), ...args], { encoding: 'utf8', env: { ...process.env, EHEALTH_LANG: 'en', ...env } });

interface Views {
  keytool: string[];
  secretKeys: string[];
  openssl: OpensslView;
  python: PythonView;
}

function views(file: string, password: string, python = pythonView(file, password)): Views {
  const keytool = keytoolEntries(file, password);
  // keytool only says that a secret key is there: the JDK tells its value.
  const hasSecretKeys = keytool.some((entry) => entry.includes('Entry type: SecretKeyEntry'));
  return { keytool, secretKeys: hasSecretKeys ? jdkSecretKeys(file, password) : [], openssl: opensslView(file, password), python };
}

describe('keystores written by other software: inspect, passwd, and the others read the result (built bundle)', function () {
  this.timeout(60_000);
  let dir: string;
  let inputs: Inputs;
  before(async () => {
    requireTool('openssl', ['version']);
    requireTool('keytool', ['-help']);
    requireTool('java', ['-version']);
    requireTool(debianPython, ['-c', 'import cryptography.hazmat.primitives.serialization.pkcs12']);
    if (!existsSync(bouncyCastleJar)) throw new Error(`${bouncyCastleJar} is required by the interop tests: install the Debian package libbcprov-java`);
    execFileSync(process.execPath, [path.join(root, 'scripts', 'build.mjs')], { cwd: root, stdio: 'pipe' });
    dir = mkdtempSync(path.join(tmpdir(), 'ehealth-interop-'));
    inputs = await writeInputs(dir);
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  for (const writer of writers) {
    it(`${writer.writer}, ${writer.variant}`, () => {
      const written = writer.write(mkdtempSync(path.join(dir, 'case-')), inputs);
      const original = readFileSync(written.file);

      const inspected = ehealth(['keystore', 'inspect', written.file, '--json', '--password-env', 'OLD'], { OLD: written.password });
      assert.equal(inspected.status, ExitCode.ok, `inspect: ${inspected.stderr}`);
      assert.doesNotMatch(inspected.stderr, /damaged/i);
      const report = JSON.parse(inspected.stdout);
      assert.equal(report.locked, false);
      assert.ok(report.keyAliases.includes('authentication'), `inspect shows the key: ${report.keyAliases}`);
      if (written.keyOnly) {
        assert.deepEqual(report.entries, [{ alias: 'authentication', kind: 'key-only', key: { type: 'rsa', bits: 2048 } }], 'a key without certificate is an entry');
        assert.deepEqual(report.warnings[0], { code: 'key-without-certificate', params: { alias: 'authentication' } });
      }

      const before = views(written.file, written.password, written.pythonOriginal);
      const changed = ehealth(['keystore', 'passwd', written.file, '--password-env', 'OLD', '--new-password-env', 'NEW'], { OLD: written.password, NEW: newPassword });
      assert.equal(changed.status, ExitCode.ok, `passwd: ${changed.stderr}`);
      assert.throws(() => opensslView(written.file, written.password), /exited/, 'the old password still opens the keystore');
      const after = views(written.file, newPassword);

      assertSameItems('keytool -list -v: entries (alias, type, chain)', before.keytool, after.keytool);
      assertSameItems('the JDK: secret keys', before.secretKeys, after.secretKeys);
      assertSameItems('openssl: bag types', before.openssl.kinds, after.openssl.kinds);
      assertSameItems('openssl: bags (attributes, certificate or key)', before.openssl.bags, after.openssl.bags);
      assert.deepEqual(after.python, before.python, 'Python load_pkcs12: key, certificate, additional certificates, friendly names');

      const backups = readdirSync(path.dirname(written.file)).filter((name) => name.startsWith(`${path.basename(written.file)}.`) && name.endsWith('.bak'));
      assert.equal(backups.length, 1, `one backup: ${backups}`);
      const backup = path.join(path.dirname(written.file), backups[0]);
      assert.ok(readFileSync(backup).equals(original), 'the backup is the original file');
      assertSameItems('openssl: the backup with the old password', before.openssl.bags, opensslView(backup, written.password).bags);
    });
  }
});
