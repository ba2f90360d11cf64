import { existsSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect } from 'kysely';
import pg from 'pg';
import { ValidationError } from '../domain/errors.js';
import { migrateShared, type SqlDialect } from './migrations.js';
import type { AppDatabase } from './schema.js';

export interface OpenedDatabase {
  db: Kysely<AppDatabase>;
  dialect: SqlDialect;
  /** What was opened, without a password (for messages). */
  where: string;
}

/** A `postgres://` or `postgresql://` URL selects Postgres; anything else is a SQLite file path (or `:memory:`). */
export function isPostgresUrl(target: string): boolean {
  return /^postgres(ql)?:\/\//i.test(target);
}

/** The URL without its password, for logs and errors. */
export function redactUrl(target: string): string {
  return isPostgresUrl(target) ? target.replace(/\/\/([^:@/]+):[^@/]*@/, '//$1:***@') : target;
}

// bigint counts (count(*), max(id)) come back as strings on Postgres; callers convert with Number().
function postgresPool(url: string, max: number): pg.Pool {
  const pool = new pg.Pool({ connectionString: url, max, connectionTimeoutMillis: 10_000, idleTimeoutMillis: 30_000 });
  // An idle client losing its server (Postgres restart) must not crash the process; the next query reconnects.
  pool.on('error', () => {});
  return pool;
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
    throw new ValidationError('registry_corrupt', `The database ${redactUrl(target)} cannot be opened or migrated: ${(e as Error).message}`, { cause: e });
  }
  return { db, dialect, where: redactUrl(target) };
}
