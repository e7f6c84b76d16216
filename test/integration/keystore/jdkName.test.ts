// Our names for certificate entries against the JDK's own: certificates with awkward subjects made
// by openssl, named by javax.security.auth.x500.X500Principal.getName("RFC2253") in a tiny Java
// program (jdk/SubjectNames.java), and by src/keystore/jdkName.ts.
import { strict as assert } from 'node:assert';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { X509Certificate } from 'node:crypto';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { jdkSubjectName } from '../../../src/keystore/jdkName';
import { requireTool } from './generate';

/** openssl -subj strings (most general first), with the flags each needs. */
const subjects: Array<[string, string, string[]]> = [
  ['eHealth issuing CA: serialNumber has no keyword', '/C=BE/O=ZETES SA/serialNumber=001/CN=TEST-ZetesConfidens-eHealth acceptance test-issuing CA 001', []],
  ['a person: "=" in values, accents (UTF8String)', '/C=BE/O=Federal Government/OU=SSIN=79021802145/OU=ÉMILIE ANAÏS DUPONT/OU=eHealth-platform Belgium/CN=SSIN=79021802145', ['-utf8']],
  ['an organisation with an application id: a comma', '/C=BE/O=Federal Government/OU=CBE=0123456749/OU=DISPATCH/CN=CBE=0123456749\\, DISPATCH', []],
  ['emailAddress and a multi-valued RDN', '/C=BE/O=Org/OU=Unit+CN=Näme+UID=123/emailAddress=jean@example.be', ['-utf8', '-multivalue-rdn']],
  ['every special character, leading "#", spaces around', '/CN=a\\, b\\+c;d<e>f"g\\\\h=i#j/OU=#lead/OU= both ends /OU=  /serialNumber=001/title=Dr', []],
  ['keywords and attributes without one', '/DC=be/DC=example/C=BE/ST=Brabant wallon/L=Louvain-la-Neuve/street=Rue du Test 1/GN=Émilie/SN=Dupont/CN=x', ['-utf8']],
  ['a BMPString (the JDK reads its bytes as UTF-8)', '/O=Test/CN=Zoë Brontë', ['-utf8', '-config', 'pkix.cnf']],
];

describe('jdkSubjectName against the JDK (X500Principal RFC 2253)', function () {
  this.timeout(60_000);
  let dir: string;
  before(() => {
    requireTool('openssl', ['version']);
    requireTool('java', ['-version']);
    dir = mkdtempSync(path.join(tmpdir(), 'ehealth-jdk-names-'));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('names every subject exactly as the JDK does', () => {
    const run = (command: string, args: string[]) => execFileSync(command, args, { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] }).toString('utf8');
    // string_mask=pkix makes openssl encode non-ASCII text as BMPString.
    writeFileSync(path.join(dir, 'pkix.cnf'), '[req]\ndistinguished_name=dn\nstring_mask=pkix\n[dn]\n');
    run('openssl', ['genrsa', '-out', 'key.pem', '2048']);
    const files = subjects.map(([, subject, flags], index) => {
      const file = `subject-${index}.pem`;
      run('openssl', ['req', '-x509', '-new', '-key', 'key.pem', '-days', '1', ...flags, '-subj', subject, '-out', file]);
      return file;
    });
    const jdk = run('java', [path.join(__dirname, 'jdk', 'SubjectNames.java'), ...files]).split('\n').slice(0, -1);
    assert.equal(jdk.length, subjects.length);
    subjects.forEach(([what], index) => {
      const der = new X509Certificate(readFileSync(path.join(dir, files[index]))).raw;
      assert.equal(jdkSubjectName(der), jdk[index], what);
    });
    assert.equal(jdk[0], 'CN=TEST-ZetesConfidens-eHealth acceptance test-issuing CA 001,2.5.4.5=#1303303031,O=ZETES SA,C=BE');
  });
});
