// Identifier (holder) types known to eHealth CertRA, the length of their identifier, and the one
// rule an identifier of each type must meet before anything is sent: its length, and its check
// digits where the type has some (SSIN, CBE). The live list of types comes from
// GetGenericOrganizationTypes, whose regular expressions are checked by the procedure too; this one
// serves offline, while the user types, and to read file names. Also the rule for an organisation's
// application id, which every check of a holder applies. Dependency-free but for its siblings.
import { isValidCbe } from './cbe';
import { isApplicationId, SSIN_TYPE } from './holder';
import { isValidSsin } from './ssin';

const nihiiOrganisations = [
  'PHARMACY', 'HOSPITAL', 'GROUP', 'LABO', 'RETIREMENT', 'OTD_PHARMACY', 'PALLIATIVE_CARE', 'OFFICE_DENTISTS',
  'MEDICAL_HOUSE', 'OFFICE_DOCTORS', 'GROUP_DOCTORS', 'OF_BAND', 'PSYCH_HOUSE', 'PROT_ACC', 'HOME_SERVICES',
  'OF_PHYSIOS', 'GUARD_POST', 'BELRAI', 'BELRAI_SCREEN', 'GROUP_MIDWIVES', 'SORTING_CENTER',
];

/** Identifier length per holder type (the public Java connector's IdentifierType gives the same). */
export const holderTypes: ReadonlyMap<string, number> = new Map<string, number>([
  [SSIN_TYPE, 11],
  ['CBE', 10],
  ['CBE-TREAT_CENTER', 10],
  ['CBE-CONSORTIUM', 10],
  ['EHP', 10],
  ['EHP-CTRL_ORGANISM', 10],
  ['NIHII', 8],
  ['NIHII11', 11],
  ...nihiiOrganisations.map((suffix): [string, number] => [`NIHII-${suffix}`, 8]),
  ['SITE', 4],
  ['SITESMUR', 10],
  ['SITEPIT', 10],
]);

/** What is wrong with an identifier: a type eHealth does not know, not only digits, the wrong length, wrong check digits. */
export type IdentifierProblem = 'unknown-type' | 'not-digits' | 'length' | 'check-digits';

/** The check digits of a type, when it has some: SSIN (national and BIS numbers), CBE and its kinds. */
const checkDigits = (type: string): ((id: string) => boolean) | undefined => {
  if (type === SSIN_TYPE) return isValidSsin;
  if (type === 'CBE' || type.startsWith('CBE-')) return isValidCbe;
  return undefined;
};

/** What is wrong with `id` as an identifier of `type`; undefined when it passes. */
export function identifierProblem(type: string, id: string): IdentifierProblem | undefined {
  const length = holderTypes.get(type);
  if (length === undefined) return 'unknown-type';
  if (!/^[0-9]+$/.test(id)) return 'not-digits';
  if (id.length !== length) return 'length';
  return checkDigits(type)?.(id) === false ? 'check-digits' : undefined;
}

/** What is wrong with an application id, when there is one: not up to 30 of `A-Z 0-9 _ -`; undefined when it passes. */
export const applicationIdProblem = (applicationId: string | undefined): 'application-id' | undefined =>
  applicationId !== undefined && !isApplicationId(applicationId) ? 'application-id' : undefined;

/** The identifier as typed by a person (`0123.456.749`, `1-23456-78-901`): its characters without spaces, dots, dashes, slashes. */
export const typedIdentifier = (text: string) => text.replace(/[\s./-]/g, '');
