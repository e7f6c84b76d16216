// EtkRA v2 in the sandbox: the ETK challenge, registration of the self-issued ETK certificate, and
// activation of a replacement ETK. Every call is signed with the eHealth authentication key the
// sandbox issued; that certificate names whose ETK it is.
import { constants, createHash, createPublicKey, publicEncrypt, type KeyObject } from 'node:crypto';
import { NS } from '../../protocol/namespaces';
import { handler, signerOf, type Exchange } from '../context';
import { etkToken } from '../etkToken';
import { effectiveEtkStatus, effectiveStatus } from '../lifecycle';
import { Refusal } from '../refusal';
import { sameHolder, type CertificateRecord } from '../state';
import { keyUsages, randomSerial, sameBytes, x509 } from '../x509';
import { binaryOf, node } from '../xml';

const P = NS.etkra;

/**
 * The challenge of StartETKRegistration as its XSD annotation describes it: the serial encrypted
 * (PKCS#1 v1.5) under the new public encryption key, followed by the SHA-256 of the serial in clear.
 */
function challengeFor(serial: Buffer, encryptionKey: KeyObject): Buffer {
  const ciphertext = publicEncrypt({ key: encryptionKey, padding: constants.RSA_PKCS1_PADDING }, serial);
  return Buffer.concat([ciphertext, createHash('sha256').update(serial).digest()]);
}

/** The signer's certificate record: issued here, still valid and active. */
function signerRecord(exchange: Exchange): CertificateRecord {
  const signer = signerOf(exchange);
  const record = exchange.context.state.certificate(signer.publicKeyIdentifier!);
  if (!record?.certificate || !Buffer.from(record.certificate, 'base64').equals(signer.certificate.raw)) {
    throw new Refusal('UNKNOWN_CERTIFICATE', 'The signing certificate is not one this authority issued.');
  }
  if (effectiveStatus(record, exchange.now) !== 'VALID_ACTIVE') throw new Refusal('CERTIFICATE_NOT_ACTIVE', 'The signing certificate is revoked or expired.');
  return record;
}

function invalidEtk(problem: string): never {
  throw new Refusal('INVALID_ETK', `The ETK certificate ${problem}.`);
}

/** PROTOCOL.md, EtkRA step 2: self-issued by the authentication key, the challenge's serial, same validity, encryption usages. */
async function checkEtk(der: Buffer, record: CertificateRecord): Promise<void> {
  let etk: x509.X509Certificate;
  try {
    etk = new x509.X509Certificate(new Uint8Array(der));
  } catch {
    return invalidEtk('cannot be read');
  }
  const authentication = new x509.X509Certificate(Buffer.from(record.certificate!, 'base64'));
  const dn = authentication.subjectName.toArrayBuffer();
  if (!sameBytes(etk.subjectName.toArrayBuffer(), dn) || !sameBytes(etk.issuerName.toArrayBuffer(), dn)) invalidEtk('must have the authentication DN as subject and issuer');
  if (BigInt(`0x${etk.serialNumber}`) !== BigInt(`0x${record.etk.challengeSerial}`)) invalidEtk('does not carry the serial of the challenge');
  if (!sameBytes(etk.publicKey.rawData, Buffer.from(record.etk.encryptionKey!, 'base64'))) invalidEtk('is not for the key the challenge was made for');
  if (!(await etk.verify({ publicKey: authentication.publicKey, signatureOnly: true }))) invalidEtk('is not signed by the authentication key');
  if (etk.notBefore.getTime() !== authentication.notBefore.getTime() || etk.notAfter.getTime() !== authentication.notAfter.getTime()) {
    invalidEtk('must have the validity of the authentication certificate');
  }
  const { keyEncipherment, dataEncipherment } = x509.KeyUsageFlags;
  if ((keyUsages(etk) & (keyEncipherment | dataEncipherment)) !== (keyEncipherment | dataEncipherment)) invalidEtk('must allow keyEncipherment and dataEncipherment');
}

export const etkraHandlers = [
  handler('StartETKRegistration', (exchange) => {
    const record = signerRecord(exchange);
    if (record.etk.status === 'VALID_ACTIVE' || record.etk.status === 'WAIT_FOR_ACTIVATION') throw new Refusal('ETK_ALREADY_REGISTERED', 'This certificate already has an ETK.');
    const spki = binaryOf(exchange.request, P, 'PublicEncryptionKey');
    let key;
    try {
      key = createPublicKey({ key: spki, format: 'der', type: 'spki' });
    } catch {
      throw new Refusal('INVALID_KEY', 'The public encryption key cannot be read.');
    }
    if (key.asymmetricKeyType !== 'rsa' || (key.asymmetricKeyDetails?.modulusLength ?? 0) < 2048) throw new Refusal('INVALID_KEY', 'The encryption key must be RSA of 2048 bits or more.');
    const serial = randomSerial();
    record.etk = { status: 'IN_REQUEST', challengeSerial: serial.toString('hex'), encryptionKey: spki.toString('base64') };
    exchange.context.state.save();
    return [node(P, 'Challenge', challengeFor(serial, key).toString('base64'))];
  }),

  handler('CompleteETKRegistration', async (exchange) => {
    const { context } = exchange;
    const record = signerRecord(exchange);
    if (record.etk.status !== 'IN_REQUEST' || !record.etk.challengeSerial) throw new Refusal('NO_CHALLENGE', 'Start the ETK registration first.');
    const der = binaryOf(exchange.request, P, 'ToBeRegistered');
    await checkEtk(der, record);
    // A holder who already has a published ETK gets the new one on hold until ActivateETK (renewal).
    const toBeActivated = context.state
      .certificates()
      .some((other) => other !== record && sameHolder(other.holder, record.holder) && effectiveEtkStatus(other, exchange.now) === 'VALID_ACTIVE');
    const token = await etkToken(context.ca, der, Buffer.from(record.certificate!, 'base64'));
    record.etk = { status: toBeActivated ? 'WAIT_FOR_ACTIVATION' : 'VALID_ACTIVE', certificate: der.toString('base64'), token: token.toString('base64') };
    context.state.save();
    // Both optional in the XSD (the public connector reads neither): left out when asked to.
    return context.behaviour.bareEtkAnswer ? [] : [node(P, 'ETK', record.etk.token!), node(P, 'ToBeActivated', String(toBeActivated))];
  }),

  handler('ActivateETK', (exchange) => {
    const { context } = exchange;
    const record = signerRecord(exchange);
    if (record.etk.status !== 'WAIT_FOR_ACTIVATION') throw new Refusal('NOTHING_TO_ACTIVATE', 'This certificate has no ETK waiting for activation.');
    for (const other of context.state.certificates()) {
      if (other !== record && sameHolder(other.holder, record.holder) && other.etk.status === 'VALID_ACTIVE') other.etk.status = 'REVOKED';
    }
    record.etk.status = 'VALID_ACTIVE';
    context.state.save();
    return [];
  }),
];
