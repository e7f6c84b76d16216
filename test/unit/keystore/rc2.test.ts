import { strict as assert } from 'node:assert';
import { rc2CbcDecrypt } from '../../../src/keystore/pkcs12/rc2';

// RFC 2268 section 5 test vectors: one block with a zero IV is plain RC2 decryption.
const vectors: Array<[key: string, bits: number, plain: string, cipher: string]> = [
  ['0000000000000000', 63, '0000000000000000', 'ebb773f993278eff'],
  ['ffffffffffffffff', 64, 'ffffffffffffffff', '278b27e42e2f0d49'],
  ['3000000000000000', 64, '1000000000000001', '30649edf9be7d2c2'],
  ['88', 64, '0000000000000000', '61a8a244adacccf0'],
  ['88bca90e90875a', 64, '0000000000000000', '6ccf4308974c267f'],
  ['88bca90e90875a7f0f79c384627bafb2', 64, '0000000000000000', '1a807d272bbe5db1'],
  ['88bca90e90875a7f0f79c384627bafb2', 128, '0000000000000000', '2269552ab0f85ca6'],
];

describe('RC2 (RFC 2268)', () => {
  for (const [key, bits, plain, cipher] of vectors) {
    it(`decrypts the RFC vector key=${key} bits=${bits}`, () => {
      const out = rc2CbcDecrypt(Buffer.from(key, 'hex'), bits, new Uint8Array(8), Buffer.from(cipher, 'hex'));
      assert.equal(Buffer.from(out).toString('hex'), plain);
    });
  }

  it('chains blocks (CBC)', () => {
    const iv = Buffer.from('0102030405060708', 'hex');
    const block = Buffer.from('ebb773f993278eff', 'hex');
    const out = rc2CbcDecrypt(Buffer.alloc(8), 63, iv, Buffer.concat([block, block]));
    assert.equal(Buffer.from(out).toString('hex'), `0102030405060708${'ebb773f993278eff'}`);
  });

  it('refuses a partial block', () => {
    assert.throws(() => rc2CbcDecrypt(Buffer.alloc(5), 40, new Uint8Array(8), new Uint8Array(7)), RangeError);
  });
});
