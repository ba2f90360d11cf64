import { isAppError } from '../domain/errors.js';
import type { JobError, JobName, JobPayloads, JobState } from './job.types.js';

/** Given to a handler while it runs. */
export interface JobContext {
  id: string;
  /** Report progress 0..1 and optionally the current stage. */
  progress(fraction: number, stage?: string): void;
  /** Aborted when the queue closes. */
  signal: AbortSignal;
}

export type JobHandler<N extends JobName, R = unknown> = (payload: JobPayloads[N], ctx: JobContext) => Promise<R>;

export interface EnqueueOptions {
  /** The job id to use (unique); the caller may create a record under it before the job can start. */
  id?: string;
  /** Called once when the job's state is dropped (LRU eviction or queue close): release its files here. */
  onEvict?: () => void | Promise<void>;
}

export interface QueueStats {
  queued: number;
  running: number;
  /** Highest number of jobs that ran at the same time since start. */
  maxRunning: number;
  /** Jobs whose state is kept (all statuses). */
  kept: number;
  concurrency: number;
}

/**
 * A job queue. The in-process implementation runs handlers in this process; a BullMQ implementation can
 * replace it behind the same interface (handlers registered once per name, state looked up by id).
 */
export interface JobQueue {
  /** Register the handler of a job name. Throws if the name already has one. */
  register<N extends JobName>(name: N, handler: JobHandler<N>): void;
  /** Queue a job; resolves to its id. Throws AppError `queue_full` (503) when the backlog is full. */
  enqueue<N extends JobName>(name: N, payload: JobPayloads[N], opts?: EnqueueOptions): Promise<string>;
  get(id: string): Promise<JobState | null>;
  stats(): QueueStats;
  /** Jobs waiting and running across every process sharing the queue (in-process: same as stats()). */
  depth?(): Promise<{ queued: number; running: number }>;
  /** Whether the queue's backend answers (for /healthz); absent = always (in-process). */
  ping?(): Promise<boolean>;
  /** Wait for running jobs to settle (aborting them), run every onEvict, reject new work. */
  close(): Promise<void>;
}

export type { JobError };

/** Add `handler` for `name` to a queue's handler table; a second handler for one job name is a programming error. */
export function addHandler<N extends JobName>(handlers: Map<JobName, JobHandler<JobName>>, name: N, handler: JobHandler<N>): void {
  if (handlers.has(name)) throw new Error(`job "${name}" already has a handler`);
  handlers.set(name, handler as unknown as JobHandler<JobName>);
}

/** What a failed job reports: an AppError's code, message and status; anything else is a 500 `internal_error`. */
export function toJobError(e: unknown): JobError {
  return isAppError(e)
    ? { code: e.code, message: e.message, status: e.httpStatus }
    : { code: 'internal_error', message: e instanceof Error ? e.message : String(e), status: 500 };
}
