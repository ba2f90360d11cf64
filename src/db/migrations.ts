import { Migrator, sql, type Kysely, type Migration, type MigrationProvider } from 'kysely';

export type SqlDialect = 'sqlite' | 'postgres';

/**
 * Registry migrations, written once for both dialects. Only the binary type and the auto-increment key differ.
 * Append new migrations; never edit a released one (the name is stored in kysely_migration).
 */
export function registryMigrations(dialect: SqlDialect): Record<string, Migration> {
  const binary = dialect === 'postgres' ? 'bytea' : 'blob';
  return {
    '2026-11-26-001-references': {
      async up(db: Kysely<any>): Promise<void> {
        await db.schema
          .createTable('references')
          .ifNotExists()
          .addColumn('id', 'text', (c) => c.primaryKey())
          .addColumn('file_name', 'text', (c) => c.notNull())
          .addColumn('sha256', 'text', (c) => c.notNull().unique())
          .addColumn('label', 'text', (c) => c.notNull().check(sql`label in ('original', 'ai', 'scam_poster')`))
          .addColumn('generator', 'text')
          .addColumn('source', 'text')
          .addColumn('added_at', 'text', (c) => c.notNull())
          .addColumn('kind', 'text', (c) => c.notNull())
          .addColumn('duration', 'double precision')
          .addColumn('width', 'integer')
          .addColumn('height', 'integer')
          .addColumn('fps', 'double precision')
          .addColumn('frames', 'integer', (c) => c.notNull().defaultTo(0))
          .execute();
        await db.schema.createIndex('references_added_at_idx').ifNotExists().on('references').column('added_at').execute();
        await db.schema
          .createTable('reference_hashes')
          .ifNotExists()
          .addColumn('id', dialect === 'postgres' ? 'bigserial' : 'integer', (c) =>
            dialect === 'postgres' ? c.primaryKey() : c.primaryKey().autoIncrement(),
          )
          .addColumn('reference_id', 'text', (c) => c.notNull().references('references.id').onDelete('cascade'))
          .addColumn('frame', 'integer', (c) => c.notNull())
          .addColumn('timestamp', 'double precision', (c) => c.notNull())
          .addColumn('quality', 'integer', (c) => c.notNull())
          .addColumn('pdq', binary, (c) => c.notNull())
          .execute();
        await db.schema
          .createIndex('reference_hashes_reference_idx')
          .ifNotExists()
          .on('reference_hashes')
          .columns(['reference_id', 'frame'])
          .execute();
        await db.schema
          .createTable('reference_keyframes')
          .ifNotExists()
          .addColumn('reference_id', 'text', (c) => c.notNull().references('references.id').onDelete('cascade'))
          .addColumn('idx', 'integer', (c) => c.notNull())
          .addColumn('timestamp', 'double precision', (c) => c.notNull())
          .addColumn('width', 'integer', (c) => c.notNull())
          .addColumn('height', 'integer', (c) => c.notNull())
          .addColumn('jpeg', binary, (c) => c.notNull())
          .addPrimaryKeyConstraint('reference_keyframes_pk', ['reference_id', 'idx'])
          .execute();
      },
      async down(db: Kysely<any>): Promise<void> {
        await db.schema.dropTable('reference_keyframes').ifExists().execute();
        await db.schema.dropTable('reference_hashes').ifExists().execute();
        await db.schema.dropTable('references').ifExists().execute();
      },
    },
    '2026-11-26-002-hash-crop': {
      // Reference frames are also hashed as centred crops (zoomed reposts); `crop` is the kept fraction, 1 = full frame.
      async up(db: Kysely<any>): Promise<void> {
        await db.schema.alterTable('reference_hashes').addColumn('crop', 'double precision', (c) => c.notNull().defaultTo(1)).execute();
      },
      async down(db: Kysely<any>): Promise<void> {
        await db.schema.alterTable('reference_hashes').dropColumn('crop').execute();
      },
    },
    '2026-11-26-003-hash-view': {
      // Which picture of the frame a hash is of: `full` (as stored) or `content` (the reference's own bars removed);
      // `crop` is then a centred crop of that picture.
      async up(db: Kysely<any>): Promise<void> {
        await db.schema.alterTable('reference_hashes').addColumn('view', 'text', (c) => c.notNull().defaultTo('full')).execute();
      },
      async down(db: Kysely<any>): Promise<void> {
        await db.schema.alterTable('reference_hashes').dropColumn('view').execute();
      },
    },
    '2026-12-07-001-checks': {
      // Persisted checks (history, results that survive a restart and are readable from any API instance).
      async up(db: Kysely<any>): Promise<void> {
        await db.schema
          .createTable('checks')
          .ifNotExists()
          .addColumn('id', 'text', (c) => c.primaryKey())
          .addColumn('status', 'text', (c) => c.notNull())
          .addColumn('progress', 'double precision', (c) => c.notNull().defaultTo(0))
          .addColumn('stage', 'text')
          .addColumn('created_at', 'text', (c) => c.notNull())
          .addColumn('started_at', 'text')
          .addColumn('finished_at', 'text')
          .addColumn('file_name', 'text')
          .addColumn('blob_key', 'text')
          .addColumn('quadrant', 'text')
          .addColumn('rating', 'text')
          .addColumn('result', 'text')
          .addColumn('error', 'text')
          .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
          .execute();
        await db.schema.createIndex('checks_created_idx').ifNotExists().on('checks').columns(['created_at', 'id']).execute();
        await db.schema
          .createTable('check_frames')
          .ifNotExists()
          .addColumn('check_id', 'text', (c) => c.notNull().references('checks.id').onDelete('cascade'))
          .addColumn('idx', 'integer', (c) => c.notNull())
          .addColumn('timestamp', 'double precision', (c) => c.notNull())
          .addColumn('jpeg', binary, (c) => c.notNull())
          .addPrimaryKeyConstraint('check_frames_pk', ['check_id', 'idx'])
          .execute();
      },
      async down(db: Kysely<any>): Promise<void> {
        await db.schema.dropTable('check_frames').ifExists().execute();
        await db.schema.dropTable('checks').ifExists().execute();
      },
    },
    '2026-12-07-002-check-payload': {
      // The job payload, so checks whose queue entry was lost (Redis restarted empty) can be queued again.
      async up(db: Kysely<any>): Promise<void> {
        await db.schema.alterTable('checks').addColumn('payload', 'text').execute();
      },
      async down(db: Kysely<any>): Promise<void> {
        await db.schema.alterTable('checks').dropColumn('payload').execute();
      },
    },
  };
}

class StaticProvider implements MigrationProvider {
  constructor(private readonly migrations: Record<string, Migration>) {}
  async getMigrations(): Promise<Record<string, Migration>> {
    return this.migrations;
  }
}

/** Bring the schema up to date. Throws the migrator's error when a migration fails. */
export async function migrateToLatest(db: Kysely<any>, dialect: SqlDialect): Promise<void> {
  const migrator = new Migrator({ db, provider: new StaticProvider(registryMigrations(dialect)) });
  const { error } = await migrator.migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error(String(error));
}

/** Postgres advisory-lock key taken around migrations, so API instances and workers may start at once. */
const MIGRATION_LOCK = 0x67656e70; // "genp"

/**
 * Migrate, serialised across processes: on Postgres every starter waits on one session advisory lock (Kysely's own
 * lock table guards the migration rows too); on SQLite the file lock and busy_timeout serialise writers.
 */
export async function migrateShared(db: Kysely<any>, dialect: SqlDialect): Promise<void> {
  if (dialect !== 'postgres') {
    // SQLite has no cross-connection migration lock in Kysely: a process that loses the race to record a migration
    // sees the winner's rows on its next try (the DDL is idempotent).
    for (let attempt = 0; ; attempt++) {
      try {
        return await migrateToLatest(db, dialect);
      } catch (e) {
        if (attempt >= 5 || !/UNIQUE constraint failed: kysely_migration|already exists|database is locked/i.test((e as Error).message)) throw e;
        await new Promise((r) => setTimeout(r, 50 + Math.random() * 100));
      }
    }
  }
  await db.connection().execute(async (conn) => {
    await sql`select pg_advisory_lock(${MIGRATION_LOCK})`.execute(conn);
    try {
      await migrateToLatest(conn, dialect);
    } finally {
      await sql`select pg_advisory_unlock(${MIGRATION_LOCK})`.execute(conn);
    }
  });
}
