import { randomUUID } from 'node:crypto';
import { Job, Queue, UnrecoverableError, Worker, type ConnectionOptions } from 'bullmq';
import { AppError, isAppError } from '../domain/errors.js';
import type { JobError, JobName, JobPayloads, JobState, JobStatus } from './job.types.js';
import { addHandler, toJobError, type EnqueueOptions, type JobHandler, type JobQueue, type QueueStats } from './queue.js';

export interface BullmqQueueOptions {
  /** `redis://[user:pass@]host:port[/db]` */
  url: string;
  /** Redis key prefix (tests use a unique one); default `genproof`. */
  prefix?: string;
  /** BullMQ queue name; default `genproof-checks`. */
  queueName?: string;
  /** Jobs this process runs at once (when it registers handlers). */
  concurrency: number;
  /** Finished jobs kept in Redis per outcome; the stored check is the lasting record. */
  maxKept?: number;
  /** Waiting jobs beyond which enqueue fails with `queue_full`. */
  maxQueued?: number;
  /** Deliveries of a job whose handler crashed unexpectedly or whose worker died (AppErrors are final). */
  attempts?: number;
  /** Job lock: a worker that stops renewing it (killed) loses the job after this long; another worker retries it. */
  lockMs?: number;
  /** `true`: only enqueue and read (an API instance); workers elsewhere register the handlers. */
  producerOnly?: boolean;
  onUnexpectedError?: (e: unknown, id: string) => void;
}

interface Progress { fraction: number; stage: string | null }

/** Parse a redis:// URL into connection options (BullMQ creates its own connections from them). */
export function redisConnection(url: string): { host: string; port: number; username?: string; password?: string; db?: number } {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    throw new AppError('config_invalid', `Not a Redis URL: ${url}`, { httpStatus: 500 });
  }
  if (u.protocol !== 'redis:') throw new AppError('config_invalid', `The queue URL must start with redis:// (got ${u.protocol})`, { httpStatus: 500 });
  const db = u.pathname.length > 1 ? Number(u.pathname.slice(1)) : undefined;
  return {
    host: u.hostname || '127.0.0.1', port: Number(u.port || 6379),
    ...(u.username ? { username: decodeURIComponent(u.username) } : {}),
    ...(u.password ? { password: decodeURIComponent(u.password) } : {}),
    ...(db !== undefined && Number.isInteger(db) ? { db } : {}),
  };
}

function decodeError(reason: string | undefined): JobError {
  try {
    const v = JSON.parse(reason ?? '');
    if (typeof v?.code === 'string' && typeof v?.message === 'string') return { code: v.code, message: v.message, status: Number(v.status) || 500 };
  } catch {
    /* a reason BullMQ wrote itself (e.g. "job stalled more than allowable limit") */
  }
  return { code: 'internal_error', message: reason || 'The check failed', status: 500 };
}

const STATUS: Record<string, JobStatus> = { completed: 'done', failed: 'failed', active: 'running' };

/**
 * The JobQueue on BullMQ/Redis: API instances enqueue, worker processes run the handlers. Delivery is at least once
 * (a killed worker's job is retried elsewhere after its lock expires), so handlers must be idempotent.
 */
export class BullmqQueue implements JobQueue {
  private readonly queue: Queue;
  private readonly connection: ConnectionOptions;
  private readonly handlers = new Map<JobName, JobHandler<JobName>>();
  private worker: Worker | null = null;
  private readonly tracked = new Map<string, EnqueueOptions['onEvict'] | undefined>();
  private readonly abort = new AbortController();
  private running = 0;
  private maxRunning = 0;
  private lastQueued = 0;
  private closed = false;
  private sweeping: Promise<void> | null = null;
  private readonly sweepTimer: NodeJS.Timeout;

  constructor(private readonly opts: BullmqQueueOptions) {
    if (!(opts.concurrency >= 1)) throw new RangeError('queue concurrency must be >= 1');
    this.connection = redisConnection(opts.url);
    this.queue = new Queue(opts.queueName ?? 'genproof-checks', {
      connection: { ...this.connection, enableOfflineQueue: false },
      prefix: opts.prefix ?? 'genproof',
      defaultJobOptions: {
        attempts: opts.attempts ?? 3,
        removeOnComplete: { count: opts.maxKept ?? 200 },
        removeOnFail: { count: opts.maxKept ?? 200 },
      },
    });
    this.queue.on('error', () => {});
    // Jobs removed by BullMQ's retention (or by another process) release their local files here.
    this.sweepTimer = setInterval(() => void this.sweep(), 5000);
    this.sweepTimer.unref();
  }

  register<N extends JobName>(name: N, handler: JobHandler<N>): void {
    addHandler(this.handlers, name, handler);
    this.worker ??= this.startWorker();
  }

  private startWorker(): Worker {
    const lockDuration = this.opts.lockMs ?? 30_000;
    const worker = new Worker(this.queue.name, async (job: Job) => this.process(job), {
      connection: { ...this.connection, maxRetriesPerRequest: null },
      prefix: this.opts.prefix ?? 'genproof',
      concurrency: this.opts.concurrency,
      lockDuration,
      stalledInterval: Math.max(1000, Math.floor(lockDuration / 2)),
      maxStalledCount: 2,
    });
    worker.on('error', () => {});
    worker.on('completed', () => void this.sweep());
    worker.on('failed', () => void this.sweep());
    return worker;
  }

  private async process(job: Job): Promise<unknown> {
    const handler = this.handlers.get(job.name as JobName);
    if (!handler) throw new UnrecoverableError(JSON.stringify({ code: 'no_handler', message: `job "${job.name}" has no handler here`, status: 500 }));
    this.running++;
    this.maxRunning = Math.max(this.maxRunning, this.running);
    let best = 0;
    try {
      return await handler(job.data, {
        id: job.id!,
        signal: this.abort.signal,
        progress: (fraction, stage) => {
          best = Math.max(best, Math.min(0.99, Math.max(0, fraction)));
          const p: Progress = { fraction: best, stage: stage ?? (job.progress as Progress | undefined)?.stage ?? null };
          job.updateProgress(p).catch(() => {});
        },
      });
    } catch (e) {
      if (!isAppError(e)) this.opts.onUnexpectedError?.(e, job.id!);
      const reason = JSON.stringify(toJobError(e));
      // A decided failure (bad media, timeout) is final; an unexpected crash may succeed on another delivery.
      throw isAppError(e) ? new UnrecoverableError(reason) : new Error(reason);
    } finally {
      this.running--;
    }
  }

  async enqueue<N extends JobName>(name: N, payload: JobPayloads[N], opts: EnqueueOptions = {}): Promise<string> {
    if (this.closed) throw new AppError('service_unavailable', 'The server is shutting down', { httpStatus: 503 });
    if (!this.opts.producerOnly && !this.handlers.has(name)) throw new Error(`job "${name}" has no handler`);
    const maxQueued = this.opts.maxQueued ?? 1000;
    const id = opts.id ?? randomUUID();
    try {
      const counts = await this.queue.getJobCounts('waiting', 'prioritized', 'delayed');
      this.lastQueued = counts.waiting + counts.prioritized + counts.delayed;
      if (this.lastQueued < maxQueued) await this.queue.add(name, payload, { jobId: id });
    } catch (e) {
      throw new AppError('service_unavailable', `The check queue (Redis) does not answer: ${(e as Error).message}`, { httpStatus: 503, cause: e });
    }
    if (this.lastQueued >= maxQueued) {
      throw new AppError('queue_full', `Too many checks waiting (${this.lastQueued}); try again later`, { httpStatus: 503 });
    }
    this.tracked.set(id, opts.onEvict);
    return id;
  }

  async get(id: string): Promise<JobState | null> {
    const job = await Job.fromId(this.queue, id);
    if (!job) return null;
    const state = await job.getState();
    const status = STATUS[state] ?? 'queued';
    const p = (typeof job.progress === 'object' ? job.progress : null) as Progress | null;
    return {
      id, name: job.name as JobName, status,
      progress: status === 'done' ? 1 : (p?.fraction ?? 0),
      stage: p?.stage ?? null,
      result: status === 'done' ? job.returnvalue ?? null : null,
      error: status === 'failed' ? decodeError(job.failedReason) : null,
      createdAt: job.timestamp, startedAt: job.processedOn ?? null, finishedAt: status === 'done' || status === 'failed' ? job.finishedOn ?? null : null,
    };
  }

  /** Whether the queue still holds a job with this id (any state). */
  async has(id: string): Promise<boolean> {
    return (await Job.fromId(this.queue, id)) !== undefined;
  }

  stats(): QueueStats {
    return { queued: this.lastQueued, running: this.running, maxRunning: this.maxRunning, kept: this.tracked.size, concurrency: this.opts.concurrency };
  }

  async depth(): Promise<{ queued: number; running: number }> {
    const c = await this.queue.getJobCounts('waiting', 'prioritized', 'delayed', 'active');
    this.lastQueued = c.waiting + c.prioritized + c.delayed;
    return { queued: this.lastQueued, running: c.active };
  }

  async ping(): Promise<boolean> {
    let timer: NodeJS.Timeout | undefined;
    try {
      await Promise.race([
        this.queue.getJobCounts('waiting'),
        new Promise<never>((_, r) => { timer = setTimeout(() => r(new Error('timeout')), 2000); }),
      ]);
      return true;
    } catch {
      return false;
    } finally {
      clearTimeout(timer);
    }
  }

  /** Call onEvict for tracked jobs that Redis no longer holds (removed by retention), in enqueue order. */
  private sweep(): Promise<void> {
    this.sweeping ??= (async () => {
      try {
        for (const [id, onEvict] of [...this.tracked]) {
          if (this.closed) return;
          if (await Job.fromId(this.queue, id).catch(() => 'unknown')) continue;
          this.tracked.delete(id);
          await Promise.resolve().then(onEvict).catch(() => {});
        }
      } finally {
        this.sweeping = null;
      }
    })();
    return this.sweeping;
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    clearInterval(this.sweepTimer);
    this.abort.abort();
    await this.sweeping?.catch(() => {});
    await this.worker?.close().catch(() => {});
    // A producer's jobs outlive it (workers still run them): their files are released by the worker and retention.
    if (!this.opts.producerOnly) for (const onEvict of this.tracked.values()) await Promise.resolve().then(onEvict).catch(() => {});
    this.tracked.clear();
    await this.queue.close().catch(() => {});
  }

  /** Remove every key of this queue (tests). */
  async obliterate(): Promise<void> {
    await this.queue.obliterate({ force: true });
  }
}
