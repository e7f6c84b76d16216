// An identifier as people write it, wherever a person reads one: an SSIN as `85.03.14-124.01`, an
// enterprise number as `0123.456.749`, other types as they are. Only valid identifiers are
// dotted, so a wrong one is shown as typed. Dependency-free but for its siblings.
import { formatCbe, normalizeCbe } from './cbe';
import { SSIN_TYPE, type Holder } from './holder';
import { formatSsin, isValidSsin } from './ssin';

/** `85.03.14-124.01` for an SSIN, `0123.456.749` for a CBE (and its kinds), the identifier unchanged otherwise. */
export function readableIdentifier(type: string, id: string): string {
  if (type === SSIN_TYPE && isValidSsin(id)) return formatSsin(id.replace(/\D/g, ''));
  const cbe = type === 'CBE' || type.startsWith('CBE-') ? normalizeCbe(id) : undefined;
  return cbe ? formatCbe(cbe) : id;
}

/**
 * A holder for people: a person by the SSIN alone (`85.03.14-124.01`), an organisation with its type
 * and application id (`CBE 0123.456.749 · PORTAL`, `EHP 1990001916 · VITALINKGATEWAY`).
 */
export function readableHolder(holder: Holder): string {
  const id = readableIdentifier(holder.type, holder.id);
  if (holder.type === SSIN_TYPE) return id;
  return [`${holder.type} ${id}`, ...(holder.applicationId ? [holder.applicationId] : [])].join(' · ');
}

/** A holder by name where one is known, the identifier beside it: `BRYAN EDUARD BROUCKAERT (79.02.18-021.45)`. */
export function namedHolder(holder: Holder, name: string | undefined): string {
  return name ? `${name} (${readableHolder(holder)})` : readableHolder(holder);
}
