import { mkdir, readFile, rm } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { isAppError } from '../domain/errors.js';
import type { CheckResult } from '../domain/report.js';
import type { CheckRunnerPort } from './ports.js';
import { JobName, type CheckJobPayload } from '../queue/job.types.js';
import { toJobError, type JobContext, type JobQueue } from '../queue/queue.js';
import type { BlobStore } from '../repositories/blob-store.repository.js';
import type { CheckFrame, CheckResultsRepository } from '../repositories/check-results.repository.js';

export interface CheckJobDeps {
  runner: CheckRunnerPort;
  results: CheckResultsRepository;
  blobs: BlobStore;
  /** Least time between two progress writes to the database (stage changes are written at once). */
  progressEveryMs?: number;
  /** Told when this process finished running a check (for the duration histogram). */
  onFinished?: (seconds: number, status: 'done' | 'failed') => void;
}

/** What the queue keeps of a finished check: the stored row is the real result. */
export interface CheckJobSummary {
  id: string;
  /** `done`: this run stored the result; `skipped`: it was stored before (a redelivered job) or deleted. */
  outcome: 'stored' | 'skipped';
  quadrant: string | null;
}

/** The rating value of a result, when the result carries one (CONTRACTS: `rating.value`). */
function ratingOf(result: CheckResult): string | null {
  const r = (result as unknown as { rating?: { value?: unknown } }).rating;
  return typeof r?.value === 'string' ? r.value : null;
}

/** Where the job's files are on this machine: from the blob key when there is one (workers share the blob dir). */
function localPaths(payload: CheckJobPayload, blobs: BlobStore): { dir: string; file: string | null } {
  const dir = payload.blobKey ? blobs.pathOf(payload.blobKey) : payload.workDir;
  const file = payload.post.file ? (payload.blobKey ? join(dir, basename(payload.post.file)) : payload.post.file) : null;
  return { dir, file };
}

/**
 * Run one check job and store its outcome. Idempotent under at-least-once delivery: a check already stored is not
 * run again, and `finish` never overwrites a stored result, so a redelivered job leaves exactly one result.
 */
export async function runCheckJob(deps: CheckJobDeps, payload: CheckJobPayload, ctx: JobContext): Promise<CheckJobSummary> {
  const { results } = deps;
  const decision = await results.markRunning(ctx.id);
  if (decision !== 'run') return { id: ctx.id, outcome: 'skipped', quadrant: null };
  const { dir, file } = localPaths(payload, deps.blobs);
  const every = deps.progressEveryMs ?? 500;
  let lastWrite = 0;
  let lastStage: string | null = null;
  const progress = (fraction: number, stage?: string) => {
    ctx.progress(fraction, stage);
    const t = Date.now();
    if (t - lastWrite < every && (!stage || stage === lastStage)) return;
    lastWrite = t;
    lastStage = stage ?? lastStage;
    results.progress(ctx.id, fraction, stage ?? null).catch(() => {});
  };
  const started = Date.now();
  const finished = (status: 'done' | 'failed') => deps.onFinished?.((Date.now() - started) / 1000, status);
  progress(0.01, 'start');
  const keyframesDir = join(dir, 'frames');
  let keepFiles = false;
  try {
    await mkdir(keyframesDir, { recursive: true, mode: 0o700 });
    const outcome = await deps.runner.check({ ...payload.post, file }, {
      signal: ctx.signal, keyframesDir, onProgress: (p) => progress(p.fraction, p.stage),
    });
    const frames: CheckFrame[] = [];
    for (const k of outcome.keyframes) {
      const jpeg = await readFile(k.path).catch(() => null);
      if (jpeg) frames.push({ idx: k.index, timestamp: k.timestamp, jpeg });
    }
    const quadrant = outcome.result.verdict?.quadrant ?? null;
    const stored = await results.finish(ctx.id, { result: outcome.result, quadrant, rating: ratingOf(outcome.result), frames });
    finished('done');
    return { id: ctx.id, outcome: stored ? 'stored' : 'skipped', quadrant };
  } catch (e) {
    // An unexpected crash (database unreachable while storing…) may be retried by the queue: keep the upload for that
    // delivery (retention removes it otherwise).
    keepFiles = !isAppError(e);
    await results.fail(ctx.id, toJobError(e)).catch(() => {});
    finished('failed');
    throw e;
  } finally {
    // Once the outcome is stored the upload and frame files are not needed (frames live in the database).
    if (!keepFiles) {
      if (payload.blobKey) await deps.blobs.remove(payload.blobKey).catch(() => {});
      else {
        if (file) await rm(file, { force: true });
        await rm(keyframesDir, { recursive: true, force: true });
      }
    }
  }
}

/** Register the `check` job handler: runs the verification and stores the outcome (see runCheckJob). */
export function registerCheckJob(queue: JobQueue, deps: CheckJobDeps): void {
  queue.register(JobName.Check, (payload, ctx) => runCheckJob(deps, payload, ctx));
}
