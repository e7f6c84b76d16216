// The real eHealth acceptance keystore (see test/fixtures/keystores/README.md) and its facts.
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { openKeystore } from '../../../src/keystore/inspect';
import { writePkcs12, type KeyToWrite, type WriteOptions } from '../../../src/keystore/pkcs12/writer';
import { sharedKdfPool } from '../../../src/keystore/workerPool';

export const realFileName = 'SSIN=79021802145 20230823-085751.acc-p12';
export const realKeystorePath = path.join(__dirname, '..', '..', 'fixtures', 'keystores', realFileName);
export const realPassword = readFileSync(`${realKeystorePath}.password`, 'utf8');
export const realKeystore = (): Uint8Array => readFileSync(realKeystorePath);
export const etkAlias = '19088378040904364161854366057849601424';

/**
 * The real keystore's bags (same names and order) written again under `password` and `options`:
 * a PBES2 or 1-iteration copy keeps the tests that open it many times short.
 */
export async function realKeystoreRewritten(password: string, options: WriteOptions): Promise<Uint8Array> {
  const { contents } = await openKeystore(realKeystore(), { password: realPassword });
  const names = (bag: { friendlyName?: string; localKeyId?: Uint8Array }) => ({
    ...(bag.friendlyName !== undefined ? { friendlyName: bag.friendlyName } : {}),
    ...(bag.localKeyId ? { localKeyId: bag.localKeyId } : {}),
  });
  const keys = await Promise.all(contents!.keys.map(async (key): Promise<KeyToWrite> => ({ privateKey: await key.privateKey(), ...names(key) })));
  const certificates = contents!.certificates.map((certificate) => ({ der: certificate.der, ...names(certificate) }));
  return writePkcs12({ keys, certificates }, password, options, sharedKdfPool());
}
