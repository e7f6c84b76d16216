// The contact questions' checks as both faces ask them (the VS Code input box, the terminal): the
// one rule of src/core/contactData.ts, each problem in the user's words. What passes here is what
// the procedure accepts, and what it refuses it refuses in the same words (src/faces/errors.ts).
import { emailProblem, phoneProblem, secondEmailProblem, secondPhoneProblem, type ContactProblem } from '../core/contactData';
import type { MessageKey, Translator } from '../i18n';

export const contactProblemMessages: Record<ContactProblem, MessageKey> = {
  email: 'procedure.contact.email-invalid',
  phone: 'procedure.contact.phone-invalid',
  'same-email': 'procedure.contact.same',
  'same-phone': 'procedure.contact.same',
};

/** Each returns what is wrong with an answer, undefined when it is accepted. The second ones are optional: empty skips them. */
export interface ContactChecks {
  email(value: string): string | undefined;
  emailGeneral(value: string, emailPrivate: string): string | undefined;
  phone(value: string): string | undefined;
  phoneGeneral(value: string, phonePrivate: string): string | undefined;
}

export function contactChecks(t: Translator): ContactChecks {
  const say = (problem: ContactProblem | undefined) => (problem ? t(contactProblemMessages[problem]) : undefined);
  return {
    email: (value) => say(emailProblem(value)),
    emailGeneral: (value, emailPrivate) => say(secondEmailProblem(value, emailPrivate)),
    phone: (value) => say(phoneProblem(value)),
    phoneGeneral: (value, phonePrivate) => say(secondPhoneProblem(value, phonePrivate)),
  };
}
