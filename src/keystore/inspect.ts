// Builds the one domain model of a keystore (src/keystore/model.ts) that every face shows: entries,
// holder, environment, checks and status. Works locked (file name and clear parts only) or opened.
import * as path from 'node:path';
import { createPublicKey } from 'node:crypto';
import { day, validityAt } from '../core/certificate';
import { formatHolder, parseHolder } from '../core/holder';
import { issuedBy, keyDescription, parseCertificate, type ParsedCertificate } from './certificate';
import { renewalWindowDays } from './expiry';
import { KeystoreError } from './errors';
import { parseKeystoreFileName } from './fileName';
import { readKeystoreFile } from './keystoreFileAccess';
import type { CertifiedEntry, KeyOnlyEntry, Keystore, KeystoreCheck, KeystoreEnvironment, KeystoreHolder, KeystoreStatus, KeystoreWarning, Protection } from './model';
import type { Deriver } from './pkcs12/kdf';
import { macAlgorithmName } from './pkcs12/mac';
import { describePbe } from './pkcs12/pbe';
import { readStructure, unlockAndUse, type Pkcs12Structure, type UnlockedKey, type UnlockedPkcs12 } from './pkcs12/reader';
import { sharedKdfPool } from './workerPool';

/** eHealth certificates are valid 3 years; a month either way still counts as "about 3 years". */
const threeYearsDays = 1096;
const toleranceDays = 31;

export interface InspectOptions {
  password?: string;
  /** Evaluation date of the status (default: now). */
  at?: Date;
  /** File name, for the holder while locked and the environment cross-check. */
  fileName?: string;
  /** Decrypt the private keys to check they match their certificates (costly with JDK files). */
  checkKeys?: boolean;
  deriver?: Deriver;
}

/** An opened keystore: the model, and the decrypted contents for the operations that need them. */
export interface OpenedKeystore {
  keystore: Keystore;
  contents?: UnlockedPkcs12;
  /** The unlocked key of each key entry, by alias. */
  keys: Map<string, UnlockedKey>;
}

export async function inspectFile(file: string, options: Omit<InspectOptions, 'fileName'> = {}): Promise<OpenedKeystore> {
  const opened = await openKeystore(await readKeystoreFile(file), { ...options, fileName: path.basename(file) });
  opened.keystore.file = path.resolve(file);
  return opened;
}

export async function openKeystore(bytes: Uint8Array, options: InspectOptions = {}): Promise<OpenedKeystore> {
  const structure = readStructure(refuseOtherFormats(bytes));
  const at = options.at ?? new Date();
  const parsedName = options.fileName ? parseKeystoreFileName(options.fileName) : undefined;
  const base = {
    evaluatedAt: at.toISOString(),
    protection: protectionOf(structure),
    keyAliases: structure.keys.flatMap((key) => (key.friendlyName !== undefined ? [key.friendlyName] : [])),
  };
  const holderFromName: KeystoreHolder | undefined = parsedName?.holder ? { ...parsedName.holder, source: 'file-name' } : undefined;
  if (options.password === undefined) {
    const keystore: Keystore = {
      ...base,
      environment: parsedName?.environment ?? 'unknown',
      ...(holderFromName ? { holder: holderFromName } : {}),
      locked: true,
      entries: [],
      checks: [],
      warnings: [{ code: 'password-needed' }],
    };
    return { keystore, keys: new Map() };
  }
  // The certificates are parsed while the MAC is being verified.
  const {
    contents,
    used: { entries, parsed, keys, withoutCertificate },
  } = await unlockAndUse(structure, options.password, options.deriver ?? sharedKdfPool(), buildEntries, options.checkKeys ?? false);
  // Without a certificate, only the decrypted key tells its type and size.
  const keyOnly = await Promise.all(
    withoutCertificate.map(async (alias): Promise<KeyOnlyEntry> => ({ alias, kind: 'key-only', key: keyDescription(await keys.get(alias)!.privateKey()) })),
  );
  const auth = entries.find((entry) => entry.kind === 'authentication');
  const authParsed = auth ? parsed.get(auth)?.[0] : undefined;
  const hasEtk = entries.some((entry) => entry.kind === 'encryption');
  // A request sent, its certificate not delivered: the new key alone under a certificate it signed
  // itself (the official tool's C=Dummy placeholder, or the stand-in with the requested DN that
  // earlier versions of this project wrote).
  const pending = authParsed !== undefined && !hasEtk && issuedBy(authParsed, authParsed);
  const warnings: KeystoreWarning[] = withoutCertificate.map((alias) => ({ code: 'key-without-certificate', params: { alias } }));
  const issuerEnvironment = auth ? environmentFromIssuer(auth.certificate.issuer) : 'unknown';
  const suffixEnvironment = parsedName?.environment;
  if (suffixEnvironment && issuerEnvironment !== 'unknown' && issuerEnvironment !== 'sandbox' && suffixEnvironment !== issuerEnvironment) {
    warnings.push({ code: 'environment-mismatch', params: { issuer: issuerEnvironment, suffix: suffixEnvironment } });
  }
  // Sandbox keystores made before their own suffix and folder were named as real ones.
  if (issuerEnvironment === 'sandbox' && suffixEnvironment && suffixEnvironment !== 'sandbox') warnings.push({ code: 'sandbox-named-as-real' });
  if (!auth) warnings.push({ code: 'no-authentication-key' });
  // A placeholder's issuer, dates and missing ETK are what pending means: nothing to warn about.
  else if (!pending) {
    if (issuerEnvironment === 'unknown') warnings.push({ code: 'issuer-not-ehealth', params: { issuer: auth.certificate.issuer } });
    const spanDays = Math.round((Date.parse(auth.certificate.notAfter) - Date.parse(auth.certificate.notBefore)) / day);
    if (Math.abs(spanDays - threeYearsDays) > toleranceDays) warnings.push({ code: 'validity-not-three-years', params: { days: spanDays } });
  }
  if (!hasEtk && !pending) warnings.push({ code: 'no-encryption-key' });
  // The official tool's placeholder (C=Dummy) names no one: then the file name tells the holder.
  const holder = (authParsed && holderFromCertificate(authParsed)) ?? holderFromName;
  const keystore: Keystore = {
    ...base,
    environment: issuerEnvironment !== 'unknown' ? issuerEnvironment : (suffixEnvironment ?? 'unknown'),
    ...(holder ? { holder } : {}),
    status: pending ? 'pending' : statusAt(auth, warnings, at),
    locked: false,
    // Key entries, then keys alone, then certificates alone.
    entries: [...entries.filter((entry) => entry.kind !== 'certificate'), ...keyOnly, ...entries.filter((entry) => entry.kind === 'certificate')],
    checks: await runChecks(entries, parsed, keys, options.checkKeys ?? false),
    warnings,
  };
  return { keystore, contents, keys };
}

/** Java keystores and PEM files are sometimes renamed .p12: name them instead of calling them damaged. */
function refuseOtherFormats(bytes: Uint8Array): Uint8Array {
  const magic = bytes.length >= 4 ? Buffer.from(bytes.subarray(0, 4)).readUInt32BE(0) : 0;
  if (magic === 0xfeedfeed) throw new KeystoreError('not-ehealth', 'JKS keystore', { format: 'JKS' });
  if (magic === 0xcececece) throw new KeystoreError('not-ehealth', 'JCEKS keystore', { format: 'JCEKS' });
  if (Buffer.from(bytes.subarray(0, 11)).toString('latin1') === '-----BEGIN ') throw new KeystoreError('not-ehealth', 'PEM file', { format: 'PEM' });
  return bytes;
}

function protectionOf(structure: Pkcs12Structure): Protection {
  const bags = [...structure.encrypted.map((safe) => safe.scheme), ...structure.keys.flatMap((key) => (key.scheme ? [key.scheme] : []))];
  return {
    ...(structure.mac ? { macAlgorithm: macAlgorithmName(structure.mac), macIterations: structure.mac.iterations } : {}),
    bags: bags.map(describePbe),
  };
}

const sameBytes = (a?: Uint8Array, b?: Uint8Array) => !!a && !!b && Buffer.from(a).equals(Buffer.from(b));

function buildEntries(contents: UnlockedPkcs12) {
  // JDK files hold the same certificate in several bags (chain and entry): parse each once.
  const byDer = new Map<string, ParsedCertificate>();
  const certificates = contents.certificates.map((bag) => {
    const key = Buffer.from(bag.der).toString('base64');
    let parsed = byDer.get(key);
    if (!parsed) byDer.set(key, (parsed = parseCertificate(bag.der)));
    return { bag, parsed };
  });
  const distinct = [...byDer.values()];
  /** Each entry's certificate, then its chain: what the checks verify. */
  const parsed = new Map<CertifiedEntry, ParsedCertificate[]>();
  const keys = new Map<string, UnlockedKey>();
  const entries: CertifiedEntry[] = [];
  const leaves = new Set<(typeof certificates)[number]>();
  /** Aliases of keys stored without their certificate (openssl -nocerts): `key-only` entries, with a warning. */
  const withoutCertificate: string[] = [];
  for (const key of contents.keys) {
    const leaf =
      certificates.find((cert) => sameBytes(cert.bag.localKeyId, key.localKeyId)) ??
      certificates.find((cert) => key.friendlyName !== undefined && cert.bag.friendlyName === key.friendlyName);
    if (!leaf) {
      const alias = key.friendlyName ?? Buffer.from(key.localKeyId ?? []).toString('hex');
      withoutCertificate.push(alias);
      keys.set(alias, key);
      continue;
    }
    leaves.add(leaf);
    const alias = key.friendlyName ?? leaf.bag.friendlyName ?? Buffer.from(key.localKeyId ?? []).toString('hex');
    const chain = chainAbove(leaf.parsed, distinct);
    const selfIssued = leaf.parsed.details.subject === leaf.parsed.details.issuer;
    const kind = alias.toLowerCase() === 'authentication' ? 'authentication' : selfIssued || alias === leaf.parsed.details.serialNumber ? 'encryption' : 'authentication';
    const entry: CertifiedEntry = { alias, kind, certificate: leaf.parsed.details, chain: chain.map((cert) => cert.details) };
    parsed.set(entry, [leaf.parsed, ...chain]);
    keys.set(alias, key);
    entries.push(entry);
  }
  // The key named `authentication` comes first, whatever the bag order: it is the one every face
  // takes as the authentication entry (the first of that kind), before any other CA-issued key.
  const named = (entry: CertifiedEntry) => Number(entry.alias.toLowerCase() === 'authentication');
  entries.sort((a, b) => named(b) - named(a));
  // Certificates stored on their own: named ones (the JDK names chain certificates by their DN),
  // and unnamed ones that belong to no key's chain (OpenSSL's -nokeys files), named by subject.
  const inChains = new Set([...parsed.values()].flatMap((path) => path.map((cert) => cert.details.der)));
  const seen = new Set<string>();
  for (const cert of certificates) {
    if (leaves.has(cert) || (cert.bag.friendlyName === undefined && inChains.has(cert.parsed.details.der))) continue;
    const alias = cert.bag.friendlyName ?? cert.parsed.details.subject;
    const id = `${alias}|${cert.parsed.details.der}`;
    if (seen.has(id)) continue;
    seen.add(id);
    const entry: CertifiedEntry = { alias, kind: 'certificate', certificate: cert.parsed.details, chain: [] };
    parsed.set(entry, [cert.parsed]);
    entries.push(entry);
  }
  return { entries, parsed, keys, withoutCertificate };
}

/**
 * The issuers above `leaf` found in the keystore, nearest first (stops at a self-issued root). Of
 * several CA certificates with the issuer's name (a CA re-keyed, the old certificate kept), the one
 * that signed wins; a name alone still links, so that chain-order reports the wrong signer.
 */
function chainAbove(leaf: ParsedCertificate, certificates: ParsedCertificate[]): ParsedCertificate[] {
  const chain: ParsedCertificate[] = [];
  let current = leaf;
  while (chain.length < 10 && current.details.subject !== current.details.issuer) {
    const named = certificates.filter((cert) => cert !== current && !chain.includes(cert) && cert !== leaf && cert.details.subject === current.details.issuer);
    const below = current;
    const next = named.length > 1 ? (named.find((cert) => issuedBy(below, cert)) ?? named[0]) : named[0];
    if (!next) break;
    chain.push(next);
    current = next;
  }
  return chain;
}

async function runChecks(
  entries: CertifiedEntry[],
  parsed: Map<CertifiedEntry, ParsedCertificate[]>,
  keys: Map<string, UnlockedKey>,
  checkKeys: boolean,
): Promise<KeystoreCheck[]> {
  const leaf = (entry: CertifiedEntry) => parsed.get(entry)![0];
  const keyEntries = entries.filter((entry) => entry.kind !== 'certificate');
  const matches = await Promise.all(
    keyEntries.map(async (entry): Promise<KeystoreCheck['result']> => {
      if (!checkKeys) return 'unchecked';
      const fromKey = createPublicKey(await keys.get(entry.alias)!.privateKey()).export({ type: 'spki', format: 'der' });
      return fromKey.equals(leaf(entry).x509.publicKey.export({ type: 'spki', format: 'der' })) ? 'ok' : 'failed';
    }),
  );
  const checks: KeystoreCheck[] = keyEntries.map((entry, index) => ({ code: 'key-matches-certificate', alias: entry.alias, result: matches[index] }));
  for (const entry of keyEntries) {
    const path = parsed.get(entry)!;
    const ordered = path.every((cert, index) => index === path.length - 1 || issuedBy(cert, path[index + 1]));
    checks.push({ code: 'chain-order', alias: entry.alias, result: ordered ? 'ok' : 'failed' });
  }
  const auth = entries.find((entry) => entry.kind === 'authentication');
  for (const etk of entries.filter((entry) => entry.kind === 'encryption')) {
    checks.push({ code: 'etk-issued-by-authentication', alias: etk.alias, result: auth && issuedBy(leaf(etk), leaf(auth)) ? 'ok' : 'failed' });
  }
  return checks;
}

/** Production, acceptance or our sandbox CA, from the issuer of the authentication certificate. */
export function environmentFromIssuer(issuer: string): KeystoreEnvironment {
  if (/sandbox/i.test(issuer)) return 'sandbox';
  if (/ZetesConfidens.*eHealth acceptance/i.test(issuer)) return 'acceptance';
  if (/ZetesConfidens Private Trust PKI - eHealth issuing CA/i.test(issuer)) return 'production';
  return 'unknown';
}

/** `CN=TYPE\=ID[\, APPID], OU=eHealth-platform Belgium, OU=NAME, OU=TYPE\=ID[, OU=APPID], ...` */
function holderFromCertificate(certificate: ParsedCertificate): KeystoreHolder | undefined {
  const holder = parseHolder(certificate.subjectAttributes.find((attribute) => attribute.type === 'CN')?.value ?? '');
  if (!holder) return undefined;
  const { type, id, applicationId } = holder;
  const name = certificate.subjectAttributes.find(
    (attribute) =>
      attribute.type === 'OU' && attribute.value !== 'eHealth-platform Belgium' && attribute.value !== formatHolder({ type, id }) && attribute.value !== applicationId,
  )?.value;
  return { ...holder, ...(name ? { name } : {}), source: 'certificate' };
}

/** Not usable with eHealth as it is. A short validity is not one of them: the sandbox issues short certificates to rehearse renewals. */
const incompleteWarnings = new Set<KeystoreWarning['code']>(['no-authentication-key', 'no-encryption-key', 'issuer-not-ehealth']);

function statusAt(auth: CertifiedEntry | undefined, warnings: KeystoreWarning[], at: Date): KeystoreStatus {
  if (!auth) return 'incomplete';
  const validity = validityAt(auth.certificate, at);
  if (validity !== 'valid') return validity;
  if (warnings.some((warning) => incompleteWarnings.has(warning.code))) return 'incomplete';
  return Date.parse(auth.certificate.notAfter) - at.getTime() <= renewalWindowDays * day ? 'renewable' : 'valid';
}
