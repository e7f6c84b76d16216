import * as assert from 'node:assert/strict';
import manifest from '../../../package.json';
import type { AuthorityCertificate } from '../../../src/procedures';
import { CERTIFICATE_ACTIONS, certificateActions } from '../../../src/vscode/views/authorityActions';

const listed = (fields: Partial<AuthorityCertificate>): AuthorityCertificate => ({
  holder: { type: 'SSIN', id: '85031412401' },
  name: 'Lefèvre',
  publicKeyIdentifier: 'ab'.repeat(20),
  status: 'VALID_ACTIVE',
  etkStatus: 'VALID_ACTIVE',
  requestedAt: '2026-12-02T16:00:00.000Z',
  revocable: true,
  replaceable: false,
  automaticallyValidated: true,
  ...fields,
});
const local = { keystore: '/home/jane/ehealth/keystore/SSIN=85031412401 20261202-160000.acc-p12', keystoreMatchedBy: 'file-name' } as const;

describe('Certificates at eHealth: the actions a certificate offers', () => {
  const cases: Array<[string, Partial<AuthorityCertificate>, string[]]> = [
    ['requested, its keystore here: complete it', { status: 'IN_PROGRESS', etkStatus: 'NOT_REQUESTED', revocable: false, ...local }, ['completable']],
    ['requested, no keystore here: nothing to do here', { status: 'IN_PROGRESS', etkStatus: 'NOT_REQUESTED', revocable: false }, []],
    ['valid with its ETK: revoke', { ...local }, ['revocable']],
    ['valid, no keystore here: still revocable with the eID alone', {}, ['revocable']],
    ['valid in its renewal window: renew, revoke', { replaceable: true, ...local }, ['revocable', 'renewable']],
    ['renewable, but no keystore to renew from: revoke only', { replaceable: true }, ['revocable']],
    ['valid, its ETK never registered: complete it', { etkStatus: 'NOT_REQUESTED', ...local }, ['revocable', 'completable']],
    ['valid, its ETK registration started: complete it', { etkStatus: 'IN_REQUEST', ...local }, ['revocable', 'completable']],
    ['a renewal whose ETK waits: activate it', { etkStatus: 'WAIT_FOR_ACTIVATION', ...local }, ['revocable', 'activatable']],
    ['revoked', { status: 'REVOKED', etkStatus: 'REVOKED', revocable: false, ...local }, []],
    ['expired', { status: 'EXPIRED', etkStatus: 'EXPIRED', revocable: false, ...local }, []],
    ['refused', { status: 'REFUSED', etkStatus: 'NOT_REQUESTED', revocable: false, ...local }, []],
  ];
  for (const [what, fields, expected] of cases) {
    it(what, () => assert.deepEqual(certificateActions(listed(fields)), expected));
  }

  it('are the words the view\'s menus in package.json look for', () => {
    const menus = manifest.contributes.menus['view/item/context'].filter((item) => item.when.includes('view == ehealth.authority'));
    const words = new Set(menus.flatMap((item) => [...item.when.matchAll(/\\b(\w+)\\b/g)].map((match) => match[1])));
    assert.deepEqual([...words].filter((word) => word !== 'local').sort(), [...CERTIFICATE_ACTIONS].sort());
  });
});
