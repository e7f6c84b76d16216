// What the procedures ask in the real workbench, answered as a user would: the virtual eID cards,
// the PIN typed in its box, a personal request's answers, the contract accepted in its view; and the
// settings a suite runs under.
import * as vscode from 'vscode';
import { click, focusInWebview, pressKey, renderedTexts, typeText, webviewTexts } from './harnessClient';

export const cards = [
  { name: 'RSA', dir: process.env.EHEALTH_TEST_EID_DIR!, module: process.env.EHEALTH_TEST_EID_MODULE!, pin: process.env.EHEALTH_TEST_EID_PIN!, ssin: process.env.EHEALTH_TEST_EID_SSIN! },
  { name: 'EC', dir: process.env.EHEALTH_TEST_EC_EID_DIR!, module: process.env.EHEALTH_TEST_EC_EID_MODULE!, pin: process.env.EHEALTH_TEST_EC_EID_PIN!, ssin: process.env.EHEALTH_TEST_EC_EID_SSIN! },
];
export const password = 'Sandbox-2026!';
export const settings = () => vscode.workspace.getConfiguration('ehealth');

/** Sets `ehealth.*` settings (user level) before the suite's tests, and clears them after. */
export function useSettings(values: Record<string, unknown>): void {
  before(async () => {
    for (const [name, value] of Object.entries(values)) await settings().update(name, value, vscode.ConfigurationTarget.Global);
  });
  after(async () => {
    for (const name of Object.keys(values)) await settings().update(name, undefined, vscode.ConfigurationTarget.Global);
  });
}

export interface Answer {
  /** Matches the visible quick input (title and message) or returns false. */
  when: (title: string, message: string) => boolean;
  act: () => Promise<void>;
}

/** Replaces the box's value (the wizard pre-fills answers given before; '' empties it) and presses Enter. */
export const typeAndEnter = (text: string) => async () => {
  await pressKey('Control+A');
  await pressKey('Backspace');
  await typeText(text);
  await pressKey('Enter');
};

export const typePin = (pin: string): Answer => ({ when: (title) => title.includes('eID PIN'), act: typeAndEnter(pin) });

/** Fails the procedure's test when a keystore password is asked (what the eID alone must do without). */
export const noPasswordAsked: Answer = { when: (title) => title.includes('Unlock') || title.includes('password'), act: () => Promise.reject(new Error('a keystore password was asked')) };

/** The answers of a personal request for "Myself" with the given contact data. */
export function requestAnswers(pin: string, contact: { secondEmail: string; phone: string }): Answer[] {
  return [
    typePin(pin),
    { when: (title) => title.includes('For whom'), act: () => click('.quick-input-widget .monaco-list-row', 'Myself') },
    { when: (title, message) => title.includes('Contact data') && message.includes('E-mail'), act: typeAndEnter('jane.doe@example.be') },
    { when: (title, message) => title.includes('Contact data') && message.includes('Second e-mail'), act: typeAndEnter(contact.secondEmail) },
    { when: (title, message) => title.includes('Contact data') && message.includes('Phone'), act: typeAndEnter(contact.phone) },
    { when: (title, message) => title.includes('Contact data') && message.includes('Second phone'), act: typeAndEnter('') },
    { when: (title) => title.includes('Password of the new keystore'), act: typeAndEnter(password) },
  ];
}

/** Answers every question until `running` settles; the contract is accepted in its webview. */
export async function answerUntilDone<T>(running: Thenable<T>, answers: Answer[], onContract?: () => Promise<void>): Promise<T> {
  let settled = false;
  const result = Promise.resolve(running).finally(() => (settled = true));
  let lastAnswered = '';
  let answeredAt = 0;
  while (!settled) {
    const [title = ''] = await renderedTexts('.quick-input-widget .quick-input-title');
    const message = (await renderedTexts('.quick-input-widget .quick-input-message')).join(' ');
    const answer = title ? answers.find((candidate) => candidate.when(title, message)) : undefined;
    const key = `${title}|${message}`;
    // The same question still open long after its answer: the keys went elsewhere (under load the
    // box can show before it has the focus), so it is answered again.
    if (answer && (key !== lastAnswered || Date.now() - answeredAt > 6_000)) {
      lastAnswered = key;
      answeredAt = Date.now();
      await answer.act();
    } else if (!title && (await webviewTexts('#accept')).length) {
      await onContract?.();
      // By the keyboard, as a user may: a notification (or the open notification centre) over the
      // button takes a pointer click, never a key.
      await focusInWebview('#accept');
      await pressKey('Enter');
    }
    await new Promise((resolve) => setTimeout(resolve, 300));
    if (!title) lastAnswered = '';
  }
  return result;
}
