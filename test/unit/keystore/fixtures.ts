// The real eHealth acceptance keystore (see test/fixtures/keystores/README.md) and its facts.
import { readFileSync } from 'node:fs';
import * as path from 'node:path';

export const realFileName = 'SSIN=79021802145 20230823-085751.acc-p12';
export const realKeystorePath = path.join(__dirname, '..', '..', 'fixtures', 'keystores', realFileName);
export const realPassword = readFileSync(`${realKeystorePath}.password`, 'utf8');
export const realKeystore = (): Uint8Array => readFileSync(realKeystorePath);
export const etkAlias = '19088378040904364161854366057849601424';
