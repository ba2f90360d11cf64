/**
 * Differential test: the optimised, streamed PDQ against a plain transcription of the published algorithm
 * (full-frame buffers, strided column passes, true division), bit for bit, on many image shapes.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { pdqDihedralFromRgb, pdqFromGray, pdqFromRgb, pdqToHex } from '../../src/signals/pdq/pdq.js';

const fr = Math.fround;

function box1d(inp: Float32Array, out: Float32Array, start: number, len: number, stride: number, win: number): void {
  const half = Math.floor((win + 2) / 2);
  let li = start, ri = start, oi = start, sum = 0, n = 0;
  for (let i = 0; i < half - 1; i++) { sum = fr(sum + inp[ri]); n++; ri += stride; }
  for (let i = 0; i < win - half + 1; i++) { sum = fr(sum + inp[ri]); n++; out[oi] = fr(sum / n); ri += stride; oi += stride; }
  for (let i = 0; i < len - win; i++) {
    sum = fr(sum + inp[ri]); sum = fr(sum - inp[li]); out[oi] = fr(sum / n);
    li += stride; ri += stride; oi += stride;
  }
  for (let i = 0; i < half - 1; i++) { sum = fr(sum - inp[li]); n--; out[oi] = fr(sum / n); li += stride; oi += stride; }
}

/** Reference transcription; returns the hex hash and quality. */
function plainPdq(px: Uint8Array, w: number, h: number, channels: 1 | 3): { hex: string; quality: number } {
  if (w < 5 || h < 5) return { hex: '0'.repeat(64), quality: 0 };
  const a = new Float32Array(w * h), b = new Float32Array(w * h);
  const cr = fr(0.299), cg = fr(0.587), cb = fr(0.114);
  for (let p = 0; p < w * h; p++) {
    a[p] = channels === 1 ? px[p] : fr(fr(fr(cr * px[p * 3]) + fr(cg * px[p * 3 + 1])) + fr(cb * px[p * 3 + 2]));
  }
  const s = new Float32Array(4096);
  if (w === 64 && h === 64) s.set(a);
  else {
    const wr = Math.floor((w + 127) / 128), wc = Math.floor((h + 127) / 128);
    for (let pass = 0; pass < 2; pass++) {
      for (let r = 0; r < h; r++) box1d(a, b, r * w, w, 1, wr);
      for (let c = 0; c < w; c++) box1d(b, a, c, h, w, wc);
    }
    for (let i = 0; i < 64; i++) for (let j = 0; j < 64; j++) {
      s[i * 64 + j] = a[Math.floor(((i + 0.5) * h) / 64) * w + Math.floor(((j + 0.5) * w) / 64)];
    }
  }
  let g = 0;
  for (let i = 0; i < 63; i++) for (let j = 0; j < 64; j++) g += Math.abs(Math.trunc(fr(fr(fr(s[i * 64 + j] - s[i * 64 + 64 + j]) * 100) / 255)));
  for (let i = 0; i < 64; i++) for (let j = 0; j < 63; j++) g += Math.abs(Math.trunc(fr(fr(fr(s[i * 64 + j] - s[i * 64 + j + 1]) * 100) / 255)));
  const quality = Math.min(100, Math.trunc(g / 90));
  const scale = fr(Math.sqrt(2 / 64));
  const D = new Float32Array(1024);
  for (let i = 0; i < 16; i++) for (let j = 0; j < 64; j++) D[i * 64 + j] = scale * Math.cos((Math.PI / 2 / 64) * (i + 1) * (2 * j + 1));
  const T = new Float32Array(1024), B = new Float32Array(256);
  for (let i = 0; i < 16; i++) for (let j = 0; j < 64; j++) { let x = 0; for (let k = 0; k < 64; k++) x = fr(x + fr(D[i * 64 + k] * s[k * 64 + j])); T[i * 64 + j] = x; }
  for (let i = 0; i < 16; i++) for (let j = 0; j < 16; j++) { let x = 0; for (let k = 0; k < 64; k++) x = fr(x + fr(T[i * 64 + k] * D[j * 64 + k])); B[i * 16 + j] = x; }
  const median = [...B].sort((x, y) => x - y)[127];
  let bits = 0n;
  for (let k = 0; k < 256; k++) if (B[k] > median) bits |= 1n << BigInt(k);
  return { hex: bits.toString(16).padStart(64, '0'), quality };
}

function image(w: number, h: number, channels: 1 | 3, seed: number): Uint8Array {
  const px = new Uint8Array(w * h * channels);
  let x = seed;
  for (let y = 0; y < h; y++) for (let c = 0; c < w; c++) for (let k = 0; k < channels; k++) {
    x = (Math.imul(x, 1103515245) + 12345) >>> 0;
    px[(y * w + c) * channels + k] = ((Math.sin(c / (7 + k)) + Math.cos(y / 11)) * 50 + 128 + ((x >>> 24) % 40)) & 255;
  }
  return px;
}

describe('PDQ optimised vs plain transcription', () => {
  const shapes: [number, number][] = [
    [5, 5], [6, 9], [64, 64], [63, 65], [7, 300], [300, 7], [128, 128], [129, 257], [200, 133],
    [480, 270], [513, 17], [17, 513], [640, 360], [260, 1000], [1000, 130],
  ];
  for (const [w, h] of shapes) {
    it(`${w}×${h}: identical bits and quality (RGB and grey)`, () => {
      for (const channels of [3, 1] as const) {
        const px = image(w, h, channels, w * 31 + h);
        const got = channels === 3 ? pdqFromRgb(px, w, h) : pdqFromGray(px, w, h);
        const want = plainPdq(px, w, h, channels);
        assert.equal(pdqToHex(got.hash), want.hex, `channels ${channels}`);
        assert.equal(got.quality, want.quality, `quality, channels ${channels}`);
      }
      if (w >= 5 && h >= 5) {
        const px = image(w, h, 3, 5);
        assert.equal(pdqToHex(pdqDihedralFromRgb(px, w, h).original.hash), plainPdq(px, w, h, 3).hex);
      }
    });
  }
});
