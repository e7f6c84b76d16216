// The one door to pkcs11js: every PKCS#11 call of the eID engine goes through this file, and only
// the PKCS#11 worker thread (pkcs11Worker.ts) runs it, so no call ever waits on the caller's thread.
// pkcs11js is loaded lazily (first eID operation), never at extension activation. Handles stay
// Buffers; results come back as plain values; failures as Pkcs11Failure carrying the CKR name.
import type * as Pkcs11js from 'pkcs11js';
import { findCardSupport, systemTarget } from './addon';
import { Pkcs11Failure } from './pkcs11Protocol';

type Handle = Buffer;

export interface SlotInfo {
  description: string;
  manufacturer: string;
  tokenPresent: boolean;
  removable: boolean;
}

export interface TokenInfo {
  label: string;
  model: string;
  manufacturer: string;
  serialNumber: string;
  flags: number;
}

/** Slot flags (PKCS#11 CKF_*; pkcs11js does not export these two). */
const SlotFlag = { tokenPresent: 0x1, removableDevice: 0x2 } as const;

export type ObjectKind = 'data' | 'certificate' | 'public-key' | 'private-key';
export type Mechanism = 'sha256-rsa-pkcs' | 'ecdsa';

export interface ObjectAttributes {
  label: string;
  value?: Buffer;
  objectId?: string;
  id?: Buffer;
  alwaysAuthenticate?: boolean;
}

export interface DataObject {
  label: string;
  objectId: string;
  value: Buffer;
}

let binding: typeof Pkcs11js | undefined;

/**
 * pkcs11js, required on first use only (a native addon: loading it costs time and may fail), from
 * this build's card support for the system it runs on (addon.ts).
 */
function pkcs11js(): typeof Pkcs11js {
  if (binding) return binding;
  const folder = findCardSupport(__dirname);
  if (!folder) throw new Pkcs11Failure(Pkcs11Failure.noCardSupport, 'load', `no pkcs11js addon for ${systemTarget()} near ${__dirname}`);
  try {
    // A require at call time, not an import: the addon must not load with the extension.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    binding = require(folder) as typeof Pkcs11js;
  } catch (error) {
    // Built for another system or another Node.js: the loader's words say which.
    throw new Pkcs11Failure(Pkcs11Failure.noCardSupport, 'load', (error as Error).message);
  }
  return binding;
}

function codeName(code: number): string {
  const found = Object.entries(pkcs11js()).find(([name, value]) => name.startsWith('CKR_') && value === code);
  return found ? found[0] : `CKR_0x${code.toString(16)}`;
}

/** pkcs11js throws Pkcs11Error (with `code`) or a plain Error whose message holds "CKR_NAME:number". */
function failure(error: unknown, method: string): Pkcs11Failure {
  const err = error as { code?: number; message?: string };
  const text = err?.message ?? String(error);
  const named = /(CKR_[A-Z0-9_]+)/.exec(text);
  if (named) return new Pkcs11Failure(named[1], method, text);
  if (typeof err?.code === 'number' && err.code !== 0) return new Pkcs11Failure(codeName(err.code), method, text);
  return new Pkcs11Failure('NATIVE', method, text);
}

function call<T>(method: string, run: () => T): T {
  try {
    return run();
  } catch (error) {
    throw failure(error, method);
  }
}

const trimmed = (text: string) => text.replace(/\0/g, '').trim();

/** A loaded PKCS#11 module, initialised once per process and shared by every caller. */
export class Cryptoki {
  private static readonly loaded = new Map<string, Cryptoki>();

  private constructor(
    private readonly module: Pkcs11js.PKCS11,
    readonly path: string,
    /** False when another user in this process (another extension) initialised the module first. */
    private readonly owner: boolean,
  ) {}

  /** Loads and initialises the module; a module already initialised in this process is fine. */
  static open(path: string): Cryptoki {
    const existing = Cryptoki.loaded.get(path);
    if (existing) return existing;
    const { PKCS11 } = pkcs11js();
    const module = new PKCS11();
    call('load', () => module.load(path));
    let owner = true;
    try {
      call('C_Initialize', () => module.C_Initialize({ flags: pkcs11js().CKF_OS_LOCKING_OK }));
    } catch (error) {
      if ((error as Pkcs11Failure).ckr !== 'CKR_CRYPTOKI_ALREADY_INITIALIZED') {
        module.close();
        throw error;
      }
      owner = false;
    }
    const cryptoki = new Cryptoki(module, path, owner);
    Cryptoki.loaded.set(path, cryptoki);
    return cryptoki;
  }

  /**
   * Finalises (if this worker initialised it) and unloads the module. PKCS#11 counts no users: an
   * extension that came later and got CKR_CRYPTOKI_ALREADY_INITIALIZED loses the module here
   * (test/integration/eid/shared.test.ts); one that came first keeps it, as we never finalise its own.
   */
  close(): void {
    Cryptoki.loaded.delete(this.path);
    try {
      if (this.owner) this.module.C_Finalize();
    } finally {
      this.module.close();
    }
  }

  libraryDescription(): string {
    const info = call('C_GetInfo', () => this.module.C_GetInfo());
    return `${trimmed(info.manufacturerID)} ${trimmed(info.libraryDescription)} ${info.libraryVersion.major}.${info.libraryVersion.minor}`.trim();
  }

  slots(tokenPresent: boolean): Handle[] {
    return call('C_GetSlotList', () => this.module.C_GetSlotList(tokenPresent));
  }

  slotInfo(slot: Handle): SlotInfo {
    const info = call('C_GetSlotInfo', () => this.module.C_GetSlotInfo(slot));
    return {
      description: trimmed(info.slotDescription),
      manufacturer: trimmed(info.manufacturerID),
      tokenPresent: (info.flags & SlotFlag.tokenPresent) !== 0,
      removable: (info.flags & SlotFlag.removableDevice) !== 0,
    };
  }

  tokenInfo(slot: Handle): TokenInfo {
    const info = call('C_GetTokenInfo', () => this.module.C_GetTokenInfo(slot));
    return {
      label: trimmed(info.label),
      model: trimmed(info.model),
      manufacturer: trimmed(info.manufacturerID),
      serialNumber: trimmed(info.serialNumber),
      flags: info.flags,
    };
  }

  /** A read-only session: the engine reads cards and signs, it never writes to one. */
  openSession(slot: Handle): Session {
    return this.session(call('C_OpenSession', () => this.module.C_OpenSession(slot, pkcs11js().CKF_SERIAL_SESSION)));
  }

  /** A session opened earlier, by the handle the caller's thread holds. */
  session(handle: Handle): Session {
    return new Session(this.module, handle);
  }
}

export class Session {
  constructor(
    private readonly module: Pkcs11js.PKCS11,
    readonly handle: Handle,
  ) {}

  /**
   * `pin` null: the reader's pinpad (protected authentication path) collects it. pkcs11js 2.1.7
   * cannot pass a NULL pointer, so the module receives an empty PIN (length 0), which pinpad
   * drivers treat the same way.
   */
  login(pin: string | null, context = false): void {
    const { CKU_USER, CKU_CONTEXT_SPECIFIC } = pkcs11js();
    call('C_Login', () => this.module.C_Login(this.handle, context ? CKU_CONTEXT_SPECIFIC : CKU_USER, pin ?? ''));
  }

  logout(): void {
    call('C_Logout', () => this.module.C_Logout(this.handle));
  }

  close(): void {
    call('C_CloseSession', () => this.module.C_CloseSession(this.handle));
  }

  find(kind: ObjectKind, label?: string): Handle[] {
    const p = pkcs11js();
    const classes: Record<ObjectKind, number> = {
      data: p.CKO_DATA,
      certificate: p.CKO_CERTIFICATE,
      'public-key': p.CKO_PUBLIC_KEY,
      'private-key': p.CKO_PRIVATE_KEY,
    };
    const template: Pkcs11js.Template = [{ type: p.CKA_CLASS, value: classes[kind] }];
    if (label !== undefined) template.push({ type: p.CKA_LABEL, value: label });
    call('C_FindObjectsInit', () => this.module.C_FindObjectsInit(this.handle, template));
    try {
      const found: Handle[] = [];
      for (;;) {
        const batch = call('C_FindObjects', () => this.module.C_FindObjects(this.handle, 32));
        if (batch.length === 0) return found;
        found.push(...batch);
      }
    } finally {
      call('C_FindObjectsFinal', () => this.module.C_FindObjectsFinal(this.handle));
    }
  }

  /** Label and value of a data object or certificate. */
  labelAndValue(object: Handle): { label: string; value: Buffer } {
    const p = pkcs11js();
    const [label, value] = call('C_GetAttributeValue', () =>
      this.module.C_GetAttributeValue(this.handle, object, [{ type: p.CKA_LABEL }, { type: p.CKA_VALUE }]),
    );
    return { label: bufferOf(label.value).toString('utf8'), value: bufferOf(value.value) };
  }

  /** Every data object: label, object id (ASCII group name such as `id`) and raw value. */
  dataObjects(): DataObject[] {
    const p = pkcs11js();
    return this.find('data').map((object) => {
      const [label, objectId, value] = call('C_GetAttributeValue', () =>
        this.module.C_GetAttributeValue(this.handle, object, [{ type: p.CKA_LABEL }, { type: p.CKA_OBJECT_ID }, { type: p.CKA_VALUE }]),
      );
      return { label: bufferOf(label.value).toString('utf8'), objectId: bufferOf(objectId.value).toString('latin1'), value: bufferOf(value.value) };
    });
  }

  alwaysAuthenticate(key: Handle): boolean {
    const p = pkcs11js();
    try {
      const [attribute] = this.module.C_GetAttributeValue(this.handle, key, [{ type: p.CKA_ALWAYS_AUTHENTICATE }]);
      return bufferOf(attribute.value)[0] === 1;
    } catch {
      // Modules older than PKCS#11 2.20 do not know the attribute: no per-signature PIN then.
      return false;
    }
  }

  signInit(mechanism: Mechanism, key: Handle): void {
    const p = pkcs11js();
    const mechanisms: Record<Mechanism, number> = { 'sha256-rsa-pkcs': p.CKM_SHA256_RSA_PKCS, ecdsa: p.CKM_ECDSA };
    call('C_SignInit', () => this.module.C_SignInit(this.handle, { mechanism: mechanisms[mechanism] }, key));
  }

  /** C_Sign on the binding's own thread: a card takes hundreds of milliseconds to sign, meanwhile the worker answers other requests (reader polling). */
  async sign(data: Buffer): Promise<Buffer> {
    try {
      return await this.module.C_SignAsync(this.handle, data, Buffer.alloc(1024));
    } catch (error) {
      throw failure(error, 'C_Sign');
    }
  }
}

function bufferOf(value: unknown): Buffer {
  return Buffer.isBuffer(value) ? value : Buffer.alloc(0);
}
