// `ehealth sandbox serve`: the local sandbox registration authority, in the foreground until
// SIGINT/SIGTERM. With --json its stdout is JSON Lines, the first {"schemaVersion":1,"url":
// "http://127.0.0.1:PORT"} once it listens, so scripts and tests can wait for it. `ehealth sandbox approve|reject ID`: its manual
// validator's decision.
import { readFileSync } from 'node:fs';
import type { Behaviour } from '../sandbox/behaviour';
import type { MessageKey } from '../i18n';
import { DEFAULT_VALIDITY_DAYS, defaultDataFolder } from '../sandbox/options';
import { SandboxServer } from '../sandbox/server';
import { SandboxState } from '../sandbox/state';
import { decide, type Decision } from '../sandbox/validation';
import { verb, type CliContext, type VerbGroup } from './context';
import { exits } from './verbFacts';
import { sharedOptions } from './options';
import { ExitCode } from '../faces/exitCodes';
import { CliError } from './cliError';
import { jsonMode, printJson, printJsonLine } from './output';

const PEM_CERTIFICATE = /-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g;

function wholeNumber(context: CliContext, option: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value)) throw new CliError(context.t('sandbox.cli.notANumber', { option, value }), ExitCode.usage);
  return Number(value);
}

/** Every certificate of every `--trust` file. */
function trustedRoots(context: CliContext, files: string[]): string[] {
  return files.flatMap((file) => {
    try {
      return readFileSync(file, 'utf8').match(PEM_CERTIFICATE) ?? [];
    } catch (error) {
      throw new CliError(context.t('sandbox.cli.trustUnreadable', { file, reason: (error as Error).message }), ExitCode.notFound);
    }
  });
}

const stopSignal = () =>
  new Promise<void>((resolve) => {
    const stop = () => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      resolve();
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });

const count = (help: MessageKey) => ({ type: 'string', value: 'cli.value.number', help }) as const;

const serve = verb(
  {
    summary: 'cli.verb.sandbox.serve',
    environment: ['EHEALTH_SANDBOX_DATA'],
    exitCodes: [],
    examples: [{ command: 'ehealth sandbox serve --port 0 --json' }],
    options: {
      port: count('cli.option.port'),
      data: { type: 'string', value: 'cli.value.folder', defaultShown: () => defaultDataFolder(), help: 'cli.option.data' },
      'validity-days': { ...count('cli.option.validity-days'), defaultShown: () => String(DEFAULT_VALIDITY_DAYS) },
      trust: { type: 'string', multiple: true, value: 'cli.value.pem', help: 'cli.option.trust' },
      'pending-polls': count('cli.option.pending-polls'),
      'manual-validation-ms': count('cli.option.manual-validation-ms'),
      'delay-ms': count('cli.option.delay-ms'),
      refuse: { type: 'boolean', help: 'cli.option.refuse' },
      'bare-etk-answer': { type: 'boolean', help: 'cli.option.bare-etk-answer' },
      json: sharedOptions.json,
    },
  },
  async (context, { values }) => {
    const behaviour: Partial<Behaviour> = {
      pendingPolls: wholeNumber(context, 'pending-polls', values['pending-polls']),
      manualValidationMs: wholeNumber(context, 'manual-validation-ms', values['manual-validation-ms']),
      delayMs: wholeNumber(context, 'delay-ms', values['delay-ms']),
      refuse: values.refuse,
      bareEtkAnswer: values['bare-etk-answer'],
    };
    const validityDays = wholeNumber(context, 'validity-days', values['validity-days']);
    if (validityDays === 0) throw new CliError(context.t('sandbox.cli.notANumber', { option: 'validity-days', value: '0' }), ExitCode.usage);
    const json = jsonMode(context, values);
    const log = json ? (line: string) => printJsonLine(context, { time: new Date().toISOString(), event: line }) : (line: string) => context.out(`${new Date().toISOString()} ${line}`);
    const sandbox = await SandboxServer.start({
      dataFolder: values.data ?? defaultDataFolder(),
      port: wholeNumber(context, 'port', values.port),
      validityDays,
      trustedRoots: trustedRoots(context, values.trust ?? []),
      behaviour: Object.fromEntries(Object.entries(behaviour).filter(([, value]) => value !== undefined)),
      log,
    });
    if (json) printJsonLine(context, { url: sandbox.url });
    else context.out(context.t('sandbox.cli.listening', { url: sandbox.url, folder: sandbox.dataFolder }));
    await stopSignal();
    await sandbox.close();
    if (!json) context.out(context.t('sandbox.cli.stopped'));
    return ExitCode.ok;
  },
);

/** The decision sent to the sandbox running at `url`; an address that is not one is told with the fix, not as `fetch failed`. */
async function postDecision(context: CliContext, url: string, name: Decision, publicKeyIdentifier: string): Promise<void> {
  const notASandbox = (code: ExitCode) => new CliError(context.t('sandbox.cli.not-a-sandbox', { url }), code);
  let endpoint: URL;
  try {
    endpoint = new URL('/sandbox/behaviour', url);
  } catch {
    throw notASandbox(ExitCode.usage);
  }
  let answer: Response;
  try {
    answer = await fetch(endpoint, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ [name]: publicKeyIdentifier }) });
  } catch {
    throw notASandbox(ExitCode.failure);
  }
  if (!answer.ok) throw new CliError(context.t('sandbox.cli.decision-refused', { reason: ((await answer.json().catch(() => ({}))) as { error?: string }).error ?? `HTTP ${answer.status}` }), ExitCode.failure);
}

/**
 * eHealth's validator deciding on a request for an organisation typed by hand: through a running
 * sandbox (`--url`, its POST /sandbox/behaviour), else in the data folder, for the sandbox that
 * `ehealth cert` starts per command (one running on that folder would overwrite it).
 */
const decision = (name: Decision) =>
  verb(
    {
      summary: `cli.verb.sandbox.${name}`,
      environment: ['EHEALTH_SANDBOX_DATA'],
      exitCodes: [ExitCode.notFound, ...exits.authority],
      examples: [{ command: `ehealth sandbox ${name} 2b8f9c0e4d6a1b3c5e7f9a0b2c4d6e8f1a3b5c7d` }],
      options: {
        url: { type: 'string', value: 'cli.value.url', help: 'cli.option.sandbox-url' },
        data: { type: 'string', value: 'cli.value.folder', defaultShown: () => defaultDataFolder(), help: 'cli.option.data' },
        json: sharedOptions.json,
      },
      positional: { value: 'cli.value.key-id', required: true },
    },
    async (context, { values, positionals }) => {
      const [publicKeyIdentifier] = positionals;
      if (values.url !== undefined) {
        await postDecision(context, values.url, name, publicKeyIdentifier);
      } else {
        try {
          decide(SandboxState.open(values.data ?? defaultDataFolder()), publicKeyIdentifier, name, new Date());
        } catch (error) {
          throw new CliError(context.t('sandbox.cli.decision-refused', { reason: (error as Error).message }), ExitCode.failure);
        }
      }
      if (jsonMode(context, values)) printJson(context, { decision: name, publicKeyIdentifier });
      else context.out(context.t(name === 'approve' ? 'sandbox.cli.approved' : 'sandbox.cli.rejected', { publicKeyIdentifier }));
      return ExitCode.ok;
    },
  );

export const sandboxGroup: VerbGroup = {
  name: 'sandbox',
  verbs: { serve, approve: decision('approve'), reject: decision('reject') },
};
