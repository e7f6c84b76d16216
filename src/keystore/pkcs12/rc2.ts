// RC2-CBC decryption (RFC 2268), for the certificate bag of keystores written by the JDK's legacy
// PKCS#12 writer (pbeWithSHAAnd40BitRC2-CBC). Node cannot be relied on for RC2: OpenSSL 3 hides it
// behind the legacy provider and Electron's BoringSSL lacks it. Only decryption is needed: our
// writer never produces RC2.

/** PITABLE of RFC 2268 section 2: a permutation of 0..255 derived from the digits of pi. */
const piTable = Buffer.from(
  'd978f9c419ddb5ed28e9fd794aa0d89dc67e37832b76538e624c6488448bfba2179a59f587b34f1361456d8d09817d32' +
    'bd8f40eb86b77b0bf09521225c6b4e8254d66593ce60b21c7356c014a78cf1dc1275ca1f3bbee4d1423dd430a33cb626' +
    '6fbf0eda4669075727f21d9bbc944303f811c7f690ef3ee706c3d52fc8661ed708e8eade8052eef784aa72ac354d6a2a' +
    '961ad2715a1549744b9fd05e0418a4ecc2e0416e0f51cbcc2491af50a1f47039997c3a8523b8b47afc02365b25559731' +
    '2d5dfa98e38a92ae05df2910676cbac9d300e6cfe19ea82c6316013f58e289a90d38341bab33ffb0bb480c5fb9b1cd2e' +
    'c5f3db47e5a59c770aa62068fe7fc1ad',
  'hex',
);

/** RFC 2268 key expansion: 64 16-bit words from the key and its effective size in bits. */
export function expandRc2Key(key: Uint8Array, effectiveBits: number): Uint16Array {
  const l = new Uint8Array(128);
  l.set(key);
  const t = key.length;
  for (let i = t; i < 128; i++) l[i] = piTable[(l[i - 1] + l[i - t]) & 0xff];
  const t8 = Math.ceil(effectiveBits / 8);
  const tm = 0xff >> (8 * t8 - effectiveBits);
  l[128 - t8] = piTable[l[128 - t8] & tm];
  for (let i = 127 - t8; i >= 0; i--) l[i] = piTable[l[i + 1] ^ l[i + t8]];
  const k = new Uint16Array(64);
  for (let i = 0; i < 64; i++) k[i] = l[2 * i] | (l[2 * i + 1] << 8);
  return k;
}

/**
 * Decrypts the 8-byte block at `at` in place: the encryption rounds backwards (5 mix, mash, 6 mix,
 * mash, 5 mix). An offset rather than a subarray per block: a cold process runs this interpreted,
 * where an allocation per block shows.
 */
function decryptBlock(k: Uint16Array, block: Uint8Array, at: number): void {
  let r0 = block[at] | (block[at + 1] << 8), r1 = block[at + 2] | (block[at + 3] << 8), r2 = block[at + 4] | (block[at + 5] << 8), r3 = block[at + 6] | (block[at + 7] << 8);
  let j = 63;
  for (let round = 15; round >= 0; round--) {
    r3 = ((r3 >>> 5) | (r3 << 11)) & 0xffff;
    r3 = (r3 - k[j--] - (r2 & r1) - (~r2 & r0)) & 0xffff;
    r2 = ((r2 >>> 3) | (r2 << 13)) & 0xffff;
    r2 = (r2 - k[j--] - (r1 & r0) - (~r1 & r3)) & 0xffff;
    r1 = ((r1 >>> 2) | (r1 << 14)) & 0xffff;
    r1 = (r1 - k[j--] - (r0 & r3) - (~r0 & r2)) & 0xffff;
    r0 = ((r0 >>> 1) | (r0 << 15)) & 0xffff;
    r0 = (r0 - k[j--] - (r3 & r2) - (~r3 & r1)) & 0xffff;
    if (round === 11 || round === 5) {
      r3 = (r3 - k[r2 & 63]) & 0xffff;
      r2 = (r2 - k[r1 & 63]) & 0xffff;
      r1 = (r1 - k[r0 & 63]) & 0xffff;
      r0 = (r0 - k[r3 & 63]) & 0xffff;
    }
  }
  block[at] = r0; block[at + 1] = r0 >>> 8; block[at + 2] = r1; block[at + 3] = r1 >>> 8;
  block[at + 4] = r2; block[at + 5] = r2 >>> 8; block[at + 6] = r3; block[at + 7] = r3 >>> 8;
}

/**
 * RC2-CBC decryption, padding left in place (the caller removes and checks the PKCS#5 padding,
 * as for the other ciphers). `data` must be a whole number of 8-byte blocks.
 */
export function rc2CbcDecrypt(key: Uint8Array, effectiveBits: number, iv: Uint8Array, data: Uint8Array): Uint8Array {
  if (data.length % 8 !== 0) throw new RangeError('RC2: ciphertext is not a whole number of blocks');
  const k = expandRc2Key(key, effectiveBits);
  const out = Uint8Array.from(data);
  for (let offset = 0; offset < out.length; offset += 8) {
    decryptBlock(k, out, offset);
    if (offset === 0) for (let i = 0; i < 8; i++) out[i] ^= iv[i];
    else for (let i = 0; i < 8; i++) out[offset + i] ^= data[offset - 8 + i];
  }
  return out;
}
