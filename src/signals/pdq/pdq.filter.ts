/**
 * PDQ's image-domain downsampling, bit-exact with the C++ reference: float32 luma, two passes of a Jarosz box
 * filter (rows then columns, twice), then 64×64 decimation at pixel centres.
 *
 * The passes run as a stream over rows: luma and the first row pass for 8 rows at a time, the first column pass
 * over a ring of (window + 1) rows, the second row pass on 8 of its output rows at a time keeping only the 64
 * sampled columns, and the last column pass on that h×64 strip. Per column and per row the float32 operations
 * happen in exactly the reference's order, so the result is identical, while the working set stays in cache.
 */
import { ValidationError } from '../../domain/errors.js';
import { boxDownsample, boxWasmFor } from './pdq.box.js';

const fr = Math.fround;
export const MIN_HASHABLE_DIM = 5;

// Luma: C++ computes `0.299f*r + 0.587f*g + 0.114f*b` in float; precompute the per-channel products.
const LUMA_R = new Float64Array(256);
const LUMA_G = new Float64Array(256);
const LUMA_B = new Float64Array(256);
{
  const cr = fr(0.299), cg = fr(0.587), cb = fr(0.114);
  for (let v = 0; v < 256; v++) {
    LUMA_R[v] = fr(cr * v);
    LUMA_G[v] = fr(cg * v);
    LUMA_B[v] = fr(cb * v);
  }
}

// float(R·cr + G·cg) for every (R, G): one lookup instead of two and a rounding (the store rounds the rest).
const LUMA_RG = new Float32Array(65536);
for (let r = 0; r < 256; r++) for (let g = 0; g < 256; g++) LUMA_RG[(r << 8) | g] = LUMA_R[r] + LUMA_G[g];

/** Jarosz window size: ceil(old / (2·64)). */
export function jaroszWindow(oldDim: number): number {
  return Math.floor((oldDim + 128 - 1) / 128);
}

/*
 * Division by the window count is done as a multiplication by the double reciprocal: for a float32 x and an
 * integer n ≤ 2^20 the exact quotient is never a float32 rounding midpoint and stays at least 2^-24/n (relative)
 * away from one, far more than the ~2^-52 error of x·(1/n) in double, so rounding to float32 gives the
 * reference's bits exactly.
 */
/**
 * One 1-D box pass along every row of `inp` (w×h) into `out`, with the arithmetic of the reference's box1DFloat.
 * 8 rows run interleaved: each running sum is a serial float32 chain, so this gives the CPU independent work.
 */
function boxRows(inp: Float32Array, out: Float32Array, w: number, h: number, win: number): void {
  const half = (win + 2) >> 1;
  const p1 = half - 1;
  const p2 = win - half + 1;
  const p3 = w - win;
  const p4 = half - 1;
  let r = 0;
  for (; r + 8 <= h; r += 8) {
    const b0 = r * w, b1 = b0 + w, b2 = b1 + w, b3 = b2 + w, b4 = b3 + w, b5 = b4 + w, b6 = b5 + w, b7 = b6 + w;
    let s0 = 0, s1 = 0, s2 = 0, s3 = 0, s4 = 0, s5 = 0, s6 = 0, s7 = 0;
    let ri = 0, li = 0, oi = 0, n = 0, rn = 0;
    for (let i = 0; i < p1; i++, ri++) {
      s0 = fr(s0 + inp[b0 + ri]); s1 = fr(s1 + inp[b1 + ri]); s2 = fr(s2 + inp[b2 + ri]); s3 = fr(s3 + inp[b3 + ri]);
      s4 = fr(s4 + inp[b4 + ri]); s5 = fr(s5 + inp[b5 + ri]); s6 = fr(s6 + inp[b6 + ri]); s7 = fr(s7 + inp[b7 + ri]);
      n++; rn = 1 / n;
    }
    for (let i = 0; i < p2; i++, ri++, oi++) {
      s0 = fr(s0 + inp[b0 + ri]); s1 = fr(s1 + inp[b1 + ri]); s2 = fr(s2 + inp[b2 + ri]); s3 = fr(s3 + inp[b3 + ri]);
      s4 = fr(s4 + inp[b4 + ri]); s5 = fr(s5 + inp[b5 + ri]); s6 = fr(s6 + inp[b6 + ri]); s7 = fr(s7 + inp[b7 + ri]);
      n++; rn = 1 / n;
      out[b0 + oi] = s0 * rn; out[b1 + oi] = s1 * rn; out[b2 + oi] = s2 * rn; out[b3 + oi] = s3 * rn;
      out[b4 + oi] = s4 * rn; out[b5 + oi] = s5 * rn; out[b6 + oi] = s6 * rn; out[b7 + oi] = s7 * rn;
    }
    for (let i = 0; i < p3; i++, ri++, li++, oi++) {
      s0 = fr(fr(s0 + inp[b0 + ri]) - inp[b0 + li]);
      s1 = fr(fr(s1 + inp[b1 + ri]) - inp[b1 + li]);
      s2 = fr(fr(s2 + inp[b2 + ri]) - inp[b2 + li]);
      s3 = fr(fr(s3 + inp[b3 + ri]) - inp[b3 + li]);
      s4 = fr(fr(s4 + inp[b4 + ri]) - inp[b4 + li]);
      s5 = fr(fr(s5 + inp[b5 + ri]) - inp[b5 + li]);
      s6 = fr(fr(s6 + inp[b6 + ri]) - inp[b6 + li]);
      s7 = fr(fr(s7 + inp[b7 + ri]) - inp[b7 + li]);
      out[b0 + oi] = s0 * rn; out[b1 + oi] = s1 * rn; out[b2 + oi] = s2 * rn; out[b3 + oi] = s3 * rn;
      out[b4 + oi] = s4 * rn; out[b5 + oi] = s5 * rn; out[b6 + oi] = s6 * rn; out[b7 + oi] = s7 * rn;
    }
    for (let i = 0; i < p4; i++, li++, oi++) {
      s0 = fr(s0 - inp[b0 + li]); s1 = fr(s1 - inp[b1 + li]); s2 = fr(s2 - inp[b2 + li]); s3 = fr(s3 - inp[b3 + li]);
      s4 = fr(s4 - inp[b4 + li]); s5 = fr(s5 - inp[b5 + li]); s6 = fr(s6 - inp[b6 + li]); s7 = fr(s7 - inp[b7 + li]);
      n--; rn = 1 / n;
      out[b0 + oi] = s0 * rn; out[b1 + oi] = s1 * rn; out[b2 + oi] = s2 * rn; out[b3 + oi] = s3 * rn;
      out[b4 + oi] = s4 * rn; out[b5 + oi] = s5 * rn; out[b6 + oi] = s6 * rn; out[b7 + oi] = s7 * rn;
    }
  }
  for (; r < h; r++) {
    const base = r * w;
    let ri = base, li = base, oi = base;
    let sum = 0;
    let n = 0, rn = 0;
    for (let i = 0; i < p1; i++) { sum = fr(sum + inp[ri++]); n++; rn = 1 / n; }
    for (let i = 0; i < p2; i++) { sum = fr(sum + inp[ri++]); n++; rn = 1 / n; out[oi++] = sum * rn; }
    for (let i = 0; i < p3; i++) {
      sum = fr(sum + inp[ri++]);
      sum = fr(sum - inp[li++]);
      out[oi++] = sum * rn;
    }
    for (let i = 0; i < p4; i++) { sum = fr(sum - inp[li++]); n--; rn = 1 / n; out[oi++] = sum * rn; }
  }
}

/** One 1-D box pass down every column, swept row by row; per column identical to the reference's box1DFloat. */
function boxCols(inp: Float32Array, out: Float32Array, w: number, h: number, win: number): void {
  const half = (win + 2) >> 1;
  const p1 = half - 1;
  const p2 = win - half + 1;
  const p3 = h - win;
  const p4 = half - 1;
  const s = sums;
  s.fill(0, 0, w);
  let ri = 0, li = 0, oi = 0;
  let n = 0, rn = 0;
  for (let i = 0; i < p1; i++, ri++) { const b = ri * w; for (let c = 0;
  c < w; c++) s[c] += inp[b + c]; n++; rn = 1 / n; };
  for (let i = 0; i < p2; i++, ri++, oi++) {
    const b = ri * w, o = oi * w; n++; rn = 1 / n;
    for (let c = 0; c < w; c++) { s[c] += inp[b + c]; out[o + c] = s[c] * rn; }
  }
  for (let i = 0; i < p3; i++, ri++, li++, oi++) {
    const b = ri * w, l = li * w, o = oi * w;
    for (let c = 0; c < w; c++) { const v = fr(fr(s[c] + inp[b + c]) - inp[l + c]); s[c] = v; out[o + c] = v * rn; }
  }
  for (let i = 0; i < p4; i++, li++, oi++) {
    const l = li * w, o = oi * w; n--; rn = 1 / n;
    for (let c = 0; c < w; c++) { s[c] -= inp[l + c]; out[o + c] = s[c] * rn; }
  }
}

function sampleIndices(dim: number): Int32Array {
  const idx = new Int32Array(64);
  for (let i = 0; i < 64; i++) idx[i] = Math.floor(((i + 0.5) * dim) / 64);
  return idx;
}

// Scratch buffers, grown on demand (single-threaded JS: safe to reuse between calls).
let chunkIn: Float32Array = new Float32Array(0);
let ring: Float32Array = new Float32Array(0);
let sums: Float32Array = new Float32Array(0);
let pendIn: Float32Array = new Float32Array(0);
let pendOut: Float32Array = new Float32Array(0);
let strip: Float32Array = new Float32Array(0);
let stripOut: Float32Array = new Float32Array(0);

function grow(a: Float32Array, n: number): Float32Array {
  return a.length >= n ? a : new Float32Array(n);
}

/**
 * Luma of `n` RGB24 pixels from byte `q` of `px` into `out[0..n)`: the reference's float32 formula, rounded by the
 * Float32Array store. The one place it is computed (rows of a picture, whole planes, the mask grey).
 */
function rgbLuma(px: Uint8Array, q: number, out: Float32Array, n: number): void {
  for (let p = 0; p < n; p++, q += 3) out[p] = LUMA_RG[(px[q] << 8) | px[q + 1]] + LUMA_B[px[q + 2]];
}
const maskLuma = new Float32Array(1);

/** The luma plane read instead of pixels while downsampleLumaTo64 runs (null: read `px`). */
let srcPlane: Float32Array | null = null;
let srcStride = 0;
let srcX = 0;
let srcY = 0;
let srcMaskFrom = 0;
let srcMaskTo = 0;
let srcMaskValue = 0;

/**
 * Luma of rows [r0, r0 + k) into `out` from float `o`, rows `stride` floats apart (default: chunkIn, packed): RGB via
 * the reference's float32 formula, grey used as is, or the luma view being hashed (with its masked rows).
 */
function lumaRows(px: Uint8Array, w: number, r0: number, k: number, channels: 1 | 3, out = chunkIn, o = 0, stride = w): void {
  if (srcPlane) {
    for (let t = 0; t < k; t++, o += stride) {
      const r = r0 + t;
      if (r >= srcMaskFrom && r < srcMaskTo) {
        out.fill(srcMaskValue, o, o + w);
        continue;
      }
      const s = (srcY + r) * srcStride + srcX;
      out.set(srcPlane.subarray(s, s + w), o);
    }
  } else if (channels === 3 && stride === w) {
    rgbLuma(px, r0 * w * 3, o === 0 ? out : out.subarray(o), k * w);
  } else {
    for (let t = 0; t < k; t++, o += stride) {
      const q = (r0 + t) * w;
      if (channels === 3) rgbLuma(px, q * 3, out.subarray(o, o + w), w);
      else for (let c = 0; c < w; c++) out[o + c] = px[q + c];
    }
  }
}

/** Second row pass on `k` pending column-pass rows; keep the 64 sampled columns as strip rows [o0, o0 + k). */
function flushPending(w: number, k: number, wr: number, cols: Int32Array, o0: number): void {
  boxRows(pendIn, pendOut, w, k, wr);
  for (let t = 0; t < k; t++) {
    const src = t * w, dst = (o0 + t) * 64;
    for (let j = 0; j < 64; j++) strip[dst + j] = pendOut[src + cols[j]];
  }
}

/**
 * Fill `out` (64×64, row-major) with PDQ's downsample of an RGB24 image (channels 3) or 8-bit luma (channels 1,
 * used as is like the reference's grey path). Returns false when the image is too small to hash.
 */
export function downsampleTo64(px: Uint8Array, w: number, h: number, channels: 1 | 3, out: Float32Array): boolean {
  if (w < MIN_HASHABLE_DIM || h < MIN_HASHABLE_DIM) return false;
  if (px.length < w * h * channels) {
    throw new ValidationError('internal_error', `Pixel buffer has ${px.length} bytes, expected ${w * h * channels}`);
  }
  return downsampleRows(px, w, h, channels, out);
}

/**
 * The float32 luma plane of an RGB24 image (the reference's formula, as the RGB path computes it row by row).
 * Hashing several rectangles of one picture from it (downsampleLumaTo64) gives exactly the hashes of the cropped
 * RGB pictures, without copying a crop or computing luma again for each.
 */
export function lumaPlane(rgb: Uint8Array, w: number, h: number): Float32Array {
  if (rgb.length < w * h * 3) throw new ValidationError('internal_error', `Pixel buffer has ${rgb.length} bytes, expected ${w * h * 3}`);
  const out = new Float32Array(w * h);
  rgbLuma(rgb, 0, out, w * h);
  return out;
}

/** A rectangle of a luma plane (plane row length `stride`). */
export interface LumaView {
  plane: Float32Array;
  stride: number;
  x: number;
  y: number;
  width: number;
  height: number;
  /** Rows [from, to) of the rectangle read as this grey level instead (a masked caption band), RGB grey 0–255. */
  mask?: { from: number; to: number; grey: number };
}

/** downsampleTo64 of a rectangle of a luma plane: identical to downsampling the cropped RGB picture. */
export function downsampleLumaTo64(v: LumaView, out: Float32Array): boolean {
  const { x, y, width: w, height: h, stride } = v;
  if (w < MIN_HASHABLE_DIM || h < MIN_HASHABLE_DIM) return false;
  if (!(x >= 0 && y >= 0 && x + w <= stride && (y + h) * stride <= v.plane.length)) {
    throw new ValidationError('internal_error', `Rectangle ${w}x${h}+${x}+${y} is outside the ${stride}-wide luma plane`);
  }
  srcPlane = v.plane;
  srcStride = stride;
  srcX = x;
  srcY = y;
  srcMaskFrom = v.mask ? v.mask.from : 0;
  srcMaskTo = v.mask ? v.mask.to : 0;
  // the luma the RGB path computes for an (R, G, B) = (g, g, g) pixel, rounded to float32 as a plane store does
  const g = v.mask ? Math.max(0, Math.min(255, Math.round(v.mask.grey))) : 0;
  rgbLuma(Uint8Array.of(g, g, g), 0, maskLuma, 1);
  srcMaskValue = maskLuma[0];
  try {
    return downsampleRows(EMPTY, w, h, 1, out);
  } finally {
    srcPlane = null;
    srcMaskFrom = srcMaskTo = 0;
  }
}
const EMPTY = new Uint8Array(0);

/*
 * The steps of the first column pass over one ring row, as small functions over subarrays: V8 optimises each tight
 * loop on its own (inlined in downsampleRows, with offsets into the whole arrays, they ran slower). S: the running
 * column sums (float32, rounded at each step as the reference's float sum is); R: the ring of row-pass outputs;
 * P: the rows waiting for the second row pass.
 */
function colAdd(S: Float32Array, R: Float32Array, slot: number, w: number): void {
  const a = R.subarray(slot, slot + w);
  for (let c = 0; c < w; c++) S[c] += a[c];
}
function colAddOut(S: Float32Array, R: Float32Array, slot: number, P: Float32Array, o: number, w: number, rn: number): void {
  const a = R.subarray(slot, slot + w), p = P.subarray(o, o + w);
  for (let c = 0; c < w; c++) { const v = fr(S[c] + a[c]); S[c] = v; p[c] = v * rn; }
}
function colSlide(S: Float32Array, R: Float32Array, slot: number, lslot: number, P: Float32Array, o: number, w: number, rn: number): void {
  const a = R.subarray(slot, slot + w), b = R.subarray(lslot, lslot + w), p = P.subarray(o, o + w);
  for (let c = 0; c < w; c++) { const v = fr(fr(S[c] + a[c]) - b[c]); S[c] = v; p[c] = v * rn; }
}
function colSubOut(S: Float32Array, R: Float32Array, lslot: number, P: Float32Array, o: number, w: number, rn: number): void {
  const b = R.subarray(lslot, lslot + w), p = P.subarray(o, o + w);
  for (let c = 0; c < w; c++) { const v = fr(S[c] - b[c]); S[c] = v; p[c] = v * rn; }
}

function downsampleRows(px: Uint8Array, w: number, h: number, channels: 1 | 3, out: Float32Array): boolean {
  if (w === 64 && h === 64) {
    // the reference skips the filter when the input already is 64×64 (e.g. frames scaled by ffmpeg)
    chunkIn = grow(chunkIn, 4096);
    lumaRows(px, w, 0, 64, channels);
    out.set(chunkIn.subarray(0, 4096));
    return true;
  }
  const wr = jaroszWindow(w);
  const wc = jaroszWindow(h);
  const rows = sampleIndices(h);
  const cols = sampleIndices(w);
  if (boxWasmFor(w, h)) {
    boxDownsample(srcPlane || channels === 3 ? { fill: (plane, o, stride) => lumaRows(px, w, 0, h, channels, plane, o, stride) } : { grey: px }, w, h, wr, wc, rows, cols, out);
    return true;
  }
  // ring of first-row-pass outputs; a multiple of 8 rows so each 8-row chunk lands contiguously, and more than
  // wc + 7 rows so a chunk never overwrites a row the column window still needs
  const slots = (((wc + 8) >> 3) + 1) << 3;
  chunkIn = grow(chunkIn, 8 * w);
  ring = grow(ring, slots * w);
  sums = grow(sums, Math.max(w, 64));
  pendIn = grow(pendIn, 8 * w);
  pendOut = grow(pendOut, 8 * w);
  strip = grow(strip, h * 64);
  stripOut = grow(stripOut, h * 64);
  const S = sums, R = ring, P = pendIn;
  S.fill(0, 0, w);

  // first column pass, streamed with box1DFloat's phases: p1 adds, then adds with writes, then add+subtract
  const half = (wc + 2) >> 1;
  const p1 = half - 1;
  const p12 = p1 + (wc - half + 1);
  let n = 0, rn = 0;
  let oi = 0; // column-pass rows emitted
  let pend = 0; // of which waiting in pendIn for the second row pass
  for (let r0 = 0; r0 < h; r0 += 8) {
    const k = Math.min(8, h - r0);
    lumaRows(px, w, r0, k, channels);
    const base = (r0 % slots) * w;
    boxRows(chunkIn, R.subarray(base, base + k * w), w, k, wr);
    for (let t = 0; t < k; t++) {
      const ri = r0 + t;
      const slot = base + t * w;
      if (ri < p1) {
        colAdd(S, R, slot, w);
        n++; rn = 1 / n;
        continue;
      }
      const o = pend * w;
      if (ri < p12) {
        n++; rn = 1 / n;
        colAddOut(S, R, slot, P, o, w, rn);
      } else {
        colSlide(S, R, slot, ((ri - wc) % slots) * w, P, o, w, rn);
      }
      oi++;
      if (++pend === 8) { flushPending(w, 8, wr, cols, oi - 8); pend = 0; }
    }
  }
  for (let li = h - wc; oi < h; li++) {
    const lslot = (li % slots) * w;
    const o = pend * w;
    n--; rn = 1 / n;
    colSubOut(S, R, lslot, P, o, w, rn);
    oi++;
    if (++pend === 8) { flushPending(w, 8, wr, cols, oi - 8); pend = 0; }
  }
  if (pend > 0) flushPending(w, pend, wr, cols, oi - pend);
  boxCols(strip, stripOut, 64, h, wc);
  for (let i = 0; i < 64; i++) {
    const b = rows[i] * 64;
    for (let j = 0; j < 64; j++) out[i * 64 + j] = stripOut[b + j];
  }
  return true;
}
