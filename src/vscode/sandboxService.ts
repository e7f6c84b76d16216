// The embedded sandbox registration authority inside VS Code: started on demand (a command, or a
// procedure in the sandbox environment), its state kept in the extension's global storage so a
// request made today can be completed tomorrow, stopped with the extension.
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { SandboxHost } from '../procedures';
import type { SandboxServer } from '../sandbox/server';
import { currentTranslator } from './language';
import { setting } from './settings';

export class SandboxService implements vscode.Disposable, SandboxHost {
  private server: SandboxServer | undefined;
  private starting: Promise<SandboxServer> | undefined;
  private readonly changed = new vscode.EventEmitter<boolean>();
  /** Fires with whether the sandbox runs. */
  readonly onDidChange = this.changed.event;

  constructor(
    private readonly storage: vscode.Uri,
    private readonly log: vscode.LogOutputChannel,
  ) {}

  get running(): boolean {
    return this.server !== undefined;
  }

  get url(): string | undefined {
    return this.server?.url;
  }

  start(): Promise<SandboxServer> {
    if (this.server) return Promise.resolve(this.server);
    this.starting ??= (async () => {
      try {
        const dataFolder = setting('ehealth.sandbox.dataFolder').trim() || path.join(this.storage.fsPath, 'sandbox');
        const trustedRoots = setting('ehealth.sandbox.trust').map((file) => readFileSync(file, 'utf8'));
        const { SandboxServer } = await import('../sandbox/server');
        const server = await SandboxServer.start({
          dataFolder,
          port: setting('ehealth.sandbox.port'),
          validityDays: setting('ehealth.sandbox.validityDays'),
          trustedRoots,
          log: (line) => this.log.info(`sandbox: ${line}`),
        });
        this.server = server;
        this.log.info(`sandbox registration authority at ${server.url}, data in ${dataFolder}`);
        this.changed.fire(true);
        return server;
      } finally {
        this.starting = undefined;
      }
    })();
    return this.starting;
  }

  /** The sandbox a procedure talks to: started unless it runs, trusting the eID the procedure signs with. */
  async open(eidRoots: readonly string[]): Promise<string> {
    const server = await this.start();
    server.trust(eidRoots);
    return server.url;
  }

  async stop(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    if (!server) return;
    await server.close();
    this.log.info('sandbox stopped');
    this.changed.fire(false);
  }

  dispose(): void {
    void this.stop();
    this.changed.dispose();
  }
}

export function registerSandboxCommands(sandbox: SandboxService): vscode.Disposable[] {
  return [
    vscode.commands.registerCommand('ehealth.sandbox.start', async () => {
      const server = await sandbox.start();
      void vscode.window.showInformationMessage(currentTranslator()('sandbox.view.started', { url: server.url }));
      return server.url;
    }),
    vscode.commands.registerCommand('ehealth.sandbox.stop', () => sandbox.stop()),
  ];
}
