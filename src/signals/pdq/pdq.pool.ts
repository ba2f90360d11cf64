/**
 * Hash frames on worker threads next to the main thread. `submit` hashes on a worker when one has room in its
 * queue, otherwise on the calling thread, so the work spreads without unbounded queues; results keep their id.
 */
import type { Worker } from 'node:worker_threads';
import { spawnModuleWorker } from '../module-worker.js';
import { type PdqHash, pdqFromGray, pdqFromRgb } from './pdq.js';

interface Pending { resolve: (h: PdqHash) => void; px: Uint8Array; width: number; height: number; channels: 1 | 3 }

function hashHere(px: Uint8Array, width: number, height: number, channels: 1 | 3): PdqHash {
  return channels === 1 ? pdqFromGray(px, width, height) : pdqFromRgb(px, width, height);
}

/** Frames queued per worker before the caller hashes on its own thread instead. */
const QUEUE_PER_WORKER = 3;

export class PdqPool {
  private readonly workers: { w: Worker; queued: number; broken: boolean }[] = [];
  private readonly pending = new Map<number, Pending & { worker: number }>();
  private nextId = 0;
  /** Frames hashed by workers so far (the rest ran on the calling thread). */
  workerJobs = 0;

  constructor(size: number) {
    for (let i = 0; i < size; i++) {
      let w: Worker;
      try {
        w = spawnModuleWorker(import.meta.url, 'pdq.worker');
      } catch {
        continue;
      }
      const slot = { w, queued: 0, broken: false };
      const index = this.workers.length;
      w.on('message', (m: { id: number; hash?: Uint8Array; quality?: number; error?: string }) => {
        const p = this.pending.get(m.id);
        if (!p) return;
        this.pending.delete(m.id);
        if (--slot.queued === 0) w.unref();
        if (m.error !== undefined || !m.hash) p.resolve(hashHere(p.px, p.width, p.height, p.channels));
        else {
          this.workerJobs++;
          p.resolve({ hash: new Uint8Array(m.hash), quality: m.quality ?? 0 });
        }
      });
      w.on('error', () => this.fail(index));
      w.on('exit', () => this.fail(index));
      w.unref(); // only jobs in flight keep the process alive (ref'd in submit, unref'd when drained)
      this.workers.push(slot);
    }
  }

  /** A worker died: hash its queued frames here instead (their pixels were copied, not transferred). */
  private fail(index: number): void {
    const slot = this.workers[index];
    if (!slot || slot.broken) return;
    slot.broken = true;
    for (const [id, p] of this.pending) {
      if (p.worker !== index) continue;
      this.pending.delete(id);
      p.resolve(hashHere(p.px, p.width, p.height, p.channels));
    }
  }

  /** Hash one frame, on a worker when one has room (the pixels are copied to it), else right here. */
  submit(px: Uint8Array, width: number, height: number, channels: 1 | 3): PdqHash | Promise<PdqHash> {
    let best = -1;
    for (let i = 0; i < this.workers.length; i++) {
      const s = this.workers[i];
      if (!s.broken && s.queued < QUEUE_PER_WORKER && (best < 0 || s.queued < this.workers[best].queued)) best = i;
    }
    if (best < 0) return hashHere(px, width, height, channels);
    const slot = this.workers[best];
    const id = this.nextId++;
    if (slot.queued++ === 0) slot.w.ref();
    return new Promise<PdqHash>((resolve) => {
      this.pending.set(id, { resolve, px, width, height, channels, worker: best });
      slot.w.postMessage({ id, px, width, height, channels });
    });
  }

  async close(): Promise<void> {
    const ws = this.workers.splice(0);
    for (const s of ws) s.broken = true;
    await Promise.all(ws.map((s) => s.w.terminate()));
  }
}
