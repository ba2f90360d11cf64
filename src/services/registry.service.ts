import { createHash } from 'node:crypto';
import { readFile, readdir, stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { HashStore, type StoredReference } from '../match/hash-store.js';
import { matchQuery, type MatchOptions, type ScoredMatch } from '../match/matcher.js';
import { hashQuery, queryTimeoutMs } from '../match/query-hasher.js';
import { hashReferenceFile, viewKey, type RefHash } from '../match/reference-hasher.js';
import type { Config } from '../config/config.js';
import { NotFoundError, ValidationError } from '../domain/errors.js';
import type { ReferenceLabel } from '../domain/match.js';
import type { MediaInfo } from '../domain/media.js';
import { RegistryRepository, type KeyframeRow, type ReferenceRow } from '../repositories/registry.repository.js';
import { formatVpdqLines } from '../signals/vpdq/vpdq.js';
import { checkFormat, formatHashList, parseHashList, type HashListFormat } from '../match/hash-list.js';
import { openMedia } from './intake/intake.service.js';
import type { SessionHint } from '../domain/media-session.js';

export const LABELS: readonly ReferenceLabel[] = ['original', 'ai', 'scam_poster'];

const GENERATOR_SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/;

export interface AddOptions {
  label: ReferenceLabel;
  source?: string | null;
  generator?: string | null;
  recursive?: boolean;
  /** Names to list instead of the files' own (e.g. the client's name of an upload stored as upload-0.mp4). */
  displayNames?: Record<string, string>;
  onProgress?: (p: { file: string; fraction: number }) => void;
}

/** A display name safe to store and show: the last path segment, no control characters, at most 200 characters. */
export function cleanDisplayName(name: string | undefined | null): string | null {
  if (!name) return null;
  const base = name.split(/[\\/]/).pop() ?? '';
  const clean = base.replace(/[\u0000-\u001f\u007f\ufffd]/g, '').trim().slice(0, 200);
  return clean || null;
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
    throw new ValidationError('invalid_label', `--label must be one of ${LABELS.join(', ')} (got "${o.label}")`);
  if (o.generator && !GENERATOR_SLUG.test(o.generator))
    throw new ValidationError('invalid_generator', `--generator must be a lowercase-kebab slug such as sora-2 (got "${o.generator}")`);
}

/** References written per transaction by `importHashes`. */
const IMPORT_BATCH = 1000;

function toHashRows(hashes: RefHash[]) {
  return hashes.map((h) => ({ view: h.view, crop: h.crop, frame: h.frame, timestamp: h.timestamp, quality: h.quality, pdq: h.hash }));
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
    })().catch(async (e) => {
      // Not cached: a database that was unreachable (Postgres restarting) is tried again on the next use.
      const repo = this.repo;
      this.repo = null;
      this.readyPromise = null;
      await repo?.close().catch(() => {});
      throw e;
    });
    return this.readyPromise;
  }

  /**
   * Bring the in-memory index up to date with the database: loads only hash rows added since the last sync, so
   * references added by another process or another service instance (the HTTP API, the CLI) become matchable.
   */
  private sync(): Promise<void> {
    // A failed sync (database briefly unreachable) must not poison the chain: the next one starts afresh.
    this.syncing = this.syncing.catch(() => undefined).then(async () => {
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
      const session = await openMedia(file, this.config);
      const media = session.media;
      const existing = await repo.findBySha256(media.sha256);
      if (existing) {
        out.push({ id: existing.id, file, frames: existing.frames, duplicate: true });
        continue;
      }
      const timeoutMs = Math.max(this.config.timeouts.decodeMs, (media.duration ?? 0) * 4000);
      const { hashes, frames, keyframes } = await hashReferenceFile(file, media, {
        timeoutMs, onProgress: (f) => opts.onProgress?.({ file, fraction: f }),
        probe: session.videoProbe, heicPixels: session.heicPixels, stillPixels: session.stillPixels, ffmpegPath: this.config.ffmpegPath, ffprobePath: this.config.ffprobePath,
      });
      const row: ReferenceRow = {
        id: refId(media.sha256),
        file_name: cleanDisplayName(opts.displayNames?.[file]) ?? basename(file),
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
    await repo.insert({ row, hashes: toHashRows(hashes), keyframes });
    await this.sync();
  }

  /** Import a ThreatExchange vPDQ file (one reference) or a PDQ hash list (one reference per hash). */
  async importHashes(file: string, opts: ImportOptions): Promise<AddedReference[]> {
    checkLabel(opts);
    checkFormat(opts.format);
    let text: string;
    try {
      text = await readFile(file, 'utf8');
    } catch {
      throw new ValidationError('file_not_found', `File not found: ${file}`);
    }
    const entries = parseHashList(text, opts.format, file);
    const repo = await this.writable();
    const base = { label: opts.label, generator: opts.generator ?? null, source: opts.source ?? null, kind: 'hashes' as const };
    const out: AddedReference[] = [];
    // Batches of references per transaction: 100,000 one-row transactions (each with an fsync and an index
    // sync) took half an hour; a batch is still all-or-none, so a killed import leaves whole references only.
    let batch: { row: ReferenceRow; hashes: RefHash[] }[] = [];
    const inBatch = new Map<string, string>();
    const flush = async () => {
      if (!batch.length) return;
      await repo.insertMany(batch.map((b) => ({ row: b.row, hashes: toHashRows(b.hashes), keyframes: [] })));
      batch = [];
      inBatch.clear();
      await this.sync();
    };
    for (const e of entries) {
      const sha256 = createHash('sha256').update(formatVpdqLines(e.frames)).digest('hex');
      const existing = inBatch.has(sha256) ? { id: inBatch.get(sha256)!, frames: e.frames.length } : await repo.findBySha256(sha256);
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
      batch.push({ row, hashes: e.frames.map((f) => ({ ...f, view: 'full' as const, crop: 1 })) });
      inBatch.set(sha256, row.id);
      out.push({ id: row.id, file: e.name, frames: e.frames.length, duplicate: false });
      if (batch.length >= IMPORT_BATCH) await flush();
    }
    await flush();
    return out;
  }

  /** Export every reference's full-frame hashes (see formatHashList for the two formats). */
  async exportHashes(format: HashListFormat): Promise<string> {
    checkFormat(format);
    await this.ready(false);
    if (!this.repo) return '';
    const parts: string[] = [];
    for (const r of await this.repo.allReferences()) {
      const frames = (await this.repo.hashes(r.id)).map((h) => ({ frame: h.frame, quality: h.quality, hash: h.pdq, timestamp: h.timestamp }));
      parts.push(formatHashList(format, r, frames));
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
  async match(
    file: string,
    opts: MatchOptions & { media?: MediaInfo; session?: SessionHint; signal?: AbortSignal; onProgress?: (f: number) => void } = {},
  ): Promise<ScoredMatch[]> {
    const opened = opts.media ? null : await openMedia(file, this.config, opts.signal);
    const media = opts.media ?? opened!.media;
    const session = opts.session ?? opened ?? undefined;
    if (!this.repo && !RegistryRepository.exists(this.path)) return [];
    // The query is hashed while the database opens and its index loads (the decode is the long part); an empty
    // registry stops it.
    const stop = new AbortController();
    const hashing = hashQuery(file, media, {
      timeoutMs: queryTimeoutMs(this.config.timeouts.decodeMs, media.duration),
      signal: opts.signal ? AbortSignal.any([opts.signal, stop.signal]) : stop.signal, onProgress: opts.onProgress,
      probe: session?.videoProbe, heicPixels: session?.heicPixels, stillPixels: session?.stillPixels, ffmpegPath: this.config.ffmpegPath, ffprobePath: this.config.ffprobePath,
    });
    hashing.catch(() => undefined);
    try {
      await this.ready(false);
      if (this.repo) await this.sync();
      if (!this.repo || this.store.size === 0) {
        stop.abort();
        return [];
      }
      return matchQuery(await hashing, this.store, opts);
    } catch (e) {
      stop.abort();
      throw e;
    }
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
    if (!recursive) throw new ValidationError('bad_usage', `${f} is a directory; pass --recursive to register its files`);
    const names = (await readdir(f)).filter((n) => !n.startsWith('.')).sort();
    out.push(...(await expandFiles(names.map((n) => join(f, n)), true)));
  }
  return out;
}

export type { HashListFormat };
