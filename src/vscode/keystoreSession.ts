// Keystores the user opened in this VS Code session: their model, and their password kept in memory
// for the session only, or in VS Code's SecretStorage when the user opted in
// (`ehealth.keystore.rememberPasswords`). Passwords are never logged.
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { Keystore } from '../keystore/model';
import { setting } from './settings';

const secretKey = (file: string) => `ehealth.keystore.password:${path.resolve(file)}`;

export function rememberPasswords(): boolean {
  return setting('ehealth.keystore.rememberPasswords');
}

export class KeystoreSession implements vscode.Disposable {
  private readonly opened = new Map<string, Keystore>();
  private readonly passwords = new Map<string, string>();
  /** How many times each file was locked: a reading that started before a lock must not undo it. */
  private readonly locks = new Map<string, number>();
  private readonly changed = new vscode.EventEmitter<string>();
  /** Fires with the file whose state changed (opened, re-read, locked). */
  readonly onDidChange = this.changed.event;

  constructor(
    private readonly secrets: vscode.SecretStorage,
    private readonly log: vscode.LogOutputChannel,
  ) {}

  get(file: string): Keystore | undefined {
    return this.opened.get(path.resolve(file));
  }

  all(): Keystore[] {
    return [...this.opened.values()];
  }

  password(file: string): string | undefined {
    return this.passwords.get(path.resolve(file));
  }

  /** Opens the keystore (key derivation runs in the engine's worker threads). Throws the engine's typed errors. */
  async unlock(file: string, password: string): Promise<Keystore> {
    return this.adopt(file, password, await this.read(file, password));
  }

  /** Reads the keystore with `password`, the session untouched (a box may still be closed unanswered). */
  async read(file: string, password: string): Promise<Keystore> {
    const { inspectFile } = await import('../keystore/inspect');
    return (await inspectFile(path.resolve(file), { password })).keystore;
  }

  /** Keeps a keystore `read` opened, and its password, as unlock does. */
  async adopt(file: string, password: string, keystore: Keystore): Promise<Keystore> {
    const key = path.resolve(file);
    this.opened.set(key, keystore);
    this.passwords.set(key, password);
    if (rememberPasswords()) await this.secrets.store(secretKey(key), password);
    this.log.info(`opened ${key}: ${keystore.status ?? 'locked'}, ${keystore.entries.length} entries`);
    this.changed.fire(key);
    return keystore;
  }

  /**
   * The password the user chose for a keystore created here (a request, a renewal), kept as an
   * unlock keeps it, as the password prompts promise: the next procedure on that file does not ask.
   */
  async keep(file: string, password: string): Promise<void> {
    const key = path.resolve(file);
    this.passwords.set(key, password);
    if (rememberPasswords()) await this.secrets.store(secretKey(key), password);
  }

  /** Opens with a password kept in SecretStorage, if the user opted in and one is kept. */
  async unlockWithStoredPassword(file: string): Promise<Keystore | undefined> {
    if (!rememberPasswords() || this.get(file)) return this.get(file);
    const stored = await this.secrets.get(secretKey(file));
    if (stored === undefined) return undefined;
    try {
      return await this.unlock(file, stored);
    } catch (error) {
      this.log.warn(`the stored password no longer opens ${file}: ${(error as Error).message}`);
      await this.secrets.delete(secretKey(file));
      return undefined;
    }
  }

  /** After a password change: keep the new password wherever the old one was kept (memory, SecretStorage) and re-read the file. */
  async passwordChanged(file: string, newPassword: string): Promise<void> {
    const key = path.resolve(file);
    const locks = this.lockCount(key);
    const wasOpen = this.opened.has(key);
    if (this.passwords.has(key)) this.passwords.set(key, newPassword);
    const stored = (await this.secrets.get(secretKey(key))) !== undefined;
    if (this.lockCount(key) !== locks) return;
    if (stored) await this.secrets.store(secretKey(key), newPassword);
    if (wasOpen) await this.readAgain(key, newPassword, locks);
  }

  /** After a procedure rewrote an opened keystore: read again with its password, so its model is the file's. */
  async reread(file: string): Promise<void> {
    const password = this.password(file);
    const key = path.resolve(file);
    if (this.get(key) && password !== undefined) await this.readAgain(key, password, this.lockCount(key));
  }

  /**
   * Reads an opened keystore again and keeps the new model, unless the user locked it since `locks`
   * was counted (a procedure's re-read ends after the lock): the lock stands, the password forgotten.
   */
  private async readAgain(key: string, password: string, locks: number): Promise<void> {
    const keystore = await this.read(key, password);
    if (this.lockCount(key) === locks) await this.adopt(key, password, keystore);
  }

  private lockCount(key: string): number {
    return this.locks.get(key) ?? 0;
  }

  /** A kept password that no longer opens the file (changed elsewhere): forgotten, so the user is asked. */
  async forget(file: string): Promise<void> {
    const key = path.resolve(file);
    this.passwords.delete(key);
    await this.secrets.delete(secretKey(key));
  }

  async lock(file: string): Promise<void> {
    const key = path.resolve(file);
    this.locks.set(key, this.lockCount(key) + 1);
    this.opened.delete(key);
    await this.forget(key);
    this.changed.fire(key);
  }

  dispose(): void {
    this.passwords.clear();
    this.opened.clear();
    this.changed.dispose();
  }
}
