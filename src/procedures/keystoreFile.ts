// The procedures' keystore files: named by the eHealth convention, laid out as the official tool
// does, created without ever overwriting a file (temporary file, verified, then linked under its
// name) and later replaced only through the keystore engine's safe rewrite (lock, unchanged
// check against the bytes opened, backup kept).
import type { KeyObject } from 'node:crypto';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import type { Environment } from '../core/environment';
import { formatHolder, holderOf, parseHolder, type Holder } from '../core/holder';
import { stamp } from '../core/stamp';
import { openKeystore } from '../keystore/inspect';
import { readKeystoreFile } from '../keystore/keystoreFileAccess';
import { ehealthLayout, type EhealthKeystoreContent } from '../keystore/layout';
import type { KeystoreEnvironment } from '../keystore/model';
import type { Deriver } from '../keystore/pkcs12/kdf';
import { readStructure, unlock } from '../keystore/pkcs12/reader';
import { writePkcs12, type ProtectionMode } from '../keystore/pkcs12/writer';
import { safeRewrite, type RewriteResult } from '../keystore/safeRewrite';
import { sharedKdfPool } from '../keystore/workerPool';
import { writeThroughTemporary } from '../platform/durableFile';
import { publicKeyIdentifier } from '../pki/certificates';
import { keystoreSuffix } from './environment';
import { ProcedureError } from './errors';

export interface KeystoreWriting {
  /** `compatible` (default, what the official tool writes) or `modern`. */
  mode?: ProtectionMode;
  /** Lower iteration counts: tests only. */
  iterations?: number;
  deriver?: Deriver;
}

/**
 * `SSIN=79021802145 20230823-085751.acc-p12`, `CBE=0123456749,APP 20230823-085751.p12`,
 * `SSIN=79021802145 20261202-101010.sandbox-p12`: a name every system accepts. Only a holder
 * written in the notation names a file: an authority's type or number with other characters (`/`,
 * `:`) would name a file the listing never reads, on Windows none at all, or one in another folder.
 */
export function keystoreFileName(holder: Holder, environment: Environment, now: Date): string {
  const notation = formatHolder(holder);
  if (!parseHolder(notation)) throw new ProcedureError('invalid-holder', { holder: notation, type: holder.type, problem: 'notation' });
  return `${notation} ${stamp(now)}${keystoreSuffix(environment)}`;
}

async function encode(content: EhealthKeystoreContent, password: string, writing: KeystoreWriting): Promise<Uint8Array> {
  const deriver = writing.deriver ?? sharedKdfPool();
  return writePkcs12(ehealthLayout(content), password, { mode: writing.mode ?? 'compatible', ...(writing.iterations ? { iterations: writing.iterations } : {}) }, deriver);
}

/** Reads back what was written, keys included: a file that does not open is never kept. */
function verifier(content: EhealthKeystoreContent, password: string, writing: KeystoreWriting) {
  return async (written: Uint8Array) => {
    const reopened = await unlock(readStructure(written), password, writing.deriver ?? sharedKdfPool());
    await Promise.all(reopened.keys.map((key) => key.privateKey()));
    if (reopened.keys.length !== 1 + content.encryption.length) throw new Error('key entries lost in the writing');
  };
}

/**
 * Writes a new keystore file under the first free name of `nameAt(0)`, `nameAt(1)`, ... (two
 * requests in the same second); never replaces a file. Returns its path.
 */
export async function createKeystoreFile(nameAt: (attempt: number) => string, content: EhealthKeystoreContent, password: string, writing: KeystoreWriting): Promise<string> {
  const bytes = await encode(content, password, writing);
  const folder = path.dirname(nameAt(0));
  await fs.mkdir(folder, { recursive: true, mode: 0o700 });
  return writeThroughTemporary(nameAt(0), bytes, 0o600, async (temporary) => {
    await verifier(content, password, writing)(await fs.readFile(temporary));
    for (let attempt = 0; ; attempt++) {
      try {
        // link() never replaces an existing file, unlike rename().
        await fs.link(temporary, nameAt(attempt));
        return nameAt(attempt);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST' || attempt >= 60) throw error;
      }
    }
  });
}

/** Replaces `opened`'s file, unless another program changed it since it was opened. */
export async function rewriteKeystoreFile(opened: Pick<OpenedRequest, 'file' | 'original'>, content: EhealthKeystoreContent, password: string, writing: KeystoreWriting): Promise<RewriteResult> {
  return safeRewrite(opened.file, opened.original, await encode(content, password, writing), verifier(content, password, writing));
}

/** Where a request stands, read from its keystore file alone. */
export type Stage = 'pending' | 'etk' | 'complete';

export interface OpenedRequest {
  file: string;
  stage: Stage;
  environment: KeystoreEnvironment;
  /** From the certificate, else from the file name (the official tool's placeholder names no one). */
  holder: Holder;
  /** Subject DN of the authentication certificate, RFC 4514; absent while pending (the placeholder names no one). */
  dn?: string;
  publicKeyIdentifier: string;
  content: EhealthKeystoreContent;
  /** The file's bytes as opened: a rewrite replaces only these. */
  original: Uint8Array;
}

const der = (base64: string) => Buffer.from(base64, 'base64');

/**
 * Opens a keystore written by a procedure or by the official tool. Only the key under its
 * placeholder (the keystore model's `pending`) -> pending; the delivered chain without an ETK
 * key -> etk; both -> complete.
 */
export async function openRequest(file: string, password: string, writing: KeystoreWriting): Promise<OpenedRequest> {
  const original = await readKeystoreFile(file);
  const { keystore, keys } = await openKeystore(original, { password, fileName: path.basename(file), ...(writing.deriver ? { deriver: writing.deriver } : {}) });
  const auth = keystore.entries.find((entry) => entry.kind === 'authentication');
  if (!auth || !keystore.holder) throw new ProcedureError('not-an-ehealth-keystore', { file });
  const keyOf = (alias: string): Promise<KeyObject> => keys.get(alias)!.privateKey();
  const encryption = await Promise.all(
    keystore.entries.filter((entry) => entry.kind === 'encryption').map(async (entry) => ({ privateKey: await keyOf(entry.alias), certificate: der(entry.certificate.der) })),
  );
  const privateKey = await keyOf(auth.alias);
  const chain = [auth.certificate, ...auth.chain].map((details) => der(details.der));
  const { type, id, applicationId } = keystore.holder;
  const pending = keystore.status === 'pending';
  return {
    file,
    stage: pending ? 'pending' : encryption.length ? 'complete' : 'etk',
    environment: keystore.environment,
    holder: holderOf(type, id, applicationId),
    ...(pending ? {} : { dn: auth.certificate.subject }),
    publicKeyIdentifier: publicKeyIdentifier(privateKey),
    content: { authentication: { privateKey, chain }, encryption },
    original,
  };
}
