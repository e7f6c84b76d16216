// Worker for workerRpc.test.ts: answers after `delayMs`, throws on `fail`, dies on `exit`.
import { serveRequests } from '../../../src/platform/workerRpc';

export interface EchoRequest {
  value: string;
  delayMs?: number;
  fail?: boolean;
  exit?: boolean;
}

serveRequests<EchoRequest, string, { reason: string }>({
  async handle({ value, delayMs, fail, exit }) {
    if (exit) process.exit(3);
    await new Promise((resolve) => setTimeout(resolve, delayMs ?? 0));
    if (fail) throw new Error(`refused ${value}`);
    return value.toUpperCase();
  },
  failure: (error) => ({ reason: (error as Error).message }),
});
