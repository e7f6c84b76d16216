import * as assert from 'node:assert/strict';
import { contactPhone } from '../../../src/core/contactData';
import { contactChecks } from '../../../src/faces/contactChecks';
import { errorMessage } from '../../../src/faces/errors';
import { translator } from '../../../src/i18n';
import { ProcedureError } from '../../../src/procedures';
import { checkContactData } from '../../../src/procedures/contactData';

// What people type, and what is sent: the input box (and the terminal) accept exactly what the
// procedure accepts, and word what it refuses as the procedure's error does. CertRA's XSD types phones as plain strings, so the rule is ours: digits and
// the usual separators, 8 to 15 digits, sent as `+` (when given) and digits.
const phones: Array<[typed: string, sent: string | undefined]> = [
  ['+32 2 123 45 67', '+3221234567'],
  ['(02) 123 45 67', '021234567'],
  ['02/123.45.67', '021234567'],
  ['0475 12 34 56', '0475123456'],
  ['0475/12.34.56', '0475123456'],
  ['+32 (0)2 123 45 67', '+3221234567'],
  ['+32 475-12-34-56', '+32475123456'],
  ['0032 2 123 45 67', '003221234567'],
  ['  +32475123456  ', '+32475123456'],
  ['+352 123 456', '+352123456'],
  ['1234567', undefined],
  ['+1234567890123456', undefined],
  ['02 123 45 67 ext. 12', undefined],
  ['32+2 123 45 67', undefined],
  ['phone', undefined],
  ['', undefined],
];

const emails: Array<[typed: string, sent: string | undefined]> = [
  ['anne@example.be', 'anne@example.be'],
  [' Anne.Dupont@cabinet.example.be ', 'Anne.Dupont@cabinet.example.be'],
  ['anne@example', undefined],
  ['anne example.be', undefined],
  ['anne@@example.be', undefined],
  ['', undefined],
];

const valid = { emailPrivate: 'anne@example.be', phonePrivate: '+32470000001' };
const box = contactChecks(translator('en'));

/** What the procedure makes of the contact data: what it sends, or the problem it refuses them for. */
function procedure(contact: typeof valid & { emailGeneral?: string; phoneGeneral?: string }) {
  try {
    return checkContactData(contact);
  } catch (error) {
    if (error instanceof ProcedureError) return error;
    throw error;
  }
}

describe('contact data: one rule for the input box and the procedure', () => {
  for (const [typed, sent] of phones) {
    it(`phone ${JSON.stringify(typed)}: ${sent === undefined ? 'refused by both' : `accepted by both, sent as ${sent}`}`, () => {
      const accepted = procedure({ ...valid, phonePrivate: typed });
      assert.equal(box.phone(typed), sent === undefined ? 'Type a phone number of 8 to 15 digits, such as +32 2 123 45 67 or 02 123 45 67.' : undefined);
      if (sent === undefined) assert.equal(errorMessage(accepted, 'en'), box.phone(typed));
      else assert.deepEqual(accepted, { ...valid, phonePrivate: sent });
      assert.equal(contactPhone(typed), sent);
    });
  }

  for (const [typed, sent] of emails) {
    it(`e-mail ${JSON.stringify(typed)}: ${sent === undefined ? 'refused by both' : 'accepted by both'}`, () => {
      const accepted = procedure({ ...valid, emailPrivate: typed });
      assert.equal(box.email(typed) === undefined, sent !== undefined);
      if (sent === undefined) assert.equal(errorMessage(accepted, 'en'), box.email(typed));
      else assert.deepEqual(accepted, { ...valid, emailPrivate: sent });
    });
  }

  it('refuses a second phone or e-mail that is the first one again, however written, in the box and the procedure', () => {
    const again = 'The second one must differ from the first.';
    assert.equal(box.phoneGeneral('(02) 123 45 67', '02 123 45 67'), again);
    assert.equal(errorMessage(procedure({ ...valid, phonePrivate: '02 123 45 67', phoneGeneral: '(02) 123 45 67' }), 'en'), again);
    assert.equal(box.emailGeneral('ANNE@example.be', 'anne@example.be'), again);
    assert.equal(errorMessage(procedure({ ...valid, emailGeneral: 'ANNE@example.be' }), 'en'), again);
  });

  it('takes an empty second phone or e-mail as none, in the box and the procedure', () => {
    assert.equal(box.phoneGeneral('', valid.phonePrivate), undefined);
    assert.equal(box.emailGeneral(' ', valid.emailPrivate), undefined);
    assert.deepEqual(procedure({ ...valid, phoneGeneral: '', emailGeneral: ' ' }), valid);
  });

  it('sends both of each, each in its sent form', () => {
    assert.deepEqual(procedure({ emailPrivate: 'anne@example.be ', emailGeneral: 'cabinet@example.be', phonePrivate: '(02) 123 45 67', phoneGeneral: '0475/12.34.56' }), {
      emailPrivate: 'anne@example.be',
      emailGeneral: 'cabinet@example.be',
      phonePrivate: '021234567',
      phoneGeneral: '0475123456',
    });
  });
});
