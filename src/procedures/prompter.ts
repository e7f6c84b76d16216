// What a procedure asks the user, and what it tells them while it works. The VS Code face, the CLI
// and the tests each implement this; the eID PIN is asked by the eID engine's own Prompter.
import type { ContactData } from '../core/contactData';
import type { EhealthEnvironment, Environment } from '../core/environment';
import type { Holder } from '../core/holder';
import type { PasswordRule } from '../keystore/passwordPolicy';
import type { Identifier, LocalizedText, OrganizationType, RevocationReason } from '../ra/model';
import type { ContractText } from './contractHtml';

/** Whom the user may request a certificate for (GetActorQualities), and what they need to type another organisation. */
export interface HolderChoices {
  /** The user's SSIN, when they may request for themself. */
  self?: string;
  organizations: Array<{ names: LocalizedText[]; identifier: Identifier }>;
  /** The organisation types the authority accepts (GetGenericOrganizationTypes, asked once, when first needed), to type an organisation not listed. */
  organizationTypes(): Promise<OrganizationType[]>;
  /** The application ids an organisation already uses (GetExistingApplicationIds; `null`: a certificate without one), to show them and refuse a taken one. */
  applicationIdsInUse(organization: Identifier): Promise<(string | null)[]>;
}

/**
 * Myself, an organisation I manage (listed by eHealth), or one I type by hand with its official name
 * (as in the CBE register), which eHealth then validates by hand. `type` is the DN type (`CBE`,
 * `NIHII-HOSPITAL`, ...).
 */
export type HolderChoice = { kind: 'self' } | ({ kind: 'organization' } & Holder) | ({ kind: 'typed-organization'; name: string } & Holder);

/**
 * A contract to show before it is signed (made by contractToAccept): what it is for, where, the
 * certificate's DN, and the authority's texts (fr, nl) as sanitised HTML, the only HTML a face shows.
 */
export interface ContractToAccept {
  kind: 'request' | 'revocation';
  environment: Environment;
  dn: string;
  texts: ContractText[];
}

export type ProcedureName = 'request' | 'complete' | 'renew' | 'activate' | 'revoke' | 'change-password' | 'status' | 'list';

export type ProgressEvent =
  | { step: 'reading-eid' }
  | { step: 'asking-authority'; operation: string }
  | { step: 'keystore-created'; file: string }
  | { step: 'request-sent'; publicKeyIdentifier: string }
  | { step: 'waiting-delivery'; attempt: number; attempts: number }
  | { step: 'chain-installed'; file: string }
  | { step: 'etk-registered'; serialNumber: string; toBeActivated: boolean }
  | { step: 'etk-published' }
  | { step: 'etk-activated' }
  | { step: 'revoked'; publicKeyIdentifier: string };

/**
 * Something the user should read before the procedure goes on; nothing is asked. Faces keep it in
 * sight (a warning in VS Code, a line on stderr) and turn the code into words.
 */
export type Notice =
  /** The eID has EC P-384 keys: eHealth has not confirmed that CertRA accepts their ecdsa-sha384 signatures. */
  { kind: 'ec-eid-unconfirmed'; action: 'request' | 'renew' | 'revoke'; environment: EhealthEnvironment };

/** Every question may be declined: `undefined` (or `false`) cancels the procedure, nothing changed. */
export interface Prompter {
  chooseHolder(choices: HolderChoices): Promise<HolderChoice | undefined>;
  /** At least one e-mail and one phone; when two are given they must differ. */
  contactData(): Promise<ContactData | undefined>;
  /** Shows the contract's texts; true only on the user's explicit acceptance. */
  acceptContract(contract: ContractToAccept): Promise<boolean>;
  /** A new keystore password, already confirmed by the user, meeting `rules`. */
  newKeystorePassword(rules: readonly PasswordRule[]): Promise<string | undefined>;
  keystorePassword(file: string): Promise<string | undefined>;
  /** Any action in production asks this first. */
  confirmProduction(action: ProcedureName): Promise<boolean>;
  revocationReason(choices: readonly RevocationReason[]): Promise<RevocationReason | undefined>;
  progress(event: ProgressEvent): void;
  notice(notice: Notice): void;
}
