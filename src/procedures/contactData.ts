// Contact data as the Certificate Manager checks it before anything is sent, by the one rule the
// faces' questions use too (src/core/contactData.ts); sent in its normalised form.
import { checkedContactData, type ContactData } from '../core/contactData';
import { ProcedureError } from './errors';

export function checkContactData(contact: ContactData): ContactData {
  const checked = checkedContactData(contact);
  if (typeof checked === 'string') throw new ProcedureError('invalid-contact-data', { problem: checked }, `contact data: ${checked}`);
  return checked;
}
