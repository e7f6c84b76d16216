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
      this.engine = new EidEngine(modulePath ? { modulePath } : {});
    }
    return this.engine;
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
