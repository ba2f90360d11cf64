/**
 * PDQ perceptual hash (Meta ThreatExchange), written from the published algorithm. Pure: no I/O.
 *
 * Pipeline: float32 luma (Y = 0.299R + 0.587G + 0.114B) → two passes of a Jarosz box filter (window
 * ceil(dim/128) per axis, shrinking at the edges) → 64×64 decimation at pixel centres → quality metric →
 * 16×16 of the 64×64 DCT-II → bit = coefficient > median.
 *
 * Every arithmetic step is rounded to float32 (`Math.fround`, Float32Array stores) in the same order as the C++
 * reference, so hashes are bit-identical to it on the same pixels.
 *
 * Byte layout of a hash: the 32 bytes of the big-endian 256-bit number, i.e. the bytes of the ThreatExchange hex
 * string in order. Bit k of the hash (k = 16·row + col of the DCT output) is bit (k & 7) of byte 31 − (k >> 3).
 */
import { ValidationError } from '../../domain/errors.js';
import { boxDct16 } from './pdq.box.js';
import { downsampleLumaTo64, downsampleTo64, type LumaView } from './pdq.filter.js';

export { lumaPlane, type LumaView } from './pdq.filter.js';

export interface PdqHash {
  /** 32 bytes, big-endian (same order as the hex string). */
  hash: Uint8Array;
  /** 0..100; ThreatExchange treats < 50 as too featureless to match. */
  quality: number;
}

export type Dihedral =
  | 'original'
  | 'rotate90'
  | 'rotate180'
  | 'rotate270'
  | 'flipX'
  | 'flipY'
  | 'flipPlus1'
  | 'flipMinus1';

export const DIHEDRALS: readonly Dihedral[] = [
  'original', 'rotate90', 'rotate180', 'rotate270', 'flipX', 'flipY', 'flipPlus1', 'flipMinus1',
];

const fr = Math.fround;

// DCT matrix 16×64: D[i][j] = float(sqrt(2/64)) · cos(π/128 · (i+1)(2j+1)), stored as float32.
const DCT = new Float32Array(16 * 64);
{
  const scale = fr(Math.sqrt(2 / 64));
  for (let i = 0; i < 16; i++) {
    for (let j = 0; j < 64; j++) DCT[i * 64 + j] = scale * Math.cos((Math.PI / 2 / 64) * (i + 1) * (2 * j + 1));
  }
}


const sampled = new Float32Array(64 * 64);
const dctT = new Float32Array(16 * 64);
const sortBuf = new Float32Array(256);

function qualityOf(s: Float32Array): number {
  let g = 0;
  for (let i = 0; i < 63; i++) {
    for (let j = 0; j < 64; j++) {
      const d = Math.trunc(fr(fr(fr(s[i * 64 + j] - s[(i + 1) * 64 + j]) * 100) / 255));
      g += d < 0 ? -d : d;
    }
  }
  for (let i = 0; i < 64; i++) {
    for (let j = 0; j < 63; j++) {
      const d = Math.trunc(fr(fr(fr(s[i * 64 + j] - s[i * 64 + j + 1]) * 100) / 255));
      g += d < 0 ? -d : d;
    }
  }
  const q = Math.trunc(g / 90);
  return q > 100 ? 100 : q;
}

/** 16×16 DCT of the 64×64 buffer into `out` (row-major), float32 accumulation in the reference's order. */
function dct16(s: Float32Array, out: Float32Array): void {
  if (boxDct16(s, DCT, out)) return;
  for (let i = 0; i < 16; i++) {
    const di = i * 64;
    for (let j = 0; j < 64; j++) {
      let sum = 0;
      for (let k = 0; k < 64; k++) sum = fr(sum + fr(DCT[di + k] * s[k * 64 + j]));
      dctT[di + j] = sum;
    }
  }
  for (let i = 0; i < 16; i++) {
    const ti = i * 64;
    for (let j = 0; j < 16; j++) {
      const dj = j * 64;
      let sum = 0;
      for (let k = 0; k < 64; k++) sum = fr(sum + fr(dctT[ti + k] * DCT[dj + k]));
      out[i * 16 + j] = sum;
    }
  }
}

function bitsOf(c: Float32Array, median = medianOf(c)): Uint8Array {
  const h = new Uint8Array(32);
  for (let k = 0; k < 256; k++) if (c[k] > median) h[31 - (k >> 3)] |= 1 << (k & 7);
  return h;
}

/** Torben's median of the 256 coefficients, as the reference takes it: the 128th smallest. */
function medianOf(c: Float32Array): number {
  sortBuf.set(c);
  sortBuf.sort();
  return sortBuf[127];
}

/** PDQ hash of an RGB24 interleaved image. Images smaller than 5 px on a side hash to zeros with quality 0. */
export function pdqFromRgb(rgb: Uint8Array, width: number, height: number): PdqHash {
  return hashOf(rgb, width, height, 3);
}

/** pdqFromRgb of a rectangle of a picture (optionally with masked rows), from the picture's luma plane. */
export function pdqFromLuma(view: LumaView): PdqHash {
  return hashOfSampled(downsampleLumaTo64(view, sampled));
}

/** PDQ hash of an 8-bit luma image (one byte per pixel), like the reference's greyscale path. */
export function pdqFromGray(luma: Uint8Array, width: number, height: number): PdqHash {
  return hashOf(luma, width, height, 1);
}

function hashOf(px: Uint8Array, width: number, height: number, channels: 1 | 3): PdqHash {
  return hashOfSampled(downsampleTo64(px, width, height, channels, sampled));
}

/** The hash of the 64×64 buffer just downsampled (`ok` false: the picture was too small to hash). */
function hashOfSampled(ok: boolean): PdqHash {
  if (!ok) return { hash: new Uint8Array(32), quality: 0 };
  const quality = qualityOf(sampled);
  const c = new Float32Array(256);
  dct16(sampled, c);
  return { hash: bitsOf(c), quality };
}

// Sign/transpose rules of the dihedral transforms in the DCT domain (frequencies are index + 1). A transpose keeps
// the set of values, so transforms with the same signs share a median: `signs` names the four sign patterns.
type DihedralRule = { transpose: boolean; negate: (i: number, j: number) => boolean; signs: 0 | 1 | 2 | 3 };
const RULES: Record<Dihedral, DihedralRule> = {
  original: { transpose: false, negate: () => false, signs: 0 },
  rotate90: { transpose: true, negate: (_i, j) => (j & 1) === 0, signs: 2 },
  rotate180: { transpose: false, negate: (i, j) => ((i + j) & 1) === 1, signs: 3 },
  rotate270: { transpose: true, negate: (i) => (i & 1) === 0, signs: 1 },
  flipX: { transpose: false, negate: (i) => (i & 1) === 0, signs: 1 },
  flipY: { transpose: false, negate: (_i, j) => (j & 1) === 0, signs: 2 },
  flipPlus1: { transpose: true, negate: () => false, signs: 0 },
  flipMinus1: { transpose: true, negate: (i, j) => ((i + j) & 1) === 1, signs: 3 },
};

/** The 8 dihedral PDQ hashes (rotations and flips) computed from one DCT, without re-hashing. */
export function pdqDihedralFromRgb(rgb: Uint8Array, width: number, height: number): Record<Dihedral, PdqHash> {
  return dihedralOf(downsampleTo64(rgb, width, height, 3, sampled));
}

/**
 * pdqDihedralFromRgb of a rectangle of a picture, from the picture's luma plane (lumaPlane): the same hashes as
 * cropping the RGB first, for many rectangles of one frame at the cost of one luma pass.
 */
export function pdqDihedralFromLuma(view: LumaView): Record<Dihedral, PdqHash> {
  return dihedralOf(downsampleLumaTo64(view, sampled));
}

function dihedralOf(ok: boolean): Record<Dihedral, PdqHash> {
  const out = {} as Record<Dihedral, PdqHash>;
  if (!ok) {
    for (const d of DIHEDRALS) out[d] = { hash: new Uint8Array(32), quality: 0 };
    return out;
  }
  const quality = qualityOf(sampled);
  const c = new Float32Array(256);
  dct16(sampled, c);
  const t = new Float32Array(256);
  const medians = [NaN, NaN, NaN, NaN];
  for (const d of DIHEDRALS) {
    const rule = RULES[d];
    for (let i = 0; i < 16; i++) {
      for (let j = 0; j < 16; j++) {
        const v = c[i * 16 + j];
        t[rule.transpose ? j * 16 + i : i * 16 + j] = rule.negate(i, j) ? -v : v;
      }
    }
    if (Number.isNaN(medians[rule.signs])) medians[rule.signs] = medianOf(t);
    out[d] = { hash: bitsOf(t, medians[rule.signs]), quality };
  }
  return out;
}

const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

/** ThreatExchange hex encoding (64 lowercase hex digits, big-endian). */
export function pdqToHex(hash: Uint8Array): string {
  let s = '';
  for (let i = 0; i < 32; i++) s += HEX[hash[i]];
  return s;
}

/** Parse a 64-digit PDQ hex string; throws ValidationError (`pdq_bad_hex`) otherwise. */
export function pdqFromHex(hex: string): Uint8Array {
  const t = hex.trim();
  if (!/^[0-9a-fA-F]{64}$/.test(t)) throw new ValidationError('invalid_hash_list', `Not a PDQ hash (64 hex digits): ${JSON.stringify(hex.slice(0, 80))}`);
  const out = new Uint8Array(32);
  for (let i = 0; i < 32; i++) out[i] = parseInt(t.slice(i * 2, i * 2 + 2), 16);
  return out;
}

const POP8 = new Uint8Array(256);
for (let i = 1; i < 256; i++) POP8[i] = (i & 1) + POP8[i >> 1];

/** Number of set bits in a 32-bit word. */
export function popcount32(x: number): number {
  x = x - ((x >>> 1) & 0x55555555);
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  x = (x + (x >>> 4)) & 0x0f0f0f0f;
  return Math.imul(x, 0x01010101) >>> 24;
}

/** Hamming distance between two equal-length hashes. */
export function hamming(a: Uint8Array, b: Uint8Array): number {
  const n = a.length;
  if (n !== b.length) throw new ValidationError('invalid_hash_list', `Hash lengths differ: ${n} vs ${b.length}`);
  let d = 0;
  let i = 0;
  for (; i + 4 <= n; i += 4) {
    d += popcount32(((a[i] ^ b[i]) | ((a[i + 1] ^ b[i + 1]) << 8) | ((a[i + 2] ^ b[i + 2]) << 16) | ((a[i + 3] ^ b[i + 3]) << 24)) >>> 0);
  }
  for (; i < n; i++) d += POP8[a[i] ^ b[i]];
  return d;
}
