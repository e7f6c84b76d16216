// What the guide checks read, gathered from the extension's live state: keystores on disk, the
// keystores opened in this session, the last eID status, what eHealth last listed, what procedures
// did in this session, the environment setting, the sandbox, and (on demand) the ETK depot. One
// place for the checklist view and the context keys behind the generated walkthroughs.
import * as vscode from 'vscode';
import type { Holder } from '../core/holder';
import { newestEtk, type Keystore, type KeystoreFile } from '../keystore/model';
import { checkIds } from '../guides/allowList';
import { evaluateCheck, followedKeystore, type CheckFacts, type Revoked } from '../guides/checks';
import { checkContextKey } from '../guides/manifest';
import type { AuthorityCertificate } from '../procedures';
import type { AuthorityCertificates } from './authorityCertificates';
import { currentEnvironment } from './environment';
import { affects, isSet } from './settings';
import type { EidStatusModel } from './views/eidStatus';
import type { KeystoreSession } from './keystoreSession';
import type { KeystoreTreeProvider } from './views/keystoreTree';
import type { ProcedureOutcomes, Revocation } from './procedureOutcomes';
import type { SandboxService } from './sandboxService';

export interface FactSources {
  session: KeystoreSession;
  tree: KeystoreTreeProvider;
  eid: EidStatusModel;
  sandbox: SandboxService;
  authority: AuthorityCertificates;
  outcomes: ProcedureOutcomes;
}

export interface FactOptions {
  /** The holder the guide is followed for. */
  holder?: Holder;
  /** Ask the ETK depot about the followed keystore's ETK (a guide that shows `etk.published` is open). */
  lookUpEtk?: boolean;
}

/** A revocation of this session, its holder and keystore from eHealth's list or from the file's name. */
function revoked(revocation: Revocation, authority: readonly AuthorityCertificate[], keystores: readonly KeystoreFile[]): Revoked | undefined {
  const listed = authority.find((certificate) => certificate.publicKeyIdentifier === revocation.publicKeyIdentifier);
  const keystore = revocation.keystore ?? listed?.keystore;
  const holder = listed?.holder ?? keystores.find((file) => file.path === keystore)?.holder;
  const { publicKeyIdentifier, at } = revocation;
  return holder ? { holder, publicKeyIdentifier, revokedAt: at, ...(keystore ? { keystore } : {}), ...(listed ? { requestedAt: listed.requestedAt } : {}) } : undefined;
}

/** The DER of the newest ETK certificate of an opened keystore. */
function etkCertificate(keystore: Keystore | undefined): Buffer | undefined {
  const etk = keystore?.locked === false ? newestEtk(keystore.entries) : undefined;
  return etk ? Buffer.from(etk.certificate.der, 'base64') : undefined;
}

/** The depot's answer for the followed keystore's ETK, asked in the keystore's own environment. */
function etkPublished(sources: FactSources, facts: CheckFacts): boolean | undefined {
  const file = followedKeystore(facts);
  const keystore = file ? facts.opened.get(file.path) : undefined;
  const certificate = etkCertificate(keystore);
  if (!file?.holder || !certificate) return undefined;
  const environment = keystore?.environment === 'unknown' || !keystore ? currentEnvironment() : keystore.environment;
  const raUrl = environment === 'sandbox' ? sources.sandbox.url : undefined;
  if (environment === 'sandbox' && !raUrl) return undefined;
  return sources.outcomes.etkPublished({ environment, ...(raUrl ? { raUrl } : {}), holder: file.holder, certificate });
}

/** The facts for any holder: what the checks read, no depot asked. */
export async function gatherFacts(sources: FactSources): Promise<CheckFacts> {
  const listing = await sources.tree.keystores();
  const keystores = listing.folders.flatMap((folder) => folder.keystores);
  const opened = new Map(sources.session.all().flatMap((keystore): Array<[string, Keystore]> => (keystore.file ? [[keystore.file, keystore]] : [])));
  const eid = sources.eid.current();
  const environment = currentEnvironment();
  const authority = sources.authority.current(environment)?.certificates;
  const revocations = sources.outcomes.revocations().flatMap((revocation) => revoked(revocation, authority ?? [], keystores) ?? []);
  return {
    environment,
    keystores,
    opened,
    sandboxRunning: sources.sandbox.running,
    environmentChosen: isSet('ehealth.environment'),
    revocations,
    delivered: sources.outcomes.delivered(),
    ...(eid ? { eid } : {}),
    ...(authority ? { authority } : {}),
  };
}

/** The same facts followed for one holder, with the depot's answer about its keystore's ETK when asked for. */
export function forHolder(sources: FactSources, everyone: CheckFacts, options: FactOptions): CheckFacts {
  const facts = options.holder ? { ...everyone, holder: options.holder } : everyone;
  const published = options.lookUpEtk ? etkPublished(sources, facts) : undefined;
  return published === undefined ? facts : { ...facts, etkPublished: published };
}

/** Calls `listener` whenever a fact may have changed. */
export function onFactsChanged(sources: FactSources, listener: () => void): vscode.Disposable {
  return vscode.Disposable.from(
    sources.session.onDidChange(listener),
    sources.tree.onDidChangeTreeData(listener),
    sources.eid.onDidChange(listener),
    sources.sandbox.onDidChange(listener),
    sources.authority.onDidChange(listener),
    sources.outcomes.onDidChange(listener),
    vscode.workspace.onDidChangeConfiguration((event) => affects(event, 'ehealth.environment') && listener()),
  );
}

/** Keeps `ehealth.check.<id>` context keys equal to whether each check passes (walkthrough completion). */
export function trackCheckContext(sources: FactSources): vscode.Disposable {
  const last = new Map<string, boolean>();
  const update = async () => {
    const facts = await gatherFacts(sources);
    for (const id of checkIds) {
      const passes = evaluateCheck(id, facts) === 'pass';
      if (last.get(id) === passes) continue;
      last.set(id, passes);
      await vscode.commands.executeCommand('setContext', checkContextKey(id), passes);
    }
  };
  return onFactsChanged(sources, () => void update());
}
