// The request's structure as its XSD gives it (children, order, cardinality), checked before any
// handler reads it: a message eHealth's schema validation would reject gets a SOAP Client fault.
import { NS } from '../protocol/namespaces';
import type { OperationSpec } from './operations';
import { InvalidRequest } from './refusal';
import { elements } from './xml';

const DATE_TIME = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)?$/;

export function checkShape(spec: OperationSpec, request: Element): void {
  if (spec.version === 2) {
    if (!/^[A-Za-z_][\w.-]*$/.test(request.getAttribute('Id') ?? '')) throw new InvalidRequest('The request has no valid Id attribute.');
    if (!DATE_TIME.test(request.getAttribute('IssueInstant') ?? '')) throw new InvalidRequest('The request has no valid IssueInstant attribute.');
  }
  const found = elements(request);
  const signature = spec.signedWith ? found.pop() : undefined;
  if (spec.signedWith && (signature?.namespaceURI !== NS.ds || signature.localName !== 'Signature')) {
    throw new InvalidRequest(`${spec.name}Request must end with a ds:Signature.`);
  }
  let index = 0;
  for (const child of spec.children) {
    const name = child.replace(/[?*]$/, '');
    const many = child.endsWith('*');
    const optional = many || child.endsWith('?');
    let count = 0;
    while (index < found.length && found[index].namespaceURI === spec.ns && found[index].localName === name && (many || count === 0)) {
      index += 1;
      count += 1;
    }
    if (!count && !optional) throw new InvalidRequest(`${spec.name}Request lacks ${name}.`);
  }
  if (index < found.length) throw new InvalidRequest(`${spec.name}Request has an unexpected element ${found[index].localName}.`);
}
