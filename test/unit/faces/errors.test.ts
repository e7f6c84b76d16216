import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import type { ContactProblem } from '../../../src/core/contactData';
import { DomainError, type Domain, type DomainErrorKey, type ErrorCode } from '../../../src/core/domainError';
import { CardSupportMissing, MiddlewareMissing, PinIncorrect } from '../../../src/eid/errors';
import { errorFace, errorFaces, errorMessage } from '../../../src/faces/errors';
import { ExitCode } from '../../../src/faces/exitCodes';
import { holderProblemMessages } from '../../../src/faces/holderChecks';
import type { MessageKey, MessageParams } from '../../../src/i18n';
import { messageKeyOf } from '../../../src/i18n/plurals';
import { PasswordPolicyViolation } from '../../../src/keystore/errors';
import { ProcedureError } from '../../../src/procedures/errors';
import type { HolderProblem } from '../../../src/procedures/holder';
import { RaError } from '../../../src/ra/errors';

const folder = path.join(__dirname, '..', '..', '..', 'l10n');
const catalogs = Object.fromEntries(
  ['bundle.l10n.json', 'bundle.l10n.fr.json', 'bundle.l10n.nl.json', 'bundle.l10n.de.json'].map((file) => [file, JSON.parse(readFileSync(path.join(folder, file), 'utf8')) as Record<string, string>]),
);

/** Errors worded by a function of their parameters (not one message key): one of each variant. */
const variants: DomainError[] = [
  new PinIncorrect(),
  new PinIncorrect(2),
  new MiddlewareMissing('linux', ['/usr/lib/libbeidpkcs11.so.0']),
  new MiddlewareMissing('windows', ['beidpkcs11.dll']),
  new MiddlewareMissing('macos', ['/usr/local/lib/beid-pkcs11.bundle']),
  new CardSupportMissing('win32-x64', true),
  new CardSupportMissing('darwin-arm64', true, 'slice is not valid mach-o file'),
  new CardSupportMissing('win32-arm64', false),
  new PasswordPolicyViolation(['min-length', 'digit-or-symbol', 'ascii-only', 'confirmation']),
  ...(['email', 'phone', 'same-email', 'same-phone'] satisfies ContactProblem[]).map((problem) => new ProcedureError('invalid-contact-data', { problem })),
  ...(Object.keys(holderProblemMessages) as HolderProblem[]).map((problem) => new ProcedureError('invalid-holder', { holder: 'NIHII-HOSPITAL=7100043', type: 'NIHII-HOSPITAL', problem })),
  new ProcedureError('renewal-not-open-yet', { from: '2029-09-03T10:18:19.000Z' }),
  new ProcedureError('keystore-of-other-environment', { file: 'SSIN=79021802145 20230823-085751.acc-p12', keystore: 'sandbox', environment: 'acceptance' }),
  new ProcedureError('etk-not-found', { holder: 'SSIN=79021802145', environment: 'acceptance' }),
];

/** The message keys the table uses to word `error`, read through a translator that notes them. */
function keysOf(error: DomainError): MessageKey[] {
  const { message } = errorFaces[error.key];
  if (typeof message !== 'function') return [message];
  const used: MessageKey[] = [];
  const noting = (key: MessageKey, _params?: MessageParams) => {
    used.push(key);
    return key;
  };
  message(error, Object.assign(noting, { language: 'en' as const }));
  return used;
}

const probe = (key: DomainErrorKey) => {
  const [domain, code] = key.split('/') as [Domain, ErrorCode];
  return new DomainError(domain, code, 'probe');
};

describe('the faces’ error table', () => {
  const keys = Object.keys(errorFaces) as DomainErrorKey[];
  const used = new Set([...keys.filter((key) => typeof errorFaces[key].message === 'string').map(probe), ...variants].flatMap(keysOf));

  it('has a variant above for every code worded by a function', () => {
    const worded = keys.filter((key) => typeof errorFaces[key].message === 'function');
    assert.deepEqual(worded.filter((key) => !variants.some((error) => error.key === key)), []);
  });

  it('words every code with messages every catalog has', () => {
    for (const [file, catalog] of Object.entries(catalogs)) {
      // A plural message is there by its `other` form.
      for (const key of used) assert.ok((catalog[key] ?? catalog[`${key}.other`])?.trim(), `${file} lacks ${key}`);
    }
  });

  it('uses every error message of the catalogs (no wording left without a code)', () => {
    const english = catalogs['bundle.l10n.json'];
    const errorMessages = [...new Set(Object.keys(english).map((id) => messageKeyOf(id, english)))].filter((key) => /^(keystore|eid|ra|procedures)\.error\.|^ra\.trace\.refused$/.test(key));
    assert.deepEqual(errorMessages.filter((key) => !used.has(key as MessageKey)), []);
  });

  it('fills {reason} with the words of a domain error given as the cause', () => {
    const cause = new RaError('timeout', 'no answer in 2 s', { seconds: 2 });
    const error = new ProcedureError('request-outcome-unknown', { file: '/k/SSIN=1.acc-p12' }, 'outcome unknown', { cause });
    const words = errorMessage(error, 'en');
    assert.ok(words.includes(errorMessage(cause, 'en')), words);
    assert.ok(words.includes('/k/SSIN=1.acc-p12'), words);
    assert.doesNotMatch(words, /\{reason\}/);
  });

  it('says which errors are the user stopping on purpose (or told as information), and what other errors say and exit with', () => {
    const cancels = (Object.keys(errorFaces) as DomainErrorKey[]).filter((key) => errorFaces[key].cancel);
    assert.deepEqual(cancels.sort(), ['eid/card-wait-cancelled', 'eid/pin-cancelled', 'eid/pin-last-try-declined', 'procedure/cancelled', 'procedure/contract-declined', 'procedure/not-replaceable', 'procedure/production-not-confirmed', 'procedure/renewal-not-open-yet']);
    const bug = new TypeError('x is undefined');
    assert.equal(errorFace(bug), undefined);
    assert.equal(errorMessage(bug, 'fr'), 'x is undefined');
    assert.equal(errorFaces['ra/not-yet-delivered'].exit, ExitCode.notYetDelivered);
  });
});
