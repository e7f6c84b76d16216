// The certificate procedures as VS Code commands: request, complete, renew, complete renewal,
// activate the renewal ETK, revoke, status. Each builds its context (environment, registration
// client, eID, keystore writing), asks through the VS Code prompter, and shows progress between
// the questions.
import * as path from 'node:path';
import * as vscode from 'vscode';
import { newKeystoreFolder } from '../../keystore/locate';
import type { AuthorityProcedure, ProcedureContext } from '../../procedures';
import type { FactSources } from '../checkFacts';
import { vscodePrompter } from '../eidPrompter';
import { showBackupNotice } from '../backupNotice';
import { currentEnvironment } from '../environment';
import { guarded } from '../errors';
import { pickKeystore, type KeystoreTarget } from '../keystorePick';
import { currentTranslator } from '../language';
import { vscodeProcedurePrompter } from '../procedurePrompter';
import { ProcedureProgress, runnerPrompter } from '../procedureProgress';
import { setting } from '../settings';

/** What the guide checks read (the authority's last listing, this session's outcomes, ...), plus the extension's context and log. */
export interface CertificateServices extends FactSources {
  context: vscode.ExtensionContext;
  log: vscode.LogOutputChannel;
}

type Procedures = typeof import('../../procedures');

/** The guide an error of each procedure points to. */
export const guideOf: Record<AuthorityProcedure, string> = {
  request: 'request-personal-certificate',
  complete: 'complete-certificate',
  renew: 'renew-certificate',
  activate: 'renew-certificate',
  revoke: 'revoke-and-request-again',
  status: 'complete-certificate',
  list: 'revoke-and-request-again',
};

/**
 * Procedures after which eHealth's list of certificates may differ. The "Certificates at eHealth"
 * view is then marked out of date, not read again: each eID signature asks the PIN (the engine logs
 * in per operation), so a silent re-read would ask a PIN the user did not expect, right after the
 * one they typed; the view offers "Read again" instead, when they want it. Marked after a failure
 * too: a procedure stopped half-way may have reached eHealth.
 */
const CHANGES_AUTHORITY: Readonly<Record<AuthorityProcedure, boolean>> = { request: true, complete: true, renew: true, activate: true, revoke: true, status: false, list: false };

/** Procedures that write a keystore file: the keystore folders are scanned again after them only. */
const WRITES_KEYSTORES: Readonly<Record<AuthorityProcedure, boolean>> = { request: true, complete: true, renew: true, activate: false, revoke: false, status: false, list: false };

const titleOf = (name: AuthorityProcedure) => currentTranslator()(`procedure.name.${name}`);

export type ProcedureRunner = <R>(name: AuthorityProcedure, procedure: (procedures: Procedures, context: ProcedureContext) => Promise<R>) => Promise<R>;

/**
 * Runs the procedure `name`, its steps shown in progress notifications that end before each
 * question (procedureProgress.ts); Cancel on any of them stops the procedure.
 */
export function procedureRunner(services: CertificateServices): ProcedureRunner {
  const { context, session, tree, eid, sandbox, authority, outcomes, log } = services;
  return async (name, procedure) => {
    const procedures = await import('../../procedures');
    const progress = new ProcedureProgress(titleOf(name));
    // The title alone while the procedure gets ready (a sandbox starting, the eID middleware loading).
    progress.report();
    try {
      const keepPassword = (file: string, password: string) => void session.keep(file, password).catch((error: Error) => log.warn(`the new keystore's password is not kept: ${error.message}`));
      const asked = runnerPrompter(progress, vscodeProcedurePrompter(context.extensionUri, session, (message) => progress.report(message)), { log, keepPassword });
      const procedureContext = await procedures.procedureContext({
        environment: currentEnvironment(),
        sandbox,
        prompter: asked.prompter,
        ...(procedures.SIGNS_WITH_EID[name] ? { eid: { engine: await eid.eid(), prompter: progress.asking(vscodePrompter) } } : {}),
        keystore: { mode: setting('ehealth.keystore.writeMode') },
        // Cancellable: the procedures stop where that is safe (waiting for a delivery), files untouched.
        signal: progress.signal,
      });
      try {
        const result = await procedure(procedures, procedureContext);
        await outcomes.recorded(name, result);
        return result;
      } catch (error) {
        asked.failed(error);
        throw error;
      } finally {
        if (WRITES_KEYSTORES[name]) tree.refresh();
        if (CHANGES_AUTHORITY[name]) authority.markStale();
      }
    } finally {
      progress.dispose();
    }
  };
}

export function registerCertificateCommands(services: CertificateServices): vscode.Disposable[] {
  const { tree, log } = services;
  const t = currentTranslator;
  const run = procedureRunner(services);

  const inform = (message: string) => vscode.window.showInformationMessage(message);
  const onKeystore = <R>(name: AuthorityProcedure, procedure: (procedures: Procedures, context: ProcedureContext, file: string) => Promise<R>, done?: (result: R, file: string) => Thenable<unknown>) =>
    guarded(
      log,
      name,
      async (target: KeystoreTarget) => {
        const file = await pickKeystore(tree, target, titleOf(name));
        if (!file) return undefined;
        const result = await run(name, (procedures, procedureContext) => procedure(procedures, procedureContext, file));
        if (done) void done(result, file);
        return result;
      },
      guideOf[name],
    );

  const complete = onKeystore('complete', (procedures, procedureContext, file) => procedures.completeCertificate(procedureContext, file), ({ backup }, file) =>
    backup ? showBackupNotice(t()('procedure.done.complete-backup', { file: path.basename(file), backup: path.basename(backup) }), backup, file) : inform(t()('procedure.done.complete', { file: path.basename(file) })),
  );

  return [
    vscode.commands.registerCommand(
      'ehealth.cert.request',
      guarded(
        log,
        'request',
        async () => {
          const result = await run('request', (procedures, procedureContext) => procedures.requestCertificate(procedureContext, { keystoreFolder: newKeystoreFolder(procedureContext.environment) }));
          const file = path.basename(result.keystore);
          // Validated by hand at eHealth (an organisation typed by hand): nothing to complete for days.
          if (!result.automaticallyValidated) {
            void vscode.window.showInformationMessage(t()('procedure.done.request-manual', { file }));
            return result;
          }
          const completeNow = t()('procedure.action.complete-now');
          void vscode.window.showInformationMessage(t()('procedure.done.request', { file }), completeNow).then((answer) => {
            if (answer === completeNow) void vscode.commands.executeCommand('ehealth.cert.complete', result.keystore);
          });
          return result;
        },
        guideOf.request,
      ),
    ),
    vscode.commands.registerCommand('ehealth.cert.complete', complete),
    vscode.commands.registerCommand('ehealth.cert.completeRenewal', complete),
    vscode.commands.registerCommand(
      'ehealth.cert.renew',
      onKeystore('renew', (procedures, procedureContext, file) => procedures.renewCertificate(procedureContext, file), (result) => inform(t()('procedure.done.request', { file: path.basename(result.keystore) }))),
    ),
    vscode.commands.registerCommand(
      'ehealth.cert.activateEtk',
      onKeystore('activate', (procedures, procedureContext, file) => procedures.activateEtk(procedureContext, file), (_result, file) => inform(t()('procedure.done.activate', { file: path.basename(file) }))),
    ),
    vscode.commands.registerCommand(
      'ehealth.cert.revoke',
      onKeystore('revoke', (procedures, procedureContext, file) => procedures.revokeCertificate(procedureContext, { keystore: file }), (_result, file) => inform(t()('procedure.done.revoke', { file: path.basename(file) }))),
    ),
    vscode.commands.registerCommand(
      'ehealth.cert.status',
      onKeystore('status', (procedures, procedureContext, file) => procedures.certificateStatus(procedureContext, file)),
    ),
  ];
}
