/**
 * PDQ's Jarosz filter and 64×64 decimation on WebAssembly SIMD (pdq-box.wat), bit-identical to the scalar
 * streaming code in pdq.filter.ts, which stays the fallback (no WebAssembly SIMD, or a picture too large for the
 * buffers). Every 1-D box pass runs down columns, four at a time; passes along rows run on a transposed copy:
 *
 *   X (h × w luma) →T→ (w × h) →cols(wr)→ →T→ (h × w) →cols(wc)→ →T→ (w × h) →cols(wr)→ 64 sampled rows
 *   →T→ (h × 64) →cols(wc)→ 64 sampled rows = the 64×64 output.
 *
 * Widths are padded to multiples of 4; the padding lanes carry whatever the buffers held, and no pass mixes lanes.
 */
import { PDQ_BOX_WASM } from './pdq-box.wasm.js';

interface BoxExports {
  memory: WebAssembly.Memory;
  u8ToF32(src: number, dst: number, w: number, h: number, stride: number): void;
  transpose(src: number, dst: number, rows: number, cols: number): void;
  boxCols(src: number, dst: number, sums: number, zero: number, lanes: number, len: number, win: number): void;
  dct16(s: number, d: number, dt: number, tmp: number, out: number): void;
}

// Fixed layout at the start of the memory (bytes): the DCT's matrices, input, scratch and output; the downsampling
// buffers follow from DS_BASE.
const DCT_D = 0;
const DCT_DT = DCT_D + 16 * 64 * 4;
const DCT_S = DCT_DT + 64 * 16 * 4;
const DCT_TMP = DCT_S + 64 * 64 * 4;
const DCT_OUT = DCT_TMP + 16 * 64 * 4;
const DS_BASE = 32768;

/** Largest picture (pixels) the WebAssembly path takes: two float planes of it stay allocated (~17 MB at 1080p). */
export const BOX_WASM_MAX_PIXELS = 1920 * 1088;

let box: BoxExports | null | undefined;
let enabled = true;

function instance(): BoxExports | null {
  if (box === undefined) {
    try {
      box = new WebAssembly.Instance(new WebAssembly.Module(Buffer.from(PDQ_BOX_WASM, 'base64'))).exports as unknown as BoxExports;
    } catch {
      box = null; // no WebAssembly SIMD here: the scalar code runs
    }
  }
  return box;
}

/** Whether downsampling runs on WebAssembly (tests switch it off to compare with the scalar code). */
export function setPdqWasm(on: boolean): void {
  enabled = on;
}

/** The module, when the WebAssembly path is on and available. */
function active(): BoxExports | null {
  return enabled ? instance() : null;
}

/** Whether a w×h picture will be downsampled by boxDownsample. */
export function boxWasmFor(w: number, h: number): boolean {
  return w * h <= BOX_WASM_MAX_PIXELS && active() !== null;
}

let f32 = new Float32Array(0);
let u8 = new Uint8Array(0);

/** The memory views, after growing the memory to `bytes`. */
function reserve(b: BoxExports, bytes: number): void {
  const have = b.memory.buffer.byteLength;
  if (have < bytes) b.memory.grow(Math.ceil((bytes - have) / 65536));
  if (f32.buffer !== b.memory.buffer) {
    f32 = new Float32Array(b.memory.buffer);
    u8 = new Uint8Array(b.memory.buffer);
  }
}

/** Where the picture comes from: 8-bit grey (h rows of w bytes), or a callback writing float luma rows. */
export type BoxInput = { grey: Uint8Array } | { fill: (plane: Float32Array, offset: number, stride: number) => void };

const ceil4 = (v: number) => (v + 3) & ~3;

/**
 * Filter a w×h picture with row window `wr` and column window `wc` and write the samples at rows × cols into `out`
 * (64×64, row-major). Call only when boxWasmFor(w, h).
 */
export function boxDownsample(input: BoxInput, w: number, h: number, wr: number, wc: number, rows: Int32Array, cols: Int32Array, out: Float32Array): void {
  const b = instance()!;
  const W4 = ceil4(w), H4 = ceil4(h);
  const planeFloats = Math.max(W4, 64) * H4;
  const rowFloats = ceil4(Math.max(W4, H4, 64));
  const sums = DS_BASE;
  const zero = sums + rowFloats * 4;
  const X = zero + rowFloats * 4;
  const B = X + planeFloats * 4;
  const bytes = B + planeFloats * 4;
  reserve(b, bytes + ('grey' in input ? w * h + 16 : 0));
  if ('grey' in input) {
    u8.set(input.grey.subarray(0, w * h), bytes);
    b.u8ToF32(bytes, X, w, h, W4);
  } else {
    input.fill(f32, X >> 2, W4);
  }
  f32.fill(0, zero >> 2, (zero >> 2) + rowFloats);
  b.transpose(X, B, H4, W4);
  b.boxCols(B, X, sums, zero, H4, w, wr);
  b.transpose(X, B, W4, H4);
  b.boxCols(B, X, sums, zero, W4, h, wc);
  b.transpose(X, B, H4, W4);
  b.boxCols(B, X, sums, zero, H4, w, wr);
  // the 64 sampled columns (rows of the transposed result), then the last column pass on them alone
  const x = X >> 2, y = B >> 2;
  for (let j = 0; j < 64; j++) f32.copyWithin(y + j * H4, x + cols[j] * H4, x + cols[j] * H4 + H4);
  b.transpose(B, X, 64, H4);
  b.boxCols(X, B, sums, zero, 64, h, wc);
  for (let i = 0; i < 64; i++) out.set(f32.subarray(y + rows[i] * 64, y + rows[i] * 64 + 64), i * 64);
}

let dctMatrix: Float32Array | null = null;

/**
 * PDQ's 16×16 DCT of the 64×64 samples `s` with the 16×64 matrix `D` into `out` (row-major), bit-identical to the
 * scalar loops in pdq.ts. Returns false (nothing written) when the WebAssembly path is off or unavailable.
 */
export function boxDct16(s: Float32Array, D: Float32Array, out: Float32Array): boolean {
  const b = active();
  if (!b) return false;
  reserve(b, DS_BASE);
  if (dctMatrix !== D) {
    f32.set(D, DCT_D >> 2);
    for (let k = 0; k < 64; k++) for (let j = 0; j < 16; j++) f32[(DCT_DT >> 2) + k * 16 + j] = D[j * 64 + k];
    dctMatrix = D;
  }
  f32.set(s.subarray(0, 4096), DCT_S >> 2);
  b.dct16(DCT_S, DCT_D, DCT_DT, DCT_TMP, DCT_OUT);
  out.set(f32.subarray(DCT_OUT >> 2, (DCT_OUT >> 2) + 256));
  return true;
}
