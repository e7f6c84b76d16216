// PEM, as RFC 7468 writes it: the base64 of the DER in lines of 64 characters between its labels.

/** One PEM block of `label` around `der`, ending with a line feed. */
export function pemBlock(label: string, der: Uint8Array): string {
  const body = Buffer.from(der).toString('base64').replace(/.{64}/g, '$&\n').replace(/\n$/, '');
  return `-----BEGIN ${label}-----\n${body}\n-----END ${label}-----\n`;
}
