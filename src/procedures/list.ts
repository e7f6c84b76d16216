// The certificates eHealth holds for the eID's owner: their own and their organisations', requested,
// valid, revoked (GetCertificateInfoForCitizen, signed with the eID Authentication key). Each is
// linked to the local keystore file holding its key when one is found. Changes nothing anywhere.
import { holderOf, sameHolder, type Holder } from '../core/holder';
import { clearPublicKeyIdentifiers } from '../keystore/clearKeys';
import { readKeystoreFile } from '../keystore/keystoreFileAccess';
import { listKeystores, type FolderRequest } from '../keystore/locate';
import type { KeystoreFile } from '../keystore/model';
import { getCertificateInfoForCitizen } from '../ra/certra';
import type { AuthorityCertificateStatus, CertificateInfo, EtkStatus } from '../ra/model';
import type { ProcedureContext } from './context';
import { eidOf, eidSigner } from './eid';
import { keystoreEnvironments } from './environment';

/** One certificate as eHealth knows it: the model of `ehealth cert list --json`, the view and the guide checks. */
export interface AuthorityCertificate {
  holder: Holder;
  /** As the authority names the holder: an organisation's name, a person's surname. */
  name: string;
  publicKeyIdentifier: string;
  /** eHealth's own names: IN_PROGRESS, VALID_ACTIVE, REFUSED, REVOKED, EXPIRED. */
  status: AuthorityCertificateStatus;
  etkStatus: EtkStatus;
  /** ISO 8601. */
  requestedAt: string;
  /** Once delivered. */
  notBefore?: string;
  notAfter?: string;
  revocable: boolean;
  replaceable: boolean;
  replacementPeriodStart?: string;
  /** False while (or after) eHealth validates the request by hand. */
  automaticallyValidated: boolean;
  /** The local keystore file holding this key. */
  keystore?: string;
  /** How that file was recognised: its certificates read in clear, or its name (holder and creation time). */
  keystoreMatchedBy?: 'public-key' | 'file-name';
}

export interface ListOptions {
  /** Where keystores are looked for (the eHealth default folder and the configured ones). */
  keystoreFolders: readonly FolderRequest[];
}

/**
 * A keystore named for the holder can hold a certificate's key when it was made at most this long
 * before the request (it is created just before sending; the PIN is asked in between)...
 */
const MADE_BEFORE_REQUEST_MS = 60 * 60 * 1000;
/** ...or this little after: our clock names the file, eHealth's dates the request. */
const CLOCK_SKEW_MS = 5 * 60 * 1000;

function holderOfInfo(info: CertificateInfo): Holder {
  const [id] = info.certificate.actor.ids;
  return holderOf(id?.type ?? '', id?.value ?? '', info.certificate.applicationId);
}

function summary(info: CertificateInfo): AuthorityCertificate {
  return {
    holder: holderOfInfo(info),
    name: info.certificate.actor.name,
    publicKeyIdentifier: info.publicKeyIdentifier,
    status: info.status,
    etkStatus: info.etkStatus,
    requestedAt: info.requestedDate.toISOString(),
    ...(info.details ? { notBefore: info.details.notBefore, notAfter: info.details.notAfter } : {}),
    revocable: info.revocable,
    replaceable: info.replaceable,
    ...(info.replacementPeriodStartDate ? { replacementPeriodStart: info.replacementPeriodStartDate.toISOString() } : {}),
    automaticallyValidated: info.automaticallyValidated,
  };
}

/** Keystore files of this environment, each with the key identifiers it shows without a password. */
async function localKeystores(context: ProcedureContext, folders: readonly FolderRequest[]): Promise<LocalKeystore[]> {
  // By the environment its name tells (`.acc.p12` too, as seen in the wild), not by our own suffix.
  const environments = keystoreEnvironments(context.environment);
  const listing = await listKeystores(folders);
  const files = listing.folders.flatMap((folder) => folder.keystores).filter((file) => environments.includes(file.environment) && !file.problems.some((problem) => problem.code !== 'unconventional-name'));
  return Promise.all(
    files.map(async (file) => {
      try {
        return { file, keys: clearPublicKeyIdentifiers(await readKeystoreFile(file.path)) };
      } catch {
        // Unreadable or damaged: it may still match by name; the keystore view says what is wrong.
        return { file, keys: [] };
      }
    }),
  );
}

type LocalKeystore = { file: KeystoreFile; keys: string[] };

/**
 * Each certificate with the file holding its key: the one showing that key in clear, else one
 * named for its holder and made just before its request. A file named so serves one certificate,
 * the nearest in time: the keystore of a request made minutes after a lost one is not the lost one.
 */
function linkKeystores(certificates: AuthorityCertificate[], keystores: LocalKeystore[]): AuthorityCertificate[] {
  const links = new Map<AuthorityCertificate, Pick<AuthorityCertificate, 'keystore' | 'keystoreMatchedBy'>>();
  for (const certificate of certificates) {
    const byKey = keystores.find(({ keys }) => keys.includes(certificate.publicKeyIdentifier));
    if (byKey) links.set(certificate, { keystore: byKey.file.path, keystoreMatchedBy: 'public-key' });
  }
  // A file whose keys are known holds those only; the others are known by their names.
  const named = keystores.filter(({ file, keys }) => keys.length === 0 && file.holder && file.createdAt);
  const pairs = certificates
    .filter((certificate) => !links.has(certificate))
    .flatMap((certificate) =>
      named
        .filter(({ file }) => sameHolder(file.holder!, certificate.holder))
        .map(({ file }) => ({ certificate, file, lead: Date.parse(certificate.requestedAt) - new Date(file.createdAt!).getTime() })),
    )
    .filter(({ lead }) => lead >= -CLOCK_SKEW_MS && lead <= MADE_BEFORE_REQUEST_MS)
    // A file made before the request first (as ours are), then the nearest in time.
    .sort((a, b) => Number(a.lead < 0) - Number(b.lead < 0) || Math.abs(a.lead) - Math.abs(b.lead));
  const taken = new Set<string>();
  for (const { certificate, file } of pairs) {
    if (links.has(certificate) || taken.has(file.path)) continue;
    links.set(certificate, { keystore: file.path, keystoreMatchedBy: 'file-name' });
    taken.add(file.path);
  }
  return certificates.map((certificate) => ({ ...certificate, ...links.get(certificate) }));
}

export async function listCertificates(context: ProcedureContext, options: ListOptions): Promise<AuthorityCertificate[]> {
  const eid = eidOf(context);
  const authentication = await eidSigner(eid, 'authentication');
  context.prompter.progress({ step: 'asking-authority', operation: getCertificateInfoForCitizen.name });
  const [infos, keystores] = await Promise.all([context.client.call(getCertificateInfoForCitizen, undefined, authentication), localKeystores(context, options.keystoreFolders)]);
  return linkKeystores(
    infos.map(summary).sort((a, b) => b.requestedAt.localeCompare(a.requestedAt)),
    keystores,
  );
}
