import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { commonName, dnAttributes, readableDn } from '../../../src/core/distinguishedName';
import { openKeystore } from '../../../src/keystore/inspect';
import { realKeystore, realPassword } from '../keystore/fixtures';
import { parseCertificate } from '../../../src/keystore/certificate';

// DNs as `openssl x509 -noout -subject -issuer -nameopt RFC2253` prints them for the fixtures
// (test/fixtures/keystores), and what people read of them.
const printedByOpenssl = {
  citizen: 'CN=SSIN\\=79021802145,OU=eHealth-platform Belgium,OU=BRYAN EDUARD BROUCKAERT,OU=SSIN\\=79021802145,O=Federal Government,C=BE',
  acceptanceCa: 'CN=TEST-ZetesConfidens-eHealth acceptance test-issuing CA 001,serialNumber=001,O=ZETES SA,C=BE',
  acceptanceRoot: 'CN=TEST-ZetesConfidens-eHealth acceptance test-root CA 001,serialNumber=001,O=ZETES SA,C=BE',
  vitalink: 'CN=EHP=1990001916\\, VITALINKGATEWAY,OU=eHealth-platform Belgium,OU=VLAAMS AGENTSCHAP ZORG EN GEZONDHEID,OU=EHP=1990001916,OU=VITALINKGATEWAY,O=Federal Government,C=BE',
  productionCa: 'CN=ZetesConfidens Private Trust PKI - eHealth issuing CA 001,serialNumber=001,O=ZETES SA,C=BE',
};
const readable = {
  citizen: 'CN=SSIN=79021802145, OU=eHealth-platform Belgium, OU=BRYAN EDUARD BROUCKAERT, OU=SSIN=79021802145, O=Federal Government, C=BE',
  acceptanceCa: 'CN=TEST-ZetesConfidens-eHealth acceptance test-issuing CA 001, SERIALNUMBER=001, O=ZETES SA, C=BE',
  acceptanceRoot: 'CN=TEST-ZetesConfidens-eHealth acceptance test-root CA 001, SERIALNUMBER=001, O=ZETES SA, C=BE',
  vitalink: 'CN=EHP=1990001916, VITALINKGATEWAY, OU=eHealth-platform Belgium, OU=VLAAMS AGENTSCHAP ZORG EN GEZONDHEID, OU=EHP=1990001916, OU=VITALINKGATEWAY, O=Federal Government, C=BE',
  productionCa: 'CN=ZetesConfidens Private Trust PKI - eHealth issuing CA 001, SERIALNUMBER=001, O=ZETES SA, C=BE',
};
const fixtures = path.join(__dirname, '..', '..', 'fixtures', 'keystores');

describe('distinguished names for people', () => {
  it("reads the fixtures' DNs as openssl prints them: types by name, escapes gone", () => {
    for (const [name, dn] of Object.entries(printedByOpenssl)) assert.equal(readableDn(dn), readable[name as keyof typeof readable], name);
  });

  it('reads the real keystore as the engine writes its DNs, and the JDK aliases with OIDs and BER values', async () => {
    const { keystore } = await openKeystore(realKeystore(), { password: realPassword });
    const certificates = keystore.entries.flatMap((entry) => ('certificate' in entry ? [entry.certificate, ...entry.chain] : []));
    assert.ok(certificates.length >= 3);
    for (const certificate of certificates) {
      assert.ok([readable.citizen, readable.acceptanceCa].includes(readableDn(certificate.subject)), certificate.subject);
      assert.ok([readable.citizen, readable.acceptanceCa, readable.acceptanceRoot].includes(readableDn(certificate.issuer)), certificate.issuer);
    }
    // As the JDK names a trusted certificate entry (the keystore's friendlyName, openssl pkcs12 -info).
    assert.equal(readableDn('CN=TEST-ZetesConfidens-eHealth acceptance test-issuing CA 001,2.5.4.5=#1303303031,O=ZETES SA,C=BE'), readable.acceptanceCa);
  });

  it('reads a production organisation certificate with an application id', () => {
    const certificate = parseCertificate(readFileSync(path.join(fixtures, 'ehp-vitalink-production.crt')));
    assert.equal(readableDn(certificate.details.subject), readable.vitalink);
    assert.equal(readableDn(certificate.details.issuer), readable.productionCa);
    assert.equal(commonName(certificate.details.subject), 'EHP=1990001916, VITALINKGATEWAY');
    assert.equal(commonName(certificate.details.issuer), 'ZetesConfidens Private Trust PKI - eHealth issuing CA 001');
  });

  it('reads quoted values, hex escapes of UTF-8, OID. prefixes and spaces kept by escape', () => {
    assert.deepEqual(dnAttributes('CN="SSIN=79021802145", OU=JEAN DUPONT'), [
      { type: 'CN', value: 'SSIN=79021802145' },
      { type: 'OU', value: 'JEAN DUPONT' },
    ]);
    assert.equal(commonName('CN=Am\\C3\\A9lie Lef\\C3\\A8vre,C=BE'), 'Amélie Lefèvre');
    assert.equal(readableDn('OID.2.5.4.97=NTRBE-0123456749+2.5.4.42=Amélie'), 'ORGANIZATIONIDENTIFIER=NTRBE-0123456749, GIVENNAME=Amélie');
    assert.equal(commonName('CN=\\ padded\\ ,O=x'), ' padded ');
    assert.equal(commonName('O=no common name'), undefined);
  });

  it("reads Node's unescaped lines as the eID engine joins them", () => {
    assert.equal(
      readableDn('C=BE, CN=Amélie Lefèvre (Authentication), SN=Lefèvre, GN=Amélie, serialNumber=85031412401'),
      'C=BE, CN=Amélie Lefèvre (Authentication), SURNAME=Lefèvre, GIVENNAME=Amélie, SERIALNUMBER=85031412401',
    );
  });

  it('shows control characters visibly and a text that is no DN as it is', () => {
    assert.equal(readableDn('CN=a\\0Ab'), 'CN=a\\nb');
    assert.equal(readableDn('authentication'), 'authentication');
    assert.equal(readableDn('O=\\23x,2.5.4.5=#0403303031'), 'O=#x, SERIALNUMBER=#0403303031');
    assert.equal(readableDn('CN=x,O\u0007U=y'), 'CN=x, O\\x07U=y');
  });

  it('reads a value that starts with # but is no hex BER value as written, up to its separator', () => {
    assert.deepEqual(dnAttributes('CN=#ZZ,O=x'), [{ type: 'CN', value: '#ZZ' }, { type: 'O', value: 'x' }]);
    assert.deepEqual(dnAttributes('CN=#1 Team, O=x'), [{ type: 'CN', value: '#1 Team' }, { type: 'O', value: 'x' }]);
    assert.equal(commonName('CN=#1303303031 ,O=x'), '001');
  });

  it('keeps the spaces inside a quoted value, trims those around an unquoted one', () => {
    assert.equal(commonName('CN="padded  " ,O=x'), 'padded  ');
    assert.equal(commonName('CN= padded  ,O=x'), 'padded');
  });
});
