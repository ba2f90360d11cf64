import type { ColumnType, Generated } from 'kysely';

/**
 * Registry database schema (Kysely types). One schema for SQLite (better-sqlite3) and Postgres: binary columns are
 * `blob` on SQLite and `bytea` on Postgres (see migrations.ts); timestamps are ISO-8601 text so both dialects agree.
 */
export interface ReferencesTable {
  /** Stable id, `r` + 16 hex of the content sha256 (file) or of the imported hash list. */
  id: string;
  /** The file name as registered (no directories). */
  file_name: string;
  /** sha256 of the registered file (or of the imported hash list); unique, used to dedupe. */
  sha256: string;
  label: 'original' | 'ai' | 'scam_poster';
  generator: string | null;
  source: string | null;
  /** ISO-8601 UTC. */
  added_at: string;
  /** image | video | hashes (imported hash list without media). */
  kind: 'image' | 'video' | 'hashes';
  duration: number | null;
  width: number | null;
  height: number | null;
  fps: number | null;
  /** Number of rows in reference_hashes. */
  frames: number;
}

export type ViewName = 'full' | 'content' | 'mask-top' | 'mask-bottom';

export interface ReferenceHashesTable {
  id: Generated<number>;
  reference_id: string;
  /** Frame number in the reference (0 for images). */
  frame: number;
  /** Seconds from the start (0 for images). */
  timestamp: number;
  quality: number;
  /**
   * `full` (the frame as stored), `content` (the reference's own letterbox bars removed), or `mask-top` /
   * `mask-bottom` (the picture with a top/bottom share greyed out, to match caption bands drawn over it).
   */
  view: ColumnType<ViewName, ViewName | undefined, ViewName>;
  /** full/content: kept fraction of a centred crop (1 = all; crops match zoomed reposts); masks: greyed fraction. */
  crop: ColumnType<number, number | undefined, number>;
  /** 32 raw bytes of the PDQ hash (ThreatExchange bit order). */
  pdq: ColumnType<Uint8Array, Uint8Array, Uint8Array>;
}

export interface ReferenceKeyframesTable {
  reference_id: string;
  /** 0-based keyframe number; 0 is the thumbnail. */
  idx: number;
  timestamp: number;
  width: number;
  height: number;
  jpeg: ColumnType<Uint8Array, Uint8Array, Uint8Array>;
}

export interface RegistryDatabase {
  references: ReferencesTable;
  reference_hashes: ReferenceHashesTable;
  reference_keyframes: ReferenceKeyframesTable;
}

/** One check (a verification job) and its outcome; the history list reads this table. */
export interface ChecksTable {
  /** The job id (UUID); the same id in the queue and in the API. */
  id: string;
  status: 'queued' | 'running' | 'done' | 'failed';
  progress: number;
  stage: string | null;
  /** ISO-8601 UTC with milliseconds (sorts as text). */
  created_at: string;
  started_at: string | null;
  finished_at: string | null;
  /** The name the client gave the upload (display only), null for a text-only post. */
  file_name: string | null;
  /** Blob-store key of the check's private directory (upload + frames), removed with the check. */
  blob_key: string | null;
  quadrant: string | null;
  rating: string | null;
  /** CheckResult as JSON text (same on both dialects). */
  result: string | null;
  /** {code,message,status} as JSON text. */
  error: string | null;
  /** How many times a worker started this check (>1 after a retry). */
  attempts: number;
  /** The queue job's payload as JSON, so a job lost by the queue (Redis restarted empty) can be queued again. */
  payload: ColumnType<string | null, string | null | undefined, string | null>;
}

export interface CheckFramesTable {
  check_id: string;
  idx: number;
  timestamp: number;
  jpeg: ColumnType<Uint8Array, Uint8Array, Uint8Array>;
}

/** Every table of the database (registry + check history). */
export interface AppDatabase extends RegistryDatabase {
  checks: ChecksTable;
  check_frames: CheckFramesTable;
}
