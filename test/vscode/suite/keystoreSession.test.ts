// The session's keystores and passwords in the real extension host (its settings, events and output
// channel): a lock that comes while a procedure reads the keystore again is not undone by that
// reading. The session reads keystores with key derivation in this thread (the extension's worker
// bundle is not beside the test bundle) and keeps remembered passwords in a SecretStorage in memory
// (the extension's own belongs to its context, out of a test's reach).
import * as assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { inspectFile } from '../../../src/keystore/inspect';
import type { Keystore } from '../../../src/keystore/model';
import { KeystoreSession } from '../../../src/vscode/keystoreSession';
import { useSettings } from './procedureAnswers';
import { inThreadDeriver, writeSandboxKeystore } from './sandboxKeystore';

const password = 'Session-passw0rd';

class InThreadSession extends KeystoreSession {
  override async read(file: string, password: string): Promise<Keystore> {
    return (await inspectFile(file, { password, deriver: inThreadDeriver })).keystore;
  }
}

class MemorySecrets implements vscode.SecretStorage {
  readonly kept = new Map<string, string>();
  private readonly changed = new vscode.EventEmitter<vscode.SecretStorageChangeEvent>();
  readonly onDidChange = this.changed.event;
  async get(key: string) {
    return this.kept.get(key);
  }
  async keys() {
    return [...this.kept.keys()];
  }
  async store(key: string, value: string) {
    this.kept.set(key, value);
  }
  async delete(key: string) {
    this.kept.delete(key);
  }
}

describe('Keystore session', () => {
  let file: string;
  let secrets: MemorySecrets;
  let session: KeystoreSession;
  const log = vscode.window.createOutputChannel('eHealth session test', { log: true });

  useSettings({ 'keystore.rememberPasswords': true });

  before(async () => {
    file = await writeSandboxKeystore(mkdtempSync(path.join(os.tmpdir(), 'session-')), '90010100146', password);
  });

  beforeEach(async () => {
    secrets = new MemorySecrets();
    session = new InThreadSession(secrets, log);
    await session.unlock(file, password);
    assert.ok(session.get(file) && session.password(file) === password && secrets.kept.size === 1, 'opened, its password kept');
  });

  afterEach(() => session.dispose());
  after(() => log.dispose());

  it('a lock while a procedure reads the keystore again stands: not reopened, its password kept nowhere', async () => {
    const reading = session.reread(file);
    await session.lock(file);
    await reading;
    assert.equal(session.get(file), undefined, 'still locked');
    assert.equal(session.password(file), undefined, 'no password in memory');
    assert.equal(secrets.kept.size, 0, 'none in SecretStorage');
  });

  it('the same when a password change reads the file again', async () => {
    const reading = session.passwordChanged(file, password);
    await session.lock(file);
    await reading;
    assert.equal(session.get(file), undefined);
    assert.equal(session.password(file), undefined);
    assert.equal(secrets.kept.size, 0);
  });

  it('without a lock, the reading keeps the new model and the password', async () => {
    const changes: string[] = [];
    const listening = session.onDidChange((changed) => changes.push(changed));
    await session.reread(file);
    listening.dispose();
    assert.deepEqual(changes, [path.resolve(file)]);
    assert.ok(session.get(file));
    assert.equal(session.password(file), password);
  });
});
