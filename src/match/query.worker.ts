/** Worker thread body for hashQuery of a video (see hashVideoQueryInWorker): one job, from workerData. */
import { parentPort, workerData } from 'node:worker_threads';
import { appErrorData } from '../domain/errors.js';
import { toolStats } from '../repositories/tool-stats.repository.js';
import { hashVideoQuery, type VideoQueryJob } from './query-hasher.js';

const job = workerData as VideoQueryJob;
const abort = new AbortController();
parentPort?.on('message', (m: unknown) => {
  if (m === 'abort') abort.abort();
});
// Progress is sent when it moves by a percent or more (one message per frame would be ~60 per minute of video).
let sent = -1;
hashVideoQuery(job.path, job.media, {
  ...job.opts,
  signal: abort.signal,
  onProgress: (f) => {
    if (f - sent < 0.01 && f < 1) return;
    sent = f;
    parentPort?.postMessage({ progress: f });
  },
}).then(
  (result) => parentPort?.postMessage({ result, tools: toolStats().tools }),
  (e: unknown) => parentPort?.postMessage({ error: appErrorData(e), tools: toolStats().tools }),
);
