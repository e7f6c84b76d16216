// Contact data as the Certificate Manager checks it before anything is sent: at least one e-mail
// and one phone, well formed, and the second of each (when given) different from the first.
import type { ContactData } from '../ra/model';
import { ProcedureError } from './errors';

const EMAIL = /^[^@\s]+@[^@\s]+\.[^@\s]+$/;
const PHONE = /^\+?[0-9][0-9 ./()-]{6,24}$/;

const invalid = (problem: string) => new ProcedureError('invalid-contact-data', { problem }, `contact data: ${problem}`);

export function checkContactData(contact: ContactData): ContactData {
  const emails = [contact.emailPrivate, contact.emailGeneral].filter((value): value is string => !!value?.trim()).map((value) => value.trim());
  const phones = [contact.phonePrivate, contact.phoneGeneral].filter((value): value is string => !!value?.trim()).map((value) => value.trim());
  if (!emails.length || !emails.every((email) => EMAIL.test(email))) throw invalid('email');
  if (!phones.length || !phones.every((phone) => PHONE.test(phone))) throw invalid('phone');
  if (emails.length === 2 && emails[0].toLowerCase() === emails[1].toLowerCase()) throw invalid('same-email');
  if (phones.length === 2 && phones[0].replace(/\D/g, '') === phones[1].replace(/\D/g, '')) throw invalid('same-phone');
  return {
    emailPrivate: emails[0],
    ...(emails[1] ? { emailGeneral: emails[1] } : {}),
    phonePrivate: phones[0],
    ...(phones[1] ? { phoneGeneral: phones[1] } : {}),
  };
}
