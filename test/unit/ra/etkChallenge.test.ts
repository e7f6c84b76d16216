// The ETK challenge as the XSD annotation describes it: a PKCS#1 v1.5 ciphertext of the serial
// followed by SHA-256(serial) in clear. Built here with Node's own RSA (OpenSSL), not our code;
// any other padding, length, key or digest is refused.
import assert from 'node:assert/strict';
import { constants, createHash, generateKeyPairSync, publicEncrypt } from 'node:crypto';
import { isDomainError } from '../../../src/core/domainError';
import { decryptChallenge } from '../../../src/ra/etkChallenge';

describe('ra ETK challenge', () => {
  const keys = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const serial = Buffer.from('ff0102030405060708090a0b0c0d0e0f', 'hex');
  const sha256 = (data: Buffer) => createHash('sha256').update(data).digest();
  const encrypt = (plaintext: Buffer, padding = constants.RSA_PKCS1_PADDING, key = keys.publicKey) => publicEncrypt({ key, padding }, plaintext);
  const challenge = (ciphertext = encrypt(serial), trailer = sha256(serial)) => Buffer.concat([ciphertext, trailer]);

  it('opens the ciphertext, checks the trailer and reads a positive serial (top bit set)', () => {
    const opened = decryptChallenge(challenge(), keys.privateKey);
    assert.deepEqual(opened.serial, serial);
    assert.equal(opened.serialNumber, BigInt('0xff0102030405060708090a0b0c0d0e0f'));
  });

  it('takes the first 16 bytes of a longer plaintext as the serial', () => {
    const opened = decryptChallenge(challenge(encrypt(Buffer.concat([serial, Buffer.from('extra')]))), keys.privateKey);
    assert.deepEqual(opened.serial, serial);
  });

  it('refuses a wrong trailer, a wrong key, OAEP padding, the hash inside the ciphertext and a truncated challenge', () => {
    assert.throws(() => decryptChallenge(challenge(undefined, Buffer.alloc(32)), keys.privateKey), /wrong digest/);
    assert.throws(() => decryptChallenge(challenge(encrypt(serial, constants.RSA_PKCS1_OAEP_PADDING)), keys.privateKey), (error: unknown) => isDomainError(error, 'ra', 'malformed'));
    const other = generateKeyPairSync('rsa', { modulusLength: 2048 });
    assert.throws(() => decryptChallenge(challenge(), other.privateKey), (error: unknown) => isDomainError(error, 'ra', 'malformed'));
    // The format an earlier version of this project wrongly assumed: serial || digest, all encrypted.
    assert.throws(() => decryptChallenge(encrypt(Buffer.concat([serial, sha256(serial)])), keys.privateKey), /does not match/);
    assert.throws(() => decryptChallenge(challenge().subarray(0, 256), keys.privateKey), /does not match/);
    assert.throws(() => decryptChallenge(Buffer.alloc(16), keys.privateKey), /does not match/);
  });
});
