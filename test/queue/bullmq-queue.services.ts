import { after } from 'node:test';
import { BullmqQueue } from '../../src/queue/bullmq.queue.js';
import { runQueueContract } from '../../src/queue/queue.contract.js';
import { REDIS_URL, uniqueName } from '../helpers/services.js';

const made: BullmqQueue[] = [];
after(async () => {
  // Each queue used its own prefix; remove its keys with a fresh handle.
  for (const q of made) await q.obliterate().catch(() => {});
  for (const q of made) await q.close().catch(() => {});
});

runQueueContract('BullMQ (Redis)', (o) => {
  const prefix = uniqueName('gpt');
  const q = new BullmqQueue({ url: REDIS_URL, prefix, concurrency: o.concurrency, maxKept: o.maxKept, maxQueued: o.maxQueued, lockMs: 5000 });
  made.push(q);
  // The contract closes the queue itself; obliterate needs an open handle, so keep a second one for cleanup.
  made.push(new BullmqQueue({ url: REDIS_URL, prefix, concurrency: 1, producerOnly: true }));
  return q;
});
