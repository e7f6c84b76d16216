// The EtkRA challenge (StartETKRegistration's answer): an RSA PKCS#1 v1.5 ciphertext, one modulus
// long, of a serial under the new encryption key, followed by 32 bytes in clear: SHA-256 of that
// serial (the XSD annotation of Challenge; the public Java connector splits it the same way). The
// serial is the first 16 bytes of the plaintext. Node 20 refuses PKCS#1 v1.5 decryption (Marvin
// attack mitigation), so the padding is removed here after a raw RSA operation, every byte checked.
import { constants, createHash, privateDecrypt, timingSafeEqual, type KeyObject } from 'node:crypto';
import { RaError } from './errors';

const SERIAL_BYTES = 16;
const DIGEST_BYTES = 32;
// PKCS#1 v1.5: at least 8 bytes of non-zero random padding.
const MIN_PADDING = 8;

function invalid(problem: string): never {
  throw new RaError('malformed', `The ETK challenge ${problem}.`, { detail: 'Challenge' });
}

/** Removes PKCS#1 v1.5 encryption padding (type 2): 00 02 PS(non-zero, >= 8) 00 message. */
function unpadType2(block: Buffer): Buffer {
  if (block[0] !== 0x00 || block[1] !== 0x02) invalid('is not PKCS#1 v1.5 encryption padding');
  const separator = block.indexOf(0x00, 2);
  if (separator < 0 || separator - 2 < MIN_PADDING) invalid('has a malformed padding');
  return block.subarray(separator + 1);
}

/** Opens a challenge with the encryption private key; returns the serial (bytes and positive integer). */
export function decryptChallenge(challenge: Buffer, encryptionKey: KeyObject): { serial: Buffer; serialNumber: bigint } {
  const modulusBytes = Math.ceil((encryptionKey.asymmetricKeyDetails?.modulusLength ?? 0) / 8);
  if (encryptionKey.asymmetricKeyType !== 'rsa' || challenge.length !== modulusBytes + DIGEST_BYTES) invalid('does not match the encryption key');
  const ciphertext = challenge.subarray(0, modulusBytes);
  const digest = challenge.subarray(modulusBytes);
  let block: Buffer;
  try {
    block = privateDecrypt({ key: encryptionKey, padding: constants.RSA_NO_PADDING }, ciphertext);
  } catch {
    return invalid('cannot be decrypted with the encryption key');
  }
  const message = unpadType2(block);
  if (message.length < SERIAL_BYTES) invalid(`holds ${message.length} bytes instead of at least ${SERIAL_BYTES}`);
  const serial = Buffer.from(message.subarray(0, SERIAL_BYTES));
  if (!timingSafeEqual(createHash('sha256').update(serial).digest(), digest)) invalid('has a wrong digest');
  return { serial, serialNumber: BigInt(`0x${serial.toString('hex')}`) };
}
