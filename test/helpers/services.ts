import { randomBytes } from 'node:crypto';
import pg from 'pg';

/** Local services of the project's machines (CONTRACTS: Postgres 127.0.0.1:5432 trust auth, Redis 127.0.0.1:6379). */
export const PG_ADMIN_URL = process.env.GENPROOF_TEST_PG ?? 'postgres://postgres@127.0.0.1:5432/test';
export const REDIS_URL = process.env.GENPROOF_TEST_REDIS ?? 'redis://127.0.0.1:6379';

/** A unique name for one test run's database / Redis prefix (never another's). */
export function uniqueName(prefix: string): string {
  return `${prefix}_${process.pid}_${randomBytes(4).toString('hex')}`;
}

/** Create a fresh database; resolves to its URL and a drop function (terminates leftover connections first). */
export async function tempPostgres(prefix = 'genproof_t'): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = uniqueName(prefix);
  const admin = new pg.Client({ connectionString: PG_ADMIN_URL });
  await admin.connect();
  try {
    await admin.query(`create database "${name}"`);
  } finally {
    await admin.end();
  }
  const url = new URL(PG_ADMIN_URL);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      const c = new pg.Client({ connectionString: PG_ADMIN_URL });
      await c.connect();
      try {
        await c.query('select pg_terminate_backend(pid) from pg_stat_activity where datname = $1 and pid <> pg_backend_pid()', [name]);
        await c.query(`drop database if exists "${name}"`);
      } finally {
        await c.end();
      }
    },
  };
}
