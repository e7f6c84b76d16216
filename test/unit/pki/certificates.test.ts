// The client's key checks against openssl: openssl makes a key and a certificate for it, and gives
// the key identifier eHealth computes (SHA-1 of the subjectPublicKey bits, which is OCSP's key hash).
import { strict as assert } from 'node:assert';
import { execFileSync } from 'node:child_process';
import { createPrivateKey, type KeyObject } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { certifiesKey, newKeyPair, publicKeyIdentifier } from '../../../src/pki/certificates';

const openssl = (...args: string[]) => execFileSync('openssl', args, { stdio: ['ignore', 'pipe', 'pipe'] });

describe('pki: key identifier and certified key, checked with openssl', function () {
  this.timeout(30_000);
  let folder: string;
  let key: KeyObject;
  let certificate: Buffer;

  before(() => {
    folder = mkdtempSync(path.join(tmpdir(), 'pki-'));
    const keyFile = path.join(folder, 'key.pem');
    openssl('genpkey', '-algorithm', 'RSA', '-pkeyopt', 'rsa_keygen_bits:2048', '-out', keyFile);
    openssl('req', '-new', '-x509', '-key', keyFile, '-subj', '/C=BE/CN=pki test', '-days', '1', '-outform', 'DER', '-out', path.join(folder, 'cert.der'));
    key = createPrivateKey(readFileSync(keyFile));
    certificate = readFileSync(path.join(folder, 'cert.der'));
  });
  after(() => rmSync(folder, { recursive: true, force: true }));

  it("the key identifier is openssl's public key OCSP hash of the certificate (SHA-1 of the subjectPublicKey bits)", () => {
    const ocspHash = /Public key OCSP hash: ([0-9A-F]{40})/.exec(openssl('x509', '-inform', 'DER', '-in', path.join(folder, 'cert.der'), '-noout', '-ocspid').toString());
    assert.ok(ocspHash);
    assert.equal(publicKeyIdentifier(key), ocspHash[1].toLowerCase());
  });

  it('a certificate certifies the key it was made for, and no other', () => {
    assert.equal(certifiesKey(certificate, key), true);
    assert.equal(certifiesKey(certificate, newKeyPair().privateKey), false);
  });
});
