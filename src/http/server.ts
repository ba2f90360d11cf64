import type { Config } from '../config/config.js';
import { prepareDemo, type DemoAssets } from '../services/demo.service.js';
import { RegistryService } from '../services/registry.service.js';
import { scamDeskFor } from '../services/scam.service.js';
import { createVerificationService } from '../services/verification.factory.js';
import { BullmqQueue } from '../queue/bullmq.queue.js';
import { FsBlobStore } from '../repositories/blob-store.repository.js';
import { CheckResultsRepository } from '../repositories/check-results.repository.js';
import { startRetention } from '../services/retention.service.js';
import { buildApp, type GenproofApp } from './app.js';
import { assertSafeBind } from './hardening.js';
import { sweepStaleTempDirs } from './temp-sweep.js';
import { demoPort, registryPort, scamPort } from './service-adapters.js';

export interface ServeOptions {
  config: Config;
  /** Generate + register the demo clip and offer the "repost captioned as Sora" on the page. */
  demo?: boolean;
  /** Human progress lines (stderr). */
  log?: (msg: string) => void;
  logger?: boolean | { level: string };
  /** Built page directory (default: dist/web when it exists). */
  webDir?: string | null;
}

export interface RunningServer extends GenproofApp {
  url: string;
  demo: DemoAssets | null;
  close(): Promise<void>;
}

/** Wire the real services into the HTTP app and listen on config.server.host:port. */
export async function startServer(opts: ServeOptions): Promise<RunningServer> {
  const { config } = opts;
  const log = opts.log ?? (() => {});
  assertSafeBind(config);
  const swept = await sweepStaleTempDirs();
  if (swept.length) log(`removed ${swept.length} temp dir(s) left by a server that was killed: ${swept.slice(0, 5).join(', ')}`);
  const registry = RegistryService.open(config);
  const verification = createVerificationService(config, { registry });
  let demo: DemoAssets | null = null;
  let results: CheckResultsRepository | null = null;
  let stopRetention = () => {};
  try {
    // Checks persist in the same database as the registry (SQLite file by default, or Postgres).
    results = await CheckResultsRepository.open(config.db);
    // Embedded: checks queued or running when the process stopped will never finish. With a queue, workers own them.
    const interrupted = config.queue ? 0 : await results.failInterrupted();
    if (interrupted) log(`${interrupted} check(s) interrupted by the last stop are marked failed`);
    const queue = config.queue
      ? new BullmqQueue({ url: config.queue, prefix: config.queuePrefix, producerOnly: true, concurrency: 1, attempts: config.worker.attempts, maxQueued: 1000 })
      : undefined;
    const blobs = await FsBlobStore.open(config.server.blobDir, { ownedByProcess: !config.queue && !config.server.blobDir });
    stopRetention = startRetention({ results, blobs, days: config.retention.days, log });
    if (opts.demo) demo = await prepareDemo(config, registry, log);
    const store = results;
    const built = await buildApp({
      config,
      results,
      blobs,
      queue,
      runChecks: !queue,
      checks: verification,
      registry: registryPort(registry),
      scam: scamPort(scamDeskFor(config, { registry }).service),
      demo: demoPort(demo),
      logger: opts.logger,
      webDir: opts.webDir,
      onClose: async () => {
        stopRetention();
        await verification.close();
        await registry.close();
        await store.close();
      },
    });
    const address = await built.app.listen({ host: config.server.host, port: config.server.port });
    return { ...built, url: address, demo, close: () => built.app.close() };
  } catch (e) {
    stopRetention();
    await verification.close().catch(() => {});
    await registry.close().catch(() => {});
    await results?.close().catch(() => {});
    throw e;
  }
}
