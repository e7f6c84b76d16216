// Another user of the eID module in this process, as another extension in the same VS Code
// extension host would be: pkcs11js loaded directly on the test's thread. dlopen hands every user
// in a process the same module, so this neighbour shares the engine worker's PKCS#11 state: the
// sessions it has open and the card's login (PKCS#11 logs in per application, not per session).
import * as pkcs11js from 'pkcs11js';

/** Session states (PKCS#11 CKS_*; pkcs11js does not export them) in which the user is logged in. */
const loggedInStates = new Set([1 /* CKS_RO_USER_FUNCTIONS */, 3 /* CKS_RW_USER_FUNCTIONS */]);

export class ModuleNeighbour {
  private readonly module = new pkcs11js.PKCS11();
  /** False when the module was already initialised in this process (CKR_CRYPTOKI_ALREADY_INITIALIZED). */
  readonly initialised: boolean;

  constructor(modulePath: string) {
    this.module.load(modulePath);
    try {
      this.module.C_Initialize({ flags: pkcs11js.CKF_OS_LOCKING_OK });
      this.initialised = true;
    } catch (error) {
      if (!/CKR_CRYPTOKI_ALREADY_INITIALIZED/.test(String((error as Error).message))) throw error;
      this.initialised = false;
    }
  }

  /** The card's slot (the shim shows only the card's reader). */
  slot(): Buffer {
    const [slot] = this.module.C_GetSlotList(true);
    if (!slot) throw new Error('no card in the reader');
    return slot;
  }

  label(): string {
    return this.module.C_GetTokenInfo(this.slot()).label.trim();
  }

  /** Sessions this process has open with the card (the shim counts them into ulSessionCount). */
  openSessions(): number {
    return this.module.C_GetTokenInfo(this.slot()).sessionCount;
  }

  /** Whether this process is logged in to the card, seen from a session of the neighbour's own. */
  loggedIn(): boolean {
    const session = this.openSession();
    try {
      return loggedInStates.has(this.module.C_GetSessionInfo(session).state);
    } finally {
      this.module.C_CloseSession(session);
    }
  }

  /** A session of its own, as an extension reading the card would hold. */
  openSession(): Buffer {
    return this.module.C_OpenSession(this.slot(), pkcs11js.CKF_SERIAL_SESSION);
  }

  /** Logs in on a session of its own, as an extension signing with the card would. */
  login(pin: string): Buffer {
    const session = this.openSession();
    this.module.C_Login(session, pkcs11js.CKU_USER, pin);
    return session;
  }

  closeSession(session: Buffer): void {
    this.module.C_CloseSession(session);
  }

  /** Finalises only what it initialised itself, then unloads, as the engine does. */
  close(): void {
    try {
      if (this.initialised) this.module.C_Finalize();
    } finally {
      this.module.close();
    }
  }
}
