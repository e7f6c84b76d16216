// Password input boxes: hidden text, an answer checked before the box closes (a wrong password
// keeps the box open with the reason), and the eHealth password policy shown rule by rule as the
// user types. Values are handed to the caller and never kept here.
import * as vscode from 'vscode';
import { isDomainError } from '../core/domainError';
import { errorMessage } from '../faces/errors';
import { secretStoreKey } from '../faces/platformWords';
import { KeystoreError } from '../keystore/errors';
import { checkPasswordPolicy } from '../keystore/passwordPolicy';
import type { Translator } from '../i18n';
import type { Keystore } from '../keystore/model';
import { rememberPasswords, type KeystoreSession } from './keystoreSession';
import { currentLanguage, currentTranslator } from './language';

export interface PasswordQuestion {
  title: string;
  prompt: string;
  step?: number;
  totalSteps?: number;
  /** Live feedback while typing: a message, and whether the value may be accepted. */
  feedback?: (value: string) => { message: string; acceptable: boolean };
  /** Runs on Enter; a returned message keeps the box open and shows it. It must not act: the box may be hidden meanwhile. */
  check?: (value: string) => Promise<string | undefined>;
}

/** Resolves with the accepted value, or undefined when the user cancels; rejects with what the check threw. */
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
  return new Promise((resolve, reject) => {
    let settled = false;
    const finish = (value: string | undefined | Error) => {
      if (settled) return;
      settled = true;
      if (value instanceof Error) reject(value);
      else resolve(value);
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
        let problem: string | undefined;
        try {
          problem = await question.check(value);
        } catch (error) {
          finish(error instanceof Error ? error : new Error(String(error)));
          return;
        }
        // Hidden (Escape) while checking: cancelled, whatever the check found.
        if (settled) return;
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

/** Reads the keystore with a typed password: the keystore, or the words of what keeps it closed (wrong password, damaged file). Other errors are thrown. */
async function readProblem(session: KeystoreSession, file: string, password: string): Promise<{ keystore?: Keystore; problem?: string }> {
  try {
    return { keystore: await session.read(file, password) };
  } catch (error) {
    if (isDomainError(error, 'keystore', 'wrong-password')) return { problem: currentTranslator()('view.unlock.wrong') };
    if (error instanceof KeystoreError) return { problem: errorMessage(error, currentLanguage()) };
    throw error;
  }
}

/**
 * A keystore's password: the one kept for this session if it still opens the file (else it is
 * forgotten), or asked in a box checked on Enter, a wrong password keeping the box open with the
 * reason. Once answered the keystore is open in the session; a box closed unanswered opens nothing.
 * Without a prompt, the box says where the password will be kept (the session, or remembered).
 */
export async function askKeystorePassword(session: KeystoreSession, file: string, question: Omit<PasswordQuestion, 'check' | 'prompt'> & { prompt?: string }): Promise<string | undefined> {
  const kept = session.password(file);
  if (kept !== undefined) {
    if (session.get(file)) return kept;
    const { keystore } = await readProblem(session, file, kept);
    if (keystore) {
      await session.adopt(file, kept, keystore);
      return kept;
    }
    await session.forget(file);
  }
  const t = currentTranslator();
  const prompt = question.prompt ?? (rememberPasswords() ? t('view.unlock.prompt.remember', { store: t(secretStoreKey(process.platform)) }) : t('view.unlock.prompt.session'));
  let opened: Keystore | undefined;
  const password = await askPassword({
    ...question,
    prompt,
    check: async (value) => {
      const { keystore, problem } = await readProblem(session, file, value);
      opened = keystore;
      return problem;
    },
  });
  if (password !== undefined && opened) await session.adopt(file, password, opened);
  return password;
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
