// eHealth's naming rules as the sandbox applies them (its own reading, not the client's): which
// holders exist, how their identifiers look and check, and the exact subject DN a certificate for
// them carries (CN=TYPE\=ID[\, APP], OU=eHealth-platform Belgium, OU=NAME, OU=TYPE\=ID[, OU=APP],
// O=Federal Government, C=BE; NAME in capitals without accents).
import { Refusal } from './refusal';
import type { Holder } from './state';

/** A person's identifier type in every message (XSD: "an identifier of type SSIN"). */
export const PERSON_TYPE = 'SSIN';

export interface OrganizationTypeRule {
  /** The DN type, also the identifier type in messages (`CBE`, `NIHII-HOSPITAL`, ...). */
  type: string;
  validationRegEx: string;
  checkDigit?: 'MOD97';
}

// The sandbox's own reading of the connector's IdentifierType (technical/utils/IdentifierType.java,
// the ETKDEPOT column), not the client's table: a wrong length on one side fails on the other.
const NIHII_KINDS = [
  'PHARMACY', 'HOSPITAL', 'GROUP', 'LABO', 'RETIREMENT', 'OTD_PHARMACY', 'PALLIATIVE_CARE', 'OFFICE_DENTISTS',
  'MEDICAL_HOUSE', 'OFFICE_DOCTORS', 'GROUP_DOCTORS', 'OF_BAND', 'PSYCH_HOUSE', 'PROT_ACC', 'HOME_SERVICES',
  'OF_PHYSIOS', 'GUARD_POST', 'BELRAI', 'BELRAI_SCREEN', 'GROUP_MIDWIVES', 'SORTING_CENTER',
];
const IDENTIFIER_LENGTHS: [string, number][] = [
  ['CBE', 10], ['CBE-TREAT_CENTER', 10], ['CBE-CONSORTIUM', 10], ['EHP', 10], ['EHP-CTRL_ORGANISM', 10],
  ['NIHII', 8], ['NIHII11', 11], ...NIHII_KINDS.map((kind): [string, number] => [`NIHII-${kind}`, 8]),
  ['SITE', 4], ['SITESMUR', 10], ['SITEPIT', 10],
];

export const ORGANIZATION_TYPES: OrganizationTypeRule[] = IDENTIFIER_LENGTHS.map(([type, length]) => ({
  type,
  validationRegEx: `^[0-9]{${length}}$`,
  ...(type.startsWith('CBE') ? { checkDigit: 'MOD97' as const } : {}),
}));

const APPLICATION_ID = /^[0-9A-Z_-]{1,30}$/;

/** National register (and BIS) numbers: 97 - (first nine mod 97), born before 2000 or after (prefix 2). */
export function isSsin(value: string): boolean {
  if (!/^[0-9]{11}$/.test(value)) return false;
  const check = Number(value.slice(9));
  return [value.slice(0, 9), `2${value.slice(0, 9)}`].some((digits) => 97 - Number(BigInt(digits) % 97n) === check);
}

/** Enterprise numbers: the last two digits are 97 - (first eight mod 97). */
export const isCbe = (value: string) => /^[01][0-9]{9}$/.test(value) && 97 - (Number(value.slice(0, 8)) % 97) === Number(value.slice(8));

export function checkSsin(ssin: string | undefined, role: string): string {
  if (ssin === undefined || !isSsin(ssin)) throw new Refusal('INVALID_SSIN', `The ${role}'s SSIN "${ssin ?? ''}" is not a valid national number.`);
  return ssin;
}

/** The DN's NAME: capitals, accents dropped, one space between words. */
export const dnName = (text: string) => text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLocaleUpperCase('en').split(/\s+/).filter(Boolean).join(' ');

export interface RequestedCertificate {
  ids: { type: string; value: string }[];
  firstNames: string[];
  name: string;
  applicationId?: string;
}

/** The holder a contract is asked for, checked against the naming rules. */
export function holderOf(requested: RequestedCertificate): Holder {
  const { ids, firstNames, name, applicationId } = requested;
  if (ids.length !== 1) throw new Refusal('INVALID_HOLDER', 'The certificate holder must have exactly one identifier.');
  const [{ type, value }] = ids;
  const actor = { idType: type, firstNames, name };
  if (type === PERSON_TYPE) {
    if (applicationId !== undefined) throw new Refusal('INVALID_APPLICATION_ID', 'A certificate for a person has no application id.');
    return { type, id: checkSsin(value, 'holder'), name: dnName(`${firstNames.join(' ')} ${name}`), actor };
  }
  const rule = ORGANIZATION_TYPES.find((candidate) => candidate.type === type);
  if (!rule) throw new Refusal('UNKNOWN_ORGANIZATION_TYPE', `Unknown organization identifier type "${type}".`);
  if (!new RegExp(rule.validationRegEx).test(value) || (rule.checkDigit === 'MOD97' && !isCbe(value))) {
    throw new Refusal('INVALID_IDENTIFIER', `"${value}" is not a valid ${rule.type} number.`);
  }
  if (applicationId !== undefined && !APPLICATION_ID.test(applicationId)) {
    throw new Refusal('INVALID_APPLICATION_ID', `The application id "${applicationId}" must be 1 to 30 of A-Z, 0-9, "-" and "_".`);
  }
  return { type, id: value, ...(applicationId !== undefined ? { applicationId } : {}), name: dnName(name), actor };
}

/** The subject of the holder's certificate, in certificate order (C first). */
export function subjectAttributes(holder: Holder): [string, string][] {
  const typed = `${holder.type}=${holder.id}`;
  const app = holder.applicationId;
  return [
    ['C', 'BE'],
    ['O', 'Federal Government'],
    ...(app ? [['OU', app] as [string, string]] : []),
    ['OU', typed],
    ['OU', holder.name],
    ['OU', 'eHealth-platform Belgium'],
    ['CN', app ? `${typed}, ${app}` : typed],
  ];
}

// RFC 4514 section 2.4: these are escaped anywhere, '#' and ' ' first, ' ' last.
const SPECIAL = new Set(['"', '+', ',', ';', '<', '>', '\\', '=']);

function escapeValue(value: string): string {
  const characters = [...value].map((character) => (SPECIAL.has(character) ? `\\${character}` : character));
  if (characters[0] === '#' || characters[0] === ' ') characters[0] = `\\${characters[0]}`;
  if (characters.length > 1 && characters[characters.length - 1] === ' ') characters[characters.length - 1] = '\\ ';
  return characters.join('');
}

/** The DN as a contract states it, most specific first: `CN=SSIN\=79021802145, OU=..., C=BE`. */
export function subjectDn(holder: Holder): string {
  return subjectAttributes(holder)
    .reverse()
    .map(([type, value]) => `${type}=${escapeValue(value)}`)
    .join(', ');
}
