// Whom a certificate is for, as eHealth writes it: `TYPE=ID[,APPID]` (`SSIN=79021802145`,
// `CBE=0123456749`, `EHP=1990001916,VITALINKGATEWAY`). The same notation is the common name of an
// eHealth certificate and the start of a keystore's file name. Dependency-free.

export interface Holder {
  /** The DN type: `SSIN` for a person, `CBE`, `EHP`, `NIHII-HOSPITAL`, ... for an organisation. */
  type: string;
  id: string;
  /** Tells apart several certificates of one organisation (up to 30 of `A-Z 0-9 _ -`). */
  applicationId?: string;
}

/** The holder type of a natural person (and the identifier type of a person in every eHealth message). */
export const SSIN_TYPE = 'SSIN';

/** The pieces of the notation, as regular-expression sources, for notations that embed a holder (file names). */
export const holderPattern = {
  type: '[A-Z][A-Z0-9_]*(?:-[A-Z0-9_]+)?',
  id: '[0-9A-Za-z]+',
  applicationId: '[0-9A-Z_-]{1,30}',
} as const;

// A space after the comma is how certificates write it (`CN=EHP\=1990001916\, VITALINKGATEWAY`).
const notation = new RegExp(`^(?<type>${holderPattern.type})=(?<id>${holderPattern.id})(?:,\\s*(?<app>${holderPattern.applicationId}))?$`);
const applicationIdOnly = new RegExp(`^${holderPattern.applicationId}$`);

/** `EHP=1990001916,VITALINKGATEWAY` -> its parts; undefined when it is not the notation. */
export function parseHolder(text: string): Holder | undefined {
  const match = notation.exec(text)?.groups;
  if (!match) return undefined;
  const { type, id, app } = match as { type: string; id: string; app?: string };
  return holderOf(type, id, app);
}

/** A holder from its parts, without an application id when there is none (empty or undefined). */
export function holderOf(type: string, id: string, applicationId?: string): Holder {
  return { type, id, ...(applicationId ? { applicationId } : {}) };
}

/** The notation, `TYPE=ID` or `TYPE=ID,APPID`: how the holder is shown and how keystores are named. */
export function formatHolder(holder: Holder): string {
  return `${holder.type}=${holder.id}${holder.applicationId ? `,${holder.applicationId}` : ''}`;
}

export function isApplicationId(text: string): boolean {
  return applicationIdOnly.test(text);
}

export function sameHolder(a: Holder, b: Holder): boolean {
  return formatHolder(a) === formatHolder(b);
}
