// Starts a sandbox in-process on a free port with a temporary data folder, a real RaClient on it,
// and checks every answer the sandbox gives against eHealth's XSDs with xmllint.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { RaClient } from '../../../src/ra/client';
import { endpoints } from '../../../src/ra/endpoints';
import { NS } from '../../../src/ra/namespaces';
import { childElements, parseXml, serialize } from '../../../src/ra/xml';
import type { SandboxOptions } from '../../../src/sandbox/options';
import { SandboxServer } from '../../../src/sandbox/server';

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
    stop: async () => {
      await harness.sandbox.close();
      rmSync(folder, { recursive: true, force: true });
      rmSync(checkFolder, { recursive: true, force: true });
    },
  };
  return harness;
}
