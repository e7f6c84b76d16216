// The commands of the "Certificates at eHealth" view: read the list with the eID (the `list`
// procedure), revoke a listed certificate by its public key identifier with the eID alone, hand a
// certificate's local keystore to the keystore procedures (complete, renew, activate), show that
// keystore in the Keystores view, copy the identifier. Each takes the view's node or, from tests
// and guides, a public key identifier.
import * as path from 'node:path';
import * as vscode from 'vscode';
import { readableHolder } from '../../core/readableIdentifier';
import { printable } from '../../core/printable';
import type { AuthorityCertificate } from '../../procedures';
import { confirmPick } from '../confirmPick';
import { currentEnvironment } from '../environment';
import { guarded } from '../errors';
import { currentTranslator } from '../language';
import type { AuthorityNode } from '../views/authorityTree';
import { searchedFolders, type KeystoreNode } from '../views/keystoreTree';
import { guideOf, procedureRunner, type CertificateServices } from './certificateCommands';

type CertificateTarget = AuthorityNode | string | undefined;

export function registerAuthorityCommands(services: CertificateServices, keystoreView: vscode.TreeView<KeystoreNode>): vscode.Disposable[] {
  const { authority, tree, log } = services;
  const run = procedureRunner(services);
  const t = currentTranslator;

  /** The listed certificate a command was invoked on. */
  function certificateOf(target: CertificateTarget): AuthorityCertificate | undefined {
    if (typeof target === 'object' && target.kind !== 'stale' && target.kind !== 'holder') return target.certificate;
    return authority.current(currentEnvironment())?.certificates.find((certificate) => certificate.publicKeyIdentifier === target);
  }

  const holderOf = (certificate: AuthorityCertificate) => ({ name: printable(certificate.name), holder: readableHolder(certificate.holder) });

  /** A keystore procedure run on the certificate's local file (the menus offer it only when there is one). */
  const onKeystore = (command: string) => (target: CertificateTarget) => {
    const keystore = certificateOf(target)?.keystore;
    return keystore ? vscode.commands.executeCommand(command, keystore) : undefined;
  };

  const read = guarded(
    log,
    'list',
    async () => {
      const environment = currentEnvironment();
      const certificates = await run('list', (procedures, context) => procedures.listCertificates(context, { keystoreFolders: searchedFolders() }));
      authority.update({ environment, certificates, readAt: new Date() });
      return certificates;
    },
    guideOf.list,
  );

  const revoke = guarded(
    log,
    'revoke',
    async (target: CertificateTarget) => {
      const certificate = certificateOf(target);
      if (!certificate) return undefined;
      const tr = t();
      // Asked first, as the production confirmation is: revocation cannot be undone, and with the
      // eID alone no password stands in the way.
      const confirmed = await confirmPick({ title: tr('authority.revoke.confirm', holderOf(certificate)), cancel: tr('authority.revoke.keep'), confirm: tr('authority.revoke.button'), detail: tr('authority.revoke.detail') });
      if (!confirmed) return undefined;
      const result = await run('revoke', (procedures, context) => procedures.revokeCertificate(context, { publicKeyIdentifier: certificate.publicKeyIdentifier }));
      void vscode.window.showInformationMessage(tr('authority.revoked', holderOf(certificate)));
      return result;
    },
    guideOf.revoke,
  );

  const showKeystore = guarded(log, 'show keystore', async (target: CertificateTarget) => {
    const keystore = certificateOf(target)?.keystore;
    if (!keystore) return undefined;
    const node = await tree.keystoreNode(keystore);
    // Moved or deleted since eHealth was asked: the Keystores view shows what is there now.
    if (!node) {
      tree.refresh();
      void vscode.window.showWarningMessage(t()('authority.keystore.gone', { file: path.basename(keystore) }));
      return undefined;
    }
    await keystoreView.reveal(node, { select: true, focus: true });
    return keystore;
  });

  const copy = guarded(log, 'copy public key identifier', async (target: CertificateTarget) => {
    const identifier = certificateOf(target)?.publicKeyIdentifier;
    if (!identifier) return undefined;
    await vscode.env.clipboard.writeText(identifier);
    void vscode.window.showInformationMessage(t()('view.copy.done', { identifier }));
    return identifier;
  });

  return [
    vscode.commands.registerCommand('ehealth.authority.refresh', read),
    vscode.commands.registerCommand('ehealth.authority.revoke', revoke),
    vscode.commands.registerCommand('ehealth.authority.complete', onKeystore('ehealth.cert.complete')),
    vscode.commands.registerCommand('ehealth.authority.renew', onKeystore('ehealth.cert.renew')),
    vscode.commands.registerCommand('ehealth.authority.activateEtk', onKeystore('ehealth.cert.activateEtk')),
    vscode.commands.registerCommand('ehealth.authority.showKeystore', showKeystore),
    vscode.commands.registerCommand('ehealth.authority.copyPublicKeyIdentifier', copy),
  ];
}
