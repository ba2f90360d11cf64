import { randomUUID } from 'node:crypto';
import { AppError, isAppError } from '../domain/errors.js';
import type { JobName, JobPayloads, JobState } from './job.types.js';
import { LruStore } from './lru.store.js';
import { addHandler, type EnqueueOptions, type JobHandler, type JobQueue, type QueueStats } from './queue.js';

export interface InProcessQueueOptions {
  /** Jobs that may run at once. */
  concurrency: number;
  /** Finished jobs kept in memory (LRU); older ones are evicted and their onEvict runs. */
  maxKept?: number;
  /** Jobs waiting to run beyond which enqueue fails with `queue_full`. */
  maxQueued?: number;
  /** Called when a handler throws something that is not an AppError (for logging). */
  onUnexpectedError?: (e: unknown, id: string) => void;
}

interface Entry {
  state: JobState;
  payload: unknown;
  onEvict?: EnqueueOptions['onEvict'];
}

/** Runs jobs in this process with a concurrency limit; keeps their state in a bounded LRU. */
export class InProcessQueue implements JobQueue {
  private readonly handlers = new Map<JobName, JobHandler<JobName>>();
  private readonly store: LruStore<string, Entry>;
  private readonly waiting: string[] = [];
  private readonly running = new Set<Promise<void>>();
  private readonly evicting = new Set<Promise<void>>();
  private readonly abort = new AbortController();
  private maxRunning = 0;
  private closed = false;
  private readonly concurrency: number;
  private readonly maxQueued: number;

  constructor(private readonly opts: InProcessQueueOptions) {
    if (!(opts.concurrency >= 1)) throw new RangeError('queue concurrency must be >= 1');
    this.concurrency = opts.concurrency;
    this.maxQueued = opts.maxQueued ?? 1000;
    this.store = new LruStore<string, Entry>(
      opts.maxKept ?? 100,
      (_id, e) => this.evict(e),
      (e) => e.state.status === 'done' || e.state.status === 'failed',
    );
  }

  register<N extends JobName>(name: N, handler: JobHandler<N>): void {
    addHandler(this.handlers, name, handler);
  }

  async enqueue<N extends JobName>(name: N, payload: JobPayloads[N], opts: EnqueueOptions = {}): Promise<string> {
    if (this.closed) throw new AppError('service_unavailable', 'The server is shutting down', { httpStatus: 503 });
    if (!this.handlers.has(name)) throw new Error(`job "${name}" has no handler`);
    if (this.waiting.length >= this.maxQueued) {
      throw new AppError('queue_full', `Too many checks waiting (${this.waiting.length}); try again later`, { httpStatus: 503 });
    }
    const id = opts.id ?? randomUUID();
    if (this.store.peek(id)) throw new Error(`job id ${id} is already in use`);
    const state: JobState = {
      id, name, status: 'queued', progress: 0, stage: null, result: null, error: null,
      createdAt: Date.now(), startedAt: null, finishedAt: null,
    };
    this.store.set(id, { state, payload, onEvict: opts.onEvict });
    this.waiting.push(id);
    this.pump();
    return id;
  }

  async get(id: string): Promise<JobState | null> {
    const e = this.store.get(id);
    return e ? { ...e.state } : null;
  }

  stats(): QueueStats {
    let running = 0;
    for (const e of this.store.values()) if (e.state.status === 'running') running++;
    return { queued: this.waiting.length, running, maxRunning: this.maxRunning, kept: this.store.size, concurrency: this.concurrency };
  }

  async close(): Promise<void> {
    this.closed = true;
    this.abort.abort();
    for (const id of this.waiting.splice(0)) {
      const e = this.store.peek(id);
      if (e) this.finish(e, null, { code: 'service_unavailable', message: 'The server shut down before the check ran', status: 503 });
    }
    await Promise.allSettled([...this.running]);
    this.store.clear();
    await Promise.allSettled([...this.evicting]);
  }

  private pump(): void {
    while (!this.closed && this.running.size < this.concurrency && this.waiting.length > 0) {
      const id = this.waiting.shift()!;
      const entry = this.store.peek(id);
      if (!entry) continue;
      const p = this.run(entry).finally(() => {
        this.running.delete(p);
        this.store.trim();
        this.pump();
      });
      this.running.add(p);
      this.maxRunning = Math.max(this.maxRunning, this.running.size);
    }
  }

  private async run(entry: Entry): Promise<void> {
    const { state } = entry;
    const handler = this.handlers.get(state.name)!;
    state.status = 'running';
    state.startedAt = Date.now();
    try {
      const result = await handler(entry.payload as never, {
        id: state.id,
        signal: this.abort.signal,
        progress: (fraction, stage) => {
          if (state.status !== 'running') return;
          // Progress never goes backwards and stays below 1 until the job is done.
          state.progress = Math.max(state.progress, Math.min(0.99, Math.max(0, fraction)));
          if (stage) state.stage = stage;
        },
      });
      this.finish(entry, result, null);
    } catch (e) {
      if (!isAppError(e)) this.opts.onUnexpectedError?.(e, state.id);
      this.finish(entry, null, isAppError(e)
        ? { code: e.code, message: e.message, status: e.httpStatus }
        : { code: 'internal_error', message: e instanceof Error ? e.message : String(e), status: 500 });
    }
  }

  private finish(entry: Entry, result: unknown, error: JobState['error']): void {
    const s = entry.state;
    s.status = error ? 'failed' : 'done';
    s.result = result;
    s.error = error;
    if (!error) s.progress = 1;
    s.finishedAt = Date.now();
    entry.payload = null;
  }

  private evict(e: Entry): void {
    const cb = e.onEvict;
    e.onEvict = undefined;
    if (!cb) return;
    const p: Promise<void> = Promise.resolve()
      .then(cb)
      .catch(() => {})
      .finally(() => this.evicting.delete(p));
    this.evicting.add(p);
  }
}
