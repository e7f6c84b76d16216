// `ehealth cert ...` as integrators run it, with an RSA and an EC virtual eID: the built bundle,
// the sandbox started in-process on a data folder of its own (no --ra-url), flags instead of
// questions, --json and --trace. Request -> complete -> status -> renew refused outside the window
// -> list (with an organisation's certificate, its keystore rewritten by OpenSSL) -> revoke by
// public key identifier without the keystore -> revoke -> status; then every traced message is
// checked by tools we did not write: xmllint against eHealth's XSDs, xmlsec1 for every signature.
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { buildVirtualEid, type VirtualEid } from '../../../tools/virtual-eid/build';
import { ExitCode } from '../../../src/faces/exitCodes';
import { DS, elementChildren, facts, payloadOf, run as tool, scratch, serialize, validate, type ServiceName } from '../protocol/support';

const root = path.join(__dirname, '..', '..', '..');
const PASSWORD = 'keystore-1';
/** An organisation the card's holder manages (the sandbox's organizations.json). */
const AMBULANCE = { holder: 'CBE=0123456749,DISPATCH', type: 'CBE', id: '0123456749', name: 'Ambulances Sainte-Hélène' };
/** The fields of one certificate in `cert list --json`, as the issue gives them. */
const LISTED_FIELDS = ['holder', 'publicKeyIdentifier', 'status', 'etkStatus', 'notBefore', 'notAfter', 'revocable', 'replaceable', 'replacementPeriodStart', 'keystore'];

for (const algorithm of ['rsa', 'ec'] as const) describe(`ehealth cert (built bundle, in-process sandbox, ${algorithm.toUpperCase()} eID)`, function () {
  this.timeout(120_000);
  let folder: string;
  let eid: VirtualEid;
  let keystore = '';
  let ownKeyId = '';
  let organisationKeystore = '';
  let organisationKeyId = '';

  /** Every verb traces its exchanges (the request test into a folder of its own). */
  const cert = (verb: string, ...args: string[]) => certWith({}, verb, ...args);
  const certWith = (env: Record<string, string>, verb: string, ...args: string[]) => {
    const traced = args.includes('--trace') ? args : [...args, '--trace', path.join(folder, 'traces')];
    const run = spawnSync('node', ['bin/ehealth.js', 'cert', verb, ...traced], {
      cwd: root,
      encoding: 'utf8',
      input: '',
      // HOME: the default keystore folder is the test's, not the user's; list also searches EHEALTH_KEYSTORE_FOLDERS.
      env: { ...process.env, LANG: 'en_US.UTF-8', HOME: path.join(folder, 'home'), EHEALTH_KEYSTORE_FOLDERS: path.join(folder, 'keystores'), EHEALTH_SANDBOX_DATA: path.join(folder, 'sandbox'), PIN: eid.pin, WRONG_PIN: '9999', PW: PASSWORD, ...env },
    });
    return { code: run.status, out: run.stdout, err: run.stderr };
  };
  const eidFlags = () => ['--module', eid.modulePath, '--pin-env', 'PIN'];

  before(async () => {
    execFileSync('node', ['scripts/build.mjs'], { cwd: root, stdio: 'ignore' });
    folder = mkdtempSync(path.join(tmpdir(), 'cert-cli-'));
    eid = await buildVirtualEid({ algorithm, dir: path.join(folder, 'eid') });
    mkdirSync(path.join(folder, 'sandbox'));
    writeFileSync(path.join(folder, 'sandbox', 'organizations.json'), JSON.stringify([{ type: AMBULANCE.type, id: AMBULANCE.id, name: AMBULANCE.name, managers: [eid.holder.nationalNumber] }]));
  });
  after(() => rmSync(folder, { recursive: true, force: true }));

  it('request: prints the contract, creates the keystore in the sandbox folder under a name that says sandbox, answers its path as JSON, traces every envelope', () => {
    const trace = path.join(folder, 'trace');
    const { code, out, err } = cert('request', ...eidFlags(), '--holder', eid.holder.nationalNumber, '--email', 'dev@example.be', '--email', 'team@example.be', '--phone', '+32470000001', '--new-password-env', 'PW', '--accept-contract', '--trace', trace, '--json');
    assert.equal(code, ExitCode.ok, err);
    ({ keystore, publicKeyIdentifier: ownKeyId } = JSON.parse(out));
    // No --keystore-dir: a sandbox keystore goes to ~/ehealth/sandbox, never among the real ones in ~/ehealth/keystore.
    assert.equal(path.dirname(keystore), path.join(folder, 'home', 'ehealth', 'sandbox'));
    assert.match(path.basename(keystore), new RegExp(`^SSIN=${eid.holder.nationalNumber} \\d{8}-\\d{6}\\.sandbox-p12$`));
    assert.ok(existsSync(keystore));
    assert.match(err, /Contract for CN=SSIN=\d{11}, OU=eHealth-platform Belgium/);
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

  it('renew: too early outside the replacement window, with the date it opens, and the authority exit code', () => {
    const { code, err } = cert('renew', ...eidFlags(), '--keystore', keystore, '--password-env', 'PW', '--new-password-env', 'PW', '--accept-contract');
    assert.equal(code, ExitCode.authority);
    assert.match(err, /Too early to renew: this certificate can be renewed from \d{1,2} \w+ \d{4}\./);
    assert.doesNotMatch(err, /\n\s+at /, 'no stack trace');
  });

  it('request and complete for an organisation the holder manages (listed IN_PROGRESS until then); its keystore rewritten by OpenSSL, certificates in clear, under a name of its own', () => {
    const requested = cert('request', ...eidFlags(), '--holder', AMBULANCE.holder, '--email', 'dispatch@example.be', '--phone', '+32470000002', '--new-password-env', 'PW', '--keystore-dir', path.join(folder, 'organisation'), '--accept-contract', '--json');
    assert.equal(requested.code, ExitCode.ok, requested.err);
    organisationKeystore = JSON.parse(requested.out).keystore;
    // Before delivery: every date null, nothing to revoke, the new file found by its name.
    const pending = cert('list', ...eidFlags(), '--keystore-dir', path.join(folder, 'organisation'), '--json');
    assert.equal(pending.code, ExitCode.ok, pending.err);
    const requestedOne = (JSON.parse(pending.out) as { certificates: Array<Record<string, unknown>> }).certificates.find((certificate) => certificate.holder === AMBULANCE.holder);
    assert.deepEqual(
      { ...requestedOne, publicKeyIdentifier: typeof requestedOne?.publicKeyIdentifier },
      { holder: AMBULANCE.holder, publicKeyIdentifier: 'string', status: 'IN_PROGRESS', etkStatus: 'NOT_REQUESTED', notBefore: null, notAfter: null, revocable: false, replaceable: false, replacementPeriodStart: null, keystore: organisationKeystore },
    );
    assert.match(cert('list', ...eidFlags(), '--keystore-dir', path.join(folder, 'organisation')).out, new RegExp(`^${AMBULANCE.holder} \\(${AMBULANCE.name}\\) · IN_PROGRESS · ETK NOT_REQUESTED · not delivered yet · keystore `, 'm'));
    const completed = cert('complete', '--keystore', organisationKeystore, '--password-env', 'PW');
    assert.equal(completed.code, ExitCode.ok, completed.err);
    // The backup it made, named in words: the user knows a copy of the keystore is there.
    const backup = /\(previous version kept as (.+\.bak)\)/.exec(completed.out + completed.err)?.[1];
    assert.ok(backup && existsSync(backup), completed.out + completed.err);
    assert.equal(path.dirname(backup), path.dirname(organisationKeystore));
    // OpenSSL, not our writer: the key and every certificate out, then back with the certificates unencrypted.
    const pem = path.join(folder, 'organisation.pem');
    const copies = path.join(folder, 'copies');
    mkdirSync(copies);
    const env = { ...process.env, PW: PASSWORD };
    execFileSync('openssl', ['pkcs12', '-in', organisationKeystore, '-nodes', '-passin', 'env:PW', '-out', pem], { env, stdio: 'pipe' });
    execFileSync('openssl', ['pkcs12', '-export', '-certpbe', 'NONE', '-in', pem, '-name', 'authentication', '-passout', 'env:PW', '-out', path.join(copies, 'ambulance copy.acc-p12')], { env, stdio: 'pipe' });
    // The certificate's Subject Key Identifier is its PublicKeyIdentifier (certra core XSD), read here by OpenSSL.
    const ski = execFileSync('openssl', ['x509', '-in', pem, '-noout', '-ext', 'subjectKeyIdentifier'], { encoding: 'utf8' });
    organisationKeyId = /\n\s*([0-9A-F:]+)\s*$/.exec(ski)![1].replace(/:/g, '').toLowerCase();
    assert.match(organisationKeyId, /^[0-9a-f]{40}$/);
  });

  it('list --json with the eID alone: both certificates as eHealth holds them, each linked to its keystore, by name or by public key', () => {
    const { code, out, err } = cert('list', ...eidFlags(), '--keystore-dir', path.join(folder, 'copies'), '--json');
    assert.equal(code, ExitCode.ok, err);
    const { certificates } = JSON.parse(out) as { certificates: Array<Record<string, unknown>> };
    assert.equal(certificates.length, 2, out);
    for (const certificate of certificates) assert.deepEqual(Object.keys(certificate), LISTED_FIELDS, 'the fields of the issue, in order');
    const own = certificates.find((certificate) => certificate.publicKeyIdentifier === ownKeyId);
    const organisation = certificates.find((certificate) => certificate.publicKeyIdentifier === organisationKeyId);
    // Our own compatible-mode file encrypts its certificates: found by its name (holder, creation time), in the sandbox folder (always searched).
    assert.deepEqual(
      { ...own, notBefore: typeof own?.notBefore, notAfter: typeof own?.notAfter, replacementPeriodStart: typeof own?.replacementPeriodStart },
      { holder: `SSIN=${eid.holder.nationalNumber}`, publicKeyIdentifier: ownKeyId, status: 'VALID_ACTIVE', etkStatus: 'VALID_ACTIVE', notBefore: 'string', notAfter: 'string', revocable: true, replaceable: false, replacementPeriodStart: 'string', keystore },
    );
    // OpenSSL's copy has a name that says nothing: found by the public key of the certificate it shows in clear.
    assert.equal(organisation?.holder, AMBULANCE.holder);
    assert.equal(organisation?.status, 'VALID_ACTIVE');
    assert.equal(organisation?.keystore, path.join(folder, 'copies', 'ambulance copy.acc-p12'));
    assert.ok(Date.parse(String(own?.notAfter)) > Date.now(), 'an ISO date');
  });

  it('renew too early: the day renewal opens on the user\'s clock, the day the certificates view shows, in any time zone', () => {
    const listed = JSON.parse(cert('list', ...eidFlags(), '--keystore-dir', path.join(folder, 'copies'), '--json').out) as { certificates: Array<Record<string, unknown>> };
    const opens = new Date(String(listed.certificates.find((certificate) => certificate.publicKeyIdentifier === ownKeyId)?.replacementPeriodStart));
    // A zone where that moment falls on another calendar day than in UTC.
    const zone = opens.getUTCHours() < 10 ? 'Pacific/Honolulu' : 'Pacific/Kiritimati';
    const { code, err } = certWith({ TZ: zone }, 'renew', ...eidFlags(), '--keystore', keystore, '--password-env', 'PW', '--new-password-env', 'PW', '--accept-contract');
    assert.equal(code, ExitCode.authority);
    const day = new Intl.DateTimeFormat('en-GB', { dateStyle: 'long', timeZone: zone }).format(opens);
    assert.ok(err.includes(`can be renewed from ${day}.`), `${day} in ${zone}: ${err}`);
  });

  it('list in words: one line per certificate, and the command that revokes each revocable one', () => {
    const { code, out, err } = cert('list', ...eidFlags(), '--keystore-dir', path.join(folder, 'copies'));
    assert.equal(code, ExitCode.ok, err);
    const lines = out.trimEnd().split('\n');
    const own = lines.findIndex((line) => line.startsWith(`SSIN=${eid.holder.nationalNumber} (`));
    assert.match(lines[own], new RegExp(`· VALID_ACTIVE · ETK VALID_ACTIVE · valid until \\d{1,2} [A-Z][a-z]+ \\d{4} · keystore ${keystore.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`));
    assert.equal(lines[own + 1], `  to revoke it: ehealth cert revoke --module ${eid.modulePath} --public-key-id ${ownKeyId} --reason REASON`);
    assert.match(lines.find((line) => line.startsWith(`${AMBULANCE.holder} (${AMBULANCE.name})`)) ?? '', /· VALID_ACTIVE · ETK VALID_ACTIVE · /);
    assert.equal(lines.at(-1), 'REASON: one of keyCompromise, affiliationChanged, superseded, cessationOfOperation.');
  });

  it('revoke --public-key-id with a mistyped identifier: usage exit, before the eID is read (no PIN variable, no module) or a sandbox started', () => {
    const { code, out, err } = cert('revoke', '--module', path.join(folder, 'no-such-module.so'), '--pin-env', 'NO_PIN_HERE', '--public-key-id', `${organisationKeyId.slice(0, 39)}g`, '--reason', 'superseded', '--accept-contract');
    assert.equal(code, ExitCode.usage, err);
    assert.match(err, /is not a public key identifier: eHealth writes it as 40 hexadecimal digits/);
    assert.doesNotMatch(err, /NO_PIN_HERE|no-such-module|Sandbox registration authority/);
    assert.equal(out, '');
  });

  it('revoke: --keystore and --public-key-id together, or neither, is a usage error', () => {
    const both = cert('revoke', ...eidFlags(), '--keystore', keystore, '--password-env', 'PW', '--public-key-id', organisationKeyId, '--reason', 'superseded', '--accept-contract');
    assert.equal(both.code, ExitCode.usage);
    assert.match(both.err, /Give --keystore or --public-key-id, not both/);
    const neither = cert('revoke', ...eidFlags(), '--reason', 'superseded', '--accept-contract');
    assert.equal(neither.code, ExitCode.usage);
    assert.match(neither.err, /Name the certificate to revoke with --keystore FILE or, without its keystore, with --public-key-id ID/);
    assert.doesNotMatch(both.err + neither.err, /Sandbox registration authority/, 'refused before anything started');
  });

  it('revoke --public-key-id: the organisation\'s certificate, every copy of its keystore gone, with the eID alone; list then says REVOKED', () => {
    rmSync(organisationKeystore);
    rmSync(path.join(folder, 'copies', 'ambulance copy.acc-p12'));
    // No --password-env and no terminal: a password asked for would end the command.
    const { code, out, err } = cert('revoke', ...eidFlags(), '--public-key-id', organisationKeyId.toUpperCase(), '--reason', 'cessationOfOperation', '--accept-contract');
    assert.equal(code, ExitCode.ok, err);
    assert.equal(out.trim(), `Certificate ${organisationKeyId} revoked (cessationOfOperation).`);
    // The next step against the same authority, with the same eID module.
    assert.ok(err.includes(`A keystore still holding this key, wherever it is, is now useless. To go on, request a new certificate (ehealth cert request --module ${eid.modulePath}).`), err);
    const listed = cert('list', ...eidFlags(), '--keystore-dir', path.join(folder, 'copies'), '--json');
    assert.equal(listed.code, ExitCode.ok, listed.err);
    const { certificates } = JSON.parse(listed.out) as { certificates: Array<Record<string, unknown>> };
    const revoked = certificates.find((certificate) => certificate.publicKeyIdentifier === organisationKeyId);
    assert.deepEqual(
      { status: revoked?.status, etkStatus: revoked?.etkStatus, revocable: revoked?.revocable, replaceable: revoked?.replaceable, keystore: revoked?.keystore },
      { status: 'REVOKED', etkStatus: 'REVOKED', revocable: false, replaceable: false, keystore: undefined },
    );
    assert.equal(certificates.find((certificate) => certificate.publicKeyIdentifier === ownKeyId)?.status, 'VALID_ACTIVE', 'the other certificate untouched');
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

  it('production: nothing happens without the explicit confirmation (no terminal to ask: --confirm-production is named)', () => {
    const before = readdirSync(path.dirname(keystore));
    const { code, err } = cert('request', ...eidFlags(), '--env', 'production', '--holder', eid.holder.nationalNumber, '--email', 'dev@example.be', '--phone', '+32470000001', '--new-password-env', 'PW', '--keystore-dir', path.dirname(keystore), '--accept-contract');
    assert.equal(code, ExitCode.usage, err);
    assert.match(err, /There is no terminal to ask: give --confirm-production\./);
    assert.deepEqual(readdirSync(path.dirname(keystore)), before);
  });

  it('every traced message is valid per eHealth\'s XSDs, and every signature verifies with xmlsec1', () => {
    const services = new Map(Object.entries(facts.services).map(([service, { namespace }]) => [namespace, service as ServiceName]));
    // eID signatures chain to the virtual card's root, eHealth authentication ones to the sandbox's.
    const trusted = ['--trusted-pem', eid.rootPem, '--trusted-pem', path.join(folder, 'sandbox', 'ca.pem')];
    const files = ['trace', 'traces'].flatMap((dir) => readdirSync(path.join(folder, dir)).flatMap((run) => readdirSync(path.join(folder, dir, run)).filter((name) => name.endsWith('.xml')).map((name) => path.join(folder, dir, run, name))));
    const work = scratch('cert-cli-check-');
    const signed = new Set<string>();
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
        signed.add(path.basename(file));
      }
    } finally {
      work.remove();
    }
    const operations = new Set(files.map((file) => path.basename(file).replace(/^\d+-|-(request|response)\.xml$/g, '')));
    for (const operation of ['GetActorQualities', 'GetCertificateInfoForCitizen', 'GenerateContract', 'GenerateCertificate', 'GetCertificate', 'StartETKRegistration', 'CompleteETKRegistration', 'GetEtk', 'GetCertificateInfoForAuthenticationCertificate', 'GenerateRevocationContract', 'Revoke']) {
      assert.ok(operations.has(operation), `${operation} traced (${[...operations].join(', ')})`);
    }
    assert.ok(signed.size >= 7, `${signed.size} signed requests checked`);
    // The listing is signed with the eID Authentication key, chained to the card's root.
    assert.ok([...signed].some((name) => name.endsWith('-GetCertificateInfoForCitizen-request.xml')), 'GetCertificateInfoForCitizen signed and verified');
  });
});
