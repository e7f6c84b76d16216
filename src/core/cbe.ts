// Belgian enterprise number (CBE / BCE / KBO): 10 digits, (first 8 + last 2) mod 97 == 0, usually
// written 0123.456.749. Old 9-digit numbers get a leading 0.

const separators = /[\s.\-/]/g;

/** The 10 digits of a valid enterprise number (accepting `BE`, dots and old 9-digit forms); undefined when invalid. */
export function normalizeCbe(text: string): string | undefined {
  const stripped = text.replace(/^BE/i, '').replace(separators, '');
  if (!/^\d{9,10}$/.test(stripped)) return undefined;
  const digits = stripped.padStart(10, '0');
  if (!/^[01]/.test(digits)) return undefined;
  return (Number(digits.slice(0, 8)) + Number(digits.slice(8))) % 97 === 0 ? digits : undefined;
}

export function isValidCbe(text: string): boolean {
  return normalizeCbe(text) !== undefined;
}

/** The usual written form `0123.456.749`. */
export function formatCbe(digits: string): string {
  return `${digits.slice(0, 4)}.${digits.slice(4, 7)}.${digits.slice(7, 10)}`;
}
