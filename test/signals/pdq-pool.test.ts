/** PdqPool: frames really hashed on worker threads, with the same results as on the main thread. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { pdqFromGray, pdqFromRgb, pdqToHex } from '../../src/signals/pdq/pdq.js';
import { PdqPool } from '../../src/signals/pdq/pdq.pool.js';

describe('PdqPool', () => {
  it('hashes on workers when they have room, and results equal main-thread hashing', async () => {
    const pool = new PdqPool(2);
    try {
      const jobs: { px: Uint8Array; w: number; h: number; c: 1 | 3 }[] = [];
      for (let i = 0; i < 24; i++) {
        const w = 90 + i, h = 70, c: 1 | 3 = i % 2 ? 1 : 3;
        const px = new Uint8Array(w * h * c).map((_, k) => (Math.sin(k / (13 + i)) * 100 + 128 + i * k) & 255);
        jobs.push({ px, w, h, c });
      }
      const out = await Promise.all(jobs.map((j) => pool.submit(j.px, j.w, j.h, j.c)));
      out.forEach((r, i) => {
        const j = jobs[i];
        const want = j.c === 1 ? pdqFromGray(j.px, j.w, j.h) : pdqFromRgb(j.px, j.w, j.h);
        assert.equal(pdqToHex(r.hash), pdqToHex(want.hash), `job ${i}`);
        assert.equal(r.quality, want.quality);
      });
      assert.ok(pool.workerJobs > 0, 'no frame was hashed on a worker thread');
    } finally {
      await pool.close();
    }
  });
});
