// The one kind of error the engines and procedures raise: a domain, a stable code and parameters,
// no words. Faces word it (in the user's language), pick an exit code and decide whether it is a
// plain cancel, from one table (src/faces/errors.ts). `Error.message` is an English detail for
// developers and logs, never a secret. Dependency-free.

/**
 * The codes of each domain, declared by the domain itself (module augmentation), so that this file
 * knows no engine and the faces' table sees every code:
 *   declare module '../core/domainError' { interface DomainErrorCodes { keystore: KeystoreErrorCode } }
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- filled by each domain
export interface DomainErrorCodes {}

export type Domain = keyof DomainErrorCodes;
export type ErrorCode<D extends Domain = Domain> = DomainErrorCodes[D];
/** `keystore/wrong-password`: one name for every code of every domain. */
export type DomainErrorKey = { [D in Domain]: `${D}/${ErrorCode<D>}` }[Domain];
export type ErrorParams = Record<string, string | number>;

export class DomainError<D extends Domain = Domain, C extends ErrorCode<D> = ErrorCode<D>> extends Error {
  constructor(
    readonly domain: D,
    readonly code: C,
    /** For developers and logs: English, never a secret. */
    detail: string,
    /** What the words need (file names, counts...), never a secret. */
    readonly params: ErrorParams = {},
    /** The error this one explains; a DomainError cause gives the words of `{reason}`. */
    options?: { cause?: unknown },
  ) {
    super(detail, options);
    this.name = new.target.name;
  }

  get key(): DomainErrorKey {
    return `${this.domain}/${this.code}` as DomainErrorKey;
  }
}

/**
 * The base class of one domain's errors, `new KeystoreError('corrupt', detail, params)`:
 *   export class KeystoreError<C extends KeystoreErrorCode = KeystoreErrorCode> extends errorsOf('keystore')<C> {}
 */
export function errorsOf<D extends Domain>(domain: D) {
  return class DomainErrorOf<C extends ErrorCode<D> = ErrorCode<D>> extends DomainError<D, C> {
    constructor(code: C, detail: string, params: ErrorParams = {}, options?: { cause?: unknown }) {
      super(domain, code, detail, params, options);
    }
  };
}

/** Whether `error` is a DomainError of `domain`, with `code` when given. */
export function isDomainError<D extends Domain, C extends ErrorCode<D> = ErrorCode<D>>(error: unknown, domain: D, code?: C): error is DomainError<D, C> {
  return error instanceof DomainError && error.domain === domain && (code === undefined || error.code === code);
}
