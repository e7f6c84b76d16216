// The engine against virtual RSA and EC cards: identity, certificates, signatures checked by openssl.
import { strict as assert } from 'node:assert';
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { EidEngine } from '../../../src/eid';
import { parseSsin } from '../../../src/core/ssin';
import type { VirtualEid } from '../../../tools/virtual-eid/build';
import { scriptedPrompter, virtualCard } from './virtualCards';

/** openssl's verdict on a signature made with the certificate's key. */
function opensslVerifies(eid: VirtualEid, certificate: Uint8Array, digest: string, data: Buffer, signature: Uint8Array, name: string): boolean {
  const file = (suffix: string) => path.join(eid.dir, `${name}.${suffix}`);
  writeFileSync(file('cert.der'), certificate);
  writeFileSync(file('data'), data);
  writeFileSync(file('sig'), signature);
  const publicKey = execFileSync('openssl', ['x509', '-inform', 'DER', '-in', file('cert.der'), '-pubkey', '-noout']);
  writeFileSync(file('pub.pem'), publicKey);
  try {
    execFileSync('openssl', ['dgst', `-${digest}`, '-verify', file('pub.pem'), '-signature', file('sig'), file('data')], { stdio: 'pipe' });
    return true;
  } catch {
    return false;
  }
}

for (const algorithm of ['rsa', 'ec'] as const) {
  describe(`virtual ${algorithm.toUpperCase()} eID card`, function () {
    this.timeout(60_000);
    let eid: VirtualEid;
    let engine: EidEngine;
    before(async () => {
      eid = await virtualCard(algorithm);
      engine = new EidEngine({ modulePath: eid.modulePath });
    });
    after(() => engine?.close());

    it('shows one reader holding a BELPIC card with an unused PIN', async () => {
      const readers = await engine.readers();
      assert.equal(readers.length, 1);
      assert.equal(readers[0].cardPresent, true);
      const card = await engine.card();
      assert.equal(card.label, 'BELPIC');
      assert.deepEqual(card.pin, { status: 'ok', pinpad: false });
    });

    it('reads the identity with its accents and a national number that checks', async () => {
      const identity = await engine.identity();
      assert.equal(identity.surname, eid.holder.surname);
      assert.equal(identity.firstNames, eid.holder.firstNames);
      assert.equal(identity.nationalNumber, eid.holder.nationalNumber);
      assert.equal(identity.nationalNumberValid, true);
      assert.equal(identity.cardNumber, eid.holder.cardNumber);
      assert.equal(identity.birthPlace, eid.holder.birthPlace);
      assert.equal(identity.birthDate, parseSsin(eid.holder.nationalNumber)?.birthDate);
      assert.equal(identity.gender, eid.holder.gender === 'M' ? 'male' : 'female');
      assert.equal(identity.address?.municipality, eid.holder.municipality);
      assert.match(identity.validityEnd ?? '', /^\d{4}-\d{2}-\d{2}$/);
    });

    it('reads the four certificates, chain checked, with their key type', async () => {
      const certificates = await engine.certificates();
      assert.deepEqual(certificates.map((certificate) => certificate.label), ['Authentication', 'Signature', 'CA', 'Root']);
      for (const certificate of certificates) {
        assert.equal(certificate.chainValid, true, certificate.label);
        assert.equal(certificate.validity, 'valid', certificate.label);
        assert.deepEqual(certificate.key, algorithm === 'ec' ? { type: 'ec', curve: 'P-384' } : { type: 'rsa', bits: 2048 });
      }
      const [authentication] = certificates;
      assert.ok(authentication.subject.includes(`CN=${eid.holder.givenName} ${eid.holder.surname} (Authentication)`), authentication.subject);
      assert.ok(authentication.subject.includes(`serialNumber=${eid.holder.nationalNumber}`), authentication.subject);
      assert.ok(certificates[0].daysLeft > 3000);
    });

    it('reports an expired certificate as expired', async () => {
      const later = new Date(Date.now() + 11 * 365 * 86_400_000);
      const [authentication] = await engine.certificates(later);
      assert.equal(authentication.validity, 'expired');
    });

    for (const key of ['authentication', 'signature'] as const) {
      it(`signs with the ${key} key, verified by openssl`, async () => {
        const prompter = scriptedPrompter(eid.pin);
        const signer = await engine.signer(key, prompter);
        assert.equal(signer.algorithm, algorithm === 'ec' ? 'ecdsa-sha384' : 'rsa-sha256');
        assert.equal(signer.certificateChain.length, 3, 'own, CA, root');
        const data = Buffer.from(`Déclaration signée avec la clé ${key}`);
        const signature = await signer.sign(data);
        assert.equal(prompter.asked, 1, 'one PIN per signature, even with a per-signature login');
        assert.ok(opensslVerifies(eid, signer.certificateChain[0], algorithm === 'ec' ? 'sha384' : 'sha256', data, signature, `${key}-${algorithm}`));
        assert.equal(opensslVerifies(eid, signer.certificateChain[0], algorithm === 'ec' ? 'sha384' : 'sha256', Buffer.from('other data'), signature, `${key}-${algorithm}-other`), false);
      });
    }

    if (algorithm === 'ec') {
      it('gives r||s (IEEE P1363) when the caller asks, as XML-DSig wants', async () => {
        const signer = await engine.signer('authentication', scriptedPrompter(eid.pin), 'ieee-p1363');
        const signature = await signer.sign(Buffer.from('xml'));
        assert.equal(signature.length, 96);
      });
    }
  });
}
