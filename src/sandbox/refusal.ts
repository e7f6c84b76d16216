// The two ways the sandbox says no, as eHealth does: a business refusal (an error status with an
// EteeStatusDetail code the client can act on) or a message it cannot even read (a SOAP fault).

export class Refusal extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly parameters: Record<string, string> = {},
  ) {
    super(message);
  }
}

/** Not the message the XSD describes: answered with a SOAP Client fault. */
export class InvalidRequest extends Error {}
