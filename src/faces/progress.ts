// A procedure's progress in words for people: what is being done, never the operation's name
// (GetActorQualities), which only the log keeps.
import type { MessageKey, Translator } from '../i18n';
import type { ProgressEvent } from '../procedures/prompter';

/** Each registration operation the procedures call, as the user understands it; any other is "Contacting eHealth…". */
const AUTHORITY_STEPS: Readonly<Record<string, MessageKey>> = {
  GetActorQualities: 'procedure.progress.authority.qualities',
  GenerateContract: 'procedure.progress.authority.contract',
  GenerateCertificate: 'procedure.progress.authority.request',
  GetCertificateInfoForAuthenticationCertificate: 'procedure.progress.authority.certificate-info',
  GetCertificateInfoForCitizen: 'procedure.progress.authority.citizen-certificates',
  GenerateRevocationContract: 'procedure.progress.authority.revocation-contract',
  Revoke: 'procedure.progress.authority.revoke',
  StartETKRegistration: 'procedure.progress.authority.etk-start',
  CompleteETKRegistration: 'procedure.progress.authority.etk-complete',
  GetEtk: 'procedure.progress.authority.etk-lookup',
  ActivateETK: 'procedure.progress.authority.etk-activate',
};

export function progressMessage(t: Translator, event: ProgressEvent): string {
  if (event.step === 'asking-authority') return t(AUTHORITY_STEPS[event.operation] ?? 'procedure.progress.asking-authority');
  return t(`procedure.progress.${event.step}`, { ...event } as Record<string, string | number>);
}

/** The event as the log keeps it: its step and what it carries (the operation's name included). */
export function progressLogLine(event: ProgressEvent): string {
  const { step, ...details } = event;
  return [step, ...Object.entries(details).map(([name, value]) => `${name}=${String(value)}`)].join(' ');
}
