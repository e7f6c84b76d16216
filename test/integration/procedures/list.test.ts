// listCertificates against the sandbox with the virtual eID: which local keystore holds each
// certificate's key. A file showing its certificates in clear (written by OpenSSL, not by us) is
// linked by that key whatever its name; our own files, whose certificates are encrypted, by their
// name: the holder, and a creation time just before the request. A file serves one certificate.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import type { Environment } from '../../../src/core/environment';
import { stamp } from '../../../src/core/stamp';
import { completeCertificate, listCertificates, requestCertificate, type AuthorityCertificate, type RequestResult } from '../../../src/procedures';
import { PASSWORD, procedureContext, scriptedPrompter, startRig, type Rig } from './harness';

describe('procedures: listCertificates links each certificate to the keystore holding its key', function () {
  this.timeout(90_000);
  let rig: Rig;
  let copies: string;
  let first: RequestResult;
  let second: RequestResult;
  const context = async () => procedureContext(rig, scriptedPrompter());
  const list = async (environment: Environment = 'sandbox') =>
    listCertificates({ ...(await context()), environment }, {
      keystoreFolders: [
        { path: rig.keystores, origin: 'argument' },
        { path: copies, origin: 'argument' },
      ],
    });
  const linkOf = (listed: AuthorityCertificate[], requested: RequestResult) => {
    const found = listed.find((certificate) => certificate.publicKeyIdentifier === requested.publicKeyIdentifier);
    assert.ok(found, `${requested.publicKeyIdentifier} listed`);
    return { keystore: found.keystore, keystoreMatchedBy: found.keystoreMatchedBy };
  };

  before(async () => {
    // 60-day certificates: a second request for the same person is a renewal, accepted at once.
    rig = await startRig('rsa', { validityDays: 60 });
    copies = path.join(rig.folder, 'copies');
    mkdirSync(copies);
    first = await requestCertificate(await context(), { keystoreFolder: rig.keystores });
    await completeCertificate(await context(), first.keystore);
    // Lost: out of every folder searched.
    renameSync(first.keystore, path.join(rig.folder, 'lost.acc-p12'));
    // File names tell the second, not less: the next keystore is made in a later second than the first request.
    await new Promise((resolve) => setTimeout(resolve, 1000));
    second = await requestCertificate(await context(), { keystoreFolder: rig.keystores });
    await completeCertificate(await context(), second.keystore);
  });
  after(async () => rig?.stop());

  it('a certificate whose keystore is lost is not linked to the next keystore of the same person, made seconds later', async () => {
    const listed = await list();
    assert.deepEqual(linkOf(listed, second), { keystore: second.keystore, keystoreMatchedBy: 'file-name' });
    assert.deepEqual(linkOf(listed, first), { keystore: undefined, keystoreMatchedBy: undefined });
  });

  it('a file named for the person but made well after the request cannot hold its key', async () => {
    const requestedAt = Date.parse((await list()).find((certificate) => certificate.publicKeyIdentifier === first.publicKeyIdentifier)!.requestedAt);
    // Not a keystore at all: nothing is read from it, only its name could link it.
    const late = path.join(copies, `SSIN=${rig.eid.holder.nationalNumber} ${stamp(new Date(requestedAt + 20 * 60 * 1000))}.acc-p12`);
    writeFileSync(late, 'not a keystore');
    try {
      assert.deepEqual(linkOf(await list(), first), { keystore: undefined, keystoreMatchedBy: undefined });
    } finally {
      renameSync(late, path.join(rig.folder, 'late.acc-p12'));
    }
  });

  it('the lost keystore rewritten by OpenSSL with its certificates in clear is linked by its key, though named like the other', async () => {
    const env = { ...process.env, PW: PASSWORD };
    const pem = path.join(rig.folder, 'lost.pem');
    execFileSync('openssl', ['pkcs12', '-in', path.join(rig.folder, 'lost.acc-p12'), '-nodes', '-passin', 'env:PW', '-out', pem], { env, stdio: 'pipe' });
    // The second keystore's holder and a creation time one second after its own: by name, it would compete for the second certificate.
    const secondCreated = new Date(Date.parse(/ (\d{8}-\d{6})\./.exec(path.basename(second.keystore))![1].replace(/^(\d{4})(\d{2})(\d{2})-(\d{2})(\d{2})(\d{2})$/, '$1-$2-$3T$4:$5:$6')) + 1000);
    const copy = path.join(copies, `SSIN=${rig.eid.holder.nationalNumber} ${stamp(secondCreated)}.acc-p12`);
    execFileSync('openssl', ['pkcs12', '-export', '-certpbe', 'NONE', '-in', pem, '-name', 'authentication', '-passout', 'env:PW', '-out', copy], { env, stdio: 'pipe' });
    const listed = await list();
    assert.deepEqual(linkOf(listed, first), { keystore: copy, keystoreMatchedBy: 'public-key' });
    assert.deepEqual(linkOf(listed, second), { keystore: second.keystore, keystoreMatchedBy: 'file-name' });
  });

  it('a file is linked in the environment its name tells: `.acc-p12` and `.acc.p12` (seen in the wild; sandbox keystores were named so before `.sandbox-p12`) in acceptance and the sandbox, `.p12` in production only', async () => {
    const named = (suffix: string) => second.keystore.replace(/\.sandbox-p12$/, suffix);
    const linked = async (environment: Environment) => linkOf(await list(environment), second).keystore;
    let current = second.keystore;
    try {
      for (const suffix of ['.acc-p12', '.acc.p12', '.p12']) {
        renameSync(current, named(suffix));
        current = named(suffix);
        const production = suffix === '.p12';
        assert.deepEqual([await linked('sandbox'), await linked('production')], production ? [undefined, current] : [current, undefined], suffix);
      }
    } finally {
      renameSync(current, second.keystore);
    }
  });
});
