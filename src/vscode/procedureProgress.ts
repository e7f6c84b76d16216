// Progress notifications that exist only while a procedure works. A question (quick pick, input
// box, contract, PIN, "Insert your eID") never opens under a spinning notification: the one shown
// ends before it, and the next progress step opens a new one. Cancel on any of them stops the
// procedure (its AbortSignal), as one notification's Cancel did.
import { setTimeout as delay } from 'node:timers/promises';
import * as vscode from 'vscode';
import { progressLogLine } from '../faces/progress';
import { isDomainError } from '../core/domainError';
import { ProcedureError } from '../procedures/errors';
import type { Prompter } from '../procedures/prompter';

/** Prompter members that tell, not ask: they show progress instead of ending it. */
const TELLS = new Set<PropertyKey>(['progress', 'notice']);
/** A notice that shows while the card works (the pinpad): it ends the notification, without waiting. */
const NOTICES = new Set<PropertyKey>(['showPinpadNotice']);

/**
 * VS Code keeps a progress notification at least 800 ms on screen once shown (its ProgressService):
 * a question asked sooner would open under it, so a question waits for the rest. A step shorter
 * than SHOW_AFTER_MS shows no notification at all, so questions rarely wait.
 */
const MIN_SHOWN_MS = 800;
const SHOW_AFTER_MS = 400;

interface Shown {
  report(message: string | undefined): void;
  /** Ends it; resolves once VS Code has taken it off the screen. */
  end(): Promise<void>;
}

export class ProcedureProgress implements vscode.Disposable {
  private readonly cancellation = new AbortController();
  private shown?: Shown;
  /** The last step's words: the work goes on after a question (a PIN, then the signed call). */
  private last?: string;
  private disposed = false;
  /** Aborted when the user cancels any of the procedure's notifications. */
  readonly signal = this.cancellation.signal;

  constructor(private readonly title: string) {}

  /** Shows `message` (or the title alone) in the notification shown, or in a new one. */
  report(message?: string): void {
    if (this.disposed) return;
    if (message !== undefined) this.last = message;
    this.shown ??= this.open();
    this.shown.report(message);
  }

  /** Ends the notification shown: a question comes, once it has gone. */
  pause(): Promise<void> {
    const ending = this.shown?.end() ?? Promise.resolve();
    this.shown = undefined;
    return ending;
  }

  dispose(): void {
    this.disposed = true;
    void this.pause();
  }

  /** `prompter` (any face's: the procedures', the eID engine's) whose every question first ends the notification shown. */
  asking<P extends object>(prompter: P): P {
    return new Proxy(prompter, {
      get: (target, name, receiver) => {
        const member: unknown = Reflect.get(target, name, receiver);
        if (typeof member !== 'function' || TELLS.has(name)) return member;
        if (NOTICES.has(name))
          return (...args: unknown[]) => {
            void this.pause();
            return member.apply(target, args);
          };
        return async (...args: unknown[]) => {
          // Cancel pressed while the procedure worked: no question comes after it (a new keystore is then deleted).
          this.stopIfCancelled();
          await this.pause();
          this.stopIfCancelled();
          try {
            return await member.apply(target, args);
          } finally {
            // The step goes on once answered; the next question or step replaces it before it shows.
            this.report(this.last);
          }
        };
      },
    });
  }

  private stopIfCancelled(): void {
    if (this.signal.aborted) throw new ProcedureError('cancelled');
  }

  /** A notification shown only if the step lasts SHOW_AFTER_MS. */
  private open(): Shown {
    let message: string | undefined;
    let progress: vscode.Progress<{ message?: string }> | undefined;
    let shownAt: number | undefined;
    let end = () => undefined as void;
    const ended = new Promise<void>((resolve) => (end = resolve));
    const timer = setTimeout(() => {
      shownAt = Date.now();
      void vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: this.title, cancellable: true }, (shown, token) => {
        token.onCancellationRequested(() => this.cancellation.abort());
        progress = shown;
        if (message !== undefined) shown.report({ message });
        return ended;
      });
    }, SHOW_AFTER_MS);
    return {
      report: (next) => {
        message = next;
        if (next !== undefined) progress?.report({ message: next });
      },
      end: async () => {
        clearTimeout(timer);
        end();
        if (shownAt !== undefined) await delay(shownAt + MIN_SHOWN_MS - Date.now());
      },
    };
  }
}

export interface RunnerHooks {
  log: vscode.LogOutputChannel;
  /** The password chosen for a keystore the procedure created, once the file stays (the request sent, or perhaps arrived). */
  keepPassword(file: string, password: string): void;
}

export interface RunnerPrompter {
  prompter: Prompter;
  /** The procedure failed with `error`: a new keystore kept for completing later (the request may have arrived) keeps its password. */
  failed(error: unknown): void;
}

/**
 * The procedures' prompter as the runner hands it: its questions end the notification, each step
 * goes to the log as the machine names it (operation names stay there, the notification says it
 * in words), and the password chosen for a new keystore is handed on once the file stays: a
 * request that fails before it is sent deletes the file, and its password goes with it.
 */
export function runnerPrompter(progress: ProcedureProgress, prompter: Prompter, hooks: RunnerHooks): RunnerPrompter {
  let chosen: string | undefined;
  let created: string | undefined;
  const keep = () => {
    if (created !== undefined && chosen !== undefined) hooks.keepPassword(created, chosen);
  };
  const watched = new Proxy(prompter, {
    get: (target, name, receiver): unknown => {
      if (name === 'newKeystorePassword')
        return async (...args: Parameters<Prompter['newKeystorePassword']>) => {
          const answer = await target.newKeystorePassword(...args);
          if (typeof answer === 'string') chosen = answer;
          return answer;
        };
      if (name === 'progress')
        return (event: Parameters<Prompter['progress']>[0]) => {
          hooks.log.info(`progress: ${progressLogLine(event)}`);
          if (event.step === 'keystore-created') created = event.file;
          if (event.step === 'request-sent') keep();
          target.progress(event);
        };
      return Reflect.get(target, name, receiver);
    },
  });
  return {
    prompter: progress.asking(watched),
    failed: (error) => {
      if (isDomainError(error, 'procedure', 'request-outcome-unknown')) keep();
    },
  };
}
