import { strict as assert } from 'node:assert';
import type * as vscode from 'vscode';
import type { Keystore, KeystoreHolder } from '../../../src/keystore/model';
import { HolderNames } from '../../../src/vscode/holderNames';
import type { KeystoreSession } from '../../../src/vscode/keystoreSession';

/** globalState as VS Code keeps it between sessions, and a session that unlocks keystores. */
function rig() {
  const stored = new Map<string, unknown>();
  const memory = { get: (key: string, fallback: unknown) => (stored.has(key) ? stored.get(key) : fallback), update: async (key: string, value: unknown) => void stored.set(key, value), keys: () => [...stored.keys()] };
  const opened = new Map<string, Keystore>();
  const listeners: Array<(file: string) => void> = [];
  const session = { get: (file: string) => opened.get(file), onDidChange: (listener: (file: string) => void) => (listeners.push(listener), { dispose() {} }) };
  const names = new HolderNames(memory as unknown as vscode.Memento, session as unknown as KeystoreSession);
  const unlock = (file: string, holder: KeystoreHolder) => {
    opened.set(file, { holder } as Keystore);
    for (const listener of listeners) listener(file);
  };
  return { names, unlock };
}

describe('holder names remembered between sessions', () => {
  const bryan: KeystoreHolder = { type: 'SSIN', id: '79021802145', name: 'BRYAN EDUARD BROUCKAERT', source: 'certificate' };
  const amelie: KeystoreHolder = { type: 'SSIN', id: '85031412401', name: 'AMÉLIE LEFÈVRE', source: 'certificate' };

  it('remembers the name by holder: any keystore of the holder gets it, another holder none', async () => {
    const { names, unlock } = rig();
    unlock('/keystores/SSIN=79021802145 20230823-085751.acc-p12', bryan);
    await Promise.resolve();
    assert.equal(names.of({ type: 'SSIN', id: '79021802145' }), 'BRYAN EDUARD BROUCKAERT');
    assert.equal(names.of({ type: 'SSIN', id: '85031412401' }), undefined);
  });

  it("a file replaced at the same path by another holder's keystore does not give it the first holder's name", async () => {
    const { names, unlock } = rig();
    const file = '/keystores/current.acc-p12';
    unlock(file, bryan);
    unlock(file, amelie);
    await Promise.resolve();
    assert.equal(names.of({ type: 'SSIN', id: '85031412401' }), 'AMÉLIE LEFÈVRE');
    assert.equal(names.of({ type: 'SSIN', id: '79021802145' }), 'BRYAN EDUARD BROUCKAERT');
  });

  it('keeps only names a certificate states, not those guessed from a file name', async () => {
    const { names, unlock } = rig();
    unlock('/keystores/SSIN=79021802145.acc-p12', { ...bryan, source: 'file-name' });
    await Promise.resolve();
    assert.equal(names.of(bryan), undefined);
  });
});
