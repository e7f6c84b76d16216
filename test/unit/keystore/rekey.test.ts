// The content comparison behind `passwd`'s verification, on the real acceptance keystore: any lost
// or altered bag, attribute or key is a difference; the file rekeyed under a new password is not.
import { strict as assert } from 'node:assert';
import { AsnConvert, OctetString } from '@peculiar/asn1-schema';
import { BerTag, encodeElement } from '../../../src/keystore/pkcs12/der';
import { openPfx, rekeyPfx, sameContent, type OpenedPfx } from '../../../src/keystore/pkcs12/rekey';
import { sharedKdfPool } from '../../../src/keystore/workerPool';
import { realKeystore, realPassword } from './fixtures';
import { isDomainError } from '../../../src/core/domainError';

const newPassword = 'Nieuw_Wachtwoord_2026';

describe('rekey: DER lengths', () => {
  it('encodes every length form as @peculiar/asn1-schema does', () => {
    for (const length of [0, 1, 127, 128, 255, 256, 65_535, 65_536, 1 << 20]) {
      const bytes = new Uint8Array(length).fill(7);
      const ours = encodeElement(BerTag.octetString, bytes.subarray(0, length >> 1), bytes.subarray(length >> 1));
      assert.ok(Buffer.from(ours).equals(Buffer.from(AsnConvert.serialize(new OctetString(bytes)))), `length ${length}`);
    }
  });
});

describe('rekey: the whole content, compared', () => {
  let original: OpenedPfx;
  before(async () => {
    original = await openPfx(realKeystore(), realPassword, sharedKdfPool());
  });

  it('opens every safe of the JDK file: the keys in clear, the certificates encrypted', () => {
    assert.deepEqual(
      original.safes.map((safe) => [safe.scheme !== undefined, safe.bags.map((bag) => bag.kind)]),
      [
        [false, ['shrouded', 'shrouded']],
        [true, ['copied', 'copied', 'copied', 'copied', 'copied']],
      ],
    );
  });

  it('finds the same content under the new password, and none under the old one', async () => {
    const rekeyed = await rekeyPfx(original, newPassword, sharedKdfPool());
    assert.ok(sameContent(original, await openPfx(rekeyed, newPassword, sharedKdfPool())));
    await assert.rejects(openPfx(rekeyed, realPassword, sharedKdfPool()), (error: unknown) => isDomainError(error, 'keystore', 'wrong-password'));
  });

  it('sees a lost bag, a changed attribute and a changed key', () => {
    const copy = (): OpenedPfx => structuredClone(original);
    const lost = copy();
    lost.safes[1].bags.pop();
    assert.ok(!sameContent(original, lost));
    const renamed = copy();
    renamed.safes[0].bags[0].attributes![renamed.safes[0].bags[0].attributes!.length - 1] ^= 1;
    assert.ok(!sameContent(original, renamed));
    const otherKey = copy();
    const bag = otherKey.safes[0].bags[1];
    assert.ok(bag.kind === 'shrouded');
    bag.key.pkcs8[bag.key.pkcs8.length - 1] ^= 1;
    assert.ok(!sameContent(original, otherKey));
    assert.ok(sameContent(original, copy()));
  });
});
