// Where certificates are requested and valid: eHealth's production and acceptance platforms, or our
// local sandbox authority (the default, offline, for rehearsals). Dependency-free.

export const ENVIRONMENTS = ['sandbox', 'acceptance', 'production'] as const;
export type Environment = (typeof ENVIRONMENTS)[number];

/** The environments eHealth runs (each has its own services and CA). */
export type EhealthEnvironment = Exclude<Environment, 'sandbox'>;

export function isEnvironment(value: unknown): value is Environment {
  return (ENVIRONMENTS as readonly unknown[]).includes(value);
}
