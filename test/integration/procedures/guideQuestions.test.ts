// Guides and engine in step: a guide step that says what its button asks (`asks=`, written out as a
// numbered list the guide linter counts) must say what the procedure really asks, in that order,
// PINs included. The procedures run against the sandbox with the virtual eID and a prompter that
// records each question; a writer who changes a guide's order, or an engineer who changes a
// procedure's, sees this fail.
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { questions, type QuestionId } from '../../../src/guides/allowList';
import type { GuideStep } from '../../../src/guides/guide';
import { loadGuides } from '../../../src/guides/guideLoader';
import { completeCertificate, renewCertificate, requestCertificate, revokeCertificate, type Prompter } from '../../../src/procedures';
import { procedureContext, scriptedPrompter, startRig, type Rig } from './harness';

/** The question ids of `asks=`, by the Prompter method (or the eID's askPin) that asks each. */
const questionOf = new Map<string, QuestionId>(Object.entries(questions).map(([id, method]) => [method, id as QuestionId]));

/** A scripted prompter that writes down each question it is asked; unknown ones by their method name. */
function recording(asked: string[]): Prompter {
  const answers = scriptedPrompter();
  return new Proxy(answers, {
    get(target, property, receiver) {
      const value: unknown = Reflect.get(target, property, receiver);
      if (typeof property !== 'string' || typeof value !== 'function' || property === 'progress' || property === 'notice') return value;
      return (...args: unknown[]) => {
        asked.push(questionOf.get(property) ?? property);
        return (value as (...a: unknown[]) => unknown).apply(target, args);
      };
    },
  });
}

/** Runs `procedure` with a recording prompter; the PINs the eID engine asks are recorded in turn. */
async function questionsOf(rig: Rig, procedure: (context: Awaited<ReturnType<typeof procedureContext>>) => Promise<unknown>): Promise<string[]> {
  const asked: string[] = [];
  await procedure(await procedureContext(rig, recording(asked), { onPin: () => asked.push('pin') }));
  return asked;
}

/** How the engine runs each button a step may describe with `asks=`, as the guides' steps use it. */
const engineRuns: Record<string, (rig: Rig) => Promise<string[]>> = {
  'ehealth.cert.request': (rig) => questionsOf(rig, (context) => requestCertificate(context, { keystoreFolder: rig.keystores })),
  'ehealth.cert.renew': async (rig) => {
    const first = await requestCertificate(await procedureContext(rig, scriptedPrompter()), { keystoreFolder: rig.keystores });
    await completeCertificate(await procedureContext(rig, scriptedPrompter()), first.keystore);
    return questionsOf(rig, (context) => renewCertificate(context, first.keystore));
  },
  // The "Certificates at eHealth" view revokes by public key identifier, with the eID alone.
  'ehealth.authority.revoke': async (rig) => {
    const first = await requestCertificate(await procedureContext(rig, scriptedPrompter()), { keystoreFolder: rig.keystores });
    await completeCertificate(await procedureContext(rig, scriptedPrompter()), first.keystore);
    return questionsOf(rig, (context) => revokeCertificate(context, { publicKeyIdentifier: first.publicKeyIdentifier }));
  },
};

/** Steps that must say what they ask: the request, the renewal and the revocation. */
const mustSay = ['request-personal-certificate#send-request', 'renew-certificate#renew', 'revoke-and-request-again#revoke'];

describe('guides and engine: the questions a button asks, in order', function () {
  this.timeout(120_000);
  let rig: Rig;
  const steps: Array<{ where: string; step: GuideStep }> = [];

  before(async () => {
    // Short certificates: renewal is open at once.
    rig = await startRig('rsa', { validityDays: 60 });
    for (const guide of await loadGuides(path.resolve(__dirname, '..', '..', '..', 'guides'))) {
      for (const step of guide.steps) if (step.asks) steps.push({ where: `${guide.language}/${guide.id}#${step.id}`, step });
    }
  });
  after(async () => rig?.stop());

  it('the request, the renewal and the revocation steps say what they ask, in every language', () => {
    for (const language of ['fr', 'nl', 'en', 'de']) {
      for (const where of mustSay) assert.ok(steps.some((entry) => entry.where === `${language}/${where}`), `${language}/${where} has no asks=`);
    }
  });

  it('every step that says what it asks names a button the engine can run here', () => {
    assert.deepEqual(steps.filter(({ step }) => !step.action || !engineRuns[step.action]).map(({ where }) => where), []);
  });

  it('each of those steps asks what the engine asks, in its order', async () => {
    const mismatches: string[] = [];
    for (const action of new Set(steps.map(({ step }) => step.action!))) {
      const engine = await engineRuns[action](rig);
      for (const { where, step } of steps.filter((entry) => entry.step.action === action)) {
        if (step.asks?.join(',') !== engine.join(',')) mismatches.push(`${where} says ${step.asks?.join(', ')}; the engine asks ${engine.join(', ')}`);
      }
    }
    assert.deepEqual(mismatches, []);
  });
});
