// The request's structure as its XSD gives it (children, order, cardinality), checked before any
// handler reads it: a message eHealth's schema validation would reject gets a SOAP Client fault.
import { NS } from '../ra/namespaces';
import type { Operation } from '../ra/operation';
import { childElements } from '../ra/xml';
import { InvalidRequest } from './refusal';

const DATE_TIME = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)?$/;

export function checkShape(operation: Operation<never, unknown>, request: Element, children: string[]): void {
  if (operation.version === 2) {
    if (!/^[A-Za-z_][\w.-]*$/.test(request.getAttribute('Id') ?? '')) throw new InvalidRequest('The request has no valid Id attribute.');
    if (!DATE_TIME.test(request.getAttribute('IssueInstant') ?? '')) throw new InvalidRequest('The request has no valid IssueInstant attribute.');
  }
  const found = childElements(request);
  const signature = operation.signedWith ? found.pop() : undefined;
  if (operation.signedWith && (signature?.namespaceURI !== NS.ds || signature.localName !== 'Signature')) {
    throw new InvalidRequest(`${operation.name}Request must end with a ds:Signature.`);
  }
  let index = 0;
  for (const spec of children) {
    const name = spec.replace(/[?*]$/, '');
    const many = spec.endsWith('*');
    const optional = many || spec.endsWith('?');
    let count = 0;
    while (index < found.length && found[index].namespaceURI === operation.ns && found[index].localName === name && (many || count === 0)) {
      index += 1;
      count += 1;
    }
    if (!count && !optional) throw new InvalidRequest(`${operation.name}Request lacks ${name}.`);
  }
  if (index < found.length) throw new InvalidRequest(`${operation.name}Request has an unexpected element ${found[index].localName}.`);
}
