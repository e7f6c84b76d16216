// What the guide checks read, gathered from the extension's live state: keystores on disk, the
// keystores opened in this session, the last eID status, what eHealth last listed, what procedures
// did in this session, the environment setting, the sandbox, and (on demand) the ETK depot. One
// place for the checklist view and the context keys behind the generated walkthroughs.
import * as vscode from 'vscode';
import type { Holder } from '../core/holder';
import type { Keystore, KeystoreFile } from '../keystore/model';
import { checkIds } from '../guides/allowList';
import { evaluateCheck, followedKeystore, type CheckFacts, type Revoked } from '../guides/checks';
import { checkContextKey } from '../guides/manifest';
import type { AuthorityCertificate } from '../procedures';
import type { AuthorityCertificates } from './authorityCertificates';
import { currentEnvironment } from './environment';
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

/** The environment setting was set by the user somewhere, not left to its default. */
function environmentChosen(): boolean {
  const inspected = vscode.workspace.getConfiguration('ehealth').inspect('environment');
  return [inspected?.globalValue, inspected?.workspaceValue, inspected?.workspaceFolderValue].some((value) => value !== undefined);
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
  const etk = keystore?.locked === false ? keystore.entries.filter((entry) => entry.kind === 'encryption').pop() : undefined;
  return etk && 'certificate' in etk ? Buffer.from(etk.certificate.der, 'base64') : undefined;
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

export async function gatherFacts(sources: FactSources, options: FactOptions = {}): Promise<CheckFacts> {
  const listing = await sources.tree.keystores();
  const keystores = listing.folders.flatMap((folder) => folder.keystores);
  const opened = new Map(sources.session.all().flatMap((keystore): Array<[string, Keystore]> => (keystore.file ? [[keystore.file, keystore]] : [])));
  const eid = sources.eid.current();
  const authority = sources.authority.current(currentEnvironment())?.certificates;
  const revocations = sources.outcomes.revocations().flatMap((revocation) => revoked(revocation, authority ?? [], keystores) ?? []);
  const facts: CheckFacts = {
    keystores,
    opened,
    sandboxRunning: sources.sandbox.running,
    environmentChosen: environmentChosen(),
    revocations,
    delivered: sources.outcomes.delivered(),
    ...(options.holder ? { holder: options.holder } : {}),
    ...(eid ? { eid } : {}),
    ...(authority ? { authority } : {}),
  };
  const published = options.lookUpEtk ? etkPublished(sources, facts) : undefined;
  return published === undefined ? facts : { ...facts, etkPublished: published };
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
  return vscode.Disposable.from(
    sources.session.onDidChange(() => void update()),
    sources.tree.onDidChangeTreeData(() => void update()),
    sources.eid.onDidChange(() => void update()),
    sources.sandbox.onDidChange(() => void update()),
    sources.authority.onDidChange(() => void update()),
    sources.outcomes.onDidChange(() => void update()),
    vscode.workspace.onDidChangeConfiguration((event) => event.affectsConfiguration('ehealth.environment') && void update()),
  );
}
