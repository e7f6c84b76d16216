// The escaping that the CLI listing, `inspect` and the VS Code tree labels apply to names from disk
// and from keystores.
import { strict as assert } from 'node:assert';
import { printable } from '../../../src/core/printable';

describe('printable text', () => {
  it('keeps ordinary names, accents and spaces as they are', () => {
    assert.equal(printable('SSIN=79021802145 20230823-085751.acc-p12'), 'SSIN=79021802145 20230823-085751.acc-p12');
    assert.equal(printable('Clé de Zoë – 日本.p12'), 'Clé de Zoë – 日本.p12');
  });

  it('shows line ends, escape sequences, C1 controls and bidirectional overrides instead of obeying them', () => {
    assert.equal(printable('two\nlines\r\tx.p12'), 'two\\nlines\\r\\tx.p12');
    assert.equal(printable('red\u001b[31m\u0007\u007f.p12'), 'red\\x1b[31m\\x07\\x7f.p12');
    assert.equal(printable('csi\u009b2J'), 'csi\\x9b2J');
    assert.equal(printable('flip\u202egnp.p12\u2066\u2028'), 'flip\\u202egnp.p12\\u2066\\u2028');
  });
});
