import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { BullmqQueue } from '../../src/queue/bullmq.queue.js';
import { CheckResultsRepository } from '../../src/repositories/check-results.repository.js';
import { requeueLost } from '../../src/services/requeue.service.js';
import { REDIS_URL, tempPostgres, uniqueName } from '../helpers/services.js';

describe('re-queue checks the queue lost (Redis restarted empty)', () => {
  const cleanup: (() => Promise<void>)[] = [];
  after(async () => {
    for (const c of cleanup.reverse()) await c().catch(() => {});
  });

  it('queues again unfinished checks with no job, once, and leaves finished and recent ones alone', async () => {
    const pg = await tempPostgres('genproof_requeue');
    cleanup.push(pg.drop);
    const results = await CheckResultsRepository.open(pg.url);
    cleanup.push(() => results.close());
    const queue = new BullmqQueue({ url: REDIS_URL, prefix: uniqueName('gpt'), concurrency: 1, producerOnly: true });
    cleanup.push(async () => {
      await queue.obliterate();
      await queue.close();
    });
    const old = new Date(Date.now() - 120_000).toISOString();
    const payload = { post: { file: null, caption: 'lost', postedAt: null, urls: [] }, workDir: '/nonexistent', blobKey: null };
    await results.create({ id: 'lost', fileName: null, blobKey: null, createdAt: old, payload });
    await results.create({ id: 'fresh', fileName: null, blobKey: null, payload });
    await results.create({ id: 'finished', fileName: null, blobKey: null, createdAt: old, payload });
    await results.markRunning('finished');
    await results.finish('finished', { result: {}, quadrant: 'authentic', rating: null, frames: [] });
    assert.equal(await requeueLost({ results, queue, olderThanMs: 60_000 }), 1);
    assert.equal(await queue.has('lost'), true);
    assert.equal(await queue.has('fresh'), false);
    assert.equal(await requeueLost({ results, queue, olderThanMs: 60_000 }), 0, 'a job the queue holds is not added again');
  });
});
