import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { timeCoverage } from '../../src/signals/vpdq/vpdq.coverage.js';

const frames = (fps: number, seconds: number, quality = 100) => Array.from({ length: Math.round(fps * seconds) }, (_, i) => ({ timestamp: i / fps, quality }));

describe('coverage in time', () => {
  it('a repost aligned over 0–5.2 s of a 6 s original hashed at 25 fps covers ~87 % of it, not 8 %', () => {
    const seg = [{ query_start: 0, query_end: 5.2, reference_start: 0, reference_end: 5.2 }];
    const c = timeCoverage(frames(25, 6), seg, 'reference', 50);
    assert.ok(Math.abs(c - 131 / 150) < 0.01, String(c));
    assert.equal(timeCoverage(frames(1, 6), seg, 'query', 50), 1);
  });

  it('counts only frames inside the segments, and none without segments or usable frames', () => {
    const seg = [{ query_start: 0, query_end: 2, reference_start: 10, reference_end: 12 }];
    assert.ok(Math.abs(timeCoverage(frames(10, 20), seg, 'reference', 50) - 21 / 200) < 0.01);
    assert.equal(timeCoverage(frames(10, 20), [], 'reference', 50), 0);
    assert.equal(timeCoverage(frames(10, 20, 10), seg, 'reference', 50), 0);
  });
});
