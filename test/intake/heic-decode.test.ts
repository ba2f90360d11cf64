import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { decodeHeic } from '../../src/repositories/heic.repository.js';
import { SHARED } from '../helpers/cli.js';

// Regression (found by `npm run fuzz:media` as a hang): the wasm HEIC decoder ran on the main thread and froze the
// event loop for seconds per decode, so no deadline could fire. It now runs in a worker stopped at its timeout.
const BIG = join(SHARED, 'media', 'real', 'img_iphone_heic_exifr.heic');

describe('HEIC decoding off the main thread', () => {
  it('keeps the event loop running and stops at its timeout', { skip: !existsSync(BIG) && 'no shared HEIC', timeout: 120_000 }, async () => {
    let ticks = 0;
    const timer = setInterval(() => ticks++, 50);
    const t0 = Date.now();
    try {
      await assert.rejects(decodeHeic(BIG, 300), (e: { code?: string; message: string }) => e.code === 'media_corrupt' && /timed out/.test(e.message));
      assert.ok(Date.now() - t0 < 5_000, `stopped after ${Date.now() - t0} ms`);
      assert.ok(ticks >= 3, `event loop ran ${ticks} times during the decode`);
    } finally {
      clearInterval(timer);
    }
  });
  it('still decodes a real HEIC', { skip: !existsSync(BIG) && 'no shared HEIC', timeout: 120_000 }, async () => {
    const img = await decodeHeic(BIG, 100_000);
    assert.equal(img.width * img.height * 4, img.raw.length);
    assert.ok(img.width > 1000 && img.height > 1000);
  });
});
