/** Worker thread body for PdqPool: hashes frames posted to it (pixels are transferred, not copied). */
import { parentPort } from 'node:worker_threads';
import { pdqFromGray, pdqFromRgb } from './pdq.js';

interface Job { id: number; px: Uint8Array; width: number; height: number; channels: 1 | 3 }

parentPort?.on('message', (job: Job) => {
  try {
    const h = job.channels === 1 ? pdqFromGray(job.px, job.width, job.height) : pdqFromRgb(job.px, job.width, job.height);
    parentPort?.postMessage({ id: job.id, hash: h.hash, quality: h.quality }, [h.hash.buffer as ArrayBuffer]);
  } catch (e) {
    parentPort?.postMessage({ id: job.id, error: e instanceof Error ? e.message : String(e) });
  }
});
