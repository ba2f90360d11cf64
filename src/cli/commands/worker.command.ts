import type { Command } from 'commander';
import { loadConfig, type ConfigOverrides } from '../../config/config.js';
import { redactUrl } from '../../db/database.js';
import { tuneMalloc } from '../../repositories/allocator.repository.js';
import { setC2paIdleRelease } from '../../repositories/c2pa.repository.js';
import { setOcrIdleRelease } from '../../repositories/ocr.repository.js';
import { globalOpts, intOpt } from '../options.js';

interface WorkerOpts {
  queue?: string;
  concurrency?: string;
  blobDir?: string;
}

/** Run a check worker until SIGINT/SIGTERM (finishes its running checks first). Shared by src/bin/worker.ts. */
export async function workUntilSignal(overrides: ConfigOverrides, opts: { concurrency?: number; configFile?: string }): Promise<void> {
  const config = loadConfig({ file: opts.configFile, overrides });
  const log = (m: string) => process.stderr.write(`genproof worker: ${m}\n`);
  tuneMalloc(config.memory);
  setOcrIdleRelease(config.memory.ocrIdleReleaseMs);
  setC2paIdleRelease(config.memory.c2paIdleReleaseMs);
  const concurrency = opts.concurrency ?? config.server.concurrency;
  const { startWorker } = await import('../../services/worker.service.js');
  const worker = await startWorker(config, { concurrency, log });
  log(`running checks from ${config.queue} (concurrency ${concurrency}), results in ${redactUrl(config.db)}`);
  await new Promise<void>((resolve) => {
    const stop = () => {
      log('finishing running checks, then stopping');
      worker.close().then(resolve, resolve);
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
}

export function registerWorker(program: Command): void {
  program
    .command('worker')
    .description('run checks queued by `genproof serve --queue` (BullMQ on Redis); results go to --db')
    .option('--queue <url>', 'Redis URL of the queue, e.g. redis://127.0.0.1:6379 (env GENPROOF_QUEUE)')
    .option('--concurrency <n>', 'checks this worker runs at once (default 2)')
    .option('--blob-dir <dir>', 'upload directory shared with the API (env GENPROOF_SERVER__BLOB_DIR)')
    .action(async (opts: WorkerOpts, cmd: Command) => {
      const g = globalOpts(cmd);
      await workUntilSignal(
        { ...(g.db ? { db: g.db } : {}), ...(opts.queue ? { queue: opts.queue } : {}), ...(opts.blobDir ? { server: { blobDir: opts.blobDir } } : {}) },
        { concurrency: intOpt('concurrency', opts.concurrency, 1, 64), configFile: g.config },
      );
    });
}
