import { createHash } from 'node:crypto';
import { readFile, readdir, stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { HashStore, type StoredReference } from '../analyzers/match/hash-store.js';
import { matchQuery, type MatchOptions, type ScoredMatch } from '../analyzers/match/matcher.js';
import { hashQuery, hashSize, HASH_DIM } from '../analyzers/match/query-hasher.js';
import { ReferenceHasher, viewKey, type RefHash } from '../analyzers/match/reference-hasher.js';
import type { Config } from '../config/config.js';
import { NotFoundError, ValidationError } from '../domain/errors.js';
import type { ReferenceLabel } from '../domain/match.js';
import type { MediaInfo } from '../domain/media.js';
import { readFrames } from '../repositories/frames.repository.js';
import { decodeStillForMatch, encodeThumbnailJpeg, RegistryRepository, type KeyframeRow, type ReferenceRow } from '../repositories/registry.repository.js';
import { formatVpdqLines, parseVpdqLines, type VpdqFrame } from '../signals/vpdq/vpdq.js';
import { pdqFromHex, pdqToHex } from '../signals/pdq/pdq.js';
import { intakeFile } from './intake/intake.service.js';

export type HashListFormat = 'vpdq' | 'pdq-list';
export const LABELS: readonly ReferenceLabel[] = ['original', 'ai', 'scam_poster'];
/**
 * References are hashed densely: every frame up to this rate (60 fps clips every 2nd frame), so a query frame
 * sampled anywhere — after trimming or a frame-rate change — has a reference frame at most ~1/60 s away.
 */
export const REFERENCE_MAX_HASHES_PER_SECOND = 30;
/** Centred-crop views of reference frames are hashed this often (seconds): dense, because fast motion between a
 * query frame and the nearest cropped reference frame would otherwise add distance on top of the crop error. */
export const REFERENCE_CROP_SECONDS = 1 / 15;

const KEYFRAMES = 4;
const GENERATOR_SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/;

export interface AddOptions {
  label: ReferenceLabel;
  source?: string | null;
  generator?: string | null;
  recursive?: boolean;
  onProgress?: (p: { file: string; fraction: number }) => void;
}

export interface AddedReference {
  id: string;
  file: string;
  frames: number;
  /** True when the same content (sha256) was already registered; `id` is the existing reference. */
  duplicate: boolean;
}

export interface ImportOptions {
  format: HashListFormat;
  label: ReferenceLabel;
  source?: string | null;
  generator?: string | null;
}

export type ReferenceInfo = ReferenceRow;

function refId(sha256: string): string {
  return 'r' + sha256.slice(0, 16);
}

function toStored(r: ReferenceRow): StoredReference {
  return { id: r.id, file_name: r.file_name, label: r.label, generator: r.generator, source: r.source, kind: r.kind };
}

function checkLabel(o: { label: string; generator?: string | null }): void {
  if (!LABELS.includes(o.label as ReferenceLabel))
    throw new ValidationError('bad_label', `--label must be one of ${LABELS.join(', ')} (got "${o.label}")`);
  if (o.generator && !GENERATOR_SLUG.test(o.generator))
    throw new ValidationError('bad_generator', `--generator must be a lowercase-kebab slug such as sora-2 (got "${o.generator}")`);
}

/**
 * The reference registry: known originals, known AI outputs and recycled scam posters, hashed with PDQ per frame
 * and kept in SQLite; an in-memory multi-index-hashing index is built from the database at open and updated on
 * insert. `open` is synchronous; the database is opened and indexed on first use.
 */
export class RegistryService {
  private repo: RegistryRepository | null = null;
  private readonly store = new HashStore();
  private readyPromise: Promise<void> | null = null;
  /** Highest hash row id already in the in-memory index; syncs are chained so rows are never added twice. */
  private loadedHashId = 0;
  private syncing: Promise<void> = Promise.resolve();

  private constructor(
    private readonly config: Config,
    private readonly path: string,
  ) {}

  static open(config: Config): RegistryService {
    return new RegistryService(config, config.db);
  }

  /** Whether a registry database exists at the configured path (nothing is created). */
  static exists(config: Config): boolean {
    return RegistryRepository.exists(config.db);
  }

  private ready(create: boolean): Promise<void> {
    if (!create && !RegistryRepository.exists(this.path) && !this.repo) return Promise.resolve();
    this.readyPromise ??= (async () => {
      this.repo = await RegistryRepository.open(this.path, { create: true });
      await this.sync();
    })();
    return this.readyPromise;
  }

  /**
   * Bring the in-memory index up to date with the database: loads only hash rows added since the last sync, so
   * references added by another process or another service instance (the HTTP API, the CLI) become matchable.
   */
  private sync(): Promise<void> {
    this.syncing = this.syncing.then(async () => {
      const repo = this.repo;
      if (!repo) return;
      const max = await repo.maxHashId();
      if (max <= this.loadedHashId) return;
      const refs = new Map<string, StoredReference>();
      for await (const { rows, lastId } of repo.hashesSince(this.loadedHashId, max)) {
        for (const h of rows) {
          let ref = refs.get(h.reference_id);
          if (!ref) {
            const row = await repo.get(h.reference_id);
            if (!row) continue;
            refs.set(row.id, (ref = toStored(row)));
          }
          this.store.add(ref, { frame: h.frame, timestamp: h.timestamp, quality: h.quality, hash: h.pdq, view: viewKey(h.view, h.crop) });
        }
        this.loadedHashId = lastId;
      }
      this.store.finish();
    });
    return this.syncing;
  }

  private async writable(): Promise<RegistryRepository> {
    await this.ready(true);
    return this.repo!;
  }

  /** Number of registered references (0 when there is no database). */
  async count(): Promise<number> {
    await this.ready(false);
    return this.repo ? this.repo.count() : 0;
  }

  /** Register media files (directories too, with `recursive`). Same content twice is registered once. */
  async add(files: string[], opts: AddOptions): Promise<AddedReference[]> {
    checkLabel(opts);
    const repo = await this.writable();
    const out: AddedReference[] = [];
    for (const file of await expandFiles(files, !!opts.recursive)) {
      const media = await intakeFile(file, this.config);
      const existing = await repo.findBySha256(media.sha256);
      if (existing) {
        out.push({ id: existing.id, file, frames: existing.frames, duplicate: true });
        continue;
      }
      const { hashes, frames, keyframes } = await this.hashReference(file, media, (f) => opts.onProgress?.({ file, fraction: f }));
      const row: ReferenceRow = {
        id: refId(media.sha256),
        file_name: basename(file),
        sha256: media.sha256,
        label: opts.label,
        generator: opts.generator ?? null,
        source: opts.source ?? null,
        added_at: new Date().toISOString(),
        kind: media.kind,
        duration: media.duration,
        width: media.width,
        height: media.height,
        fps: media.fps,
        frames,
      };
      await this.insert(repo, row, hashes, keyframes);
      out.push({ id: row.id, file, frames, duplicate: false });
    }
    return out;
  }

  private async insert(repo: RegistryRepository, row: ReferenceRow, hashes: RefHash[], keyframes: KeyframeRow[]): Promise<void> {
    await repo.insert({
      row,
      hashes: hashes.map((h) => ({ view: h.view, crop: h.crop, frame: h.frame, timestamp: h.timestamp, quality: h.quality, pdq: h.hash })),
      keyframes,
    });
    await this.sync();
  }

  /** Dense PDQ hashes (every frame, at most ~30/s) and a few keyframe thumbnails. */
  private async hashReference(file: string, media: MediaInfo, onProgress: (f: number) => void): Promise<{ hashes: RefHash[]; frames: number; keyframes: KeyframeRow[] }> {
    const timeoutMs = Math.max(this.config.timeouts.decodeMs, (media.duration ?? 0) * 4000);
    if (media.kind === 'image') {
      const img = await decodeStillForMatch(file, { maxDim: HASH_DIM, timeoutMs, heic: media.container === 'heic' });
      const hasher = new ReferenceHasher(1);
      hasher.push(img, 0, 0);
      const thumb = await encodeThumbnailJpeg(img.rgb, img.width, img.height);
      onProgress(1);
      return { hashes: hasher.finish(), frames: 1, keyframes: [{ idx: 0, timestamp: 0, ...thumb }] };
    }
    const fps = media.fps && media.fps > 0 ? media.fps : 30;
    const everyNth = Math.max(1, Math.floor(fps / REFERENCE_MAX_HASHES_PER_SECOND));
    const size = hashSize(media.width, media.height);
    const duration = media.duration ?? 0;
    const targets = Array.from({ length: KEYFRAMES }, (_, i) => (duration * (2 * i + 1)) / (2 * KEYFRAMES));
    const cropEvery = Math.max(1, Math.round((fps * REFERENCE_CROP_SECONDS) / everyNth));
    const hasher = new ReferenceHasher(cropEvery);
    const keyframes: KeyframeRow[] = [];
    await readFrames(file, { everyNth, width: size.width, height: size.height, timeoutMs }, async (f) => {
      hasher.push(f, f.index, f.timestamp);
      const next = keyframes.length;
      if (next < KEYFRAMES && (next === 0 || f.timestamp >= targets[next])) {
        keyframes.push({ idx: next, timestamp: f.timestamp, ...(await encodeThumbnailJpeg(f.rgb, f.width, f.height)) });
      }
      if (duration > 0) onProgress(Math.min(1, f.timestamp / duration));
    });
    const hashes = hasher.finish();
    if (!hashes.length) throw new ValidationError('media_no_frames', `No video frame could be decoded from ${file}`);
    onProgress(1);
    return { hashes, frames: hasher.frames, keyframes };
  }

  /** Import a ThreatExchange vPDQ file (one reference) or a PDQ hash list (one reference per hash). */
  async importHashes(file: string, opts: ImportOptions): Promise<AddedReference[]> {
    checkLabel(opts);
    if (opts.format !== 'vpdq' && opts.format !== 'pdq-list')
      throw new ValidationError('bad_format', `--format must be vpdq or pdq-list (got "${opts.format}")`);
    let text: string;
    try {
      text = await readFile(file, 'utf8');
    } catch {
      throw new ValidationError('file_not_found', `File not found: ${file}`);
    }
    const repo = await this.writable();
    const base = { label: opts.label, generator: opts.generator ?? null, source: opts.source ?? null, kind: 'hashes' as const };
    const entries: { name: string; frames: VpdqFrame[] }[] = [];
    if (opts.format === 'vpdq') {
      const frames = parseVpdqLines(text);
      if (!frames.length) throw new ValidationError('empty_hash_list', `${file} holds no vPDQ lines`);
      entries.push({ name: basename(file), frames });
    } else {
      text.split(/\r?\n/).forEach((line, i) => {
        const t = line.trim();
        if (!t || t.startsWith('#')) return;
        const [hex, q, ...rest] = t.split(/[,\t ]+/);
        let hash: Uint8Array;
        try {
          hash = pdqFromHex(hex);
        } catch {
          throw new ValidationError('bad_hash_list', `${file}:${i + 1}: not a 64-hex PDQ hash: ${hex.slice(0, 80)}`);
        }
        const quality = q !== undefined && /^\d+$/.test(q) ? Number(q) : 100;
        entries.push({ name: rest.join(' ') || `${basename(file)}#${i + 1}`, frames: [{ frame: 0, timestamp: 0, quality, hash }] });
      });
      if (!entries.length) throw new ValidationError('empty_hash_list', `${file} holds no PDQ hashes`);
    }
    const out: AddedReference[] = [];
    for (const e of entries) {
      const sha256 = createHash('sha256').update(formatVpdqLines(e.frames)).digest('hex');
      const existing = await repo.findBySha256(sha256);
      if (existing) {
        out.push({ id: existing.id, file: e.name, frames: existing.frames, duplicate: true });
        continue;
      }
      const last = e.frames[e.frames.length - 1];
      const row: ReferenceRow = {
        ...base,
        id: refId(sha256),
        file_name: e.name,
        sha256,
        added_at: new Date().toISOString(),
        duration: e.frames.length > 1 ? last.timestamp : null,
        width: null,
        height: null,
        fps: null,
        frames: e.frames.length,
      };
      await this.insert(repo, row, e.frames.map((f) => ({ ...f, view: 'full' as const, crop: 1 })), []);
      out.push({ id: row.id, file: e.name, frames: e.frames.length, duplicate: false });
    }
    return out;
  }

  /**
   * Export every reference's hashes. `vpdq`: per reference a `# reference <id> <label> <file>` comment line then
   * its vPDQ lines; `pdq-list`: one `hex,quality,label,reference_id,frame,timestamp` line per frame hash.
   */
  async exportHashes(format: HashListFormat): Promise<string> {
    if (format !== 'vpdq' && format !== 'pdq-list') throw new ValidationError('bad_format', `--format must be vpdq or pdq-list (got "${format}")`);
    await this.ready(false);
    if (!this.repo) return '';
    const parts: string[] = [];
    for (const r of await this.repo.allReferences()) {
      const frames = (await this.repo.hashes(r.id)).map((h) => ({ frame: h.frame, quality: h.quality, hash: h.pdq, timestamp: h.timestamp }));
      if (format === 'vpdq') parts.push(`# reference ${r.id} ${r.label} ${r.file_name}\n${formatVpdqLines(frames).trimEnd()}\n`);
      else for (const f of frames) parts.push(`${pdqToHex(f.hash)},${f.quality},${r.label},${r.id},${f.frame},${f.timestamp.toFixed(3)}\n`);
    }
    return parts.join('');
  }

  async list(page: { offset?: number; limit?: number } = {}): Promise<{ items: ReferenceInfo[]; total: number; offset: number; limit: number }> {
    const offset = Math.max(0, Math.floor(page.offset ?? 0));
    const limit = Math.min(500, Math.max(1, Math.floor(page.limit ?? 50)));
    await this.ready(false);
    if (!this.repo) return { items: [], total: 0, offset, limit };
    return { ...(await this.repo.list(offset, limit)), offset, limit };
  }

  /** One reference, or null when the id is unknown. */
  async get(id: string): Promise<ReferenceInfo | null> {
    await this.ready(false);
    return (await this.repo?.get(id)) ?? null;
  }

  /** The first keyframe as JPEG, or null (unknown id, or an imported hash list without media). */
  async thumbnail(id: string): Promise<Buffer | null> {
    await this.ready(false);
    return (await this.repo?.keyframe(id, 0))?.jpeg ?? null;
  }

  /** The stored keyframes (small JPEGs) of a reference; throws NotFoundError for an unknown id. */
  async keyframes(id: string): Promise<KeyframeRow[]> {
    if (!(await this.get(id))) throw new NotFoundError('reference_not_found', `No registered reference ${id}`);
    return this.repo!.keyframes(id);
  }

  /** Near-duplicate lookup: best first; empty when nothing (or no registry) matches. */
  async match(file: string, opts: MatchOptions & { media?: MediaInfo; signal?: AbortSignal; onProgress?: (f: number) => void } = {}): Promise<ScoredMatch[]> {
    const media = opts.media ?? (await intakeFile(file, this.config, opts.signal));
    await this.ready(false);
    if (!this.repo) return [];
    await this.sync();
    if (this.store.size === 0) return [];
    const timeoutMs = Math.max(this.config.timeouts.decodeMs, (media.duration ?? 0) * 2000);
    const q = await hashQuery(file, media, { timeoutMs, signal: opts.signal, onProgress: opts.onProgress });
    return matchQuery(q, this.store, opts);
  }

  async close(): Promise<void> {
    if (this.readyPromise) await this.readyPromise.catch(() => undefined);
    await this.repo?.close();
    this.repo = null;
    this.readyPromise = null;
  }
}

async function expandFiles(files: string[], recursive: boolean): Promise<string[]> {
  const out: string[] = [];
  for (const f of files) {
    const st = await stat(f).catch(() => null);
    if (!st) throw new ValidationError('file_not_found', `File not found: ${f}`);
    if (!st.isDirectory()) {
      out.push(f);
      continue;
    }
    if (!recursive) throw new ValidationError('is_directory', `${f} is a directory; pass --recursive to register its files`);
    const names = (await readdir(f)).filter((n) => !n.startsWith('.')).sort();
    out.push(...(await expandFiles(names.map((n) => join(f, n)), true)));
  }
  return out;
}
