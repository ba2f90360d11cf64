import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { Gauge, Histogram, Registry } from 'prom-client';
import { z } from 'zod';
import type { JobQueue } from '../../queue/queue.js';
import type { CheckResultsRepository } from '../../repositories/check-results.repository.js';

export interface AppMetrics {
  registry: Registry;
  /** Record one finished check (seconds from start to stored outcome). */
  observeCheck(seconds: number, status: 'done' | 'failed'): void;
}

/**
 * Prometheus metrics of one process (own registry, so several apps in one test process do not collide): checks by
 * status (from the database, so every API instance reports the same), queue depth, and the duration of the checks
 * this process ran.
 */
export function createMetrics(deps: { results: CheckResultsRepository; queue: JobQueue }): AppMetrics {
  const registry = new Registry();
  new Gauge({
    name: 'genproof_checks', help: 'Stored checks by status', labelNames: ['status'], registers: [registry],
    async collect() {
      const counts = await deps.results.countByStatus().catch(() => null);
      if (counts) for (const [status, n] of Object.entries(counts)) this.set({ status }, n);
    },
  });
  new Gauge({
    name: 'genproof_queue_depth', help: 'Check jobs waiting or running in the queue', labelNames: ['state'], registers: [registry],
    async collect() {
      const d = deps.queue.depth ? await deps.queue.depth().catch(() => null) : deps.queue.stats();
      if (d) {
        this.set({ state: 'queued' }, d.queued);
        this.set({ state: 'running' }, d.running);
      }
    },
  });
  const duration = new Histogram({
    name: 'genproof_check_duration_seconds', help: 'Time from a check starting to its stored outcome', labelNames: ['status'],
    buckets: [0.5, 1, 2, 5, 10, 20, 30, 60, 120, 300, 600], registers: [registry],
  });
  return { registry, observeCheck: (seconds, status) => duration.observe({ status }, seconds) };
}

export interface OpsRoutesOptions {
  results: CheckResultsRepository;
  queue: JobQueue;
  metrics: AppMetrics;
}

export const opsRoutes: FastifyPluginAsyncZod<OpsRoutesOptions> = async (app, opts) => {
  app.get('/healthz', {
    schema: {
      summary: 'Health: the database and the queue answer', tags: ['meta'],
      response: { 200: z.object({ ok: z.boolean(), db: z.boolean(), queue: z.boolean() }), 503: z.object({ ok: z.boolean(), db: z.boolean(), queue: z.boolean() }) },
    },
  }, async (_req, reply) => {
    const [db, queue] = await Promise.all([opts.results.ping(), opts.queue.ping ? opts.queue.ping().catch(() => false) : Promise.resolve(true)]);
    const ok = db && queue;
    return reply.code(ok ? 200 : 503).send({ ok, db, queue });
  });

  app.get('/metrics', { schema: { summary: 'Prometheus metrics (text format)', tags: ['meta'], produces: ['text/plain'] } }, async (_req, reply) => {
    const text = await opts.metrics.registry.metrics();
    return reply.type(opts.metrics.registry.contentType).send(text);
  });
};
