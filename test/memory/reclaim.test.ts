// reclaimGarbage: a full collection between heavy steps, only when enough array-buffer memory was allocated.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { reclaimGarbage } from '../../src/repositories/reclaim.js';

const MiB = 1024 * 1024;
/** Dead buffers are freed on a V8 background thread just after the collection. */
const settle = () => new Promise((r) => setTimeout(r, 200));

describe('reclaimGarbage', () => {
  it('frees dropped pixel buffers when enough were allocated, and does nothing otherwise', async () => {
    reclaimGarbage(0); // start from a collection of its own
    await settle();
    assert.equal(reclaimGarbage(8 * MiB), false, 'nothing allocated since: no collection');
    let frames: Uint8Array[] | null = Array.from({ length: 8 }, () => new Uint8Array(6 * MiB).fill(1));
    assert.equal(frames.length, 8);
    frames = null;
    const before = process.memoryUsage().arrayBuffers;
    assert.ok(before >= 48 * MiB, `48 MiB of buffers counted before (${before})`);
    assert.equal(reclaimGarbage(24 * MiB), true);
    await settle();
    const after = process.memoryUsage().arrayBuffers;
    assert.ok(before - after >= 32 * MiB, `most of the dropped buffers were freed: ${before} -> ${after}`);
    // What it kept is its new baseline: the same amount again is needed before the next collection.
    assert.equal(reclaimGarbage(24 * MiB), false);
  });
});
