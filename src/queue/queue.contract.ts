import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { AppError } from '../domain/errors.js';
import type { JobQueue } from './queue.js';

const post = (caption: string) => ({ post: { file: null, caption, postedAt: null, urls: [] }, workDir: '/nonexistent' });
const until = async (f: () => Promise<boolean>) => {
  for (let i = 0; i < 500 && !(await f()); i++) await new Promise((r) => setTimeout(r, 5));
};

/**
 * The behaviour every JobQueue implementation must have (in-process now, BullMQ later): run it with a factory
 * that builds a fresh queue with the given concurrency and number of kept results.
 */
export function runQueueContract(name: string, make: (o: { concurrency: number; maxKept: number; maxQueued?: number }) => JobQueue): void {
  describe(`JobQueue contract: ${name}`, () => {
    it('refuses a second handler for a name and jobs without a handler', async () => {
      const q = make({ concurrency: 1, maxKept: 10 });
      await assert.rejects(q.enqueue('check', post('x')), /no handler/);
      q.register('check', async () => 1);
      assert.throws(() => q.register('check', async () => 2), /already has a handler/);
      await q.close();
    });

    it('runs jobs to done with results, progress and stage; failures keep the AppError code', async () => {
      const q = make({ concurrency: 2, maxKept: 10 });
      q.register('check', async (p, ctx) => {
        ctx.progress(0.4, 'probe');
        if (p.post.caption === 'bad') throw new AppError('media_corrupt', 'broken', { httpStatus: 422 });
        if (p.post.caption === 'boom') throw new Error('unexpected');
        return { echo: p.post.caption };
      });
      const ok = await q.enqueue('check', post('hi'));
      const bad = await q.enqueue('check', post('bad'));
      const boom = await q.enqueue('check', post('boom'));
      await until(async () => ['done', 'failed'].includes((await q.get(boom))?.status ?? ''));
      await until(async () => (await q.get(ok))?.status === 'done' && (await q.get(bad))?.status === 'failed');
      const a = (await q.get(ok))!;
      assert.deepEqual([a.status, a.progress, a.stage, a.result, a.error], ['done', 1, 'probe', { echo: 'hi' }, null]);
      assert.deepEqual((await q.get(bad))!.error, { code: 'media_corrupt', message: 'broken', status: 422 });
      assert.equal((await q.get(boom))!.error?.code, 'internal_error');
      assert.equal(await q.get('unknown'), null);
      await q.close();
    });

    it('never runs more than `concurrency` jobs at once', async () => {
      const q = make({ concurrency: 3, maxKept: 50 });
      let running = 0;
      let max = 0;
      q.register('check', async () => {
        running++;
        max = Math.max(max, running);
        await new Promise((r) => setTimeout(r, 10));
        running--;
      });
      const ids = await Promise.all(Array.from({ length: 12 }, (_, i) => q.enqueue('check', post(String(i)))));
      await until(async () => (await Promise.all(ids.map((id) => q.get(id)))).every((s) => s?.status === 'done'));
      assert.equal(max, 3);
      assert.equal(q.stats().maxRunning, 3);
      await q.close();
    });

    it('keeps a bounded number of finished jobs and calls onEvict for the dropped ones', async () => {
      const q = make({ concurrency: 1, maxKept: 2 });
      q.register('check', async () => 'r');
      const evicted: string[] = [];
      const ids: string[] = [];
      for (const c of ['a', 'b', 'c', 'd']) {
        const id = await q.enqueue('check', post(c), { onEvict: () => void evicted.push(c) });
        ids.push(id);
        await until(async () => (await q.get(id))?.status === 'done');
      }
      await until(async () => evicted.length >= 2);
      assert.deepEqual(evicted, ['a', 'b']);
      assert.equal(await q.get(ids[0]), null);
      assert.equal((await q.get(ids[3]))?.status, 'done');
      assert.ok(q.stats().kept <= 2);
      await q.close();
      assert.deepEqual(evicted.sort(), ['a', 'b', 'c', 'd'], 'close releases everything');
    });

    it('refuses work beyond the backlog limit with queue_full, and after close', async () => {
      const q = make({ concurrency: 1, maxKept: 10, maxQueued: 1 });
      let release!: () => void;
      const gate = new Promise<void>((r) => (release = r));
      q.register('check', async () => gate);
      await q.enqueue('check', post('running'));
      await until(async () => q.stats().running === 1);
      await q.enqueue('check', post('waiting'));
      await assert.rejects(q.enqueue('check', post('too many')), (e: unknown) => e instanceof AppError && e.code === 'queue_full' && e.httpStatus === 503);
      release();
      await q.close();
      await assert.rejects(q.enqueue('check', post('late')), (e: unknown) => e instanceof AppError && e.code === 'service_unavailable');
    });
  });
}
