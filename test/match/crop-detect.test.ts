/** Border/band detection on synthetic frames (pure, no ffmpeg). */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { detectCropCandidates, type RgbFrame } from '../../src/repositories/crop.repository.js';

/** A textured, moving picture (hashed noise shifted by t) of w×h. */
function picture(w: number, h: number, t: number): Uint8Array {
  const out = new Uint8Array(w * h * 3);
  for (let y = 0; y < h; y++)
    for (let x = 0; x < w; x++) {
      const v = (Math.sin((x + 3 * t) * 0.21) + Math.cos((y - 2 * t) * 0.17) + Math.sin((x * y + t * 50) * 0.003)) * 40 + 128;
      out.set([v, v * 0.8, 255 - v], (y * w + x) * 3);
    }
  return out;
}

/** Paste `pic` (pw×ph) into a canvas of W×H filled with `fill` at (px, py). */
function canvas(W: number, H: number, fill: number, pic: Uint8Array, pw: number, ph: number, px: number, py: number): RgbFrame {
  const rgb = new Uint8Array(W * H * 3).fill(fill);
  for (let y = 0; y < ph; y++) rgb.set(pic.subarray(y * pw * 3, (y + 1) * pw * 3), ((py + y) * W + px) * 3);
  return { rgb, width: W, height: H };
}

/** Black boxes as words in rows [y0, y1) over 50 % of the width. */
function words(f: RgbFrame, y0: number, y1: number): RgbFrame {
  for (let y = y0; y < y1; y++)
    for (const [a, b] of [[0.1, 0.25], [0.3, 0.5], [0.55, 0.7]])
      for (let x = Math.round(a * f.width); x < Math.round(b * f.width); x++) f.rgb.fill(0, (y * f.width + x) * 3, (y * f.width + x) * 3 + 3);
  return f;
}

const frames = (make: (t: number) => RgbFrame) => Array.from({ length: 8 }, (_, t) => make(t * 5));
const near = (a: number, b: number, tol = 2) => Math.abs(a - b) <= tol;

describe('detectCropCandidates', () => {
  test('letterbox: a 16:9 picture in a 9:16 canvas with black bars', () => {
    const c = detectCropCandidates(frames((t) => canvas(180, 320, 0, picture(180, 100, t), 180, 100, 0, 110)));
    const solid = c.find((k) => k.reason === 'solid');
    assert.ok(solid, JSON.stringify(c));
    assert.ok(near(solid.rect.y, 110) && near(solid.rect.height, 100) && solid.rect.x === 0 && solid.rect.width === 180, JSON.stringify(solid));
  });

  test('pillarbox with a watermark in a bar is still a bar', () => {
    const c = detectCropCandidates(frames((t) => {
      const f = canvas(320, 180, 16, picture(200, 180, t), 200, 180, 60, 0);
      for (let y = 160; y < 166; y++) f.rgb.fill(200, (y * 320 + 5) * 3, (y * 320 + 9) * 3); // a tiny logo
      return f;
    }));
    const solid = c.find((k) => k.reason === 'solid');
    assert.ok(solid && near(solid.rect.x, 60) && near(solid.rect.width, 200), JSON.stringify(c));
  });

  test('a caption band (white with words) padded above the picture', () => {
    const c = detectCropCandidates(frames((t) => words(canvas(240, 200, 255, picture(240, 160, t), 240, 160, 0, 40), 12, 26)));
    const band = c.find((k) => k.reason === 'band' || k.reason === 'static');
    assert.ok(band && near(band.rect.y, 40) && near(band.rect.height, 160), JSON.stringify(c));
  });

  test('nothing to crop in a plain moving picture', () => {
    const c = detectCropCandidates(frames((t) => ({ rgb: picture(200, 150, t), width: 200, height: 150 })));
    assert.deepEqual(c.filter((k) => k.reason !== 'aspect'), []);
  });

  test('a dim, uniform floor without a visible edge is not a bar', () => {
    const c = detectCropCandidates(frames((t) => {
      const f = { rgb: picture(200, 150, t), width: 200, height: 150 };
      // Bottom third fades smoothly into a flat dark floor.
      for (let y = 100; y < 150; y++)
        for (let x = 0; x < 200; x++) {
          const i = (y * 200 + x) * 3;
          const k = Math.min(1, (y - 100) / 20);
          for (let ch = 0; ch < 3; ch++) f.rgb[i + ch] = Math.round(f.rgb[i + ch] * (1 - k) + 20 * k);
        }
      return f;
    }));
    assert.equal(c.find((k) => k.reason === 'solid'), undefined, JSON.stringify(c));
  });
});
