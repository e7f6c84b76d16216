// ASN.1 structures that PKCS#12 needs and the @peculiar schema packages do not define: the
// parameters of the password-based ciphers (RFC 7292 appendix C, RFC 8018). The decorators are
// applied as plain calls because the project compiles without legacy decorator support.
import { AsnProp, AsnPropTypes, OctetString } from '@peculiar/asn1-schema';
import { AlgorithmIdentifier } from '@peculiar/asn1-x509';
import { EncryptedContentInfo } from '@peculiar/asn1-cms';

/** pkcs-12PbeParams: the salt and iteration count of the PKCS#12 ciphers (pbeWithSHAAnd...). */
export class Pkcs12PbeParams {
  salt = new OctetString();
  iterations: number | string = 0;
  constructor(params: Partial<Pkcs12PbeParams> = {}) {
    Object.assign(this, params);
  }
}
AsnProp({ type: OctetString })(Pkcs12PbeParams.prototype, 'salt');
AsnProp({ type: AsnPropTypes.Integer })(Pkcs12PbeParams.prototype, 'iterations');

/** PBKDF2-params (RFC 8018 A.2); the PRF defaults to HMAC-SHA1 when absent. */
export class Pbkdf2Params {
  salt = new OctetString();
  iterationCount: number | string = 0;
  keyLength?: number;
  prf?: AlgorithmIdentifier;
  constructor(params: Partial<Pbkdf2Params> = {}) {
    Object.assign(this, params);
  }
}
AsnProp({ type: OctetString })(Pbkdf2Params.prototype, 'salt');
AsnProp({ type: AsnPropTypes.Integer })(Pbkdf2Params.prototype, 'iterationCount');
AsnProp({ type: AsnPropTypes.Integer, optional: true })(Pbkdf2Params.prototype, 'keyLength');
AsnProp({ type: AlgorithmIdentifier, optional: true })(Pbkdf2Params.prototype, 'prf');

/** PBES2-params (RFC 8018 A.4): a key derivation function and a cipher. */
export class Pbes2Params {
  keyDerivationFunc = new AlgorithmIdentifier();
  encryptionScheme = new AlgorithmIdentifier();
  constructor(params: Partial<Pbes2Params> = {}) {
    Object.assign(this, params);
  }
}
AsnProp({ type: AlgorithmIdentifier })(Pbes2Params.prototype, 'keyDerivationFunc');
AsnProp({ type: AlgorithmIdentifier })(Pbes2Params.prototype, 'encryptionScheme');

/** CMS EncryptedData (RFC 5652 section 8): how PKCS#12 wraps a password-encrypted SafeContents. */
export class EncryptedData {
  version = 0;
  encryptedContentInfo = new EncryptedContentInfo();
  constructor(params: Partial<EncryptedData> = {}) {
    Object.assign(this, params);
  }
}
AsnProp({ type: AsnPropTypes.Integer })(EncryptedData.prototype, 'version');
AsnProp({ type: EncryptedContentInfo })(EncryptedData.prototype, 'encryptedContentInfo');
