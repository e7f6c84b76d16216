// Worker thread body: runs every PKCS#11 call of one module (workerData.modulePath) off the caller's
// thread. A pinpad login waits for the user's fingers and a card takes its time to sign: only this
// thread waits. Requests never appear in logs or errors (a login carries the PIN), and nothing of
// a request is kept once answered.
import { workerData } from 'node:worker_threads';
import { serveRequests } from '../platform/workerRpc';
import { Cryptoki } from './pkcs11';
import { Pkcs11Failure, withBuffers, type Pkcs11FailureData, type Pkcs11Operations, type Pkcs11Request } from './pkcs11Protocol';

const modulePath = (workerData as { modulePath: string }).modulePath;

let loaded: Cryptoki | undefined;
/** The module, loaded and initialised on first use (a failure is retried by the next request). */
const cryptoki = () => (loaded ??= Cryptoki.open(modulePath));
const session = (handle: Buffer) => cryptoki().session(handle);

const operations: Pkcs11Operations = {
  open: () => void cryptoki(),
  libraryDescription: () => cryptoki().libraryDescription(),
  slots: (tokenPresent) => cryptoki().slots(tokenPresent),
  slotInfo: (slot) => cryptoki().slotInfo(slot),
  tokenInfo: (slot) => cryptoki().tokenInfo(slot),
  openSession: (slot) => cryptoki().openSession(slot).handle,
  login: (handle, pin, context) => session(handle).login(pin, context),
  logout: (handle) => session(handle).logout(),
  closeSession: (handle) => session(handle).close(),
  find: (handle, kind, label) => session(handle).find(kind, label),
  labelAndValue: (handle, object) => session(handle).labelAndValue(object),
  dataObjects: (handle) => session(handle).dataObjects(),
  alwaysAuthenticate: (handle, key) => session(handle).alwaysAuthenticate(key),
  signInit: (handle, mechanism, key) => session(handle).signInit(mechanism, key),
  sign: (handle, data) => session(handle).sign(data),
  close: () => {
    loaded?.close();
    loaded = undefined;
  },
};

function failureOf(error: unknown, { operation }: Pkcs11Request): Pkcs11FailureData {
  if (error instanceof Pkcs11Failure) return { ckr: error.ckr, method: error.method, message: error.message };
  return { ckr: 'NATIVE', method: operation, message: error instanceof Error ? error.message : String(error) };
}

// Requests run as they come; a signature (pkcs11js runs C_Sign on its own thread) lets the
// following ones through meanwhile, as on the caller's thread before.
serveRequests<Pkcs11Request, unknown, Pkcs11FailureData>({
  handle: ({ operation, args }) => (operations[operation] as (...values: unknown[]) => unknown)(...withBuffers(args)),
  failure: failureOf,
});
