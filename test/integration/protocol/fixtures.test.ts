// The oracle itself is checked first: every hand-written fixture validates against eHealth's XSDs
// (xmllint, offline), has the shape facts.json states for its operation, and every file of the
// folder is listed there.
import assert from 'node:assert/strict';
import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { DS, FIXTURES, SOAP11, childName, elementChildren, facts, fixture, payloadOf, run, validate } from './support';

const V2_REQUEST = /^_[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

function filesUnder(folder: string): string[] {
  return readdirSync(folder).flatMap((name) => {
    const path = join(folder, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [relative(FIXTURES, path)];
  });
}

/** The attributes of an element, namespace declarations left out. */
function attributeNames(element: Element): string[] {
  return Array.from({ length: element.attributes.length }, (_, i) => element.attributes.item(i)!.name).filter((name) => name !== 'xmlns' && !name.startsWith('xmlns:'));
}

describe('protocol conformance: the fixtures are valid eHealth messages', function () {
  this.timeout(60_000);

  before(() => run('xmllint', ['--version']));

  for (const [name, operation] of Object.entries(facts.operations)) {
    const service = facts.services[operation.service];
    const documents = [...operation.requests.map((path) => ['request', path]), ...Object.values(operation.answers).map((path) => ['answer', path])];

    for (const [kind, path] of documents) {
      it(`${path} validates against the ${operation.service} XSD and is a ${name} ${kind}`, () => {
        const validation = validate(operation.service, join(FIXTURES, path));
        assert.ok(validation.ok, validation.output);
        const root = payloadOf(fixture(path));
        assert.equal(root.namespaceURI, service.namespace);
        assert.equal(root.localName, `${name}${kind === 'request' ? 'Request' : 'Response'}`);
      });
    }

    for (const path of operation.requests) {
      it(`${path}: children in the order of facts.json, signed ${operation.signedWith ?? 'never'}`, () => {
        const root = payloadOf(fixture(path));
        const children = elementChildren(root);
        assert.deepEqual(children.map(childName), operation.requestChildren);
        for (const child of children) assert.equal(child.namespaceURI, child.localName === 'Signature' ? DS : service.namespace, child.localName);
        assert.equal(children.at(-1)?.namespaceURI === DS, operation.signedWith !== null, 'a signed request ends with its ds:Signature');
        if (operation.service === 'etkdepot') {
          assert.deepEqual(attributeNames(root), [], 'a v1 request has no attributes');
        } else {
          assert.match(root.getAttribute('Id') ?? '', V2_REQUEST);
          assert.match(root.getAttribute('IssueInstant') ?? '', /^\d{4}-\d\d-\d\dT/);
        }
        if (operation.signedWith === null) return;
        const signature = children.at(-1)!;
        const algorithm = (local: string) => Array.from(signature.getElementsByTagNameNS(DS, local) as unknown as Element[]).map((e) => e.getAttribute('Algorithm'));
        assert.deepEqual(algorithm('CanonicalizationMethod'), [facts.signature.canonicalization]);
        assert.deepEqual(algorithm('SignatureMethod'), [facts.signature.signatureMethod]);
        assert.deepEqual(algorithm('Transform'), facts.signature.transforms);
        assert.deepEqual(algorithm('DigestMethod'), [facts.signature.digest]);
        const reference = signature.getElementsByTagNameNS(DS, 'Reference')[0];
        assert.equal(reference.getAttribute('URI'), `#${root.getAttribute('Id')}`);
      });
    }
  }

  it('the SOAP fault fixture is a SOAP 1.1 Fault with faultcode and faultstring', () => {
    const fault = payloadOf(fixture(facts.fault));
    assert.equal(fault.namespaceURI, SOAP11);
    assert.equal(fault.localName, 'Fault');
    assert.deepEqual(elementChildren(fault).map((child) => [child.namespaceURI ?? null, child.localName]), [[null, 'faultcode'], [null, 'faultstring']]);
  });

  it('the answers a request refers to answer that request (InResponseTo)', () => {
    for (const operation of Object.values(facts.operations)) {
      if (operation.service === 'etkdepot') continue;
      const ids = new Set(operation.requests.map((path) => payloadOf(fixture(path)).getAttribute('Id')));
      const answered = Object.values(operation.answers).map((path) => payloadOf(fixture(path)).getAttribute('InResponseTo'));
      assert.ok(answered.some((id) => ids.has(id)), `${operation.requests[0]}: no answer refers to it`);
    }
  });

  it('every file of the folder is listed in facts.json or documented in the README', () => {
    const listed = new Set<string>(['README.md', 'facts.json', facts.fault, facts.challenge.encryptionKey]);
    for (const operation of Object.values(facts.operations)) for (const path of [...operation.requests, ...Object.values(operation.answers)]) listed.add(path);
    assert.deepEqual(filesUnder(FIXTURES).filter((path) => !listed.has(path)), []);
    for (const path of listed) assert.ok(statSync(join(FIXTURES, path)).isFile(), path);
  });

  it('the README names the origin of every fixture', () => {
    const readme = fixture('README.md');
    for (const path of filesUnder(FIXTURES).filter((file) => file.endsWith('.xml'))) assert.ok(readme.includes(path), `README.md does not mention ${path}`);
  });
});
