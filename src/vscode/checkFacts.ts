// What the guide checks read, gathered from the extension's live state: keystores on disk, the
// keystores opened in this session, and the last eID status. One place for the checklist view and
// the context keys behind the generated walkthroughs.
import * as vscode from 'vscode';
import type { Keystore } from '../keystore/model';
import { checkIds } from '../guides/allowList';
import { evaluateCheck, type CheckFacts } from '../guides/checks';
import { checkContextKey } from '../guides/manifest';
import type { EidStatusModel } from './views/eidStatus';
import type { KeystoreSession } from './keystoreSession';
import type { KeystoreTreeProvider } from './views/keystoreTree';
import type { SandboxService } from './sandboxService';

export interface FactSources {
  session: KeystoreSession;
  tree: KeystoreTreeProvider;
  eid: EidStatusModel;
  sandbox: SandboxService;
}

export async function gatherFacts(sources: FactSources): Promise<CheckFacts> {
  const listing = await sources.tree.keystores();
  const opened = new Map(sources.session.all().flatMap((keystore): Array<[string, Keystore]> => (keystore.file ? [[keystore.file, keystore]] : [])));
  const eid = sources.eid.current();
  return {
    keystores: listing.folders.flatMap((folder) => folder.keystores),
    opened,
    sandboxRunning: sources.sandbox.running,
    ...(eid ? { eid } : {}),
  };
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
  );
}
