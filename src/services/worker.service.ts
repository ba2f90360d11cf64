import type { Config } from '../config/config.js';
import { BullmqQueue } from '../queue/bullmq.queue.js';
import { FsBlobStore } from '../repositories/blob-store.repository.js';
import { CheckResultsRepository } from '../repositories/check-results.repository.js';
import { registerCheckJob } from './check-job.service.js';
import { ConfigError } from '../domain/errors.js';
import { startRequeue } from './requeue.service.js';
import { createVerificationService } from './verification.factory.js';

export interface RunningWorker {
  queue: BullmqQueue;
  close(): Promise<void>;
}

/**
 * A check worker: takes check jobs from the BullMQ queue, runs the verification (decoding, hashing, OCR and C2PA
 * run in child processes and worker threads, so the job lock keeps being renewed), stores the outcome in the shared
 * database. The registry index is brought up to date from the database before every match (row-id cursor).
 */
export async function startWorker(config: Config, opts: { concurrency: number; log?: (m: string) => void }): Promise<RunningWorker> {
  if (!config.queue) throw new ConfigError('config_invalid', 'genproof worker needs --queue redis://HOST:PORT');
  const log = opts.log ?? (() => {});
  const results = await CheckResultsRepository.open(config.db);
  const blobs = await FsBlobStore.open(config.server.blobDir);
  const verification = createVerificationService(config);
  const queue = new BullmqQueue({
    url: config.queue, prefix: config.queuePrefix, concurrency: opts.concurrency, lockMs: config.worker.lockMs, attempts: config.worker.attempts,
    onUnexpectedError: (e, id) => log(`check ${id} crashed: ${(e as Error).message ?? e}`),
  });
  registerCheckJob(queue, { runner: verification, results, blobs });
  const stopRequeue = startRequeue({ results, queue, everyMs: config.worker.requeueMs, log });
  return {
    queue,
    async close() {
      stopRequeue();
      await queue.close();
      await verification.close();
      await results.close();
    },
  };
}
