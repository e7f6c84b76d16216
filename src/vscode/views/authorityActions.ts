// What the "Certificates at eHealth" view offers on a certificate: its menus show a command when
// the item's contextValue holds the word (package.json, `viewItem =~ /\bword\b/`).
import type { AuthorityCertificate } from '../../procedures';

export const CERTIFICATE_ACTIONS = ['revocable', 'renewable', 'completable', 'activatable'] as const;
export type CertificateAction = (typeof CERTIFICATE_ACTIONS)[number];

/** Revocation needs the eID only; the others work on the local keystore, so they need one. */
export function certificateActions(certificate: AuthorityCertificate): CertificateAction[] {
  const local = certificate.keystore !== undefined;
  const valid = certificate.status === 'VALID_ACTIVE';
  const etkToRegister = certificate.etkStatus === 'NOT_REQUESTED' || certificate.etkStatus === 'IN_REQUEST';
  const applies: Record<CertificateAction, boolean> = {
    revocable: certificate.revocable,
    renewable: local && certificate.replaceable,
    completable: local && (certificate.status === 'IN_PROGRESS' || (valid && etkToRegister)),
    activatable: local && valid && certificate.etkStatus === 'WAIT_FOR_ACTIVATION',
  };
  return CERTIFICATE_ACTIONS.filter((action) => applies[action]);
}
