// SHA-256 iterated over its own 32-byte output: the inner loop of the PKCS#12 key derivation for
// the HMAC-SHA256 MAC of PBES2 keystores (JDK 17, OpenSSL 3). Same reasoning as sha1.ts: one
// compression per iteration, rounds unrolled over local variables, generated once.

type IterateSha256 = (state: Int32Array, count: number) => void;

const k = [
  0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5, 0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3,
  0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174, 0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
  0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967, 0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13,
  0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85, 0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
  0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3, 0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208,
  0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
].map((value) => value | 0);
const initial = [0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19].map((value) => value | 0);
const letters = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'];
const rotr = (x: string, n: number) => `((${x} >>> ${n}) | (${x} << ${32 - n}))`;

function generate(): IterateSha256 {
  const lines = [
    `let ${letters.map((_, i) => `h${i} = s[${i}]`).join(', ')};`,
    'for (let n = 0; n < count; n++) {',
    // The message is the previous digest (8 words) padded to one block: 0x80, zeros, length 256 bits.
    `  let w0 = h0, w1 = h1, w2 = h2, w3 = h3, w4 = h4, w5 = h5, w6 = h6, w7 = h7, w8 = -2147483648, w9 = 0, w10 = 0, w11 = 0, w12 = 0, w13 = 0, w14 = 0, w15 = 256;`,
    `  let ${letters.map((letter, i) => `${letter} = ${initial[i]}`).join(', ')}, t1 = 0, t2 = 0, s0 = 0, s1 = 0;`,
  ];
  for (let i = 0; i < 64; i++) {
    const j = i & 15;
    if (i >= 16) {
      const w15 = `w${(i - 15) & 15}`;
      const w2 = `w${(i - 2) & 15}`;
      lines.push(
        `  s0 = ${rotr(w15, 7)} ^ ${rotr(w15, 18)} ^ (${w15} >>> 3); s1 = ${rotr(w2, 17)} ^ ${rotr(w2, 19)} ^ (${w2} >>> 10);`,
        `  w${j} = (w${j} + s0 + w${(i - 7) & 15} + s1) | 0;`,
      );
    }
    lines.push(
      `  t1 = (h + (${rotr('e', 6)} ^ ${rotr('e', 11)} ^ ${rotr('e', 25)}) + ((e & f) ^ (~e & g)) + ${k[i]} + w${j}) | 0;`,
      `  t2 = ((${rotr('a', 2)} ^ ${rotr('a', 13)} ^ ${rotr('a', 22)}) + ((a & b) ^ (a & c) ^ (b & c))) | 0;`,
      '  h = g; g = f; f = e; e = (d + t1) | 0; d = c; c = b; b = a; a = (t1 + t2) | 0;',
    );
  }
  lines.push(
    ...letters.map((letter, i) => `  h${i} = (${letter} + ${initial[i]}) | 0;`),
    '}',
    letters.map((_, i) => `s[${i}] = h${i};`).join(' '),
  );
  return new Function('s', 'count', lines.join('\n')) as IterateSha256;
}

/**
 * Replaces `state` (a SHA-256 digest as eight big-endian 32-bit words) by SHA-256 applied `count`
 * times to it; each application hashes exactly the previous 32-byte digest. Generated on first use,
 * as in sha1.ts: opening a keystore with a SHA-1 MAC never does.
 */
let generated: IterateSha256 | undefined;
export const iterateSha256: IterateSha256 = (state, count) => (generated ??= generate())(state, count);
