// `passwd` on keystores holding what this project does not model: JDK secret keys and trusted
// certificates, CRL bags, unknown bags and attributes, nested safeContents. Everything must survive,
// as keytool and OpenSSL read it before and after.
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { createPrivateKey } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { AsnConvert, OctetString } from '@peculiar/asn1-schema';
import { ContentInfo, EncryptedContent, EncryptedContentInfo } from '@peculiar/asn1-cms';
import {
  AuthenticatedSafe,
  CertBag,
  CRLBag,
  PFX,
  PKCS12Attribute,
  PKCS8ShroudedKeyBag,
  SafeBag,
  SafeContents,
  id_CRLBag,
  id_SafeContents,
  id_certBag,
  id_pkcs8ShroudedKeyBag,
  id_x509CRL,
  id_x509Certificate,
} from '@peculiar/asn1-pfx';
import { EncryptedData as EncryptedKeyData } from '@peculiar/asn1-pkcs8';
import { DirectoryString } from '@peculiar/asn1-x509';
import { changePassword } from '../../../src/keystore/changePassword';
import { isDomainError } from '../../../src/core/domainError';
import { openKeystore } from '../../../src/keystore/inspect';
import { oid } from '../../../src/keystore/pkcs12/oids';
import { newScheme, pbeEncrypt } from '../../../src/keystore/pkcs12/pbe';
import { EncryptedData } from '../../../src/keystore/pkcs12/schemas';
import { createMac, schemeAlgorithm } from '../../../src/keystore/pkcs12/writer';
import { sharedKdfPool } from '../../../src/keystore/workerPool';
import { generateKeystores, password, requireTool, type Generated } from './generate';

const newPassword = 'Nieuw_Wachtwoord_2026';
/** Debian's libbcprov-java. */
const bcprov = '/usr/share/java/bcprov.jar';

/** keytool -list -v: every entry, its type and certificates, as the JDK reads them. */
function keytoolList(file: string, secret: string): string {
  const result = spawnSync('keytool', ['-list', '-v', '-keystore', file, '-storetype', 'pkcs12', '-storepass', secret], { encoding: 'utf8' });
  assert.equal(result.status, 0, `keytool cannot read ${file}: ${result.stdout}${result.stderr}`);
  return result.stdout;
}

/** openssl pkcs12 -info -nodes: every bag, its attributes and the decrypted keys (stdout; the algorithms go to stderr). */
function opensslBags(file: string, secret: string): string {
  const result = spawnSync('openssl', ['pkcs12', '-info', '-nodes', '-legacy', '-in', file, '-passin', 'stdin'], { input: secret, encoding: 'utf8' });
  assert.equal(result.status, 0, `openssl cannot read ${file}: ${result.stderr}`);
  return result.stdout;
}

/** Every safe and bag, keys decrypted, as BouncyCastle's ASN.1 classes and the JDK's ciphers read them (jdk/DumpBags.java). */
function bouncyCastleBags(file: string, secret: string): string {
  const result = spawnSync('java', ['-cp', bcprov, path.join(__dirname, 'jdk', 'DumpBags.java'), file], { input: `${secret}\n`, encoding: 'utf8' });
  assert.equal(result.status, 0, `BouncyCastle cannot read ${file}: ${result.stderr}`);
  return result.stdout;
}

const attribute = (attrId: string, value: ArrayBuffer) => Object.assign(new PKCS12Attribute(), { attrId, attrValues: [value] });
const friendlyName = (name: string) => attribute(oid.friendlyName, AsnConvert.serialize(new DirectoryString({ bmpString: name })));
const localKeyId = (id: string) => attribute(oid.localKeyId, AsnConvert.serialize(new OctetString(Buffer.from(id))));
const derOf = (pem: string) => Buffer.from(pem.replace(/-----[^-]+-----/g, '').replace(/\s/g, ''), 'base64');
const dataContent = (bytes: ArrayBuffer) => new ContentInfo({ contentType: oid.data, content: AsnConvert.serialize(new OctetString(bytes)) });

/**
 * A PKCS#12 file with bags no tool at hand writes on demand: a CRL bag, a bag of an unknown type,
 * an unknown attribute on a key, the Java trusted-certificate attribute and a nested safeContents
 * bag holding the ETK key and certificate. OpenSSL reading it is the check that it is well formed.
 */
async function foreignKeystore(generated: Generated, secret: string): Promise<Uint8Array> {
  const deriver = sharedKdfPool();
  const shrouded = async (keyFile: string, attributes: PKCS12Attribute[]) => {
    const scheme = newScheme('pkcs12-3des', 2048);
    const pkcs8 = createPrivateKey(readFileSync(generated.file(keyFile))).export({ type: 'pkcs8', format: 'der' });
    const bag = new PKCS8ShroudedKeyBag({ encryptionAlgorithm: schemeAlgorithm(scheme), encryptedData: new EncryptedKeyData(await pbeEncrypt(scheme, pkcs8, secret, deriver)) });
    return new SafeBag({ bagId: id_pkcs8ShroudedKeyBag, bagValue: AsnConvert.serialize(bag), bagAttributes: attributes });
  };
  const certificate = (certFile: string, attributes: PKCS12Attribute[]) =>
    new SafeBag({
      bagId: id_certBag,
      bagValue: AsnConvert.serialize(new CertBag({ certId: id_x509Certificate, certValue: AsnConvert.serialize(new OctetString(derOf(readFileSync(generated.file(certFile), 'utf8')))) })),
      bagAttributes: attributes,
    });
  const unknownAttribute = attribute('1.3.6.1.4.1.99999.1', AsnConvert.serialize(new OctetString(Buffer.from('kept as it is'))));
  // The JDK's trusted-certificate attribute, whose value is the trusted usage (anyExtendedKeyUsage).
  const javaTrusted = attribute('2.16.840.1.113894.746875.1.1', new Uint8Array([0x06, 0x04, 0x55, 0x1d, 0x25, 0x00]).buffer);
  const crl = new SafeBag({
    bagId: id_CRLBag,
    bagValue: AsnConvert.serialize(new CRLBag({ crlId: id_x509CRL, crltValue: AsnConvert.serialize(new OctetString(derOf(readFileSync(generated.file('ca.crl'), 'utf8')))) })),
  });
  const unknownBag = new SafeBag({ bagId: '1.3.6.1.4.1.99999.2', bagValue: AsnConvert.serialize(new OctetString(Buffer.from('an unknown bag'))) });
  const nested = new SafeBag({
    bagId: id_SafeContents,
    bagValue: AsnConvert.serialize(new SafeContents([await shrouded('etk.key', [friendlyName('nested etk'), localKeyId('etk')]), certificate('etk.crt', [localKeyId('etk')])])),
  });
  const clear = new SafeContents([await shrouded('auth.key', [friendlyName('authentication'), localKeyId('auth'), unknownAttribute]), nested, unknownBag]);
  const encryptedBags = new SafeContents([certificate('auth.crt', [friendlyName('authentication'), localKeyId('auth')]), certificate('ca.crt', [friendlyName('trusted ca'), javaTrusted]), crl]);
  const scheme = newScheme('pkcs12-3des', 2048);
  const encrypted = new EncryptedData({
    version: 0,
    encryptedContentInfo: new EncryptedContentInfo({
      contentType: oid.data,
      contentEncryptionAlgorithm: schemeAlgorithm(scheme),
      encryptedContent: new EncryptedContent({ value: new OctetString(await pbeEncrypt(scheme, new Uint8Array(AsnConvert.serialize(encryptedBags)), secret, deriver)) }),
    }),
  });
  const authSafe = new Uint8Array(
    AsnConvert.serialize(new AuthenticatedSafe([dataContent(AsnConvert.serialize(clear)), new ContentInfo({ contentType: oid.encryptedData, content: AsnConvert.serialize(encrypted) })])),
  );
  const macData = await createMac('sha1', 2048, authSafe, secret, deriver);
  return new Uint8Array(AsnConvert.serialize(new PFX({ version: 3, authSafe: dataContent(authSafe.buffer.slice(0) as ArrayBuffer), macData })));
}

describe('passwd keeps what it does not model', function () {
  this.timeout(120_000);
  let generated: Generated;
  before(() => {
    requireTool('python3', ['-c', 'import cryptography']);
    requireTool('java', ['-version']);
    assert.ok(existsSync(bcprov), `${bcprov} is required (Debian package libbcprov-java)`);
    generated = generateKeystores();
    // A CRL signed by the CA, with the Debian python3-cryptography.
    spawnSync('python3', ['-c', [
      'import datetime, sys',
      'from cryptography import x509',
      'from cryptography.hazmat.primitives import hashes, serialization',
      'key = serialization.load_pem_private_key(open("ca.key", "rb").read(), None)',
      'ca = x509.load_pem_x509_certificate(open("ca.crt", "rb").read())',
      'now = datetime.datetime(2026, 1, 1)',
      'b = x509.CertificateRevocationListBuilder().issuer_name(ca.subject).last_update(now).next_update(now + datetime.timedelta(days=30))',
      'b = b.add_revoked_certificate(x509.RevokedCertificateBuilder().serial_number(42).revocation_date(now).build())',
      'open("ca.crl", "wb").write(b.sign(key, hashes.SHA256()).public_bytes(serialization.Encoding.PEM))',
    ].join('\n')], { cwd: generated.dir, stdio: 'inherit' });
  });
  after(() => generated?.cleanup());

  for (const [name, flags] of [['JDK 17 (PBES2)', []], ['JDK 17 legacy (3DES, RC2)', ['-J-Dkeystore.pkcs12.legacy']]] as const) {
    it(`${name}: secret keys, trusted certificates and key entries survive, as keytool and OpenSSL read them`, async () => {
      const file = generated.file(`jdk-${flags.length}.p12`);
      const store = ['-keystore', file, '-storetype', 'pkcs12', '-storepass', password];
      generated.keytool(...flags, '-importkeystore', '-noprompt', '-srckeystore', generated.file('keytool17.p12'), '-srcstoretype', 'pkcs12', '-srcstorepass', password, '-destkeystore', file, '-deststoretype', 'pkcs12', '-deststorepass', password);
      generated.keytool(...flags, '-importcert', '-noprompt', '-alias', 'trusted ca', '-file', generated.file('ca.crt'), ...store);
      generated.keytool(...flags, '-genseckey', '-alias', 'secret aes', '-keyalg', 'AES', '-keysize', '256', ...store);
      const before = keytoolList(file, password);
      assert.match(before, /Entry type: SecretKeyEntry/);
      assert.match(before, /Entry type: trustedCertEntry/);
      // OpenSSL prints a JDK secret key's value as the encrypted bytes it is (they change with the password).
      const secretValue = /^(?:[0-9A-F]{2} ){16,}[0-9A-F ]*$/gm;
      const beforeBags = opensslBags(file, password).replace(secretValue, '<secret>');
      const beforeDump = bouncyCastleBags(file, password);

      await changePassword(file, password, newPassword, newPassword);

      assert.equal(keytoolList(file, newPassword), before);
      assert.equal(opensslBags(file, newPassword).replace(secretValue, '<secret>'), beforeBags);
      assert.equal(bouncyCastleBags(file, newPassword), beforeDump);
    });
  }

  it('CRL bags, unknown bags and attributes, nested safeContents survive, as OpenSSL reads them', async () => {
    const file = generated.file('foreign.p12');
    writeFileSync(file, await foreignKeystore(generated, password));
    const before = opensslBags(file, password);
    const beforeDump = bouncyCastleBags(file, password);
    // OpenSSL sees the nested key and certificate and the unknown attribute: the file is well formed.
    assert.match(before, /friendlyName: nested etk/);
    assert.match(before, /1\.3\.6\.1\.4\.1\.99999\.1/);
    assert.equal(before.match(/BEGIN PRIVATE KEY/g)?.length, 2);

    await changePassword(file, password, newPassword, newPassword, { iterations: 2048 });

    assert.equal(opensslBags(file, newPassword), before);
    // What OpenSSL does not print (the CRL, the unknown bag), BouncyCastle and the JDK's ciphers do.
    const dump = bouncyCastleBags(file, newPassword);
    assert.equal(dump, beforeDump);
    assert.match(dump, new RegExp(derOf(readFileSync(generated.file('ca.crl'), 'utf8')).toString('hex')));
    assert.match(dump, new RegExp(Buffer.from('an unknown bag').toString('hex')));
  });

  it('keeps the MAC digest and the family of each scheme; a file without a MAC gets one', async () => {
    const algorithms = (file: string, secret: string) => {
      const result = spawnSync('openssl', ['pkcs12', '-info', '-nodes', '-noout', '-legacy', '-in', file, '-passin', 'stdin'], { input: secret, encoding: 'utf8' });
      assert.equal(result.status, 0, result.stderr);
      return result.stderr.replace(/Iteration \d+/g, 'Iteration N').replace(/salt length: \d+/g, 'salt length: N');
    };
    const cases = [
      // 3DES bags under an HMAC-SHA256 MAC: compatible bags, the SHA-256 MAC kept.
      ['3des-sha256.p12', ['-keypbe', 'PBE-SHA1-3DES', '-certpbe', 'PBE-SHA1-3DES', '-macalg', 'sha256']],
      ['nomac.p12', ['-nomac']],
    ] as const;
    for (const [name, flags] of cases) {
      generated.openssl('pkcs12', '-export', '-inkey', 'auth.key', '-in', 'auth.crt', '-name', 'authentication', '-passout', `pass:${password}`, '-out', name, ...flags);
      const file = generated.file(name);
      const beforeBags = opensslBags(file, password);
      const before = algorithms(file, password);
      await changePassword(file, password, newPassword, newPassword, { iterations: 2048 });
      assert.equal(opensslBags(file, newPassword), beforeBags);
      if (name === 'nomac.p12') {
        // OpenSSL's -nomac also leaves the certificate in clear: it stays so.
        assert.match(before, /^Warning: MAC is absent!\nPKCS7 Data\nCertificate bag\n/);
        assert.equal(algorithms(file, newPassword), `MAC: sha256, Iteration N\nMAC length: 32, salt length: N\n${before.replace('Warning: MAC is absent!\n', '')}`);
      } else {
        assert.equal(algorithms(file, newPassword), before);
      }
    }
  });

  it('inspect reads the key and certificate of a nested safeContents bag', async () => {
    const { keystore } = await openKeystore(await foreignKeystore(generated, password), { password, checkKeys: true });
    assert.deepEqual(keystore.keyAliases, ['authentication', 'nested etk']);
    assert.deepEqual(
      keystore.entries.filter((entry) => entry.kind !== 'certificate').map((entry) => [entry.alias, entry.kind]),
      [['authentication', 'authentication'], ['nested etk', 'encryption']],
    );
    assert.ok(keystore.checks.every((check) => check.result === 'ok'), JSON.stringify(keystore.checks));
  });

  it('refuses a safe it cannot carry over (public-key encrypted) and leaves the file alone', async () => {
    // PKCS#12's public-key privacy mode: a SafeContents in CMS EnvelopedData, here made by openssl cms.
    writeFileSync(generated.file('bags.der'), new Uint8Array(AsnConvert.serialize(new SafeContents([]))));
    generated.openssl('cms', '-encrypt', '-binary', '-in', 'bags.der', '-outform', 'DER', '-out', 'enveloped.der', 'auth.crt');
    const enveloped = AsnConvert.parse(readFileSync(generated.file('enveloped.der')), ContentInfo);
    const authSafe = new Uint8Array(AsnConvert.serialize(new AuthenticatedSafe([dataContent(AsnConvert.serialize(new SafeContents([]))), enveloped])));
    const macData = await createMac('sha256', 2048, authSafe, password, sharedKdfPool());
    const file = generated.file('enveloped.p12');
    const bytes = new Uint8Array(AsnConvert.serialize(new PFX({ version: 3, authSafe: dataContent(authSafe.buffer as ArrayBuffer), macData })));
    writeFileSync(file, bytes);

    await assert.rejects(changePassword(file, password, newPassword, newPassword), (error: unknown) => isDomainError(error, 'keystore', 'unsupported') && error.params.algorithm === 'envelopedData (public-key encrypted safe)');
    assert.deepEqual(new Uint8Array(readFileSync(file)), bytes);
    assert.deepEqual(readdirSync(generated.dir).filter((name) => name.startsWith('enveloped.p12')), ['enveloped.p12']);
  });
});
