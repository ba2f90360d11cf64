/**
 * Perspective crop of a quadrilateral out of an RGBA image with bicubic interpolation, computed the way OpenCV's
 * `warpPerspective(…, INTER_CUBIC, BORDER_REPLICATE)` does for 8-bit images: the source position of every output
 * pixel is rounded to 1/32 pixel, the 4×4 cubic weights (a = −0.75) come from a 32×32 table of 15-bit fixed-point
 * weights that sum to exactly 32768, and the sum is rounded back to 8 bits. So an axis-aligned box whose corners are
 * whole pixels is copied exactly, and a rotated one is resampled as OpenCV would (within rounding of the matrix).
 */
import type { Point } from './rect.js';

const TAB_BITS = 5;
const TAB_SIZE = 1 << TAB_BITS;
const COEF_BITS = 15;
const COEF_SCALE = 1 << COEF_BITS;

/** Round half to even, as OpenCV's cvRound (lrint) does. */
function rint(x: number): number {
  const r = Math.round(x);
  return r - x === 0.5 && r % 2 !== 0 ? r - 1 : r;
}

/** The four 1-D cubic weights at fraction x (float32 arithmetic, as OpenCV's table is float). */
function cubic1d(x: number): [number, number, number, number] {
  const f = Math.fround;
  const A = -0.75;
  const c0 = f(f(f(f(f(f(A * f(x + 1)) - 5 * A) * f(x + 1)) + 8 * A) * f(x + 1)) - 4 * A);
  const c1 = f(f(f(f(f((A + 2) * x) - (A + 3)) * x) * x) + 1);
  const y = f(1 - x);
  const c2 = f(f(f(f(f((A + 2) * y) - (A + 3)) * y) * y) + 1);
  const c3 = f(f(f(1 - c0) - c1) - c2);
  return [c0, c1, c2, c3];
}

let table: Int32Array | null = null;
/** 32×32 fractions × 16 weights; each set sums to exactly COEF_SCALE (the rounding error goes to a centre weight). */
function weights(): Int32Array {
  if (table) return table;
  const t = new Int32Array(TAB_SIZE * TAB_SIZE * 16);
  const one = Array.from({ length: TAB_SIZE }, (_, i) => cubic1d(Math.fround(i / TAB_SIZE)));
  for (let fy = 0; fy < TAB_SIZE; fy++) {
    for (let fx = 0; fx < TAB_SIZE; fx++) {
      const base = (fy * TAB_SIZE + fx) * 16;
      let sum = 0;
      for (let k1 = 0; k1 < 4; k1++) {
        for (let k2 = 0; k2 < 4; k2++) {
          const v = rint(Math.fround(one[fy][k1] * one[fx][k2]) * COEF_SCALE);
          t[base + k1 * 4 + k2] = v;
          sum += v;
        }
      }
      const diff = sum - COEF_SCALE;
      if (diff !== 0) {
        // the smallest and largest of the weights at rows and columns 2–3, first found on ties (OpenCV's correction)
        let mk = 10;
        let Mk = 10;
        for (const k of [10, 11, 14, 15]) {
          if (t[base + k] < t[base + mk]) mk = k;
          else if (t[base + k] > t[base + Mk]) Mk = k;
        }
        if (diff < 0) t[base + Mk] -= diff;
        else t[base + mk] -= diff;
      }
    }
  }
  return (table = t);
}

/** The 3×3 homography (row-major, h[8] = 1) taking each `from` point to the matching `to` point. */
export function perspectiveTransform(from: Point[], to: Point[]): number[] {
  // 8 unknowns: for each pair, u = (h0 x + h1 y + h2) / (h6 x + h7 y + 1) and the same for v.
  const A: number[][] = [];
  for (let i = 0; i < 4; i++) {
    const [x, y] = from[i];
    const [u, v] = to[i];
    A.push([x, y, 1, 0, 0, 0, -x * u, -y * u, u]);
    A.push([0, 0, 0, x, y, 1, -x * v, -y * v, v]);
  }
  // Gaussian elimination with partial pivoting
  for (let c = 0; c < 8; c++) {
    let p = c;
    for (let r = c + 1; r < 8; r++) if (Math.abs(A[r][c]) > Math.abs(A[p][c])) p = r;
    if (Math.abs(A[p][c]) < 1e-12) throw new RangeError('degenerate quadrilateral');
    [A[c], A[p]] = [A[p], A[c]];
    for (let r = 0; r < 8; r++) {
      if (r === c) continue;
      const k = A[r][c] / A[c][c];
      if (k === 0) continue;
      for (let j = c; j < 9; j++) A[r][j] -= k * A[c][j];
    }
  }
  return [...A.map((row, i) => row[8] / row[i]), 1];
}

export interface Rgba {
  data: Uint8Array;
  width: number;
  height: number;
}

/**
 * Sample `src` (RGBA) into a width×height image, the output pixel (x, y) taken at `inv` · (x, y, 1) (the map from
 * output to source), bicubic, edges replicated.
 */
export function warpPerspectiveCubic(src: Rgba, inv: number[], width: number, height: number): Rgba {
  const w = weights();
  const out = new Uint8Array(width * height * 4);
  const { data, width: sw, height: sh } = src;
  const clampX = (x: number) => (x < 0 ? 0 : x >= sw ? sw - 1 : x);
  const clampY = (y: number) => (y < 0 ? 0 : y >= sh ? sh - 1 : y);
  const xs = new Int32Array(4);
  const ys = new Int32Array(4);
  for (let y = 0; y < height; y++) {
    const X0 = inv[1] * y + inv[2];
    const Y0 = inv[4] * y + inv[5];
    const W0 = inv[7] * y + inv[8];
    for (let x = 0; x < width; x++) {
      const W = W0 + inv[6] * x;
      const s = W ? TAB_SIZE / W : 0;
      const X = rint(Math.max(-2147483648, Math.min(2147483647, (X0 + inv[0] * x) * s)));
      const Y = rint(Math.max(-2147483648, Math.min(2147483647, (Y0 + inv[3] * x) * s)));
      const sx = (X >> TAB_BITS) - 1;
      const sy = (Y >> TAB_BITS) - 1;
      const wb = ((Y & (TAB_SIZE - 1)) * TAB_SIZE + (X & (TAB_SIZE - 1))) * 16;
      for (let k = 0; k < 4; k++) {
        xs[k] = clampX(sx + k) * 4;
        ys[k] = clampY(sy + k) * sw * 4;
      }
      const o = (y * width + x) * 4;
      for (let ch = 0; ch < 4; ch++) {
        let sum = 0;
        for (let k1 = 0; k1 < 4; k1++) {
          const row = ys[k1] + ch;
          sum += data[row + xs[0]] * w[wb + k1 * 4] + data[row + xs[1]] * w[wb + k1 * 4 + 1] + data[row + xs[2]] * w[wb + k1 * 4 + 2] + data[row + xs[3]] * w[wb + k1 * 4 + 3];
        }
        const v = (sum + (1 << (COEF_BITS - 1))) >> COEF_BITS;
        out[o + ch] = v < 0 ? 0 : v > 255 ? 255 : v;
      }
    }
  }
  return { data: out, width, height };
}

/**
 * The crop turned a quarter: output (x, y) = input (width − y, x), the last column standing in for the one past the
 * edge. What OpenCV's warpAffine with getRotationMatrix2D((w/2, w/2), 90°, 1) and INTER_CUBIC gives at whole pixels.
 */
export function rotateQuarter(src: Rgba): Rgba {
  const { data, width: sw, height: sh } = src;
  const width = sh;
  const height = sw;
  const out = new Uint8Array(width * height * 4);
  for (let y = 0; y < height; y++) {
    const sx = Math.min(sw - y, sw - 1);
    for (let x = 0; x < width; x++) {
      const i = (x * sw + sx) * 4;
      const o = (y * width + x) * 4;
      out[o] = data[i];
      out[o + 1] = data[i + 1];
      out[o + 2] = data[i + 2];
      out[o + 3] = data[i + 3];
    }
  }
  return { data: out, width, height };
}
