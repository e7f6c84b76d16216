// Who eHealth contacts about a certificate (renewal reminders, questions): at least one e-mail and
// one phone, a second of each optional and different from the first. One rule for the input box,
// the terminal and the procedure, so what a face accepts is never refused afterwards.
// Dependency-free.

/** CertRA's ContactData (its XSD types each field as a plain string). */
export interface ContactData {
  emailPrivate: string;
  emailGeneral?: string;
  phonePrivate: string;
  phoneGeneral?: string;
}

export type ContactProblem = 'email' | 'phone' | 'same-email' | 'same-phone';

const EMAIL = /^[^@\s]+@[^@\s]+\.[^@\s]+$/;

/**
 * Digits and the separators people write (`+32 2 123 45 67`, `(02) 123 45 67`, `0475/12.34.56`),
 * a `+` only in front. `(0)` after a country code is the trunk prefix not dialled from abroad
 * (`+32 (0)2 ...`), not part of the number.
 */
const PHONE = /^\+?[0-9 ./()-]+$/;
const TRUNK_AFTER_COUNTRY = /^(\+[0-9 ]+)\(0\)/;
/** At least a local number with its area code; at most the 15 digits of an international number (E.164). */
const PHONE_DIGITS = { min: 8, max: 15 };

/** The address as sent (trimmed), or undefined when it is not one. */
function contactEmail(text: string): string | undefined {
  const email = text.trim();
  return EMAIL.test(email) ? email : undefined;
}

/** The number as sent: `+` when given, then its digits (`(02) 123 45 67` -> `021234567`); undefined when it is not one. */
export function contactPhone(text: string): string | undefined {
  const phone = text.trim().replace(TRUNK_AFTER_COUNTRY, '$1');
  if (!PHONE.test(phone)) return undefined;
  const digits = phone.replace(/\D/g, '');
  if (digits.length < PHONE_DIGITS.min || digits.length > PHONE_DIGITS.max) return undefined;
  return `${phone.startsWith('+') ? '+' : ''}${digits}`;
}

/** What is wrong with a typed e-mail address; `first` for the second one, which must differ. */
export function emailProblem(text: string, first?: string): ContactProblem | undefined {
  const email = contactEmail(text);
  if (email === undefined) return 'email';
  return first !== undefined && email.toLowerCase() === contactEmail(first)?.toLowerCase() ? 'same-email' : undefined;
}

/** What is wrong with a typed phone number; `first` for the second one, which must differ. */
export function phoneProblem(text: string, first?: string): ContactProblem | undefined {
  const phone = contactPhone(text);
  if (phone === undefined) return 'phone';
  // Digits only: `+32...` and `32...` are one number typed twice.
  return first !== undefined && phone.replace('+', '') === contactPhone(first)?.replace('+', '') ? 'same-phone' : undefined;
}

/** What is wrong with an optional second e-mail address: nothing when left empty, else as for any address. */
export function secondEmailProblem(text: string, first: string): ContactProblem | undefined {
  return text.trim() ? emailProblem(text, first) : undefined;
}

/** What is wrong with an optional second phone number: nothing when left empty, else as for any number. */
export function secondPhoneProblem(text: string, first: string): ContactProblem | undefined {
  return text.trim() ? phoneProblem(text, first) : undefined;
}

/** The contact data as sent (each value in its sent form, empty second values left out), or the first problem. */
export function checkedContactData(contact: ContactData): ContactData | ContactProblem {
  const emailGeneral = contact.emailGeneral?.trim() ? contact.emailGeneral : undefined;
  const phoneGeneral = contact.phoneGeneral?.trim() ? contact.phoneGeneral : undefined;
  const problem =
    emailProblem(contact.emailPrivate) ??
    secondEmailProblem(contact.emailGeneral ?? '', contact.emailPrivate) ??
    phoneProblem(contact.phonePrivate) ??
    secondPhoneProblem(contact.phoneGeneral ?? '', contact.phonePrivate);
  if (problem) return problem;
  return {
    emailPrivate: contactEmail(contact.emailPrivate)!,
    ...(emailGeneral !== undefined ? { emailGeneral: contactEmail(emailGeneral)! } : {}),
    phonePrivate: contactPhone(contact.phonePrivate)!,
    ...(phoneGeneral !== undefined ? { phoneGeneral: contactPhone(phoneGeneral)! } : {}),
  };
}
