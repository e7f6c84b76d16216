// The client's operation objects, by the operation name the XSDs (and facts.json) use.
import * as certra from '../../../src/ra/certra';
import * as etkra from '../../../src/ra/etkra';
import * as etkdepot from '../../../src/ra/etkdepot';
import type { Operation } from '../../../src/ra/operation';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyOperation = Operation<any, unknown>;

const isOperation = (value: unknown): value is AnyOperation =>
  typeof value === 'object' && value !== null && 'name' in value && 'soapAction' in value && 'body' in value && 'result' in value;

export const clientOperations: Map<string, AnyOperation> = new Map(
  [...Object.values(certra), ...Object.values(etkra), ...Object.values(etkdepot)].filter(isOperation).map((operation) => [operation.name, operation]),
);

export function clientOperation(name: string): AnyOperation {
  const operation = clientOperations.get(name);
  if (!operation) throw new Error(`The client has no operation ${name}.`);
  return operation;
}
