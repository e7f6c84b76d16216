// `ehealth cert ...` as integrators run it, with an RSA and an EC virtual eID: the built bundle,
// the sandbox started in-process on a data folder of its own (no --ra-url), flags instead of
// questions, --json and --trace. Request -> complete -> status -> renew refused outside the window
// -> revoke -> status; then every traced message is checked by tools we did not write: xmllint
// against eHealth's XSDs, xmlsec1 for every signature.
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { buildVirtualEid, type VirtualEid } from '../../../tools/virtual-eid/build';
import { ExitCode } from '../../../src/faces/exitCodes';
import { DS, elementChildren, facts, payloadOf, run as tool, scratch, serialize, validate, type ServiceName } from '../protocol/support';

const root = path.join(__dirname, '..', '..', '..');
const PASSWORD = 'keystore-1';

for (const algorithm of ['rsa', 'ec'] as const) describe(`ehealth cert (built bundle, in-process sandbox, ${algorithm.toUpperCase()} eID)`, function () {
  this.timeout(120_000);
  let folder: string;
  let eid: VirtualEid;
  let keystore = '';

  /** Every verb traces its exchanges (the request test into a folder of its own). */
  const cert = (verb: string, ...args: string[]) => {
    const traced = args.includes('--trace') ? args : [...args, '--trace', path.join(folder, 'traces')];
    const run = spawnSync('node', ['bin/ehealth.js', 'cert', verb, ...traced], {
      cwd: root,
      encoding: 'utf8',
      input: '',
      env: { ...process.env, LANG: 'en_US.UTF-8', EHEALTH_SANDBOX_DATA: path.join(folder, 'sandbox'), PIN: eid.pin, WRONG_PIN: '9999', PW: PASSWORD },
    });
    return { code: run.status, out: run.stdout, err: run.stderr };
  };
  const eidFlags = () => ['--module', eid.modulePath, '--pin-env', 'PIN'];

  before(async () => {
    execFileSync('node', ['scripts/build.mjs'], { cwd: root, stdio: 'ignore' });
    folder = mkdtempSync(path.join(tmpdir(), 'cert-cli-'));
    eid = await buildVirtualEid({ algorithm, dir: path.join(folder, 'eid') });
  });
  after(() => rmSync(folder, { recursive: true, force: true }));

  it('request: prints the contract, creates the keystore, answers its path as JSON, traces every envelope', () => {
    const trace = path.join(folder, 'trace');
    const { code, out, err } = cert('request', ...eidFlags(), '--holder', eid.holder.nationalNumber, '--email', 'dev@example.be', '--email', 'team@example.be', '--phone', '+32470000001', '--password-env', 'PW', '--keystore-dir', path.join(folder, 'keystores'), '--accept-contract', '--trace', trace, '--json');
    assert.equal(code, ExitCode.ok, err);
    keystore = JSON.parse(out).keystore;
    assert.match(path.basename(keystore), new RegExp(`^SSIN=${eid.holder.nationalNumber} \\d{8}-\\d{6}\\.acc-p12$`));
    assert.ok(existsSync(keystore));
    assert.match(err, /Contract for CN=SSIN\\=\d{11}, OU=eHealth-platform Belgium/);
    assert.match(err, /^\[fr\]\nBac à sable \(test uniquement\) : je demande un certificat d’authentification eHealth pour CN=SSIN\\=\d{11}, /m);
    assert.match(err, /^\[nl\]\nSandbox \(enkel voor tests\): ik vraag /m);
    assert.match(err, /Sandbox registration authority at http:\/\/127\.0\.0\.1:\d+/);
    assert.doesNotMatch(err, /EC keys/, 'no notice about EC cards in the sandbox');
    assert.doesNotMatch(out + err, new RegExp(`${PASSWORD}|\\b${eid.pin}\\b`), 'no secret echoed');
    // One folder for this run, named on stderr; per exchange the request, a JSON about it, the answer.
    const [run] = readdirSync(trace);
    assert.ok(err.includes(`Trace of this run: ${path.join(trace, run)}`), err);
    const traced = readdirSync(path.join(trace, run)).sort();
    assert.deepEqual(
      traced,
      ['001-GetActorQualities', '002-GenerateContract', '003-GenerateCertificate'].flatMap((exchange) => [`${exchange}-request.json`, `${exchange}-request.xml`, `${exchange}-response.xml`]),
    );
    const exchange = JSON.parse(readFileSync(path.join(trace, run, '003-GenerateCertificate-request.json'), 'utf8'));
    assert.equal(exchange.soapAction, '"urn:be:fgov:ehealth:etee:certra:protocol:v2:generatecertificate"');
    assert.equal(exchange.httpStatus, 200);
    assert.match(exchange.url, /^http:\/\/127\.0\.0\.1:\d+\/CertRa\/v2$/);
    const sent = readFileSync(path.join(trace, run, '003-GenerateCertificate-request.xml'), 'utf8');
    assert.match(sent, /<ds:Signature[\s>]/);
    assert.match(sent, /dev@example\.be[\s\S]*team@example\.be/, 'both e-mail addresses sent');
  });

  it('complete: installs the chain and the ETK, published in the depot', () => {
    const { code, out, err } = cert('complete', '--keystore', keystore, '--password-env', 'PW', '--json');
    assert.equal(code, ExitCode.ok, err);
    const result = JSON.parse(out);
    assert.equal(result.published, true);
    assert.match(result.etkSerialNumber, /^\d+$/);
    assert.ok(existsSync(result.backup));
  });

  it('status: complete, and eHealth says valid and active', () => {
    const { code, out, err } = cert('status', '--keystore', keystore, '--password-env', 'PW');
    assert.equal(code, ExitCode.ok, err);
    assert.match(out, /stage: complete/);
    assert.match(out, /eHealth: VALID_ACTIVE, ETK VALID_ACTIVE/);
  });

  it('renew: refused outside the replacement window, in plain words, with the authority exit code', () => {
    const { code, err } = cert('renew', ...eidFlags(), '--keystore', keystore, '--password-env', 'PW', '--new-password-env', 'PW', '--accept-contract');
    assert.equal(code, ExitCode.authority);
    assert.match(err, /cannot be renewed now.*renewal is possible from \d{4}-\d{2}-\d{2}/);
    assert.doesNotMatch(err, /\n\s+at /, 'no stack trace');
  });

  it('revoke with a wrong PIN: the PIN exit code, nothing revoked', () => {
    const { code, err } = cert('revoke', '--module', eid.modulePath, '--pin-env', 'WRONG_PIN', '--keystore', keystore, '--password-env', 'PW', '--reason', 'superseded', '--accept-contract');
    assert.equal(code, ExitCode.pinIncorrect, err);
    assert.match(cert('status', '--keystore', keystore, '--password-env', 'PW').out, /eHealth: VALID_ACTIVE/);
  });

  it('revoke: then status says REVOKED', () => {
    const { code, err } = cert('revoke', ...eidFlags(), '--keystore', keystore, '--password-env', 'PW', '--reason', 'superseded', '--accept-contract');
    assert.equal(code, ExitCode.ok, err);
    assert.match(cert('status', '--keystore', keystore, '--password-env', 'PW').out, /eHealth: REVOKED/);
  });

  it('production: nothing happens without the explicit confirmation', () => {
    const before = readdirSync(path.join(folder, 'keystores'));
    const { code, err } = cert('request', ...eidFlags(), '--env', 'production', '--holder', eid.holder.nationalNumber, '--email', 'dev@example.be', '--phone', '+32470000001', '--password-env', 'PW', '--keystore-dir', path.join(folder, 'keystores'), '--accept-contract');
    assert.notEqual(code, ExitCode.ok);
    assert.match(err, /in production was not confirmed: nothing was done/);
    assert.deepEqual(readdirSync(path.join(folder, 'keystores')), before);
  });

  it('every traced message is valid per eHealth\'s XSDs, and every signature verifies with xmlsec1', () => {
    const services = new Map(Object.entries(facts.services).map(([service, { namespace }]) => [namespace, service as ServiceName]));
    // eID signatures chain to the virtual card's root, eHealth authentication ones to the sandbox's.
    const trusted = ['--trusted-pem', eid.rootPem, '--trusted-pem', path.join(folder, 'sandbox', 'ca.pem')];
    const files = ['trace', 'traces'].flatMap((dir) => readdirSync(path.join(folder, dir)).flatMap((run) => readdirSync(path.join(folder, dir, run)).filter((name) => name.endsWith('.xml')).map((name) => path.join(folder, dir, run, name))));
    const work = scratch('cert-cli-check-');
    let signed = 0;
    try {
      for (const file of files) {
        const envelope = readFileSync(file, 'utf8');
        const payload = payloadOf(envelope);
        const service = services.get(payload.namespaceURI ?? '');
        assert.ok(service, `${path.basename(file)}: {${payload.namespaceURI}}${payload.localName} is no eHealth message`);
        const valid = validate(service, work.write(path.basename(file), serialize(payload)));
        assert.ok(valid.ok, `${path.basename(file)}: ${valid.output}`);
        if (elementChildren(payload).at(-1)?.namespaceURI !== DS) continue;
        const verified = tool('xmlsec1', ['--verify', '--id-attr:Id', `${payload.namespaceURI}:${payload.localName}`, ...trusted, file]);
        assert.ok(verified.ok, `${path.basename(file)}: ${verified.output}`);
        signed += 1;
      }
    } finally {
      work.remove();
    }
    const operations = new Set(files.map((file) => path.basename(file).replace(/^\d+-|-(request|response)\.xml$/g, '')));
    for (const operation of ['GetActorQualities', 'GenerateContract', 'GenerateCertificate', 'GetCertificate', 'StartETKRegistration', 'CompleteETKRegistration', 'GetEtk', 'GetCertificateInfoForAuthenticationCertificate', 'GenerateRevocationContract', 'Revoke']) {
      assert.ok(operations.has(operation), `${operation} traced (${[...operations].join(', ')})`);
    }
    assert.ok(signed >= 7, `${signed} signed requests checked`);
  });
});
