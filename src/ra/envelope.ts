// SOAP 1.1 envelopes: wrap a request element, open an answer (faults become ra/soap-fault errors).
import { isDomainError } from '../core/domainError';
import { RaError } from './errors';
import { NS } from './namespaces';
import { optionalText } from './read';
import { buildDocument, childElements, el, parseXml, serialize, type XmlElement } from './xml';

/** The serialized envelope carrying `request` in its Body. */
export function envelope(request: XmlElement): string {
  return serialize(buildDocument(request, [el(NS.soap, 'Envelope'), el(NS.soap, 'Body')]).doc);
}

/**
 * Parses an answer and returns the one element in its SOAP Body, which must be `ns`:`name`.
 * A Fault raises ra/soap-fault whatever the expected element.
 */
export function openEnvelope(text: string, ns: string, name: string): Element {
  const root = parseXml(text).documentElement!;
  if (root.namespaceURI !== NS.soap || root.localName !== 'Envelope') {
    throw new RaError('malformed', `Expected a SOAP 1.1 Envelope, got {${root.namespaceURI ?? ''}}${root.localName}.`, { detail: 'Envelope' });
  }
  const [body, extra] = childElements(root, NS.soap, 'Body');
  if (!body || extra) throw new RaError('malformed', 'The envelope must have exactly one Body.', { detail: 'Body' });
  const [payload, ...others] = childElements(body);
  if (!payload || others.length) throw new RaError('malformed', 'The Body must hold exactly one element.', { detail: 'Body' });
  if (payload.namespaceURI === NS.soap && payload.localName === 'Fault') {
    const code = (optionalText(payload, null, 'faultcode') ?? '').trim();
    const reason = (optionalText(payload, null, 'faultstring') ?? '').trim();
    throw new RaError('soap-fault', `SOAP fault ${code}: ${reason}`, { fault: code, reason });
  }
  if (payload.namespaceURI !== ns || payload.localName !== name) {
    throw new RaError('malformed', `Expected {${ns}}${name}, got {${payload.namespaceURI ?? ''}}${payload.localName}.`, { detail: name });
  }
  return payload;
}

/** The SOAP fault an error answer carries, if it is a readable SOAP fault. */
export function faultOf(text: string): RaError | undefined {
  try {
    openEnvelope(text, NS.soap, 'Fault');
  } catch (error) {
    if (isDomainError(error, 'ra', 'soap-fault')) return error;
    if (isDomainError(error, 'ra', 'malformed')) return undefined;
    throw error;
  }
  return undefined;
}
