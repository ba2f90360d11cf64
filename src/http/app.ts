import Fastify, { type FastifyInstance } from 'fastify';
import multipart from '@fastify/multipart';
import swagger from '@fastify/swagger';
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Config } from '../config/config.js';
import { openDatabase } from '../db/database.js';
import { InProcessQueue } from '../queue/in-process.queue.js';
import { FsBlobStore, type BlobStore } from '../repositories/blob-store.repository.js';
import { CheckResultsRepository } from '../repositories/check-results.repository.js';
import { createMetrics, opsRoutes } from './routes/ops.routes.js';
import type { JobQueue } from '../queue/queue.js';
import { scamFormDoc } from './dto.js';
import { installGuards } from './guard.js';
import { swaggerOptions } from './openapi.js';
import { installHardening } from './hardening.js';
import { fetchMediaUrl } from '../services/url-intake.service.js';
import { frameworkErrorHandler, installErrorHandlers } from './problem.js';
import type { CheckRunnerPort, DemoPort, RegistryPort, ScamPort } from '../services/ports.js';
import { checksRoutes } from './routes/checks.routes.js';
import { registerCheckJob } from '../services/check-job.service.js';
import { demoRoutes } from './routes/demo.routes.js';
import { registryRoutes } from './routes/registry.routes.js';
import { scamRoutes } from './routes/scam.routes.js';
import { findWebDir, webRoutes } from './routes/web.routes.js';

export interface AppDeps {
  config: Config;
  checks: CheckRunnerPort;
  registry?: RegistryPort | null;
  scam?: ScamPort | null;
  demo?: DemoPort | null;
  /** Defaults to an in-process queue with config.server.concurrency. */
  queue?: JobQueue;
  /** Built page directory; defaults to dist/web when it exists. `null` disables the page. */
  webDir?: string | null;
  /** pino logger options, or false (default) for none. */
  logger?: boolean | { level: string };
  /** Finished checks kept in memory (LRU). */
  maxKeptChecks?: number;
  /** Stored checks (history); defaults to an in-memory SQLite store that lives as long as the app. */
  results?: CheckResultsRepository;
  /** Where uploads wait for their check; defaults to private dirs in the OS temp dir. */
  blobs?: BlobStore;
  /** `false`: this app only enqueues (workers run the checks elsewhere); default true. */
  runChecks?: boolean;
  /** Run when the app closes, after the queue has drained (close services here). */
  onClose?: () => Promise<void>;
}

export interface GenproofApp {
  app: FastifyInstance;
  queue: JobQueue;
}

/** Build the HTTP API + page (not listening). Close with `app.close()`: the queue closes with it. */
export async function buildApp(deps: AppDeps): Promise<GenproofApp> {
  const { config } = deps;
  const app = Fastify({
    logger: deps.logger ?? false,
    bodyLimit: config.api.bodyLimitBytes,
    // Upload requests may be slow on phones; checks themselves run in the queue, not in the request.
    requestTimeout: 10 * 60_000,
    genReqId: () => Math.random().toString(36).slice(2, 10),
    frameworkErrors: frameworkErrorHandler,
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  installErrorHandlers(app);
  installGuards(app, { bindHost: config.server.host });
  await installHardening(app, config);

  const queue = deps.queue ?? new InProcessQueue({
    concurrency: config.server.concurrency,
    maxKept: deps.maxKeptChecks ?? 200,
    // Each waiting check holds its upload on disk: keep the backlog short (503 queue_full beyond it).
    maxQueued: 100,
    onUnexpectedError: (e, id) => app.log.error({ err: e, job: id }, 'check failed unexpectedly'),
  });
  const results = deps.results ?? new CheckResultsRepository((await openDatabase(':memory:')).db, true);
  const blobs = deps.blobs ?? (await FsBlobStore.open(null));
  const metrics = createMetrics({ results, queue });
  if (deps.runChecks !== false) registerCheckJob(queue, { runner: deps.checks, results, blobs, onFinished: metrics.observeCheck });
  app.addHook('onClose', async () => {
    await queue.close();
    if (!deps.results) await results.close();
    await deps.onClose?.();
  });

  await app.register(multipart, {
    limits: {
      fileSize: config.server.maxUploadBytes,
      files: 20,
      // One field per link (urls[]) plus the others: the link limit answers too_many_urls, not too_many_parts.
      fields: Math.max(config.api.maxFields, config.api.maxUrls + 10),
      fieldSize: Math.max(config.limits.maxCaptionChars * 4, 64 * 1024),
      parts: 100,
    },
  });
  await app.register(swagger, swaggerOptions('0.1.0', [{ method: 'post', path: '/api/scam', contentType: 'multipart/form-data', schema: scamFormDoc }]));

  const typed = app.withTypeProvider<ZodTypeProvider>();
  await app.register(opsRoutes, { results, queue, metrics });
  typed.get('/openapi.json', { schema: { hide: true } }, async () => app.swagger());
  await app.register(checksRoutes, { queue, results, blobs, token: config.server.token, maxCaptionChars: config.limits.maxCaptionChars, maxUploadBytes: config.server.maxUploadBytes, thumbnail: deps.registry ? (id) => deps.registry!.thumbnail(id) : null,
    maxUrls: config.api.maxUrls, fetchMedia: (url, dir) => fetchMediaUrl(url, config, { dir }) });
  await app.register(registryRoutes, { registry: deps.registry ?? null, token: config.server.token, maxUploadBytes: config.server.maxUploadBytes });
  await app.register(scamRoutes, { scam: deps.scam ?? null, maxCaptionChars: config.limits.maxCaptionChars, maxUploadBytes: config.server.maxUploadBytes, maxUrls: config.api.maxUrls });
  await app.register(demoRoutes, { demo: deps.demo ?? null });
  await app.register(webRoutes, { webDir: deps.webDir === undefined ? findWebDir() : deps.webDir });
  await app.ready();
  return { app, queue };
}
