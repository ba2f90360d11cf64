import { existsSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect } from 'kysely';
import { createRequire } from 'node:module';
import type pg from 'pg';
import { ValidationError } from '../domain/errors.js';
import { migrateShared, type SqlDialect } from './migrations.js';
import { isPostgresUrl } from './target.js';
import type { AppDatabase } from './schema.js';

export interface OpenedDatabase {
  db: Kysely<AppDatabase>;
  dialect: SqlDialect;
  /** What was opened, without a password (for messages). */
  where: string;
}

export { isPostgresUrl }; // a `postgres://` or `postgresql://` URL selects Postgres; anything else is a SQLite path or `:memory:`

/** The URL without its password, for logs and errors. */
export function redactUrl(target: string): string {
  return isPostgresUrl(target) ? target.replace(/\/\/([^:@/]+):[^@/]*@/, '//$1:***@') : target;
}

// bigint counts (count(*), max(id)) come back as strings on Postgres; callers convert with Number().
// pg loads only for a PostgreSQL database (~40 ms of every CLI start with SQLite otherwise).
const requirePg = (): typeof pg => createRequire(import.meta.url)('pg') as typeof pg;

function postgresPool(url: string, max: number): pg.Pool {
  const pool = new (requirePg().Pool)({ connectionString: url, max, connectionTimeoutMillis: 10_000, idleTimeoutMillis: 30_000 });
  // A client losing its server (Postgres restarted) must not crash the process: pg emits 'error' on idle clients
  // (pool) and on checked-out ones (client). The failing query rejects; the broken client is dropped, the next
  // query connects anew.
  pool.on('error', () => {});
  pool.on('connect', (client) => client.on('error', () => {}));
  return pool;
}

/** Connection-level failures (refused, reset, server shutting down or starting) rather than a bad schema or URL. */
export function isTransientPgError(e: unknown): boolean {
  const code = (e as { code?: string } | null)?.code ?? '';
  return ['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', '57P01', '57P02', '57P03', '08000', '08001', '08003', '08006'].includes(code)
    || /terminat|Connection terminated|timeout exceeded when trying to connect/i.test((e as Error)?.message ?? '');
}

/**
 * Open the database named by `target` (SQLite path or Postgres URL) and migrate it. Several processes may do this at
 * once (advisory lock on Postgres). `create: false` refuses a missing SQLite file.
 */
export async function openDatabase(target: string, opts: { create?: boolean; poolSize?: number } = {}): Promise<OpenedDatabase> {
  let db: Kysely<AppDatabase>;
  let dialect: SqlDialect;
  if (isPostgresUrl(target)) {
    dialect = 'postgres';
    db = new Kysely<AppDatabase>({ dialect: new PostgresDialect({ pool: postgresPool(target, opts.poolSize ?? 10) }) });
  } else {
    dialect = 'sqlite';
    if (target !== ':memory:' && !existsSync(target)) {
      if (opts.create === false) throw new ValidationError('file_not_found', `No registry database at ${target}`);
      mkdirSync(dirname(target), { recursive: true });
    }
    let sqlite: Database.Database;
    try {
      sqlite = new Database(target);
      sqlite.pragma('journal_mode = WAL');
      sqlite.pragma('foreign_keys = ON');
      sqlite.pragma('busy_timeout = 5000');
    } catch (e) {
      throw new ValidationError('registry_corrupt', `Cannot open the registry database ${target}: ${(e as Error).message}`, { cause: e });
    }
    db = new Kysely<AppDatabase>({ dialect: new SqliteDialect({ database: sqlite }) });
  }
  try {
    await migrateShared(db, dialect);
  } catch (e) {
    await db.destroy().catch(() => {});
    // Postgres not reachable (restarting, network): a plain error, so a queued check is retried rather than failed.
    if (dialect === 'postgres' && isTransientPgError(e)) throw new Error(`The database ${redactUrl(target)} is not reachable: ${(e as Error).message}`, { cause: e });
    throw new ValidationError('registry_corrupt', `The database ${redactUrl(target)} cannot be opened or migrated: ${(e as Error).message}`, { cause: e });
  }
  return { db, dialect, where: redactUrl(target) };
}
