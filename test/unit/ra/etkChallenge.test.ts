// The ETK challenge helper: what the sandbox encrypts, the procedures open; any other padding,
// length, key or digest is refused.
import assert from 'node:assert/strict';
import { constants, generateKeyPairSync, publicEncrypt } from 'node:crypto';
import { MalformedAnswer } from '../../../src/ra/errors';
import { challengePlaintext, decryptChallenge, encryptChallenge } from '../../../src/ra/etkChallenge';

describe('ra ETK challenge', () => {
  const keys = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const serial = Buffer.from('7f0102030405060708090a0b0c0d0e0f', 'hex');

  it('opens what was encrypted with PKCS#1 v1.5 and reads a positive serial', () => {
    const opened = decryptChallenge(encryptChallenge(serial, keys.publicKey), keys.privateKey);
    assert.deepEqual(opened.serial, serial);
    assert.equal(opened.serialNumber, BigInt('0x7f0102030405060708090a0b0c0d0e0f'));
  });

  it('refuses a wrong digest, a wrong key and OAEP padding', () => {
    const wrongDigest = Buffer.concat([serial, Buffer.alloc(32)]);
    const encrypt = (plaintext: Buffer, padding = constants.RSA_PKCS1_PADDING) => publicEncrypt({ key: keys.publicKey, padding }, plaintext);
    assert.throws(() => decryptChallenge(encrypt(wrongDigest), keys.privateKey), /wrong digest/);
    assert.throws(() => decryptChallenge(encrypt(challengePlaintext(serial), constants.RSA_PKCS1_OAEP_PADDING), keys.privateKey), MalformedAnswer);
    const other = generateKeyPairSync('rsa', { modulusLength: 2048 });
    assert.throws(() => decryptChallenge(encryptChallenge(serial, keys.publicKey), other.privateKey), MalformedAnswer);
    assert.throws(() => decryptChallenge(Buffer.alloc(16), keys.privateKey), /does not match/);
  });
});
