// A sandbox authority in-process (temporary data folder, trusting the virtual eID's root), a virtual
// eID card, and a scripted Prompter: everything a procedure needs, with nothing asked of a person.
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { EidEngine, type Prompter as EidPrompter } from '../../../src/eid';
import { buildVirtualEid, type VirtualEid } from '../../../tools/virtual-eid/build';
import type { VirtualAlgorithm } from '../../../tools/virtual-eid/holders';
import { procedureContext as makeContext, type Notice, type Polling, type ProcedureContext, type Prompter, type ProgressEvent } from '../../../src/procedures';
import type { SandboxOptions } from '../../../src/sandbox/options';
import { SandboxServer } from '../../../src/sandbox/server';

export const PASSWORD = 'keystore-1';
export const NEW_PASSWORD = 'keystore-2';

export interface Rig {
  eid: VirtualEid;
  engine: EidEngine;
  sandbox: SandboxServer;
  folder: string;
  keystores: string;
  stop(): Promise<void>;
}

export async function startRig(algorithm: VirtualAlgorithm, options: SandboxOptions = {}): Promise<Rig> {
  const folder = mkdtempSync(path.join(tmpdir(), `procedures-${algorithm}-`));
  const eid = await buildVirtualEid({ algorithm, dir: path.join(folder, 'eid') });
  const sandbox = await SandboxServer.start({ dataFolder: path.join(folder, 'sandbox'), trustedRoots: [readFileSync(eid.rootPem, 'utf8')], ...options });
  const engine = new EidEngine({ modulePath: eid.modulePath });
  return {
    eid,
    engine,
    sandbox,
    folder,
    keystores: path.join(folder, 'keystores'),
    stop: async () => {
      await engine.close();
      await sandbox.close();
      rmSync(folder, { recursive: true, force: true });
    },
  };
}

/** Answers the PINs in turn (the last one again when they run out); `onAsk` runs before each answer. */
export function pinPrompter(pins: string[], onAsk: (count: number) => void = () => undefined): EidPrompter & { asked: number } {
  const prompter = {
    asked: 0,
    askPin: async () => {
      const index = prompter.asked++;
      onAsk(index);
      return pins[Math.min(index, pins.length - 1)];
    },
    // Tests that count PINs down mean to go on at the last try.
    confirmLastTry: async () => true,
    showPinpadNotice: () => () => undefined,
  };
  return prompter;
}

export type ScriptedPrompter = Prompter & { events: ProgressEvent[]; notices: Notice[]; contracts: string[] };

export function scriptedPrompter(answers: Partial<Prompter> = {}): ScriptedPrompter {
  const events: ProgressEvent[] = [];
  const notices: Notice[] = [];
  const contracts: string[] = [];
  return {
    events,
    notices,
    contracts,
    chooseHolder: async () => ({ kind: 'self' }),
    contactData: async () => ({ emailPrivate: 'amelie@example.be', phonePrivate: '+32470000001' }),
    acceptContract: async (contract) => {
      contracts.push(contract.dn);
      return true;
    },
    newKeystorePassword: async () => PASSWORD,
    keystorePassword: async () => PASSWORD,
    confirmProduction: async () => false,
    revocationReason: async () => 'superseded',
    progress: (event) => void events.push(event),
    notice: (notice) => void notices.push(notice),
    ...answers,
  };
}

/**
 * A context made as the faces make theirs, on the rig's sandbox (or `url`). The rig's sandbox decides
 * when a certificate is delivered: one GetCertificate per complete unless a test asks for `delivery`.
 */
export async function procedureContext(
  rig: Rig,
  prompter: Prompter,
  options: { pins?: string[]; onPin?: (count: number) => void; timeoutMs?: number; url?: string; delivery?: Polling } = {},
): Promise<ProcedureContext> {
  const context = await makeContext({
    environment: 'sandbox',
    raUrl: options.url ?? rig.sandbox.url,
    prompter,
    eid: { engine: rig.engine, prompter: pinPrompter(options.pins ?? [rig.eid.pin], options.onPin) },
    // Few iterations: the suites open and write many keystores.
    keystore: { iterations: 1000 },
    timeoutMs: options.timeoutMs ?? 10_000,
  });
  return { ...context, delivery: options.delivery ?? { attempts: 1, intervalMs: 0 } };
}

/** One digest over every file (names and bytes) in a folder: "the user's files are unchanged". */
export function folderDigest(folder: string): string {
  const hash = createHash('sha256');
  let names: string[] = [];
  try {
    names = readdirSync(folder).sort();
  } catch {
    return 'missing';
  }
  for (const name of names) hash.update(name).update('\0').update(readFileSync(path.join(folder, name))).update('\0');
  return hash.digest('hex');
}

/**
 * `ehealth ARGS` on the built bundle (bin/ehealth.js), `env` over the process's (in English unless
 * it says otherwise). Not spawnSync: the sandbox answering the command runs in this process.
 */
export function cli(args: string[], env: NodeJS.ProcessEnv = {}): Promise<{ status: number | null; stdout: string; stderr: string }> {
  const root = path.join(__dirname, '..', '..', '..');
  return new Promise((resolve) => {
    const child = execFile('node', ['bin/ehealth.js', ...args], { cwd: root, encoding: 'utf8', env: { ...process.env, LANG: 'en_US.UTF-8', ...env } }, (error, stdout, stderr) =>
      resolve({ status: error ? (typeof error.code === 'number' ? error.code : null) : 0, stdout, stderr }),
    );
    child.stdin?.end();
  });
}

/**
 * `ehealth cert request` for the rig's card against its sandbox (`--env acceptance --ra-url`),
 * every answer given by flag; `args` go last (`--lang fr`, or another `--holder`), `env` over the
 * process's.
 */
export function cliRequest(rig: Rig, options: { args?: string[]; env?: NodeJS.ProcessEnv } = {}): Promise<{ status: number | null; stdout: string; stderr: string }> {
  const args = ['cert', 'request', '--env', 'acceptance', '--ra-url', rig.sandbox.url, '--module', rig.eid.modulePath, '--pin-env', 'PIN'];
  const answers = ['--holder', rig.eid.holder.nationalNumber, '--email', 'dev@example.be', '--phone', '+32470000001', '--new-password-env', 'PW', '--keystore-dir', path.join(rig.folder, 'cli-keystores'), '--accept-contract'];
  // `args` last: an option given there wins over the answer given here (`--holder`).
  return cli([...args, ...answers, ...(options.args ?? [])], { ...options.env, PIN: rig.eid.pin, PW: PASSWORD });
}
