// GetCertificateInfoForCitizen against the sandbox's own records, with the real client, along a
// certificate's life and the sandbox's clock: pending until GetCertificate delivers, valid,
// renewed, revoked, expired. Each flag says what the other operations then do (certra core XSD,
// CertificateInfoType): Revocable means Revoke is accepted, Replaceable means GenerateCertificate
// replaces this very certificate (its answer's ReplacesCertificate). Every answer passes the XSD.
import assert from 'node:assert/strict';
import { X509Certificate, type KeyObject } from 'node:crypto';
import { isDomainError } from '../../../src/core/domainError';
import * as certra from '../../../src/ra/certra';
import { AuthorityError } from '../../../src/ra/errors';
import type { CertificateInfo } from '../../../src/ra/model';
import { registerEtk, requestForJean, revoke, sandboxSuite } from './harness';

const DAY_MS = 86_400_000;
const VALIDITY_DAYS = 60;

describe('sandbox GetCertificateInfoForCitizen: what it lists is what it issued and revoked', function () {
  this.timeout(60_000);
  /** How far the sandbox's clock is ahead: moved to let a certificate expire. */
  let aheadMs = 0;
  // 60-day certificates are in their replacement period (the last 90 days) from the start.
  const suite = sandboxSuite({ validityDays: VALIDITY_DAYS, behaviour: { pendingPolls: 1 }, now: () => new Date(Date.now() + aheadMs) });

  /** A request as a client makes it; its key kept for the ETK. */
  const keys = new Map<string, KeyObject>();
  const request = async () => {
    const { privateKey, ...requested } = await requestForJean(suite.harness, suite.card);
    keys.set(requested.publicKeyIdentifier, privateKey);
    return requested;
  };
  const deliver = async (publicKeyIdentifier: string) => new X509Certificate((await suite.harness.client.call(certra.getCertificate, { publicKeyIdentifier }))[0]);
  /** The ETK of a delivered certificate registered; answers ToBeActivated. */
  const etkRegistered = async (publicKeyIdentifier: string) =>
    (await registerEtk(suite.harness, await suite.harness.client.call(certra.getCertificate, { publicKeyIdentifier }), keys.get(publicKeyIdentifier)!)).toBeActivated;
  const listing = () => suite.harness.client.call(certra.getCertificateInfoForCitizen, undefined, suite.card.authentication);
  const listed = async (publicKeyIdentifier: string): Promise<CertificateInfo> => {
    const found = (await listing()).find((info) => info.publicKeyIdentifier === publicKeyIdentifier);
    assert.ok(found, `${publicKeyIdentifier} listed`);
    return found;
  };
  /** The flags and statuses a client acts on. */
  const state = ({ status, etkStatus, revocable, replaceable }: CertificateInfo) => ({ status, etkStatus, revocable, replaceable });
  const notYetDelivered = (error: unknown) => isDomainError(error, 'ra', 'not-yet-delivered');

  let first = '';
  let renewal = '';

  it('a request is IN_PROGRESS, without details or replacement date, until GetCertificate delivers it', async () => {
    first = (await request()).publicKeyIdentifier;
    const pending = await listed(first);
    assert.deepEqual(state(pending), { status: 'IN_PROGRESS', etkStatus: 'NOT_REQUESTED', revocable: false, replaceable: false });
    assert.equal(pending.details, undefined);
    assert.equal(pending.replacementPeriodStartDate, undefined);
    await assert.rejects(deliver(first), notYetDelivered);
    assert.equal((await listed(first)).status, 'IN_PROGRESS', 'still pending after a poll that did not deliver');
  });

  it('delivered: VALID_ACTIVE with the certificate\'s dates, revocable, replaceable in its last 90 days; then its ETK', async () => {
    const certificate = await deliver(first);
    const info = await listed(first);
    assert.deepEqual(state(info), { status: 'VALID_ACTIVE', etkStatus: 'NOT_REQUESTED', revocable: true, replaceable: true });
    assert.equal(info.details?.notBefore, new Date(certificate.validFrom).toISOString());
    assert.equal(info.details?.notAfter, new Date(certificate.validTo).toISOString());
    assert.equal(info.replacementPeriodStartDate?.toISOString(), new Date(new Date(certificate.validTo).getTime() - 90 * DAY_MS).toISOString());
    assert.equal(await etkRegistered(first), false);
    assert.equal((await listed(first)).etkStatus, 'VALID_ACTIVE');
  });

  it('a renewal lists both; once it is delivered, the old certificate is no longer the one a request replaces', async () => {
    const requested = await request();
    renewal = requested.publicKeyIdentifier;
    assert.equal(requested.replacesCertificate, first);
    assert.deepEqual(state(await listed(renewal)), { status: 'IN_PROGRESS', etkStatus: 'NOT_REQUESTED', revocable: false, replaceable: false });
    assert.equal((await listed(first)).replaceable, true, 'until the renewal is delivered, a request still replaces the old certificate');
    await assert.rejects(deliver(renewal), notYetDelivered);
    await deliver(renewal);
    assert.equal(await etkRegistered(renewal), true);
    const [old, renewed] = [await listed(first), await listed(renewal)];
    assert.deepEqual(state(old), { status: 'VALID_ACTIVE', etkStatus: 'VALID_ACTIVE', revocable: true, replaceable: false });
    assert.deepEqual(state(renewed), { status: 'VALID_ACTIVE', etkStatus: 'WAIT_FOR_ACTIVATION', revocable: true, replaceable: true });
    assert.ok(old.replacementPeriodStartDate, 'a delivered certificate keeps its replacement date');
    assert.equal((await request()).replacesCertificate, renewal, 'a request replaces the renewal, not the old certificate');
  });

  it('revoked: REVOKED with its ETK, neither revocable nor replaceable; the older certificate is again the one to replace', async () => {
    await revoke(suite.harness, suite.card, renewal);
    const revoked = await listed(renewal);
    assert.deepEqual(state(revoked), { status: 'REVOKED', etkStatus: 'REVOKED', revocable: false, replaceable: false });
    assert.ok(revoked.details && revoked.replacementPeriodStartDate, 'a revoked certificate keeps its details and replacement date (XSD: present once delivered)');
    await assert.rejects(revoke(suite.harness, suite.card, renewal), (error: unknown) => error instanceof AuthorityError && error.has('NOT_REVOCABLE'), 'not revocable: Revoke is refused');
    assert.deepEqual(state(await listed(first)), { status: 'VALID_ACTIVE', etkStatus: 'VALID_ACTIVE', revocable: true, replaceable: true });
    assert.equal((await request()).replacesCertificate, first, 'replaceable: a request replaces it');
  });

  it('expired by the clock: EXPIRED with its ETK, neither revocable nor replaceable; a revoked one stays REVOKED', async () => {
    aheadMs = (VALIDITY_DAYS + 1) * DAY_MS;
    assert.deepEqual(state(await listed(first)), { status: 'EXPIRED', etkStatus: 'EXPIRED', revocable: false, replaceable: false });
    assert.deepEqual(state(await listed(renewal)), { status: 'REVOKED', etkStatus: 'REVOKED', revocable: false, replaceable: false });
    await assert.rejects(revoke(suite.harness, suite.card, first), (error: unknown) => error instanceof AuthorityError && error.has('NOT_REVOCABLE'));
  });

  it('another citizen sees none of them', async () => {
    const other = suite.pki.card('85073003328', { names: { given: 'Anne Élise', surname: 'Martin' } });
    assert.deepEqual(await suite.harness.client.call(certra.getCertificateInfoForCitizen, undefined, other.authentication), []);
  });
});
