// The names of certificate entries, checked against names the JDK wrote: the real eHealth keystore
// (made by the official tool on Java). The awkward subjects are checked against the JDK itself in
// test/integration/keystore/jdkName.test.ts.
import { strict as assert } from 'node:assert';
import { openKeystore } from '../../../src/keystore/inspect';
import { jdkSubjectName } from '../../../src/keystore/jdkName';
import { ehealthLayout } from '../../../src/keystore/layout';
import { certifiedEntry } from '../../../src/keystore/model';
import { realKeystore, realPassword } from './fixtures';

const der = (base64: string) => Buffer.from(base64, 'base64');

describe('jdkSubjectName: certificate entries named as the JDK names them (RFC 2253)', () => {
  it('gives the names of the real keystore\'s certificate entries, serialNumber as 2.5.4.5=#hex', async () => {
    const { keystore } = await openKeystore(realKeystore(), { password: realPassword });
    const named = keystore.entries.filter((entry) => entry.kind === 'certificate');
    assert.equal(named.length, 2);
    for (const entry of named) assert.equal(jdkSubjectName(der(entry.certificate.der)), entry.alias);
    assert.equal(named[0].alias, 'CN=TEST-ZetesConfidens-eHealth acceptance test-issuing CA 001,2.5.4.5=#1303303031,O=ZETES SA,C=BE');
  });

  it('lays the real keystore\'s content out again under the very names the official tool wrote', async () => {
    const { keystore, contents, keys } = await openKeystore(realKeystore(), { password: realPassword });
    const [auth, etk] = keystore.entries.map(certifiedEntry);
    const layout = ehealthLayout({
      authentication: { privateKey: await keys.get(auth.alias)!.privateKey(), chain: [auth.certificate, ...auth.chain].map((cert) => der(cert.der)) },
      encryption: [{ privateKey: await keys.get(etk.alias)!.privateKey(), certificate: der(etk.certificate.der) }],
    });
    const names = (bags: Array<{ friendlyName?: string }>) => bags.map((bag) => bag.friendlyName).sort();
    assert.deepEqual(names(layout.certificates), names(contents!.certificates));
  });
});
