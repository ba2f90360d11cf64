import { existsSync } from 'node:fs';
import { type Kysely, sql, type Transaction } from 'kysely';
import sharp from 'sharp';
import { isPostgresUrl, openDatabase, redactUrl } from '../db/database.js';
import type { AppDatabase, ReferencesTable, ViewName } from '../db/schema.js';
import { ToolError, UnsupportedMediaError } from '../domain/errors.js';
import { decodeHeic } from './heic.repository.js';
import { decodeWithin } from './image-info.repository.js';
import { countTool } from './tool-stats.repository.js';
import type { DecodedRgba, DecodedStill } from '../domain/media-session.js';

export type ReferenceRow = ReferencesTable;

export interface HashRow {
  reference_id: string;
  /** `full` frame, `content` (the reference's own bars removed), or a masked picture (see the schema). */
  view: ViewName;
  /** Centred-crop fraction of the view (1 = all of it). */
  crop: number;
  frame: number;
  timestamp: number;
  quality: number;
  pdq: Uint8Array;
}

export interface KeyframeRow {
  idx: number;
  timestamp: number;
  width: number;
  height: number;
  jpeg: Buffer;
}

export interface NewReference {
  row: ReferenceRow;
  hashes: Omit<HashRow, 'reference_id'>[];
  keyframes: KeyframeRow[];
}

/**
 * The only place that touches the registry tables. SQLite (better-sqlite3) or Postgres (pg) through Kysely; the
 * queries are dialect-neutral and every write of a reference is one transaction.
 */
export class RegistryRepository {
  private constructor(
    private readonly db: Kysely<AppDatabase>,
    readonly path: string,
  ) {}

  /** True when a registry database file exists at `path` (nothing is created); a Postgres URL always exists. */
  static exists(path: string): boolean {
    return path === ':memory:' || isPostgresUrl(path) || existsSync(path);
  }

  /** Open (creating when `create`) the SQLite file or Postgres database at `path` and migrate it. */
  static async open(path: string, opts: { create?: boolean } = {}): Promise<RegistryRepository> {
    const { db } = await openDatabase(path, { create: opts.create });
    return new RegistryRepository(db, redactUrl(path));
  }

  async count(): Promise<number> {
    const r = await this.db.selectFrom('references').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst();
    return Number(r?.n ?? 0);
  }

  async findBySha256(sha256: string): Promise<ReferenceRow | undefined> {
    return this.db.selectFrom('references').selectAll().where('sha256', '=', sha256).executeTakeFirst();
  }

  async get(id: string): Promise<ReferenceRow | undefined> {
    return this.db.selectFrom('references').selectAll().where('id', '=', id).executeTakeFirst();
  }

  async list(offset: number, limit: number): Promise<{ items: ReferenceRow[]; total: number }> {
    const items = await this.db
      .selectFrom('references')
      .selectAll()
      .orderBy('added_at', 'desc')
      .orderBy('id')
      .offset(offset)
      .limit(limit)
      .execute();
    return { items, total: await this.count() };
  }

  /** Insert a reference with its hashes and keyframes in one transaction. */
  async insert(ref: NewReference): Promise<void> {
    await this.insertMany([ref]);
  }

  /** Insert references with their hashes and keyframes, all in one transaction (all or none). */
  async insertMany(refs: NewReference[]): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      for (const ref of refs) await this.insertOne(trx, ref);
    });
  }

  private async insertOne(trx: Transaction<AppDatabase>, ref: NewReference): Promise<void> {
    await trx.insertInto('references').values(ref.row).execute();
    const rows = ref.hashes.map((h) => ({ ...h, reference_id: ref.row.id, pdq: Buffer.from(h.pdq) }));
    for (let i = 0; i < rows.length; i += 500) {
      await trx.insertInto('reference_hashes').values(rows.slice(i, i + 500)).execute();
    }
    if (ref.keyframes.length) {
      await trx
        .insertInto('reference_keyframes')
        .values(ref.keyframes.map((k) => ({ ...k, reference_id: ref.row.id })))
        .execute();
    }
  }

  /** The full-frame hashes of a reference (the crop variants are internal to matching). */
  async hashes(referenceId: string): Promise<HashRow[]> {
    const rows = await this.db
      .selectFrom('reference_hashes')
      .select(['reference_id', 'view', 'crop', 'frame', 'timestamp', 'quality', 'pdq'])
      .where('reference_id', '=', referenceId)
      .where('view', '=', 'full')
      .where('crop', '=', 1)
      .orderBy('frame')
      .execute();
    return rows.map((r) => ({ ...r, pdq: new Uint8Array(r.pdq) }));
  }

  /** Highest hash row id (0 when empty): lets an in-memory index load only what was added since. */
  async maxHashId(): Promise<number> {
    const r = await this.db.selectFrom('reference_hashes').select((eb) => eb.fn.max('id').as('m')).executeTakeFirst();
    return Number(r?.m ?? 0);
  }

  /**
   * Hashes with row id in (after, upTo], in batches in insertion order (keyset pagination, works on both
   * dialects). Each batch ends with the id of its last row.
   */
  async *hashesSince(after: number, upTo: number, batch = 20_000): AsyncGenerator<{ rows: HashRow[]; lastId: number }> {
    for (;;) {
      const rows = await this.db
        .selectFrom('reference_hashes')
        .select(['id', 'reference_id', 'view', 'crop', 'frame', 'timestamp', 'quality', 'pdq'])
        .where('id', '>', after)
        .where('id', '<=', upTo)
        .orderBy('id')
        .limit(batch)
        .execute();
      if (!rows.length) return;
      after = Number(rows[rows.length - 1].id);
      yield {
        lastId: after,
        rows: rows.map((r) => ({ reference_id: r.reference_id, view: r.view, crop: r.crop, frame: r.frame, timestamp: r.timestamp, quality: r.quality, pdq: new Uint8Array(r.pdq) })),
      };
    }
  }

  async allReferences(): Promise<ReferenceRow[]> {
    return this.db.selectFrom('references').selectAll().orderBy('id').execute();
  }

  async keyframes(referenceId: string): Promise<KeyframeRow[]> {
    const rows = await this.db
      .selectFrom('reference_keyframes')
      .select(['idx', 'timestamp', 'width', 'height', 'jpeg'])
      .where('reference_id', '=', referenceId)
      .orderBy('idx')
      .execute();
    return rows.map((r) => ({ ...r, jpeg: Buffer.from(r.jpeg) }));
  }

  async keyframe(referenceId: string, idx: number): Promise<KeyframeRow | undefined> {
    const r = await this.db
      .selectFrom('reference_keyframes')
      .select(['idx', 'timestamp', 'width', 'height', 'jpeg'])
      .where('reference_id', '=', referenceId)
      .where('idx', '=', idx)
      .executeTakeFirst();
    return r ? { ...r, jpeg: Buffer.from(r.jpeg) } : undefined;
  }

  async delete(id: string): Promise<boolean> {
    const r = await this.db.deleteFrom('references').where('id', '=', id).executeTakeFirst();
    return Number(r.numDeletedRows) > 0;
  }

  async schemaVersion(): Promise<string[]> {
    const r = await sql<{ name: string }>`select name from kysely_migration order by name`.execute(this.db);
    return r.rows.map((x) => x.name);
  }

  async close(): Promise<void> {
    await this.db.destroy();
  }
}

/** Encode an RGB24 frame as a small JPEG thumbnail (longest side ≤ maxDim). */
export async function encodeThumbnailJpeg(
  rgb: Uint8Array,
  width: number,
  height: number,
  maxDim = 320,
): Promise<{ jpeg: Buffer; width: number; height: number }> {
  try {
    const { data, info } = await sharp(Buffer.from(rgb.buffer, rgb.byteOffset, rgb.byteLength), { raw: { width, height, channels: 3 } })
      .resize({ width: maxDim, height: maxDim, fit: 'inside', withoutEnlargement: true })
      .jpeg({ quality: 75 })
      .toBuffer({ resolveWithObject: true });
    return { jpeg: data, width: info.width, height: info.height };
  } catch (e) {
    throw new ToolError('tool_failed', `Could not encode a keyframe thumbnail: ${(e as Error).message}`, { cause: e });
  }
}

/**
 * Decode a still image for matching: EXIF orientation applied, area-style downscale so the longest side is
 * ≤ maxDim (aspect kept, like video frames), alpha dropped. HEIC goes through the wasm decoder.
 */
export async function decodeStillForMatch(
  path: string,
  opts: {
    maxDim: number;
    timeoutMs: number;
    heic?: boolean;
    /** HEIC pixels already decoded (the media session's). */
    heicPixels?: () => Promise<DecodedRgba>;
    /** The still already decoded (the media session's, any format; orientation applied): scaled from, no decode. */
    pixels?: () => Promise<DecodedStill>;
  },
): Promise<{ rgb: Uint8Array; width: number; height: number }> {
  if (!opts.heic && !opts.pixels) countTool('decode:sharp');
  const work = (async () => {
    let img: ReturnType<typeof sharp>;
    if (opts.pixels) {
      const p = await opts.pixels();
      img = sharp(p.raw, { raw: { width: p.width, height: p.height, channels: p.channels } });
    } else if (opts.heic) {
      const h = await (opts.heicPixels ? opts.heicPixels() : decodeHeic(path, opts.timeoutMs));
      img = sharp(h.raw, { raw: { width: h.width, height: h.height, channels: 4 } });
    } else {
      img = sharp(path, { failOn: 'error', animated: false, limitInputPixels: 200_000_000 }).rotate();
    }
    const { data, info } = await img
      .removeAlpha()
      .toColourspace('srgb')
      .resize({ width: opts.maxDim, height: opts.maxDim, fit: 'inside', withoutEnlargement: true })
      .raw()
      .toBuffer({ resolveWithObject: true });
    if (info.channels !== 3) throw new Error(`unexpected ${info.channels} channels`);
    return { rgb: new Uint8Array(data.buffer, data.byteOffset, data.length), width: info.width, height: info.height };
  })();
  try {
    return await decodeWithin(work, path, opts.timeoutMs);
  } catch (e) {
    if (e instanceof ToolError || e instanceof UnsupportedMediaError) throw e;
    throw new UnsupportedMediaError('media_corrupt', `Cannot decode image ${path}: ${(e as Error).message}`, { cause: e, httpStatus: 422 });
  }
}
