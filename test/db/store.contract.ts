/**
 * What the registry and check-results repositories must do on every database (SQLite and Postgres alike): run it
 * with a factory that makes a fresh, empty database target (file path or URL) and removes it afterwards.
 */
import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { RegistryRepository, type NewReference } from '../../src/repositories/registry.repository.js';
import { CheckResultsRepository } from '../../src/repositories/check-results.repository.js';

export interface StoreTarget {
  name: string;
  fresh(): Promise<{ target: string; drop: () => Promise<void> }>;
}

function reference(id: string, hashes: number, addedAt = '2026-12-01T00:00:00.000Z'): NewReference {
  return {
    row: { id, file_name: `${id}.mp4`, sha256: `sha-${id}`, label: 'original', generator: null, source: 'test', added_at: addedAt, kind: 'video', duration: 2, width: 64, height: 64, fps: 10, frames: hashes },
    hashes: Array.from({ length: hashes }, (_, i) => ({ view: 'full' as const, crop: 1, frame: i, timestamp: i / 10, quality: 90, pdq: new Uint8Array(32).fill(i % 256) })),
    keyframes: [{ idx: 0, timestamp: 0, width: 8, height: 8, jpeg: Buffer.from([0xff, 0xd8, 0xff, 1, 2, 3]) }],
  };
}

const result = (q: string) => ({ result: { verdict: { quadrant: q } }, quadrant: q, rating: null, frames: [{ idx: 0, timestamp: 0.5, jpeg: Buffer.from([0xff, 0xd8, 1]) }] });

export function runStoreContract(t: StoreTarget): void {
  describe(`store contract: ${t.name}`, () => {
    const drops: (() => Promise<void>)[] = [];
    after(async () => {
      for (const d of drops) await d().catch(() => {});
    });
    async function fresh(): Promise<string> {
      const f = await t.fresh();
      drops.push(f.drop);
      return f.target;
    }

    it('migrates safely when several processes open the same database at once', async () => {
      const target = await fresh();
      const repos = await Promise.all([1, 2, 3, 4].map(() => RegistryRepository.open(target)));
      const names = await repos[0].schemaVersion();
      assert.ok(names.includes('2026-12-07-001-checks'), names.join(','));
      for (const r of repos) await r.close();
    });

    it('stores references with hashes and keyframes, pages hashes since a row id, deletes with cascade', async () => {
      const repo = await RegistryRepository.open(await fresh());
      try {
        await repo.insert(reference('r1', 1200));
        await repo.insert(reference('r2', 3, '2026-12-02T00:00:00.000Z'));
        assert.equal(await repo.count(), 2);
        assert.equal((await repo.findBySha256('sha-r1'))?.id, 'r1');
        assert.deepEqual((await repo.list(0, 10)).items.map((r) => r.id), ['r2', 'r1']);
        const hs = await repo.hashes('r1');
        assert.equal(hs.length, 1200);
        assert.deepEqual([...hs[7].pdq.slice(0, 2)], [7, 7]);
        const max = await repo.maxHashId();
        let seen = 0;
        let batches = 0;
        for await (const b of repo.hashesSince(0, max, 500)) {
          seen += b.rows.length;
          batches++;
        }
        assert.equal(seen, 1203);
        assert.equal(batches, 3);
        let later = 0;
        for await (const b of repo.hashesSince(max - 3, max)) later += b.rows.length;
        assert.equal(later, 3, 'only rows added since the cursor');
        assert.deepEqual([...(await repo.keyframe('r1', 0))!.jpeg.subarray(0, 3)], [0xff, 0xd8, 0xff]);
        assert.equal(await repo.delete('r1'), true);
        assert.equal((await repo.hashes('r1')).length, 0);
        assert.equal((await repo.keyframes('r1')).length, 0);
      } finally {
        await repo.close();
      }
    });

    it('an import that fails midway leaves no partial reference (one transaction)', async () => {
      const repo = await RegistryRepository.open(await fresh());
      try {
        const bad = reference('r3', 1200);
        (bad.hashes[1100] as { pdq: unknown }).pdq = null; // the third batch of rows violates NOT NULL
        await assert.rejects(repo.insert(bad));
        assert.equal(await repo.get('r3'), undefined);
        assert.equal(await repo.maxHashId() === 0 || (await repo.hashes('r3')).length === 0, true);
        assert.equal((await repo.hashes('r3')).length, 0);
        assert.equal(await repo.count(), 0);
      } finally {
        await repo.close();
      }
    });

    it('stores each check outcome exactly once, lists newest first with a cursor, deletes and purges', async () => {
      const store = await CheckResultsRepository.open(await fresh());
      try {
        for (let i = 0; i < 5; i++) await store.create({ id: `c${i}`, fileName: `f${i}.mp4`, blobKey: null, createdAt: `2026-12-0${i + 1}T00:00:00.000Z` });
        assert.equal(await store.markRunning('c0'), 'run');
        await store.progress('c0', 0.5, 'probe');
        assert.deepEqual([(await store.get('c0'))!.progress, (await store.get('c0'))!.stage], [0.5, 'probe']);
        assert.equal(await store.finish('c0', result('authentic')), true);
        // A redelivered job (worker killed after storing) finds the check done and stores nothing more.
        assert.equal(await store.markRunning('c0'), 'done');
        assert.equal(await store.finish('c0', result('undisclosed_ai')), false);
        assert.equal(await store.fail('c0', { code: 'x', message: 'y', status: 500 }), false);
        const c0 = (await store.get('c0'))!;
        assert.deepEqual([c0.status, c0.quadrant, c0.attempts], ['done', 'authentic', 1]);
        assert.equal((await store.frames('c0')).length, 1);
        // A retry after a crash mid-check counts a second attempt and still stores once.
        assert.equal(await store.markRunning('c1'), 'run');
        assert.equal(await store.markRunning('c1'), 'run');
        assert.equal(await store.finish('c1', result('authentic')), true);
        assert.equal((await store.get('c1'))!.attempts, 2);
        assert.equal(await store.markRunning('nope'), 'missing');
        assert.equal(await store.fail('c2', { code: 'media_corrupt', message: 'bad', status: 422 }), true);
        assert.deepEqual(await store.countByStatus(), { queued: 2, running: 0, done: 2, failed: 1 });

        const p1 = await store.list(null, 2);
        assert.deepEqual(p1.items.map((i) => i.id), ['c4', 'c3']);
        const p2 = await store.list(p1.next_cursor, 2);
        assert.deepEqual(p2.items.map((i) => i.id), ['c2', 'c1']);
        const p3 = await store.list(p2.next_cursor, 2);
        assert.deepEqual([p3.items.map((i) => i.id), p3.next_cursor], [['c0'], null]);
        assert.equal((await store.list('garbage', 500)).items.length, 5);

        assert.equal(await store.delete('c0'), null);
        assert.equal(await store.delete('c0'), undefined);
        assert.equal((await store.frames('c0')).length, 0);
        await store.purgeBefore('2026-12-04T00:00:00.000Z');
        assert.deepEqual((await store.list(null, 10)).items.map((i) => i.id), ['c4', 'c3']);
        assert.equal(await store.failInterrupted(), 2);
        assert.equal(await store.ping(), true);
      } finally {
        await store.close();
      }
    });
  });
}
