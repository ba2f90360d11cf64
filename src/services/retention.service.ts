import type { BlobStore } from '../repositories/blob-store.repository.js';
import type { CheckResultsRepository } from '../repositories/check-results.repository.js';

const DAY_MS = 24 * 60 * 60 * 1000;

/** Remove checks older than `days` and their files, and upload dirs orphaned for as long. Resolves to what went. */
export async function applyRetention(deps: { results: CheckResultsRepository; blobs: BlobStore; days: number; now?: number }): Promise<{ checks: number; dirs: number }> {
  const cutoff = (deps.now ?? Date.now()) - deps.days * DAY_MS;
  const keys = await deps.results.purgeBefore(new Date(cutoff).toISOString());
  for (const k of keys) await deps.blobs.remove(k).catch(() => undefined);
  // A directory whose check is gone (process killed between upload and enqueue) ages out the same way.
  const dirs = await deps.blobs.removeOlderThan(Math.max(deps.days * DAY_MS, 60 * 60 * 1000));
  return { checks: keys.length, dirs };
}

/** Apply retention now and then every `everyMs` (default hourly) until stopped; errors go to `log`. */
export function startRetention(deps: { results: CheckResultsRepository; blobs: BlobStore; days: number; everyMs?: number; log?: (m: string) => void }): () => void {
  const run = () => applyRetention(deps).catch((e) => deps.log?.(`retention failed: ${(e as Error).message}`));
  void run();
  const timer = setInterval(run, deps.everyMs ?? 60 * 60 * 1000);
  timer.unref();
  return () => clearInterval(timer);
}
