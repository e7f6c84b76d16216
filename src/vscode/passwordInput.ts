// Password input boxes: hidden text, an answer checked before the box closes (a wrong password
// keeps the box open with the reason), and the eHealth password policy shown rule by rule as the
// user types. Values are handed to the caller and never kept here.
import * as vscode from 'vscode';
import { isDomainError } from '../core/domainError';
import { errorMessage } from '../faces/errors';
import { KeystoreError } from '../keystore/errors';
import { checkPasswordPolicy } from '../keystore/passwordPolicy';
import type { Translator } from '../i18n';
import type { KeystoreSession } from './keystoreSession';
import { currentLanguage, currentTranslator } from './language';

export interface PasswordQuestion {
  title: string;
  prompt: string;
  step?: number;
  totalSteps?: number;
  /** Live feedback while typing: a message, and whether the value may be accepted. */
  feedback?: (value: string) => { message: string; acceptable: boolean };
  /** Runs on Enter; a returned message keeps the box open and shows it. */
  check?: (value: string) => Promise<string | undefined>;
}

/** Resolves with the accepted value, or undefined when the user cancels. */
export function askPassword(question: PasswordQuestion): Promise<string | undefined> {
  const box = vscode.window.createInputBox();
  Object.assign(box, { title: question.title, prompt: question.prompt, password: true, ignoreFocusOut: true });
  if (question.step) Object.assign(box, { step: question.step, totalSteps: question.totalSteps });
  const showFeedback = () => {
    if (!question.feedback) return;
    const { message, acceptable } = question.feedback(box.value);
    box.validationMessage = { message, severity: acceptable ? vscode.InputBoxValidationSeverity.Info : vscode.InputBoxValidationSeverity.Warning };
  };
  showFeedback();
  return new Promise((resolve) => {
    let settled = false;
    const finish = (value: string | undefined) => {
      if (settled) return;
      settled = true;
      resolve(value);
      box.dispose();
    };
    box.onDidChangeValue(showFeedback);
    box.onDidHide(() => finish(undefined));
    box.onDidAccept(async () => {
      const value = box.value;
      if (question.feedback && !question.feedback(value).acceptable) return;
      if (question.check) {
        box.busy = true;
        box.enabled = false;
        const problem = await question.check(value);
        box.busy = false;
        box.enabled = true;
        if (problem) {
          box.validationMessage = { message: problem, severity: vscode.InputBoxValidationSeverity.Error };
          return;
        }
      }
      finish(value);
    });
    box.show();
  });
}

/** Opens the keystore in the session with a typed password; the words of what keeps it closed (wrong password, damaged file), else undefined. */
export async function unlockProblem(session: KeystoreSession, file: string, password: string): Promise<string | undefined> {
  try {
    await session.unlock(file, password);
    return undefined;
  } catch (error) {
    if (isDomainError(error, 'keystore', 'wrong-password')) return currentTranslator()('view.unlock.wrong');
    if (error instanceof KeystoreError) return errorMessage(error, currentLanguage());
    throw error;
  }
}

/**
 * A keystore's password: the one kept for this session, else asked in a box that opens the keystore
 * on Enter, a wrong password keeping the box open with the reason. The keystore is then open.
 */
export async function askKeystorePassword(session: KeystoreSession, file: string, question: Omit<PasswordQuestion, 'check'>): Promise<string | undefined> {
  return session.password(file) ?? askPassword({ ...question, check: (value) => unlockProblem(session, file, value) });
}

/** The eHealth keystore policy as a checklist: "✓ at least 8 characters · ✗ ...". */
export function policyFeedback(t: Translator, confirmationOf?: string) {
  return (value: string) => {
    const rules = checkPasswordPolicy(value, confirmationOf ?? value).filter((rule) => (confirmationOf === undefined ? rule.rule !== 'confirmation' : rule.rule === 'confirmation'));
    return {
      message: rules.map((rule) => `${rule.ok ? '✓' : '✗'} ${t(`keystore.policy.${rule.rule}`)}`).join(' · '),
      acceptable: rules.every((rule) => rule.ok),
    };
  };
}

/**
 * A new password in two boxes, steps `first` and `first + 1` of `totalSteps`: the rules shown live,
 * then typed again. With `current` (a password change), the same password is refused in its box.
 */
export async function askNewPassword(title: string, first: number, totalSteps: number, current?: string): Promise<string | undefined> {
  const t = currentTranslator();
  const sameAsCurrent = async (value: string) => (value === current ? t('keystore.error.same-password') : undefined);
  const password = await askPassword({ title, prompt: t('view.passwd.new'), step: first, totalSteps, feedback: policyFeedback(t), ...(current === undefined ? {} : { check: sameAsCurrent }) });
  if (password === undefined) return undefined;
  const confirmation = await askPassword({ title, prompt: t('view.passwd.confirm'), step: first + 1, totalSteps, feedback: policyFeedback(t, password) });
  return confirmation === undefined ? undefined : password;
}
