// The ETK registration against another implementation: openssl makes the challenges the way the
// etkra XSD and the public connector describe them (a PKCS#1 v1.5 ciphertext of a 16-byte serial,
// then the serial's SHA-256 in clear), and openssl reads back every certificate the client makes:
// the ETK certificate, the CSR, and the PublicKeyIdentifier of a key.
import assert from 'node:assert/strict';
import { createPrivateKey, createPublicKey, randomBytes, type KeyObject } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { certificateRequest, etkCertificate, publicKeyIdentifier } from '../../../src/pki/certificates';
import { isDomainError } from '../../../src/core/domainError';
import { decryptChallenge } from '../../../src/ra/etkChallenge';
import { FIXTURES, facts, fixture, payloadOf, run, scratch, type Scratch } from './support';

const AUTH_DN = '/C=BE/O=Federal Government/OU=SSIN=85073003427/OU=EMILIE ANAIS DUBOIS-LEFEVRE/OU=eHealth-platform Belgium/CN=SSIN=85073003427';

let temp: Scratch;

function openssl(...args: string[]): string {
  const result = run('openssl', args);
  if (!result.ok) throw new Error(`openssl ${args.join(' ')}: ${result.output}`);
  return result.output;
}

function opensslBytes(...args: string[]): Buffer {
  const result = run('openssl', args);
  if (!result.ok) throw new Error(`openssl ${args.join(' ')}: ${result.output}`);
  return result.stdout;
}

/** A challenge as the service makes it, by openssl: RSA PKCS#1 v1.5 of the serial, then SHA-256(serial). */
function opensslChallenge(serial: Buffer, publicKeyPem: string): Buffer {
  const serialFile = temp.write('serial.bin', serial);
  const keyFile = temp.write('challenge-key.pem', publicKeyPem);
  const ciphertext = temp.write('challenge.part1', '');
  openssl('pkeyutl', '-encrypt', '-pubin', '-inkey', keyFile, '-pkeyopt', 'rsa_padding_mode:pkcs1', '-in', serialFile, '-out', ciphertext);
  const digest = opensslBytes('dgst', '-sha256', '-binary', serialFile);
  return Buffer.concat([readFileSync(ciphertext), digest]);
}

/** The old, wrong reading of the format: serial and digest both inside the ciphertext, no trailer. */
function ciphertextOnly(plaintext: Buffer, publicKeyPem: string): Buffer {
  const input = temp.write('plain.bin', plaintext);
  const output = temp.write('plain.enc', '');
  openssl('pkeyutl', '-encrypt', '-pubin', '-inkey', temp.write('old-key.pem', publicKeyPem), '-pkeyopt', 'rsa_padding_mode:pkcs1', '-in', input, '-out', output);
  return readFileSync(output);
}

function refuses(challenge: Buffer, key: KeyObject, what: string): void {
  assert.throws(() => decryptChallenge(challenge, key), (error: unknown) => isDomainError(error, 'ra', 'malformed'), what);
}

interface Asn1Line {
  offset: number;
  depth: number;
  header: number;
  length: number;
  text: string;
}

/** openssl asn1parse, line by line. */
function asn1(derFile: string): Asn1Line[] {
  return openssl('asn1parse', '-inform', 'DER', '-in', derFile)
    .split('\n')
    .map((line) => /^\s*(\d+):d=(\d+)\s+hl=(\d+)\s+l=\s*(\d+)\s+(.*)$/.exec(line))
    .filter((match): match is RegExpExecArray => match !== null)
    .map(([, offset, depth, header, length, text]) => ({ offset: Number(offset), depth: Number(depth), header: Number(header), length: Number(length), text }));
}

describe('protocol conformance: the ETK challenge and certificates, checked with openssl', function () {
  this.timeout(60_000);
  let encryptionPrivate: KeyObject;
  let encryptionPublicPem: string;
  let otherKey: KeyObject;

  before(() => {
    run('openssl', ['version']);
    temp = scratch('protocol-etk-');
    openssl('genpkey', '-algorithm', 'RSA', '-pkeyopt', 'rsa_keygen_bits:2048', '-out', join(temp.folder, 'encryption.key'));
    openssl('pkey', '-in', join(temp.folder, 'encryption.key'), '-pubout', '-out', join(temp.folder, 'encryption.pub'));
    openssl('genpkey', '-algorithm', 'RSA', '-pkeyopt', 'rsa_keygen_bits:2048', '-out', join(temp.folder, 'other.key'));
    encryptionPrivate = createPrivateKey(readFileSync(join(temp.folder, 'encryption.key')));
    encryptionPublicPem = readFileSync(join(temp.folder, 'encryption.pub'), 'utf8');
    otherKey = createPrivateKey(readFileSync(join(temp.folder, 'other.key')));
  });
  after(() => temp?.remove());

  const serials = {
    'high bit set': '9c4e1a07d2b35f68e0117a2bc4d9f503',
    'leading zero byte': '007f3e5a1b2c3d4e5f60718293a4b5c6',
    'all ones': 'ffffffffffffffffffffffffffffffff',
    random: randomBytes(16).toString('hex'),
  };

  for (const [kind, hex] of Object.entries(serials)) {
    it(`opens an openssl-made challenge (${kind}) to its 16-byte serial, read as a positive integer`, () => {
      const challenge = opensslChallenge(Buffer.from(hex, 'hex'), encryptionPublicPem);
      assert.equal(challenge.length, 256 + 32);
      const opened = decryptChallenge(challenge, encryptionPrivate);
      assert.equal(opened.serial.toString('hex'), hex);
      assert.equal(opened.serialNumber, BigInt(`0x${hex}`));
      assert.ok(opened.serialNumber >= 0n);
    });
  }

  it('opens the challenge of the StartETKRegistration fixture with the fixture key', () => {
    const element = payloadOf(fixture(facts.challenge.fixture)).getElementsByTagNameNS('*', 'Challenge')[0];
    const key = createPrivateKey(readFileSync(join(FIXTURES, facts.challenge.encryptionKey)));
    const opened = decryptChallenge(Buffer.from(element.textContent ?? '', 'base64'), key);
    assert.equal(opened.serial.toString('hex'), facts.challenge.serial);
  });

  it('refuses a challenge whose trailer was changed, one opened with another key, a truncated one', () => {
    const challenge = opensslChallenge(Buffer.from(serials['high bit set'], 'hex'), encryptionPublicPem);
    const tampered = Buffer.from(challenge);
    tampered[tampered.length - 1] ^= 0x01;
    refuses(tampered, encryptionPrivate, 'a changed trailer');
    const flipped = Buffer.from(challenge);
    flipped[10] ^= 0x80;
    refuses(flipped, encryptionPrivate, 'a changed ciphertext');
    refuses(challenge, otherKey, 'another key');
    refuses(challenge.subarray(0, challenge.length - 1), encryptionPrivate, 'one byte short');
    refuses(challenge.subarray(0, 256), encryptionPrivate, 'the ciphertext without its trailer');
    refuses(Buffer.concat([challenge, Buffer.alloc(1)]), encryptionPrivate, 'one byte too many');
    refuses(Buffer.alloc(0), encryptionPrivate, 'empty');
  });

  it('refuses the old reading of the format: serial and digest inside the ciphertext, nothing in clear', () => {
    const serial = Buffer.from(serials.random, 'hex');
    const digest = opensslBytes('dgst', '-sha256', '-binary', temp.write('old-serial.bin', serial));
    refuses(ciphertextOnly(Buffer.concat([serial, digest]), encryptionPublicPem), encryptionPrivate, 'the old format');
  });

  for (const serialKind of ['high bit set', 'leading zero byte'] as const) {
    describe(`the ETK certificate the client makes (CompleteETKRegistration), serial with its ${serialKind}`, () => {
      const serialHex = serials[serialKind];
      let etkFile: string;
      let authPem: string;

      before(async () => {
        // The eHealth authentication certificate and key, made by openssl.
        openssl('req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-utf8', '-keyout', join(temp.folder, 'auth.key'), '-out', join(temp.folder, 'auth.pem'),
          '-days', '1095', '-subj', AUTH_DN, '-addext', 'keyUsage=critical,digitalSignature,keyEncipherment');
        authPem = join(temp.folder, 'auth.pem');
        const authDer = opensslBytes('x509', '-in', authPem, '-outform', 'DER');
        const authKey = createPrivateKey(readFileSync(join(temp.folder, 'auth.key')));
        const challenge = opensslChallenge(Buffer.from(serialHex, 'hex'), encryptionPublicPem);
        const { serial } = decryptChallenge(challenge, encryptionPrivate);
        const etk = await etkCertificate(authDer, authKey, serial, createPublicKey(encryptionPublicPem));
        etkFile = temp.write('etk.der', etk);
      });

      const x509 = (...args: string[]) => openssl('x509', '-inform', 'DER', '-in', etkFile, '-noout', ...args).trim();
      const auth = (...args: string[]) => openssl('x509', '-in', authPem, '-noout', ...args).trim();

      it('subject = issuer = the authentication certificate\'s subject', () => {
        const subject = auth('-subject', '-nameopt', 'RFC2253').replace(/^subject=/, '');
        assert.equal(x509('-subject', '-nameopt', 'RFC2253').replace(/^subject=/, ''), subject);
        assert.equal(x509('-issuer', '-nameopt', 'RFC2253').replace(/^issuer=/, ''), subject);
      });

      it('serial = the challenge\'s serial as a positive integer, minimally encoded', () => {
        assert.equal(BigInt(`0x${x509('-serial').replace(/^serial=/, '')}`), BigInt(`0x${serialHex}`));
        const serialLine = asn1(etkFile).find((line) => line.depth === 2 && /prim: INTEGER/.test(line.text));
        assert.ok(serialLine, 'no serial INTEGER');
        assert.doesNotMatch(serialLine.text, /:-/, 'a negative serial');
        // DER: the fewest bytes that hold the value with a clear sign bit (a leading 00 when the high bit is set).
        const value = BigInt(`0x${serialHex}`).toString(16);
        const minimal = Math.ceil(value.length / 2) + (value.length % 2 === 0 && Number.parseInt(value[0], 16) >= 8 ? 1 : 0);
        assert.equal(serialLine.length, minimal);
      });

      it('validity = the authentication certificate\'s', () => {
        assert.equal(x509('-startdate'), auth('-startdate'));
        assert.equal(x509('-enddate'), auth('-enddate'));
      });

      it('a critical keyUsage: keyEncipherment and dataEncipherment only', () => {
        const usage = x509('-ext', 'keyUsage');
        assert.match(usage, /X509v3 Key Usage: critical/);
        assert.equal(usage.split('\n').at(-1)?.trim(), 'Key Encipherment, Data Encipherment');
      });

      it('holds the encryption public key', () => {
        assert.equal(x509('-pubkey'), encryptionPublicPem.trim());
      });

      it('is signed sha256WithRSA by the authentication key (openssl dgst -verify over the TBS)', () => {
        assert.match(x509('-text'), /Signature Algorithm: sha256WithRSAEncryption/);
        const der = readFileSync(etkFile);
        const top = asn1(etkFile).filter((line) => line.depth === 1);
        assert.equal(top.length, 3, 'TBSCertificate, AlgorithmIdentifier, signature');
        const [tbs, , signature] = top;
        const tbsFile = temp.write('etk.tbs', der.subarray(tbs.offset, tbs.offset + tbs.header + tbs.length));
        // A BIT STRING's content starts with its count of unused bits (0).
        const signatureFile = temp.write('etk.sig', der.subarray(signature.offset + signature.header + 1, signature.offset + signature.header + signature.length));
        const authPublic = temp.write('auth.pub', openssl('x509', '-in', authPem, '-noout', '-pubkey'));
        const verified = run('openssl', ['dgst', '-sha256', '-verify', authPublic, '-signature', signatureFile, tbsFile]);
        assert.ok(verified.ok, verified.output);
        assert.match(verified.output, /Verified OK/);
        const otherPublic = temp.write('other.pub', openssl('pkey', '-in', join(temp.folder, 'other.key'), '-pubout'));
        assert.equal(run('openssl', ['dgst', '-sha256', '-verify', otherPublic, '-signature', signatureFile, tbsFile]).ok, false);
      });
    });
  }

  it('the PublicKeyIdentifier of a key is openssl\'s SHA-1 key identifier (the fixture\'s CSR and answer agree)', () => {
    const csr = payloadOf(fixture('certra/GenerateCertificateRequest.xml')).getElementsByTagNameNS('*', 'CSR')[0];
    const csrFile = temp.write('fixture.csr', Buffer.from(csr.textContent ?? '', 'base64'));
    const publicPem = openssl('req', '-inform', 'DER', '-in', csrFile, '-noout', '-pubkey');
    const expected = payloadOf(fixture(facts.operations.GenerateCertificate.answers.success)).getElementsByTagNameNS('*', 'PublicKeyIdentifier')[0].textContent ?? '';
    assert.equal(publicKeyIdentifier(createPublicKey(publicPem)), expected.toLowerCase());
    // And openssl computes the same for a fresh key.
    const certificate = join(temp.folder, 'ski.pem');
    openssl('req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', join(temp.folder, 'ski.key'), '-out', certificate, '-days', '1', '-subj', '/CN=ski', '-addext', 'subjectKeyIdentifier=hash');
    const ski = openssl('x509', '-in', certificate, '-noout', '-ext', 'subjectKeyIdentifier').trim().split('\n').at(-1)!.trim().replace(/:/g, '').toLowerCase();
    assert.equal(publicKeyIdentifier(createPrivateKey(readFileSync(join(temp.folder, 'ski.key')))), ski);
  });

  it('the CSR\'s subject is the contract\'s DN, as openssl reads both', async () => {
    const dn = payloadOf(fixture(facts.operations.GenerateContract.answers.success)).getElementsByTagNameNS('*', 'DN')[0].textContent ?? '';
    const key = createPrivateKey(readFileSync(join(FIXTURES, facts.challenge.encryptionKey)));
    const ours = temp.write('ours.csr', await certificateRequest(dn, key));
    const csr = payloadOf(fixture('certra/GenerateCertificateRequest.xml')).getElementsByTagNameNS('*', 'CSR')[0];
    const reference = temp.write('reference.csr', Buffer.from(csr.textContent ?? '', 'base64'));
    const subject = (file: string) => openssl('req', '-inform', 'DER', '-in', file, '-noout', '-subject', '-nameopt', 'RFC2253').trim();
    assert.equal(subject(ours), subject(reference));
    const verified = run('openssl', ['req', '-inform', 'DER', '-in', ours, '-noout', '-verify']);
    assert.ok(verified.ok, verified.output);
  });
});
