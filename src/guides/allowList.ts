// What guide content may ask of the extension: the engine checks a step can show, the commands a
// step's button can run, the questions a step says its button asks, and the variant dimensions. One
// list serves the linter, the checklist view (which refuses anything else) and the generated
// walkthroughs.
import type { Prompter as EidPrompter } from '../eid';
import type { Prompter } from '../procedures/prompter';

export const checkIds = [
  'eid.middleware',
  'eid.reader',
  'eid.card',
  'eid.pin',
  'environment.chosen',
  'keystore.found',
  'keystore.unlocked',
  'keystore.complete',
  'keystore.three-years',
  'keystore.valid',
  'keystore.renewable',
  'certificate.delivered',
  'certificate.revoked',
  'etk.published',
  'sandbox.running',
] as const;
export type CheckId = (typeof checkIds)[number];

/** Actions on one keystore: run from a guide with a holder chosen, they get that holder's newest keystore. */
export const keystoreActionIds = [
  'ehealth.cert.complete',
  'ehealth.cert.renew',
  'ehealth.cert.completeRenewal',
  'ehealth.cert.activateEtk',
  'ehealth.cert.revoke',
  'ehealth.keystore.changePassword',
  'ehealth.keystore.unlock',
  'ehealth.keystore.showDetails',
  'ehealth.keystore.exportCertificate',
  'ehealth.keystore.copyIdentifier',
  'ehealth.keystore.reveal',
] as const;

/**
 * Actions on one certificate at eHealth: run from a guide with a holder chosen, they get the
 * holder's newest revocable certificate eHealth listed; otherwise the view of those certificates
 * opens for the user to choose there.
 */
export const certificateActionIds = ['ehealth.authority.revoke'] as const;

export const actionIds = [
  'ehealth.cert.request',
  ...keystoreActionIds,
  ...certificateActionIds,
  'ehealth.authority.refresh',
  'ehealth.authority.focus',
  'ehealth.keystores.focus',
  'ehealth.eid.showStatus',
  'ehealth.eid.selfTest',
  'ehealth.identifier.validateSsin',
  'ehealth.identifier.validateCbe',
  'ehealth.environment.select',
  'ehealth.sandbox.start',
] as const;
export type ActionId = (typeof actionIds)[number];

/**
 * What a procedure asks the user, as a step's `asks=` names it, in order: each is a question of the
 * procedures' Prompter, or the eID PIN (asked by the eID engine for each signature). A test runs the
 * procedures and compares the questions they really ask with the steps' `asks`.
 */
export const questions = {
  production: 'confirmProduction',
  'keystore-password': 'keystorePassword',
  holder: 'chooseHolder',
  'contact-data': 'contactData',
  contract: 'acceptContract',
  'new-password': 'newKeystorePassword',
  reason: 'revocationReason',
  pin: 'askPin',
} as const satisfies Record<string, keyof Prompter | keyof EidPrompter>;
export type QuestionId = keyof typeof questions;
export const isQuestionId = (value: string): value is QuestionId => Object.hasOwn(questions, value);

export const variantDimensions = {
  holder: ['person', 'organisation'],
  environment: ['production', 'acceptance'],
  mode: ['automatic', 'manual'],
  os: ['windows', 'macos', 'linux'],
} as const;
export type VariantDimension = keyof typeof variantDimensions;

export interface Variant {
  dimension: VariantDimension;
  value: string;
}

export const audiences = ['integrator', 'developer', 'health-professional', 'organisation-manager'] as const;

export const isCheckId = (value: string): value is CheckId => (checkIds as readonly string[]).includes(value);
export const isActionId = (value: string): value is ActionId => (actionIds as readonly string[]).includes(value);

export function parseVariant(text: string): Variant | undefined {
  const [dimension, value] = text.split(':');
  const values = (variantDimensions as Record<string, readonly string[]>)[dimension];
  return values?.includes(value) ? { dimension: dimension as VariantDimension, value } : undefined;
}
