// The eID as the extension sees it: one engine (loaded on first need, never at activation), the
// latest status snapshot, and card/reader watching while someone looks (the eID view, a guide).
import * as vscode from 'vscode';
import type { EidEngine } from '../../eid/engine';
import type { EidStatus } from '../../eid/status';
import { affects, setting } from '../settings';

export class EidStatusModel implements vscode.Disposable {
  private engine: EidEngine | undefined;
  private status: EidStatus | undefined;
  private readonly changed = new vscode.EventEmitter<EidStatus>();
  readonly onDidChange = this.changed.event;
  private watchers = 0;
  private stopWatching: (() => void) | undefined;
  private reading: Promise<EidStatus> | undefined;
  private readonly configuration: vscode.Disposable;

  constructor(private readonly log: vscode.LogOutputChannel) {
    this.configuration = vscode.workspace.onDidChangeConfiguration((event) => {
      if (!affects(event, 'ehealth.eid.pkcs11Module')) return;
      this.resetEngine();
      if (this.watchers > 0) this.startWatching();
      void this.refresh();
    });
  }

  current(): EidStatus | undefined {
    return this.status;
  }

  /** The engine over the module of `ehealth.eid.pkcs11Module`, else EHEALTH_PKCS11_MODULE, else the official install path. */
  async eid(): Promise<EidEngine> {
    if (!this.engine) {
      const { EidEngine } = await import('../../eid/engine');
      const modulePath = setting('ehealth.eid.pkcs11Module').trim();
      this.engine = this.readAfterPin(new EidEngine(modulePath ? { modulePath } : {}));
    }
    return this.engine;
  }

  /**
   * A PIN presented anywhere (the self-test, a procedure's signature) changes the card's PIN state:
   * a correct one clears "2 tries left", a wrong one counts down. The snapshot is read again after each.
   */
  private readAfterPin(engine: EidEngine): EidEngine {
    const read = () => void this.refresh().catch((error: unknown) => this.log.debug(`eID status after a PIN: ${(error as Error).message}`));
    const verifyPin = engine.verifyPin.bind(engine);
    const signer = engine.signer.bind(engine);
    return Object.assign(engine, {
      verifyPin: (...args: Parameters<EidEngine['verifyPin']>) => verifyPin(...args).finally(read),
      signer: async (...args: Parameters<EidEngine['signer']>) => {
        const own = await signer(...args);
        return { ...own, sign: (...signed: Parameters<typeof own.sign>) => own.sign(...signed).finally(read) };
      },
    });
  }

  /** Reads a fresh snapshot; concurrent callers share one read. */
  refresh(): Promise<EidStatus> {
    this.reading ??= (async () => {
      try {
        const { readEidStatus } = await import('../../eid/status');
        const status = await readEidStatus(await this.eid());
        this.status = status;
        this.changed.fire(status);
        return status;
      } finally {
        this.reading = undefined;
      }
    })();
    return this.reading;
  }

  /** Watches cards and readers until the returned disposable is disposed (reference counted). */
  watch(): vscode.Disposable {
    if (this.watchers++ === 0) this.startWatching();
    return new vscode.Disposable(() => {
      if (--this.watchers === 0) this.stopWatching?.();
    });
  }

  private startWatching(): void {
    this.stopWatching?.();
    void this.eid().then((engine) => {
      this.stopWatching = engine.watch((event) => {
        if (event.type === 'error') this.log.debug(`eID watch: ${event.error.message}`);
        else {
          this.log.info(`eID: ${event.type} (${event.reader.description})`);
          void this.refresh();
        }
      });
      void this.refresh();
    });
  }

  private resetEngine(): void {
    this.stopWatching?.();
    this.stopWatching = undefined;
    this.engine?.close();
    this.engine = undefined;
  }

  dispose(): void {
    this.resetEngine();
    this.configuration.dispose();
    this.changed.dispose();
  }
}
