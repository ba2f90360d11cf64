import { JobName, type CheckJobPayload } from '../queue/job.types.js';
import type { BullmqQueue } from '../queue/bullmq.queue.js';
import type { CheckResultsRepository } from '../repositories/check-results.repository.js';

/**
 * Queue again the checks that the database says are unfinished but the queue no longer holds (Redis restarted
 * empty, or flushed). Jobs that still exist are left to BullMQ (a dead worker's job comes back as stalled). Adding
 * an id twice is a no-op in BullMQ, so several workers may run this at once. Resolves to how many were re-queued.
 */
export async function requeueLost(deps: { results: CheckResultsRepository; queue: BullmqQueue; olderThanMs: number; now?: number }): Promise<number> {
  const before = new Date((deps.now ?? Date.now()) - deps.olderThanMs).toISOString();
  let n = 0;
  for (const row of await deps.results.unfinishedBefore(before)) {
    if (!row.payload || (await deps.queue.has(row.id))) continue;
    await deps.queue.enqueue(JobName.Check, JSON.parse(row.payload) as CheckJobPayload, { id: row.id });
    n++;
  }
  return n;
}

/** Run requeueLost now and every `everyMs` until stopped (errors, e.g. Redis still down, are only logged). */
export function startRequeue(deps: { results: CheckResultsRepository; queue: BullmqQueue; everyMs: number; log?: (m: string) => void }): () => void {
  let running = false;
  const run = async () => {
    if (running) return;
    running = true;
    try {
      const n = await requeueLost({ ...deps, olderThanMs: deps.everyMs });
      if (n) deps.log?.(`re-queued ${n} check(s) the queue had lost`);
    } catch (e) {
      deps.log?.(`re-queue pass failed: ${(e as Error).message}`);
    } finally {
      running = false;
    }
  };
  void run();
  const t = setInterval(run, deps.everyMs);
  t.unref();
  return () => clearInterval(t);
}
