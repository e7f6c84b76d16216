// eHealth's naming rules (DOMAIN.md section 3): which holders exist, how their identifiers look,
// and the exact subject DN a certificate for them must carry.
import { isValidCbe, isValidSsin } from '../identifiers';
import { formatName } from '../keystore/certificate';
import { holderTypes } from '../keystore/holderTypes';
import { SSIN_TYPE, type CertificateIdentifier } from '../ra/model';
import { Refusal } from './refusal';
import type { Holder } from './state';

export interface OrganizationTypeRule {
  type: string;
  /** The sandbox's own identifier type URI; the real ones come from eHealth's GetGenericOrganizationTypes. */
  identifierType: string;
  validationRegEx: string;
}

export const ORGANIZATION_TYPES: OrganizationTypeRule[] = [...holderTypes]
  .filter(([type]) => type !== 'SSIN')
  .map(([type, length]) => ({
    type,
    identifierType: `urn:be:fgov:ehealth:1.0:certificateholder:organization:${type.toLowerCase()}`,
    validationRegEx: length ? `^[0-9]{${length}}$` : '^[0-9A-Z]{1,20}$',
  }));

const APPLICATION_ID = /^[0-9A-Z_-]{1,30}$/;

/** The DN's NAME: upper case, accents removed, single spaces. */
export function dnName(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toUpperCase().replace(/\s+/g, ' ').trim();
}

/** The organization type of an actor Id Type: the URI from GetGenericOrganizationTypes, or the bare DN type. */
export function organizationType(idType: string): OrganizationTypeRule | undefined {
  return ORGANIZATION_TYPES.find((rule) => rule.identifierType === idType || rule.type === idType);
}

export function checkSsin(ssin: string | undefined, role: string): string {
  if (!ssin || !isValidSsin(ssin) || !/^\d{11}$/.test(ssin)) throw new Refusal('INVALID_SSIN', `The ${role}'s SSIN "${ssin ?? ''}" is not a valid national number.`);
  return ssin;
}

/** The holder a contract is asked for, checked against the naming rules. */
export function holderOf(certificate: CertificateIdentifier): Holder {
  const { actor, applicationId } = certificate;
  const [id, ...others] = actor.ids;
  if (!id || others.length) throw new Refusal('INVALID_HOLDER', 'The certificate holder must have exactly one identifier.');
  if (id.type === SSIN_TYPE) {
    if (applicationId !== undefined) throw new Refusal('INVALID_APPLICATION_ID', 'A certificate for a person has no application id.');
    const name = dnName([...actor.firstNames, actor.name].join(' '));
    return { type: 'SSIN', id: checkSsin(id.value, 'holder'), name, actor: { idType: id.type, firstNames: actor.firstNames, name: actor.name } };
  }
  const rule = organizationType(id.type);
  if (!rule) throw new Refusal('UNKNOWN_ORGANIZATION_TYPE', `Unknown organization identifier type "${id.type}".`);
  if (!new RegExp(rule.validationRegEx).test(id.value) || (rule.type.startsWith('CBE') && !isValidCbe(id.value))) {
    throw new Refusal('INVALID_IDENTIFIER', `"${id.value}" is not a valid ${rule.type} number.`);
  }
  if (applicationId !== undefined && !APPLICATION_ID.test(applicationId)) {
    throw new Refusal('INVALID_APPLICATION_ID', `The application id "${applicationId}" must be 1 to 30 of A-Z, 0-9, "-" and "_".`);
  }
  return {
    type: rule.type,
    id: id.value,
    ...(applicationId !== undefined ? { applicationId } : {}),
    name: dnName(actor.name),
    actor: { idType: id.type, firstNames: actor.firstNames, name: actor.name },
  };
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

/** RFC 4514: `CN=SSIN\=79021802145, OU=eHealth-platform Belgium, OU=JEAN DUPONT, ..., C=BE`. */
export function subjectDn(holder: Holder): string {
  return formatName(subjectAttributes(holder).map(([type, value]) => ({ type, value })));
}
