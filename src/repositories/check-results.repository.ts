import { sql, type Kysely, type Selectable } from 'kysely';
import { openDatabase } from '../db/database.js';
import type { AppDatabase, ChecksTable } from '../db/schema.js';
import type { JobError, JobStatus } from '../queue/job.types.js';

export type CheckRow = Selectable<ChecksTable>;

export interface CheckFrame {
  idx: number;
  timestamp: number;
  jpeg: Buffer;
}

export interface CheckListItem {
  id: string;
  status: JobStatus;
  created_at: string;
  rating: string | null;
  quadrant: string | null;
  file_name: string | null;
}

/** What `markRunning` found: run the check, or skip it (already stored once, or deleted meanwhile). */
export type StartDecision = 'run' | 'done' | 'missing';

const now = () => new Date().toISOString();

function encodeCursor(createdAt: string, id: string): string {
  return Buffer.from(JSON.stringify([createdAt, id])).toString('base64url');
}

function decodeCursor(cursor: string): [string, string] | null {
  try {
    const v = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    return Array.isArray(v) && v.length === 2 && typeof v[0] === 'string' && typeof v[1] === 'string' ? [v[0], v[1]] : null;
  } catch {
    return null;
  }
}

/**
 * Checks and their outcomes (the `checks` and `check_frames` tables), SQLite or Postgres. Writes are idempotent so a
 * job delivered twice (a worker killed mid-check) stores exactly one result: a finished row is never rewritten.
 */
export class CheckResultsRepository {
  constructor(private readonly db: Kysely<AppDatabase>, private readonly ownsDb = false) {}

  /** Open (and migrate) the database named by `target`: SQLite path, `:memory:` or a Postgres URL. */
  static async open(target: string): Promise<CheckResultsRepository> {
    const { db } = await openDatabase(target, { create: true });
    return new CheckResultsRepository(db, true);
  }

  async create(c: { id: string; fileName: string | null; blobKey: string | null; createdAt?: string; payload?: unknown }): Promise<void> {
    await this.db.insertInto('checks').values({
      payload: c.payload === undefined ? null : JSON.stringify(c.payload),
      id: c.id, status: 'queued', progress: 0, stage: null, created_at: c.createdAt ?? now(), started_at: null, finished_at: null,
      file_name: c.fileName, blob_key: c.blobKey, quadrant: null, rating: null, result: null, error: null, attempts: 0,
    }).execute();
  }

  /** A worker takes the check: counts the attempt unless the check is already finished or gone. */
  async markRunning(id: string): Promise<StartDecision> {
    const row = await this.db.selectFrom('checks').select(['status']).where('id', '=', id).executeTakeFirst();
    if (!row) return 'missing';
    if (row.status === 'done') return 'done';
    await this.db.updateTable('checks')
      .set((eb) => ({ status: 'running', started_at: now(), error: null, attempts: eb('attempts', '+', 1) }))
      .where('id', '=', id).where('status', '!=', 'done').execute();
    return 'run';
  }

  async progress(id: string, fraction: number, stage: string | null): Promise<void> {
    await this.db.updateTable('checks')
      .set({ progress: Math.min(0.99, Math.max(0, fraction)), ...(stage ? { stage } : {}) })
      .where('id', '=', id).where('status', '=', 'running').execute();
  }

  /** Store the result and frames once; false when the check was already finished (or deleted). */
  async finish(id: string, out: { result: unknown; quadrant: string | null; rating: string | null; frames: CheckFrame[] }): Promise<boolean> {
    return this.db.transaction().execute(async (trx) => {
      const r = await trx.updateTable('checks')
        .set({ status: 'done', progress: 1, finished_at: now(), result: JSON.stringify(out.result), quadrant: out.quadrant, rating: out.rating, error: null })
        .where('id', '=', id).where('status', '!=', 'done').executeTakeFirst();
      if (Number(r.numUpdatedRows) === 0) return false;
      await trx.deleteFrom('check_frames').where('check_id', '=', id).execute();
      if (out.frames.length) {
        await trx.insertInto('check_frames').values(out.frames.map((f) => ({ check_id: id, idx: f.idx, timestamp: f.timestamp, jpeg: f.jpeg }))).execute();
      }
      return true;
    });
  }

  async fail(id: string, error: JobError): Promise<boolean> {
    const r = await this.db.updateTable('checks')
      .set({ status: 'failed', finished_at: now(), error: JSON.stringify(error) })
      .where('id', '=', id).where('status', '!=', 'done').executeTakeFirst();
    return Number(r.numUpdatedRows) > 0;
  }

  async get(id: string): Promise<CheckRow | undefined> {
    return this.db.selectFrom('checks').selectAll().where('id', '=', id).executeTakeFirst();
  }

  async frames(id: string): Promise<{ idx: number; timestamp: number }[]> {
    return this.db.selectFrom('check_frames').select(['idx', 'timestamp']).where('check_id', '=', id).orderBy('idx').execute();
  }

  async frame(id: string, idx: number): Promise<CheckFrame | undefined> {
    const r = await this.db.selectFrom('check_frames').select(['idx', 'timestamp', 'jpeg']).where('check_id', '=', id).where('idx', '=', idx).executeTakeFirst();
    return r ? { ...r, jpeg: Buffer.from(r.jpeg) } : undefined;
  }

  /** Newest first; `cursor` is the opaque `next_cursor` of the previous page. Unknown cursors start from the top. */
  async list(cursor: string | null, limit: number): Promise<{ items: CheckListItem[]; next_cursor: string | null }> {
    const n = Math.min(100, Math.max(1, Math.trunc(limit) || 1));
    const after = cursor ? decodeCursor(cursor) : null;
    let q = this.db.selectFrom('checks').select(['id', 'status', 'created_at', 'rating', 'quadrant', 'file_name']);
    if (after) {
      const [c, id] = after;
      q = q.where((eb) => eb.or([eb('created_at', '<', c), eb.and([eb('created_at', '=', c), eb('id', '<', id)])]));
    }
    const rows = await q.orderBy('created_at', 'desc').orderBy('id', 'desc').limit(n + 1).execute();
    const items = rows.slice(0, n);
    const last = items[items.length - 1];
    return { items, next_cursor: rows.length > n && last ? encodeCursor(last.created_at, last.id) : null };
  }

  /** Remove a check and its frames; resolves to its blob key (null when it had none), undefined when unknown. */
  async delete(id: string): Promise<string | null | undefined> {
    return this.db.transaction().execute(async (trx) => {
      const row = await trx.selectFrom('checks').select(['blob_key']).where('id', '=', id).executeTakeFirst();
      if (!row) return undefined;
      await trx.deleteFrom('check_frames').where('check_id', '=', id).execute();
      await trx.deleteFrom('checks').where('id', '=', id).execute();
      return row.blob_key;
    });
  }

  /** Delete checks created before `before` (ISO); resolves to their blob keys so the caller removes the files. */
  async purgeBefore(before: string): Promise<string[]> {
    const keys: string[] = [];
    for (;;) {
      const rows = await this.db.selectFrom('checks').select(['id', 'blob_key']).where('created_at', '<', before).limit(500).execute();
      if (!rows.length) return keys;
      const ids = rows.map((r) => r.id);
      await this.db.transaction().execute(async (trx) => {
        await trx.deleteFrom('check_frames').where('check_id', 'in', ids).execute();
        await trx.deleteFrom('checks').where('id', 'in', ids).execute();
      });
      for (const r of rows) if (r.blob_key) keys.push(r.blob_key);
    }
  }

  /** Embedded mode at start: checks that were queued or running when the process stopped will never finish. */
  async failInterrupted(): Promise<number> {
    const r = await this.db.updateTable('checks')
      .set({ status: 'failed', finished_at: now(), error: JSON.stringify({ code: 'aborted', message: 'The server stopped before the check finished', status: 503 }) })
      .where('status', 'in', ['queued', 'running']).executeTakeFirst();
    return Number(r.numUpdatedRows);
  }

  /** Checks not finished that were created before `before` (ISO), with their job payload, oldest first. */
  async unfinishedBefore(before: string, limit = 500): Promise<{ id: string; payload: string | null; attempts: number }[]> {
    return this.db.selectFrom('checks').select(['id', 'payload', 'attempts'])
      .where('status', 'in', ['queued', 'running']).where('created_at', '<', before)
      .orderBy('created_at').limit(limit).execute();
  }

  async countByStatus(): Promise<Record<JobStatus, number>> {
    const rows = await this.db.selectFrom('checks').select(['status', (eb) => eb.fn.countAll<string>().as('n')]).groupBy('status').execute();
    const out: Record<JobStatus, number> = { queued: 0, running: 0, done: 0, failed: 0 };
    for (const r of rows) out[r.status] = Number(r.n);
    return out;
  }

  /** Whether the database answers (for /healthz). */
  async ping(): Promise<boolean> {
    try {
      await sql`select 1`.execute(this.db);
      return true;
    } catch {
      return false;
    }
  }

  async close(): Promise<void> {
    if (this.ownsDb) await this.db.destroy();
  }
}
