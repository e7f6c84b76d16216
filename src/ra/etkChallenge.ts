// The EtkRA challenge (PROTOCOL.md, EtkRA step 1): 16 bytes of serial followed by SHA-256(serial),
// RSA PKCS#1 v1.5 encrypted under the new encryption key. The sandbox makes it; the procedures
// open it. Node 20 refuses PKCS#1 v1.5 decryption (Marvin attack mitigation), so the padding is
// removed here after a raw RSA operation, and every byte of it is checked.
import { constants, createHash, privateDecrypt, publicEncrypt, timingSafeEqual, type KeyObject } from 'node:crypto';
import { MalformedAnswer } from './errors';

export const CHALLENGE_SERIAL_BYTES = 16;
const DIGEST_BYTES = 32;
// PKCS#1 v1.5: at least 8 bytes of non-zero random padding.
const MIN_PADDING = 8;

const sha256 = (data: Buffer) => createHash('sha256').update(data).digest();

/** The plaintext of a challenge: serial || SHA-256(serial). */
export function challengePlaintext(serial: Buffer): Buffer {
  if (serial.length !== CHALLENGE_SERIAL_BYTES) throw new RangeError(`An ETK challenge serial is ${CHALLENGE_SERIAL_BYTES} bytes.`);
  return Buffer.concat([serial, sha256(serial)]);
}

export function encryptChallenge(serial: Buffer, encryptionKey: KeyObject): Buffer {
  return publicEncrypt({ key: encryptionKey, padding: constants.RSA_PKCS1_PADDING }, challengePlaintext(serial));
}

function invalid(problem: string): never {
  throw new MalformedAnswer(`The ETK challenge ${problem}.`, { detail: 'Challenge' });
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
  if (encryptionKey.asymmetricKeyType !== 'rsa' || challenge.length !== modulusBytes) invalid('does not match the encryption key');
  let block: Buffer;
  try {
    block = privateDecrypt({ key: encryptionKey, padding: constants.RSA_NO_PADDING }, challenge);
  } catch {
    return invalid('cannot be decrypted with the encryption key');
  }
  const message = unpadType2(block);
  if (message.length !== CHALLENGE_SERIAL_BYTES + DIGEST_BYTES) invalid(`holds ${message.length} bytes instead of ${CHALLENGE_SERIAL_BYTES + DIGEST_BYTES}`);
  const serial = Buffer.from(message.subarray(0, CHALLENGE_SERIAL_BYTES));
  if (!timingSafeEqual(sha256(serial), message.subarray(CHALLENGE_SERIAL_BYTES))) invalid('has a wrong digest');
  return { serial, serialNumber: BigInt(`0x${serial.toString('hex')}`) };
}
