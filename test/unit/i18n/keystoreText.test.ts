import { strict as assert } from 'node:assert';
import { translator } from '../../../src/i18n';
import { entryText, holderText, statusText, warningText } from '../../../src/i18n/keystoreText';
import { openKeystore } from '../../../src/keystore/inspect';
import { realKeystore, realPassword } from '../keystore/fixtures';

describe('keystore words for people', () => {
  it('names entries: the ETK by the end of its serial, the holder by name, a CA by its name, a copy of the holder certificate by the holder', async () => {
    const { keystore } = await openKeystore(realKeystore(), { password: realPassword });
    const names = (language: 'en' | 'fr', name?: string) => keystore.entries.map((entry) => entryText(entry, { ...keystore.holder!, name }, translator(language)));
    assert.deepEqual(names('en', 'BRYAN EDUARD BROUCKAERT'), ['BRYAN EDUARD BROUCKAERT', 'ETK · serial …BD90', 'TEST-ZetesConfidens-eHealth acceptance test-issuing CA 001', 'BRYAN EDUARD BROUCKAERT']);
    assert.deepEqual(names('fr'), ['79.02.18-021.45', 'ETK · numéro de série …BD90', 'TEST-ZetesConfidens-eHealth acceptance test-issuing CA 001', '79.02.18-021.45']);
    assert.equal(entryText({ kind: 'key-only', alias: 'lonely', key: { type: 'rsa', bits: 2048 } }, undefined, translator('en')), 'lonely');
  });

  it("names another holder's certificate by its own identifier, never by the keystore holder's name", async () => {
    const { keystore } = await openKeystore(realKeystore(), { password: realPassword });
    const own = keystore.entries.find((entry) => entry.kind === 'authentication')!;
    const foreign = { ...own, kind: 'certificate' as const, certificate: { ...own.certificate, subject: 'CN=SSIN\\=85031412401,OU=eHealth-platform Belgium,C=BE' } };
    assert.equal(entryText(foreign, keystore.holder, translator('en')), '85.03.14-124.01');
    assert.equal(entryText(own, keystore.holder, translator('en')), 'BRYAN EDUARD BROUCKAERT');
  });

  it('writes the holder in full, and a status with its date in words', async () => {
    const { keystore } = await openKeystore(realKeystore(), { password: realPassword, at: new Date('2026-12-02T12:00:00Z') });
    assert.equal(holderText(keystore.holder!, keystore.holder!.name), 'BRYAN EDUARD BROUCKAERT, 79.02.18-021.45 (SSIN=79021802145)');
    assert.equal(holderText({ type: 'CBE', id: '0123456749' }, undefined), 'CBE 0123.456.749 (CBE=0123456749)');
    assert.equal(statusText(keystore, translator('fr')), 'expiré le 23 août 2026');
    assert.equal(statusText(keystore, translator('nl'), 'short'), 'vervallen op 23 aug 2026');
  });

  it("decodes the issuer's DN in a warning", () => {
    const text = warningText({ code: 'issuer-not-ehealth', params: { issuer: 'CN=Company CA\\, internal,2.5.4.5=#1303303031,C=BE' } }, translator('en'));
    assert.ok(text.includes('CN=Company CA, internal, SERIALNUMBER=001, C=BE'), text);
  });
});
