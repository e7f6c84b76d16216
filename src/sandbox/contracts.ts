// Contracts the sandbox hands out must come back unchanged inside the signed request: each is
// remembered by a digest of its exclusive canonical form (indifferent to where namespaces are
// declared or to CDATA, sensitive to every name, attribute and character of text).
import { createHash } from 'node:crypto';
import { ExclusiveCanonicalization } from 'xml-crypto';
import { document, elements, parseDocument, type Node_ } from './xml';

export function contractDigest(contract: Element): string {
  const hash = createHash('sha256');
  for (const child of elements(contract)) hash.update(new ExclusiveCanonicalization().process(child, {})).update('\n');
  return hash.digest('hex');
}

/** The digest of a contract about to be sent, as it will read once parsed by the client. */
export function digestOfNew(contract: Node_): string {
  return contractDigest(parseDocument(document(contract)).documentElement!);
}
