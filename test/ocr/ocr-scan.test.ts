import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { detailRegions, detailScale, planScan } from '../../src/analyzers/ocr/frame.sampler.js';
import { cutByCrop, scanMedia, type ScanDeps } from '../../src/analyzers/ocr/ocr.scanner.js';
import { parsePpm } from '../../src/repositories/frame-grab.repository.js';
import { ctcDecode, layoutTiles } from '../../src/repositories/ocr.repository.js';

describe('planScan', () => {
  it('spreads frames over the clip by depth', () => {
    const d = planScan({ kind: 'video', duration: 60 }, 'default');
    assert.equal(d.timestamps.length, 8);
    assert.ok((d.timestamps[0] as number) > 0 && (d.timestamps[7] as number) < 60);
    assert.deepEqual(d.detailFrames, [0, 4, 7]);
    assert.equal(planScan({ kind: 'video', duration: 10 }, 'default').timestamps.length, 6);
    assert.equal(planScan({ kind: 'video', duration: 60 }, 'fast').timestamps.length, 3);
    const deep = planScan({ kind: 'video', duration: 60 }, 'deep');
    assert.ok(deep.timestamps.length >= 16 && deep.bands);
    assert.equal(deep.detailFrames.length, Math.ceil(deep.timestamps.length / 2));
  });
  it('reads a still image once, and a very short clip a few times', () => {
    assert.deepEqual(planScan({ kind: 'image', duration: null }, 'default').timestamps, [null]);
    assert.equal(planScan({ kind: 'video', duration: 0.5 }, 'default').timestamps.length, 2);
  });
});

describe('detail regions', () => {
  it('covers the four corners, and the bands when asked', () => {
    const r = detailRegions(1280, 720, false);
    assert.deepEqual(r.map((x) => x.name), ['top-left', 'top-right', 'bottom-left', 'bottom-right']);
    assert.equal(r[3].x + r[3].width, 1280);
    assert.equal(r[3].y + r[3].height, 720);
    assert.equal(detailRegions(1280, 720, true).length, 6);
    assert.equal(detailScale({ width: 435, height: 144 }, 720).toFixed(2), '1.66');
    assert.equal(detailScale({ width: 100, height: 50 }, 720), 3);
    assert.equal(detailScale({ width: 2000, height: 50 }, 720), 1);
  });
  it('drops lines cut by an inner crop edge', () => {
    const r = { x: 845, y: 0, width: 435, height: 144 };
    assert.equal(cutByCrop({ x: 846, y: 20, width: 100, height: 30 }, r, { width: 1280, height: 720 }), true);
    assert.equal(cutByCrop({ x: 1100, y: 2, width: 170, height: 30 }, r, { width: 1280, height: 720 }), false);
  });
});

describe('scanMedia', () => {
  it('reads every frame whole and the corners of detail frames, upscaled', async () => {
    const calls: { region: string; scale: number }[] = [];
    const deps: ScanDeps = {
      grabFrames: async (ts) => ts.map((t) => ({ width: 1920, height: 1080, channels: 3 as const, data: Buffer.alloc(0), timestamp: t })),
      decodeImage: async () => null,
      recognize: async (_img, tiles) =>
        tiles.map(({ region, scale }) => {
          calls.push({ region: region ? (region as { name?: string }).name ?? '?' : 'full', scale });
          return region ? [] : [{ text: 'Sora', confidence: 0.9, box: { x: 1700, y: 1000, width: 90, height: 40 } }];
        }),
    };
    const plan = planScan({ kind: 'video', duration: 12 }, 'default');
    const res = await scanMedia(plan, deps);
    assert.equal(res.frames.length, 6);
    assert.equal(calls.filter((c) => c.region === 'full').length, 6);
    assert.equal(calls.filter((c) => c.region !== 'full').length, 3 * 4);
    assert.equal(res.ocrCalls, 6 + 3, 'corners of a frame share one detection pass');
    assert.equal(calls.find((c) => c.region === 'full')?.scale, 0.5);
    assert.deepEqual(res.frames.map((f) => f.frame), [0, 1, 2, 3, 4, 5]);
    assert.equal(res.frames[0].lines[0].text, 'Sora');
  });
  it('returns no frames when a still cannot be decoded', async () => {
    const deps: ScanDeps = { grabFrames: async () => [], decodeImage: async () => null, recognize: async () => [] };
    const res = await scanMedia(planScan({ kind: 'image', duration: null }, 'default'), deps);
    assert.equal(res.frames.length, 0);
  });
});

describe('repository helpers', () => {
  it('parses the PPM ffmpeg writes', () => {
    const px = Buffer.from([1, 2, 3, 4, 5, 6]);
    const ppm = Buffer.concat([Buffer.from('P6\n2 1\n255\n'), px]);
    const img = parsePpm(ppm);
    assert.ok(img);
    assert.equal(img.width, 2);
    assert.equal(img.height, 1);
    assert.deepEqual([...img.data], [1, 2, 3, 4, 5, 6]);
    assert.equal(parsePpm(Buffer.from('P5\n2 1\n255\n\0\0')), null);
    assert.equal(parsePpm(Buffer.from('P6\n2 2\n255\n\0\0')), null, 'truncated');
  });
  it('packs tiles on a 32-px grid without overlap or much waste', () => {
    const corner = { x: 0, y: 0, width: 653, height: 216 };
    const band = { x: 0, y: 0, width: 1920, height: 194 };
    for (const [regions, scales] of [
      [[corner, corner, corner, corner], [1.47, 1.47, 1.47, 1.47]],
      [[corner, corner, corner, corner, band, band], [1.47, 1.47, 1.47, 1.47, 1, 1]],
    ] as [typeof corner[], number[]][]) {
      const { placed, width, height } = layoutTiles(regions, scales);
      assert.equal(placed.length, regions.length);
      for (const p of placed) for (const v of [p.left, p.top, p.w, p.h]) assert.equal(v % 32, 0);
      for (const a of placed) for (const b of placed) {
        if (a === b) continue;
        const apart = a.left + a.w <= b.left || b.left + b.w <= a.left || a.top + a.h <= b.top || b.top + b.h <= a.top;
        assert.ok(apart, 'tiles overlap');
      }
      const used = placed.reduce((n, p) => n + p.w * p.h, 0);
      assert.ok(used / (width * height) > 0.75, `canvas mostly used (${(used / (width * height)).toFixed(2)})`);
      assert.ok(placed.every((p) => p.left + p.w <= width && p.top + p.h <= height));
    }
  });
  it('decodes CTC output greedily (repeats collapsed, blanks dropped)', () => {
    const dict = ['a', 'b', 'c'];
    // 5 steps × 4 classes (0 = blank): a a blank a b
    const rows = [[0, 0.9, 0, 0], [0, 0.8, 0, 0], [0.9, 0, 0, 0], [0, 0.7, 0, 0], [0, 0, 0.6, 0]];
    const { text, confidence } = ctcDecode({ data: Float32Array.from(rows.flat()), dims: [1, 5, 4] }, dict);
    assert.equal(text, 'aab');
    assert.ok(Math.abs(confidence - (0.9 + 0.7 + 0.6) / 3) < 1e-6);
  });
});
