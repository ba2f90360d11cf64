import { X509Certificate } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { open, stat, type FileHandle } from 'node:fs/promises';
import { join } from 'node:path';
import { ConfigError, ValidationError } from '../domain/errors.js';
import { ascii } from './bytes.js';
import { ReaderWorker } from './c2pa-worker.repository.js';
import { inMemoryLane } from './memory-lane.js';

/**
 * C2PA manifest stores through @contentauth/c2pa-wasm (c2pa-rs compiled to WebAssembly).
 *
 * The reader runs in a worker thread so that every read is time-bounded: a read that exceeds the timeout
 * terminates the worker (a fresh one is started for the next read). Expected outcomes — no manifest, a remote
 * (cloud) manifest, a format or manifest the library cannot read — are values, never throws.
 */

/** Formats c2pa-rs reads, recognised by content (magic bytes). */
export interface C2paFormat {
  /** Short name: jpeg, png, webp, gif, tiff, dng, heic, avif, mp4, mov, m4a, wav, avi, mp3, pdf, svg, jxl, zip, c2pa… */
  name: string;
  mime: string;
}

/** Trust settings handed to c2pa-rs (`trust.trust_anchors`, `trust.allowed_list`, `trust.trust_config`). */
export interface C2paTrustSettings {
  /** Concatenated PEM anchors (official C2PA list + interim anchors + configured extra anchors). */
  anchorsPem: string;
  /** End-entity certificates that are trusted as such (interim allowed list). */
  allowedPem: string;
  /** Allowed EKU OIDs, one per line (c2pa-rs store.cfg format). */
  trustConfig: string;
  /** Files the settings came from, for reports. */
  sources: string[];
}

export type C2paReadResult =
  | { kind: 'store'; format: C2paFormat; store: ManifestStoreJson; certificatesPem: string[]; ms: number }
  | { kind: 'none'; format: C2paFormat; ms: number }
  | { kind: 'remote_manifest'; format: C2paFormat; url: string | null; ms: number }
  | { kind: 'unsupported'; format: C2paFormat | null; reason: string; ms: number };

/** The manifest store as c2pa-rs serialises it (Reader::json). Fields used by genproof are typed. */
export interface ManifestStoreJson {
  active_manifest?: string;
  manifests: Record<string, ManifestJson>;
  validation_status?: StatusEntry[];
  validation_results?: {
    activeManifest?: { success?: StatusEntry[]; informational?: StatusEntry[]; failure?: StatusEntry[] };
    ingredientDeltas?: { ingredientAssertionURI?: string; validationDeltas?: { failure?: StatusEntry[]; informational?: StatusEntry[] } }[];
  };
  validation_state?: string;
}
export interface StatusEntry { code: string; url?: string; explanation?: string }
export interface ManifestJson {
  label?: string;
  claim_generator?: string;
  claim_generator_info?: { name?: string; version?: string; [k: string]: unknown }[];
  title?: string;
  format?: string;
  instance_id?: string;
  assertions?: { label: string; data?: unknown; kind?: string }[];
  ingredients?: IngredientJson[];
  signature_info?: { alg?: string; issuer?: string; common_name?: string; cert_serial_number?: string; time?: string };
  claim_version?: number;
  [k: string]: unknown;
}
export interface IngredientJson {
  title?: string;
  format?: string;
  relationship?: string;
  active_manifest?: string;
  validation_status?: StatusEntry[];
  validation_results?: ManifestStoreJson['validation_results'];
  [k: string]: unknown;
}

/**
 * Recognise a C2PA-capable format by content. Pass the whole file when you have it (a DNG's IFD0 may sit far from
 * the start); only the first bytes are needed for everything else. null when c2pa-rs has no reader for it.
 */
export function sniffC2paFormat(head: Uint8Array): C2paFormat | null {
  if (head.length < 12) return null;
  if (head[0] === 0xff && head[1] === 0xd8 && head[2] === 0xff) return { name: 'jpeg', mime: 'image/jpeg' };
  if (ascii(head, 0, 8) === '\x89PNG\r\n\x1a\n') return { name: 'png', mime: 'image/png' };
  if (ascii(head, 0, 4) === 'GIF8') return { name: 'gif', mime: 'image/gif' };
  if (ascii(head, 0, 4) === 'RIFF') {
    const t = ascii(head, 8, 4);
    if (t === 'WEBP') return { name: 'webp', mime: 'image/webp' };
    if (t === 'WAVE') return { name: 'wav', mime: 'audio/wav' };
    if (t === 'AVI ') return { name: 'avi', mime: 'video/avi' };
    return null;
  }
  const tiff = ascii(head, 0, 4);
  if (tiff === 'II+\0' || tiff === 'MM\0+') return { name: 'tiff', mime: 'image/tiff' }; // BigTIFF
  if (tiff === 'II*\0' || tiff === 'MM\0*') {
    // DNG is TIFF with a DNGVersion tag (0xC612) in IFD0; c2pa-rs reads both with the same TIFF handler.
    const le = tiff === 'II*\0';
    const dv = new DataView(head.buffer, head.byteOffset, head.byteLength);
    const ifd = dv.getUint32(4, le);
    if (ifd + 2 <= head.length) {
      const n = dv.getUint16(ifd, le);
      for (let k = 0; k < n && ifd + 2 + k * 12 + 2 <= head.length; k++) {
        if (dv.getUint16(ifd + 2 + k * 12, le) === 0xc612) return { name: 'dng', mime: 'image/x-adobe-dng' };
      }
    }
    return { name: 'tiff', mime: 'image/tiff' };
  }
  const box = ascii(head, 4, 4);
  if (box === 'ftyp') {
    const size = ((head[0] << 24) | (head[1] << 16) | (head[2] << 8) | head[3]) >>> 0;
    const brands = [ascii(head, 8, 4)];
    for (let o = 16; o + 4 <= Math.min(size, head.length, 4096); o += 4) brands.push(ascii(head, o, 4));
    const has = (...xs: string[]) => xs.some((x) => brands.includes(x));
    if (has('avif', 'avis')) return { name: 'avif', mime: 'image/avif' };
    if (has('heic', 'heix', 'heim', 'heis', 'hevc', 'hevx', 'mif1', 'msf1', 'heif')) return { name: 'heic', mime: 'image/heic' };
    if (brands[0].startsWith('qt')) return { name: 'mov', mime: 'video/quicktime' };
    if (brands[0] === 'M4A ' || brands[0] === 'M4B ') return { name: 'm4a', mime: 'audio/mp4' };
    return { name: 'mp4', mime: 'video/mp4' };
  }
  if (box === 'styp') return { name: 'mp4-fragment', mime: 'video/mp4' };
  if (['moov', 'mdat', 'wide', 'free'].includes(box)) return { name: 'mov', mime: 'video/quicktime' };
  // A standalone manifest store (.c2pa sidecar) is a JUMBF superbox.
  if (box === 'jumb') return { name: 'c2pa', mime: 'application/c2pa' };
  // ZIP-based documents (EPUB, OOXML, ODF) carry C2PA in META-INF/content_credential.c2pa.
  if (ascii(head, 0, 4) === 'PK\x03\x04') return { name: 'zip', mime: 'application/x-zip' };
  if (ascii(head, 0, 3) === 'ID3' || (head[0] === 0xff && (head[1] & 0xe0) === 0xe0)) return { name: 'mp3', mime: 'audio/mpeg' };
  if (ascii(head, 0, 5) === '%PDF-') return { name: 'pdf', mime: 'application/pdf' };
  if (head[0] === 0xff && head[1] === 0x0a) return { name: 'jxl', mime: 'image/jxl' };
  if (ascii(head, 4, 8) === 'JXL \r\n\x87\n') return { name: 'jxl', mime: 'image/jxl' };
  const text = ascii(head, 0, 512).trimStart();
  if (text.startsWith('<svg') || (text.startsWith('<?xml') && text.includes('<svg'))) return { name: 'svg', mime: 'image/svg+xml' };
  return null;
}

/** Names of the trust files in a trust directory (the layout `genproof trust update` writes). */
export const TRUST_FILES = {
  officialAnchors: 'C2PA-TRUST-LIST.pem',
  tsaAnchors: 'C2PA-TSA-TRUST-LIST.pem',
  interimAnchors: 'interim-anchors.pem',
  interimAllowed: 'interim-allowed.pem',
  interimEkus: 'interim-store.cfg',
} as const;

/**
 * Load trust settings: the official C2PA list and the interim anchors, allowed list and EKU config from
 * `trustDir`, plus `extraAnchors` PEM files. Nothing is loaded unless configured (then every signer is
 * "untrusted"). Missing optional files are skipped; a configured path that does not exist is a ConfigError.
 */
export function loadTrustSettings(opts: { trustDir: string | null; extraAnchors: string[] }): C2paTrustSettings {
  const anchors: string[] = [];
  const sources: string[] = [];
  let allowed = '';
  let cfg = '';
  const read = (p: string) => {
    sources.push(p);
    return readFileSync(p, 'utf8');
  };
  if (opts.trustDir) {
    if (!existsSync(opts.trustDir)) throw new ConfigError('file_not_found', `C2PA trust directory not found: ${opts.trustDir}`);
    for (const f of [TRUST_FILES.officialAnchors, TRUST_FILES.interimAnchors]) {
      const p = join(opts.trustDir, f);
      if (existsSync(p)) anchors.push(read(p));
    }
    const a = join(opts.trustDir, TRUST_FILES.interimAllowed);
    if (existsSync(a)) allowed = read(a);
    const c = join(opts.trustDir, TRUST_FILES.interimEkus);
    if (existsSync(c)) cfg = read(c);
  }
  for (const p of opts.extraAnchors) {
    if (!existsSync(p)) throw new ConfigError('file_not_found', `Extra C2PA anchor file not found: ${p}`);
    anchors.push(read(p));
  }
  return { anchorsPem: anchors.join('\n'), allowedPem: allowed, trustConfig: cfg, sources };
}

function settingsJson(trust: C2paTrustSettings | null): string {
  const t: Record<string, string> = {};
  if (trust?.anchorsPem.trim()) t.trust_anchors = trust.anchorsPem;
  if (trust?.allowedPem.trim()) t.allowed_list = trust.allowedPem;
  if (trust?.trustConfig.trim()) t.trust_config = trust.trustConfig;
  // Offline by contract: never fetch remote manifests or OCSP responses.
  return JSON.stringify({ version: 1, trust: t, verify: { remote_manifest_fetch: false, ocsp_fetch: false } });
}

let shared: ReaderWorker | null = null;
/** Idle time after which the reader worker is stopped (config memory.c2paIdleReleaseMs). */
let idleReleaseMs = 5 * 60_000;

/**
 * Long-running servers stop the reader worker after `ms` without reads (0: never), which gives its WebAssembly
 * heap back; the next read starts a fresh worker (about 0.2 s). The timer never keeps the process alive.
 */
export function setC2paIdleRelease(ms: number): void {
  idleReleaseMs = ms;
  if (shared) shared.idleMs = ms;
}

/** Stop the reader worker (call at shutdown; it is unref'd, so a CLI exits without it). */
export async function closeC2paReader(): Promise<void> {
  const s = shared;
  shared = null;
  await s?.close();
}

/**
 * Find DER X.509 certificates embedded in the file (the COSE x5chain of C2PA signatures stores them verbatim).
 * Used to check whether an expired signer still chains to a trust anchor. Pattern: SEQUENCE(len16) SEQUENCE(len16)
 * [0] INTEGER 2 (a v3 tbsCertificate).
 */
export function findEmbeddedCertificates(bytes: Uint8Array, max = 32): string[] {
  const out: string[] = [];
  const seen = new Set<string>();
  for (let i = 0; i + 13 < bytes.length && out.length < max; i++) {
    if (bytes[i] !== 0x30 || bytes[i + 1] !== 0x82 || bytes[i + 4] !== 0x30 || bytes[i + 5] !== 0x82) continue;
    if (bytes[i + 8] !== 0xa0 || bytes[i + 9] !== 0x03 || bytes[i + 10] !== 0x02 || bytes[i + 11] !== 0x01 || bytes[i + 12] !== 0x02) continue;
    const len = ((bytes[i + 2] << 8) | bytes[i + 3]) + 4;
    if (i + len > bytes.length) continue;
    try {
      const cert = new X509Certificate(Buffer.from(bytes.buffer, bytes.byteOffset + i, len));
      if (!seen.has(cert.fingerprint256)) {
        seen.add(cert.fingerprint256);
        out.push(cert.toString());
      }
      i += len - 1;
    } catch {
      /* not a certificate */
    }
  }
  return out;
}

/** Above this size a streaming pre-scan decides whether the file can carry C2PA at all. */
const PRESCAN_FROM_BYTES = 64 * 1024 * 1024;
/** Byte strings every embedded or remote C2PA manifest leaves in the file: the JUMBF box type, the c2pa label, the XMP provenance URL property. */
const C2PA_TRACES = ['jumb', 'c2pa', 'provenance'].map((s) => Buffer.from(s, 'latin1'));

async function scanForC2pa(path: string): Promise<{ found: boolean; head: Uint8Array }> {
  const fh = await open(path, 'r');
  try {
    const chunk = Buffer.alloc(8 * 1024 * 1024);
    const overlap = 16;
    let pos = 0;
    let head: Uint8Array | null = null;
    for (;;) {
      const { bytesRead } = await fh.read(chunk, 0, chunk.length, pos);
      if (bytesRead === 0) return { found: false, head: head ?? new Uint8Array() };
      const view = chunk.subarray(0, bytesRead);
      head ??= Uint8Array.from(view.subarray(0, 65536));
      if (C2PA_TRACES.some((t) => view.includes(t))) return { found: true, head };
      if (bytesRead < chunk.length) return { found: false, head };
      pos += bytesRead - overlap;
    }
  } finally {
    await fh.close();
  }
}

const REMOTE = /RemoteManifestUrl\("([^"]*)"\)/;

/** After reading a file larger than this, the reader worker is recycled (see readOpen). */
const RECYCLE_AFTER_BYTES = 32 * 1024 * 1024;

/** Bytes read from the start of a file to recognise its format. */
const HEAD_BYTES = 64 * 1024;

/**
 * The bytes sniffC2paFormat needs, without the whole file: the head, and for a TIFF whose IFD0 lies beyond it, IFD0
 * at its own offset in a zero-filled buffer (pages never written are never resident).
 */
async function readSniffBytes(fh: FileHandle, size: number): Promise<Uint8Array> {
  const head = Buffer.alloc(Math.min(size, HEAD_BYTES));
  await fh.read(head, 0, head.length, 0);
  const tiff = head.toString('latin1', 0, 4);
  if (tiff !== 'II*\0' && tiff !== 'MM\0*') return head;
  const le = tiff === 'II*\0';
  const ifd = le ? head.readUInt32LE(4) : head.readUInt32BE(4);
  if (ifd + 2 <= head.length || ifd + 2 > size) return head;
  const ifdBytes = Buffer.alloc(Math.min(size - ifd, 2 + 0xffff * 12));
  await fh.read(ifdBytes, 0, ifdBytes.length, ifd);
  const out = Buffer.alloc(ifd + ifdBytes.length);
  head.copy(out, 0);
  ifdBytes.copy(out, ifd);
  return out;
}

/** DER certificates have 16-bit lengths here, so a chunk overlap of 64 KiB + header finds every one whole. */
const CERT_SCAN_CHUNK = 8 * 1024 * 1024;
const CERT_SCAN_OVERLAP = 0xffff + 16;

/** findEmbeddedCertificates over a file read in chunks (a long video need not be loaded to find its signer's chain). */
async function findCertificatesInFile(fh: FileHandle, size: number, max = 32): Promise<string[]> {
  const out: string[] = [];
  const buf = Buffer.alloc(Math.min(size, CERT_SCAN_CHUNK));
  for (let pos = 0; pos < size && out.length < max; pos += buf.length - CERT_SCAN_OVERLAP) {
    const { bytesRead } = await fh.read(buf, 0, buf.length, pos);
    for (const pem of findEmbeddedCertificates(buf.subarray(0, bytesRead), max)) if (!out.includes(pem) && out.length < max) out.push(pem);
    if (pos + bytesRead >= size) break;
  }
  return out;
}

/**
 * Read and validate the C2PA manifest store of a file. Throws ValidationError for a missing/unreadable path and
 * ToolError when validation times out; every other outcome is a value. The file is never loaded whole: the reader
 * worker reads the ranges c2pa-rs asks for from an open descriptor (memory stays flat with the file's size).
 */
export async function readC2pa(path: string, opts: { trust: C2paTrustSettings | null; timeoutMs: number }): Promise<C2paReadResult> {
  const t0 = performance.now();
  const ms = () => Math.round((performance.now() - t0) * 10) / 10;
  let size: number;
  try {
    const st = await stat(path);
    if (!st.isFile()) throw new Error('not a regular file');
    size = st.size;
  } catch (e) {
    throw new ValidationError('file_not_found', `Cannot read ${path}: ${(e as Error).message}`, { cause: e });
  }
  if (size > PRESCAN_FROM_BYTES) {
    // Large files (long videos): stream-scan for any trace of C2PA before handing the file to c2pa-rs.
    const scan = await scanForC2pa(path);
    const format = sniffC2paFormat(scan.head);
    if (!format) return { kind: 'unsupported', format: null, reason: 'format not recognised as one C2PA can carry', ms: ms() };
    if (!scan.found) return { kind: 'none', format, ms: ms() };
  }
  let fh: FileHandle;
  try {
    fh = await open(path, 'r');
  } catch (e) {
    throw new ValidationError('file_not_found', `Cannot read ${path}: ${(e as Error).message}`, { cause: e });
  }
  try {
    return await readOpen(fh, size, opts, ms);
  } finally {
    await fh.close();
  }
}

async function readOpen(fh: FileHandle, size: number, opts: { trust: C2paTrustSettings | null; timeoutMs: number }, ms: () => number): Promise<C2paReadResult> {
  const format = sniffC2paFormat(await readSniffBytes(fh, size));
  if (!format) return { kind: 'unsupported', format: null, reason: 'format not recognised as one C2PA can carry', ms: ms() };
  if (format.name === 'mp4-fragment') return { kind: 'unsupported', format, reason: 'an MP4 fragment alone is not a complete asset', ms: ms() };
  // In the memory lane (memory-lane.ts): the read's peak does not add to the OCR pass's.
  const res = await inMemoryLane(async () => {
    shared ??= new ReaderWorker({ idleMs: idleReleaseMs });
    const reader = shared;
    const r = await reader.read(format.mime, { fd: fh.fd }, settingsJson(opts.trust), opts.timeoutMs);
    // c2pa-rs hashes large files in buffers of up to 256 MiB, and a WebAssembly heap never shrinks: after a large
    // file the worker is stopped at once (when no other read waits), so that memory is not held for the next one.
    if (size > RECYCLE_AFTER_BYTES) reader.releaseIfIdle();
    return r;
  });
  if (res.ok && res.json) {
    const store = JSON.parse(res.json) as ManifestStoreJson;
    // Certificates are only needed to judge an expired signer; read them from the file only then.
    const certificatesPem = res.json.includes('signingCredential.expired') ? await findCertificatesInFile(fh, size) : [];
    return { kind: 'store', format, store, certificatesPem, ms: ms() };
  }
  const err = res.error ?? 'unknown error';
  if (/JumbfNotFound|ProvenanceMissing|ClaimMissing/.test(err)) return { kind: 'none', format, ms: ms() };
  const remote = REMOTE.exec(err);
  if (remote) return { kind: 'remote_manifest', format, url: remote[1] || null, ms: ms() };
  return { kind: 'unsupported', format, reason: err, ms: ms() };
}
