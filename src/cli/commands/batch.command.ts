import { createWriteStream } from 'node:fs';
import type { Config } from '../../config/config.js';
import { checkThroughQueue, readBatch, runBatch, type BatchItem } from '../../services/batch.service.js';
import { createVerificationService } from '../../services/verification.factory.js';

export interface BatchCommandOptions {
  in: string;
  out: string | null;
  /** Checks in flight at once (embedded: run here; with a queue: submitted to the workers). */
  concurrency: number;
  quiet: boolean;
}

/**
 * `genproof check --batch IN.jsonl [--out OUT.jsonl] [--queue URL]`: one output line per input line, in order;
 * progress on stderr. Embedded (no queue) the checks run here; with a queue, through the workers and the database.
 */
export async function runBatchCommand(config: Config, opts: BatchCommandOptions): Promise<number> {
  const items = await readBatch(opts.in);
  const out = opts.out ? createWriteStream(opts.out, { flags: 'w' }) : process.stdout;
  const write = (line: string) => new Promise<void>((res, rej) => out.write(line, (e) => (e ? rej(e) : res())));
  const progress = (done: number, total: number, o: { id: string | null }) => {
    if (!opts.quiet) process.stderr.write(`genproof batch: ${done}/${total} ${o.id ?? '(no id)'} ${'error' in o ? `error ${(o as { error: { code: string } }).error.code}` : 'done'}\n`);
  };
  let check: (item: BatchItem) => Promise<Record<string, unknown>>;
  let close: () => Promise<void>;
  if (config.queue) {
    // The queue path's modules (BullMQ, ioredis, the results store) load only when a queue is configured.
    const [{ BullmqQueue }, { FsBlobStore }, { CheckResultsRepository }] = await Promise.all([
      import('../../queue/bullmq.queue.js'), import('../../repositories/blob-store.repository.js'), import('../../repositories/check-results.repository.js'),
    ]);
    const results = await CheckResultsRepository.open(config.db);
    const blobs = await FsBlobStore.open(config.server.blobDir);
    const queue = new BullmqQueue({ url: config.queue, prefix: config.queuePrefix, producerOnly: true, concurrency: 1, attempts: config.worker.attempts, maxQueued: 100_000 });
    check = (item) => checkThroughQueue({ queue, results, blobs, timeoutMs: config.timeouts.checkMs * 3 }, item);
    close = async () => {
      await queue.close();
      await results.close();
    };
  } else {
    const service = createVerificationService(config);
    check = async (item) => (await service.check(item.post)).result as unknown as Record<string, unknown>;
    close = () => service.close();
  }
  try {
    const summary = await runBatch(items, check, { concurrency: opts.concurrency, emit: (o) => write(JSON.stringify(o) + '\n'), progress });
    if (!opts.quiet) process.stderr.write(`genproof batch: ${summary.ok} checked, ${summary.failed} with errors\n`);
    return 0;
  } finally {
    await close();
    if (opts.out) await new Promise<void>((r) => (out as ReturnType<typeof createWriteStream>).end(r));
  }
}
