// @peculiar/x509 for the client, set up once here: its reflect polyfill and Node's webcrypto.
// The sandbox has its own set-up (src/sandbox/x509.ts): the client and the sandbox share no code.
import 'reflect-metadata';
import { webcrypto } from 'node:crypto';
import * as x509 from '@peculiar/x509';

x509.cryptoProvider.set(webcrypto as unknown as Crypto);

export { x509 };

export const RSA_SHA256 = { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' } as const;
