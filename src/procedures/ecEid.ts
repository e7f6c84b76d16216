// Recent Belgian eID cards have EC P-384 keys and sign with ecdsa-sha384. Those signatures follow
// XML-DSig and verify with xmlsec1, but no public eHealth source confirms that CertRA accepts them
// (docs/PROTOCOL.md, "not confirmed"). On eHealth's own services the user is told so before the PIN
// is asked; the sandbox accepts them.
import type { Signer } from '../core/signer';
import type { ProcedureContext } from './context';
import type { Notice } from './prompter';

/** Tells the user, through the Prompter, when `signer` is an EC eID key and the environment is eHealth's. */
export function noticeIfUnconfirmedKey(context: ProcedureContext, action: Extract<Notice, { kind: 'ec-eid-unconfirmed' }>['action'], signer: Pick<Signer, 'algorithm'>): void {
  if (context.environment === 'sandbox' || signer.algorithm !== 'ecdsa-sha384') return;
  context.prompter.notice({ kind: 'ec-eid-unconfirmed', action, environment: context.environment });
}
