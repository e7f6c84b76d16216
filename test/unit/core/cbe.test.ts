import * as assert from 'node:assert/strict';
import { formatCbe, isValidCbe, normalizeCbe } from '../../../src/core/cbe';

describe('CBE enterprise numbers', () => {
  it('accepts the usual written forms', () => {
    for (const text of ['0123.456.749', '0123456749', 'BE 0123.456.749', 'be0123456749', '0123 456 749']) {
      assert.equal(normalizeCbe(text), '0123456749', text);
    }
    assert.equal(formatCbe('0123456749'), '0123.456.749');
  });

  it('gives old 9-digit numbers a leading 0', () => {
    assert.equal(normalizeCbe('123456749'), '0123456749');
  });

  it('accepts numbers starting with 1 (issued since 2023)', () => {
    const first8 = 10000000 + 4242;
    const check = String(97 - (first8 % 97)).padStart(2, '0');
    assert.equal(isValidCbe(`${first8}${check}`), true);
  });

  it('refuses wrong checksums, branch-unit prefixes and wrong lengths', () => {
    for (const text of ['0123456748', '2123456749', '012345674', '01234567490', 'abcdefghij', '']) {
      assert.equal(isValidCbe(text), false, text);
    }
  });
});
