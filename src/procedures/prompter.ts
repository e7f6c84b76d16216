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
  /** The user's names as on the eID ("Amélie Lefèvre"), to say who "myself" is. */
  selfName: string;
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
 * A request's contract comes with what the user answered (`summary`), shown above it.
 */
export interface ContractToAccept {
  kind: 'request' | 'revocation';
  environment: Environment;
  dn: string;
  texts: ContractText[];
  summary?: RequestSummary;
}

/** What a request will send and write, as the user checks it before signing. Plain data: faces escape it. */
export interface RequestSummary {
  environment: Environment;
  holder: Holder;
  /** The holder's name: the user's names for themself, the organisation's for an organisation (in French for a listed one, as in the DN). */
  holderName: string;
  /** A listed organisation's names in every language eHealth gives: the face shows the user's. */
  holderNames?: LocalizedText[];
  emails: string[];
  phones: string[];
  /** The folder the keystore file goes to, and its name (the date and time part is the moment it is written). */
  folder: string;
  fileName: string;
}

/** A face's answer "go back to the previous question"; the CLI never gives it. */
export const BACK: unique symbol = Symbol('back');
export type Back = typeof BACK;

/**
 * Where a question of a request stands among its steps, as the procedure counts them (the holder 1,
 * contact data 4 boxes, the contract 1, the new password 2): this question's boxes are steps `step`
 * to `step + span - 1` of `totalSteps`. `previous` is the answer given before (going back or
 * forward again), to show as the default.
 */
export interface WizardPosition<T = never> {
  step: number;
  span: number;
  totalSteps: number;
  /** Back is offered (every step but the first). */
  back: boolean;
  /** Reached by going back: a question of several boxes starts at its last one. */
  backwards: boolean;
  previous?: T;
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

/**
 * Every question may be declined: `undefined` (or `false`) cancels the procedure, nothing changed.
 * A question asked with a position is a step of a request: the face may answer BACK when the
 * position offers it.
 */
export interface Prompter {
  chooseHolder(choices: HolderChoices, position: WizardPosition<HolderChoice>): Promise<HolderChoice | Back | undefined>;
  /** At least one e-mail and one phone; when two are given they must differ. */
  contactData(position: WizardPosition<ContactData>): Promise<ContactData | Back | undefined>;
  /** Shows the contract's texts (and a request's summary above them); true only on the user's explicit acceptance. */
  acceptContract(contract: ContractToAccept, position?: WizardPosition): Promise<boolean | Back>;
  /** A new keystore password, already confirmed by the user, meeting `rules`. */
  newKeystorePassword(rules: readonly PasswordRule[], position?: WizardPosition): Promise<string | Back | undefined>;
  keystorePassword(file: string): Promise<string | undefined>;
  /** Any action in production asks this first. */
  confirmProduction(action: ProcedureName): Promise<boolean>;
  revocationReason(choices: readonly RevocationReason[]): Promise<RevocationReason | undefined>;
  progress(event: ProgressEvent): void;
  notice(notice: Notice): void;
}
