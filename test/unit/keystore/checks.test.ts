import { strict as assert } from 'node:assert';
import { openKeystore } from '../../../src/keystore/inspect';
import { parseCertificate } from '../../../src/keystore/certificate';
import type { Pkcs12Contents } from '../../../src/keystore/pkcs12/writer';
import { etkOf, evaluatedAt, issue, issuingDn, makePki, newKey, rootDn, testPassword, writeKeystore, type TestPki } from './testPki';

const open = async (bytes: Uint8Array, checkKeys = true) => (await openKeystore(bytes, { password: testPassword, at: evaluatedAt, checkKeys })).keystore;
const results = (keystore: Awaited<ReturnType<typeof open>>) => keystore.checks.map((check) => `${check.code}:${check.alias}:${check.result}`);
const subjectOf = (der: Uint8Array) => parseCertificate(der).details.subject;

describe('inspect: the consistency checks fail when the keystore is inconsistent', function () {
  this.timeout(60_000);
  let pki: TestPki;
  let etkAlias: string;
  before(async () => {
    pki = await makePki();
    etkAlias = parseCertificate(pki.etk).details.serialNumber;
  });
  const complete = () => ({
    authentication: { privateKey: pki.authKey, chain: [pki.auth, pki.issuing, pki.root] },
    encryption: [{ privateKey: pki.etkKey, certificate: pki.etk }],
  });

  // The other tests change one thing of this keystore: a failure is then due to that change.
  it('passes every check on the keystore as eHealth makes it', async () => {
    const keystore = await open(await writeKeystore(complete()));
    assert.deepEqual(results(keystore), [
      'key-matches-certificate:authentication:ok',
      `key-matches-certificate:${etkAlias}:ok`,
      'chain-order:authentication:ok',
      `chain-order:${etkAlias}:ok`,
      `etk-issued-by-authentication:${etkAlias}:ok`,
    ]);
    assert.equal(keystore.environment, 'sandbox');
    assert.equal(keystore.status, 'valid');
    assert.deepEqual(keystore.warnings, []);
  });

  it('fails key-matches-certificate for an authentication key that is not the certificate\'s', async () => {
    const content = complete();
    content.authentication.privateKey = newKey();
    const bytes = await writeKeystore(content);
    const keystore = await open(bytes);
    assert.deepEqual(results(keystore).slice(0, 2), ['key-matches-certificate:authentication:failed', `key-matches-certificate:${etkAlias}:ok`]);
    // Without decrypting the keys nothing is claimed either way.
    assert.deepEqual(results(await open(bytes, false)).slice(0, 2), ['key-matches-certificate:authentication:unchecked', `key-matches-certificate:${etkAlias}:unchecked`]);
    // The status speaks of the certificate's dates and the eHealth rules; the check reports the key.
    assert.equal(keystore.status, 'valid');
    assert.deepEqual(keystore.warnings, []);
  });

  it('fails key-matches-certificate for an ETK key that is not its certificate\'s', async () => {
    const content = complete();
    content.encryption[0].privateKey = pki.authKey;
    const keystore = await open(await writeKeystore(content));
    assert.deepEqual(results(keystore).slice(0, 2), ['key-matches-certificate:authentication:ok', `key-matches-certificate:${etkAlias}:failed`]);
  });

  it('fails etk-issued-by-authentication for an ETK left from a previous authentication key (same DN)', async () => {
    const content = complete();
    content.encryption = [{ privateKey: pki.etkKey, certificate: await etkOf(newKey(), pki.etkKey) }];
    const keystore = await open(await writeKeystore(content));
    assert.deepEqual(results(keystore), [
      'key-matches-certificate:authentication:ok',
      `key-matches-certificate:${etkAlias}:ok`,
      'chain-order:authentication:ok',
      `chain-order:${etkAlias}:ok`,
      `etk-issued-by-authentication:${etkAlias}:failed`,
    ]);
    assert.equal(keystore.entries.find((entry) => entry.alias === etkAlias)?.kind, 'encryption');
    assert.equal(keystore.status, 'valid');
    assert.deepEqual(keystore.warnings, []);
  });

  it('fails etk-issued-by-authentication for an ETK of another holder', async () => {
    const otherDn = 'CN=SSIN\\=85073003328, OU=eHealth-platform Belgium, OU=OTHER PERSON, OU=SSIN\\=85073003328, O=Federal Government, C=BE';
    const otherKey = newKey();
    const content = complete();
    content.encryption = [{ privateKey: pki.etkKey, certificate: await issue({ subject: otherDn, key: pki.etkKey, issuer: { dn: otherDn, key: otherKey }, serialHex: '01' }) }];
    const keystore = await open(await writeKeystore(content));
    assert.deepEqual(keystore.entries.filter((entry) => entry.kind === 'encryption').map((entry) => entry.alias), ['1']);
    assert.ok(results(keystore).includes('etk-issued-by-authentication:1:failed'), results(keystore).join('\n'));
  });

  it('fails chain-order when the CA above the certificate, by its name, did not sign it (a re-keyed CA)', async () => {
    const rekeyed = await issue({ subject: issuingDn, key: newKey(), issuer: { dn: rootDn, key: pki.rootKey }, ca: true });
    const content = complete();
    content.authentication.chain = [pki.auth, rekeyed, pki.root];
    const keystore = await open(await writeKeystore(content));
    assert.ok(results(keystore).includes('chain-order:authentication:failed'), results(keystore).join('\n'));
    assert.ok(results(keystore).includes(`chain-order:${etkAlias}:ok`));
    const auth = keystore.entries.find((entry) => entry.kind === 'authentication')!;
    assert.deepEqual(auth.chain.map((link) => link.serialNumber), [rekeyed, pki.root].map((der) => parseCertificate(der).details.serialNumber));
  });

  it('orders a chain stored root first nearest first: the file\'s order does not matter, the signatures do', async () => {
    // Only certificate entries, in the order root, issuing: the chain is rebuilt from the names.
    const names = { friendlyName: 'authentication', localKeyId: new TextEncoder().encode('Time 1') };
    const contents: Pkcs12Contents = {
      keys: [{ privateKey: pki.authKey, ...names }],
      certificates: [{ der: pki.root, friendlyName: subjectOf(pki.root) }, { der: pki.issuing, friendlyName: subjectOf(pki.issuing) }, { der: pki.auth, ...names }],
    };
    const keystore = await open(await writeKeystore(contents));
    const auth = keystore.entries.find((entry) => entry.kind === 'authentication')!;
    assert.deepEqual(auth.chain.map((link) => link.subject), [subjectOf(pki.issuing), subjectOf(pki.root)]);
    assert.ok(results(keystore).includes('chain-order:authentication:ok'), results(keystore).join('\n'));
  });

  it('follows the CA that signed when an older CA certificate of the same name is in the keystore too', async () => {
    const older = await issue({ subject: issuingDn, key: newKey(), issuer: { dn: rootDn, key: pki.rootKey }, ca: true });
    const content = complete();
    content.authentication.chain = [pki.auth, older, pki.issuing, pki.root];
    const keystore = await open(await writeKeystore(content));
    const auth = keystore.entries.find((entry) => entry.kind === 'authentication')!;
    assert.equal(auth.chain[0]?.serialNumber, parseCertificate(pki.issuing).details.serialNumber, 'the CA that signed is above');
    assert.ok(results(keystore).includes('chain-order:authentication:ok'), results(keystore).join('\n'));
  });
});
