// Starts a sandbox in-process on a free port with a temporary data folder, a real RaClient on it,
// and checks every answer the sandbox gives against eHealth's XSDs with xmllint. Plus the steps
// the sandbox suites share: a request for Jean, an ETK registration, a revocation.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { generateKeyPairSync, type KeyObject } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { etkCertificate } from '../../../src/pki/certificates';
import * as certra from '../../../src/ra/certra';
import { RaClient } from '../../../src/ra/client';
import { endpoints } from '../../../src/ra/endpoints';
import { decryptChallenge } from '../../../src/ra/etkChallenge';
import * as etkra from '../../../src/ra/etkra';
import type { Actor, CertificateRequested, RevocationContract, RevocationReason } from '../../../src/ra/model';
import { NS } from '../../../src/ra/namespaces';
import { keySigner } from '../../../src/ra/signer';
import { childElements, parseXml, serialize } from '../../../src/ra/xml';
import type { SandboxOptions } from '../../../src/sandbox/options';
import { SandboxServer } from '../../../src/sandbox/server';
import { jean, makeCsr, makeEidPki, personSubject, type EidCard, type EidPki } from './eidPki';

const XSD = join(__dirname, '..', '..', 'fixtures', 'xsd', 'ehealth-etee', 'XSD');
const SCHEMAS: Record<string, string> = {
  [NS.certra]: join(XSD, 'ehealth-certra-schema-protocol-2_0.xsd'),
  [NS.etkra]: join(XSD, 'ehealth-etkra-schema-protocol-2_0.xsd'),
  [NS.etkdepot]: join(XSD, 'ehealth-etkdepot-schema-protocol-1_0.xsd'),
};

export interface Harness {
  sandbox: SandboxServer;
  client: RaClient;
  /** Stops the sandbox and starts a new one on the same data folder ("tomorrow"). */
  restart(): Promise<void>;
  folder: string;
  /** Validates the answers received since the last call (xmllint, one run). */
  checkAnswers(): void;
  /** POST /sandbox/behaviour: a string body as written, anything else as JSON. */
  admin(body: unknown, contentType?: string): Promise<Response>;
  stop(): Promise<void>;
}

export async function startSandbox(options: SandboxOptions = {}, folder = mkdtempSync(join(tmpdir(), 'sandbox-data-'))): Promise<Harness> {
  const answers: string[] = [];
  const clientOf = (sandbox: SandboxServer) =>
    new RaClient({
      endpoints: endpoints({ baseUrl: sandbox.url }),
      timeoutMs: 10_000,
      trace: { exchange: () => ({ sending: async () => undefined, ended: async ({ answer }) => void (answer !== undefined && answers.push(answer)) }) },
    });
  const checkFolder = mkdtempSync(join(tmpdir(), 'sandbox-xsd-'));
  const sandbox = await SandboxServer.start({ dataFolder: folder, ...options });
  const harness: Harness = {
    sandbox,
    client: clientOf(sandbox),
    folder,
    restart: async () => {
      await harness.sandbox.close();
      harness.sandbox = await SandboxServer.start({ dataFolder: folder, ...options });
      harness.client = clientOf(harness.sandbox);
    },
    checkAnswers: () => {
      const bySchema = new Map<string, string[]>();
      answers.splice(0).forEach((xml, index) => {
        if (!xml.startsWith('<')) return; // an HTTP error page (failWith), not an answer
        const body = childElements(childElements(parseXml(xml).documentElement!, NS.soap, 'Body')[0])[0];
        if (body.namespaceURI === NS.soap) return; // faults have no eHealth schema
        const file = join(checkFolder, `${index}-${body.localName}.xml`);
        writeFileSync(file, serialize(body));
        bySchema.set(SCHEMAS[body.namespaceURI!], [...(bySchema.get(SCHEMAS[body.namespaceURI!]) ?? []), file]);
      });
      for (const [schema, files] of bySchema) {
        try {
          execFileSync('xmllint', ['--nonet', '--noout', '--schema', schema, ...files], { stdio: ['ignore', 'pipe', 'pipe'] });
        } catch (error) {
          assert.fail(`sandbox answers not valid per ${schema}: ${(error as { stderr?: Buffer }).stderr?.toString()}`);
        }
      }
    },
    admin: (body, contentType = 'application/json') =>
      fetch(`${harness.sandbox.url}/sandbox/behaviour`, { method: 'POST', headers: { 'Content-Type': contentType }, body: typeof body === 'string' ? body : JSON.stringify(body) }),
    stop: async () => {
      await harness.sandbox.close();
      rmSync(folder, { recursive: true, force: true });
      rmSync(checkFolder, { recursive: true, force: true });
    },
  };
  return harness;
}

/** A suite's PKI, card and sandbox, filled in by its `before` hook. */
export interface SandboxSuite {
  pki: EidPki;
  card: EidCard;
  harness: Harness;
}

/**
 * Registers a suite's hooks: an eID PKI, a card (Jean's unless `cardOptions` say whose), a sandbox
 * trusting it with `options`; every answer checked against the XSDs after each test; all removed
 * after. The object returned is filled in before the first test.
 */
export function sandboxSuite(options: SandboxOptions = {}, cardOptions: { ssin?: string } & Parameters<EidPki['card']>[1] = {}): SandboxSuite {
  const suite = {} as SandboxSuite;
  before(async () => {
    const { ssin = jean.ssin, ...card } = cardOptions;
    suite.pki = makeEidPki();
    suite.card = suite.pki.card(ssin, card);
    suite.harness = await startSandbox({ trustedRoots: [suite.pki.rootPem], ...options });
  });
  afterEach(() => suite.harness.checkAnswers());
  after(async () => {
    await suite.harness?.stop();
    suite.pki?.remove();
  });
  return suite;
}

/** A certificate request for Jean himself, as a client makes it, with the key it is for. */
export async function requestForJean(harness: Harness, card: EidCard): Promise<CertificateRequested & { privateKey: KeyObject }> {
  const contract = await harness.client.call(certra.generateContract, { contactData: jean.contactData, signer: jean.actor, certificate: { actor: jean.actor } });
  const { csr, privateKey } = await makeCsr(personSubject(jean.ssin, 'JEAN DUPONT'));
  return { ...(await harness.client.call(certra.generateCertificate, { contactData: jean.contactData, csr, contract }, card.signature)), privateKey };
}

/** The ETK of a delivered certificate (its chain and key), registered through the challenge. */
export async function registerEtk(harness: Harness, chain: Buffer[], privateKey: KeyObject): Promise<{ toBeActivated: boolean; etk: Buffer }> {
  const authentication = keySigner(privateKey, chain);
  const encryption = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const { challenge } = await harness.client.call(etkra.startEtkRegistration, { publicEncryptionKey: encryption.publicKey.export({ format: 'der', type: 'spki' }) }, authentication);
  const etk = await etkCertificate(chain[0], privateKey, decryptChallenge(challenge, encryption.privateKey).serial, encryption.publicKey);
  const registered = await harness.client.call(etkra.completeEtkRegistration, { etkCertificate: etk }, authentication);
  return { toBeActivated: registered.toBeActivated ?? false, etk };
}

/** Revokes a certificate with the eID alone: the revocation contract, signed with the card's Signature key. */
export async function revoke(harness: Harness, card: EidCard, publicKeyIdentifier: string, signer: Actor = jean.actor, reason: RevocationReason = 'superseded'): Promise<RevocationContract> {
  const contract = await harness.client.call(certra.generateRevocationContract, { publicKeyIdentifier, signer, reason });
  await harness.client.call(certra.revoke, { publicKeyIdentifier, contract }, card.signature);
  return contract;
}
