import { createHash, X509Certificate } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ToolError, ValidationError } from '../domain/errors.js';
import { TRUST_FILES } from './c2pa.repository.js';

/**
 * C2PA trust lists: where the official copies live, how to download them (only when the user asks, with
 * `genproof trust update`), and how to check and install them into a trust directory (the layout
 * `loadTrustSettings` reads). Nothing here runs at install time or in tests' network paths.
 */
export interface TrustSource {
  file: string;
  url: string;
  what: string;
  kind: 'pem' | 'eku';
}

export const TRUST_SOURCES: TrustSource[] = [
  { file: TRUST_FILES.officialAnchors, url: 'https://raw.githubusercontent.com/c2pa-org/conformance-public/main/trust-list/C2PA-TRUST-LIST.pem', what: 'official C2PA trust list (claim-signing CA anchors)', kind: 'pem' },
  { file: TRUST_FILES.tsaAnchors, url: 'https://raw.githubusercontent.com/c2pa-org/conformance-public/main/trust-list/C2PA-TSA-TRUST-LIST.pem', what: 'C2PA time-stamping authority trust list', kind: 'pem' },
  { file: TRUST_FILES.interimAnchors, url: 'https://raw.githubusercontent.com/contentauth/verify-site/main/static/trust/anchors.pem', what: 'interim trust anchors (contentcredentials.org/verify)', kind: 'pem' },
  { file: TRUST_FILES.interimAllowed, url: 'https://raw.githubusercontent.com/contentauth/verify-site/main/static/trust/allowed.pem', what: 'interim allowed end-entity certificates', kind: 'pem' },
  { file: TRUST_FILES.interimEkus, url: 'https://raw.githubusercontent.com/contentauth/verify-site/main/static/trust/store.cfg', what: 'interim allowed EKU OIDs', kind: 'eku' },
];

export interface CheckedTrustFile {
  file: string;
  source: string;
  sha256: string;
  /** Certificates parsed (PEM) or OIDs listed (EKU config). */
  entries: number;
  /** Certificates already past their notAfter date (still kept: they matter for timestamped signatures). */
  expired: number;
  bytes: number;
}

/** Check one trust file's content. Throws ValidationError when it is not what it should be. */
export function checkTrustFile(src: Pick<TrustSource, 'file' | 'kind'>, content: string, source: string, now = new Date()): CheckedTrustFile {
  const sha256 = createHash('sha256').update(content).digest('hex');
  if (src.kind === 'eku') {
    const oids = content.split(/\r?\n/).map((l) => l.trim()).filter((l) => l !== '' && !l.startsWith('//') && !l.startsWith('#'));
    const bad = oids.find((o) => !/^\d+(\.\d+)+$/.test(o));
    if (bad || oids.length === 0) throw new ValidationError('config_invalid', `${src.file}: expected one OID per line${bad ? `, found "${bad.slice(0, 40)}"` : ''}`);
    return { file: src.file, source, sha256, entries: oids.length, expired: 0, bytes: Buffer.byteLength(content) };
  }
  const blocks = content.match(/-----BEGIN CERTIFICATE-----[\s\S]*?-----END CERTIFICATE-----/g) ?? [];
  let expired = 0;
  for (const b of blocks) {
    let c: X509Certificate;
    try {
      c = new X509Certificate(b);
    } catch (e) {
      throw new ValidationError('config_invalid', `${src.file}: a certificate block does not parse`, { cause: e });
    }
    if (new Date(c.validTo).getTime() < now.getTime()) expired++;
  }
  if (blocks.length === 0) throw new ValidationError('config_invalid', `${src.file}: no PEM certificates found`);
  return { file: src.file, source, sha256, entries: blocks.length, expired, bytes: Buffer.byteLength(content) };
}

/**
 * Install checked trust files into `dir` (each written to a temp name, then renamed, so a reader never sees a
 * half-written list) and record where they came from in SOURCES.json. All files are checked before any is written.
 */
export async function installTrustFiles(dir: string, files: { source: TrustSource; content: string; origin: string }[], now = new Date()): Promise<CheckedTrustFile[]> {
  const checked = files.map((f) => ({ f, c: checkTrustFile(f.source, f.content, f.origin, now) }));
  await mkdir(dir, { recursive: true });
  for (const { f } of checked) {
    const tmp = join(dir, `.${f.source.file}.${process.pid}.tmp`);
    await writeFile(tmp, f.content);
    await rename(tmp, join(dir, f.source.file));
  }
  const record = { installed_at: now.toISOString(), files: checked.map(({ c }) => c) };
  await writeFile(join(dir, 'SOURCES.json'), JSON.stringify(record, null, 2) + '\n');
  return checked.map(({ c }) => c);
}

/** Read the trust files from a local directory (same names), for offline installs. Missing files are skipped. */
export async function readLocalTrustFiles(from: string): Promise<{ source: TrustSource; content: string; origin: string }[]> {
  if (!existsSync(from)) throw new ValidationError('file_not_found', `Trust source directory not found: ${from}`);
  const out: { source: TrustSource; content: string; origin: string }[] = [];
  for (const s of TRUST_SOURCES) {
    const p = join(from, s.file);
    if (existsSync(p)) out.push({ source: s, content: await readFile(p, 'utf8'), origin: p });
  }
  if (out.length === 0) throw new ValidationError('config_invalid', `No trust files (${TRUST_SOURCES.map((s) => s.file).join(', ')}) in ${from}`);
  return out;
}

/** Download the trust files from their official URLs (only on explicit user request). */
export async function downloadTrustFiles(timeoutMs: number, sources: TrustSource[] = TRUST_SOURCES): Promise<{ source: TrustSource; content: string; origin: string }[]> {
  const out: { source: TrustSource; content: string; origin: string }[] = [];
  for (const s of sources) {
    let res: Response;
    try {
      res = await fetch(s.url, { signal: AbortSignal.timeout(timeoutMs), redirect: 'follow' });
    } catch (e) {
      throw new ToolError('url_fetch_failed', `Could not download ${s.url}: ${(e as Error).message}`, { cause: e });
    }
    if (!res.ok) throw new ToolError('url_fetch_failed', `Could not download ${s.url}: HTTP ${res.status}`);
    out.push({ source: s, content: await res.text(), origin: s.url });
  }
  return out;
}
