/**
 * The WebAssembly SIMD downsampling (pdq.box.ts, pdq-box.wat) against the scalar streaming code it replaces, bit for
 * bit, and the committed binary against its source. pdq.differential and pdq.conformance check the default path
 * (WebAssembly) against a plain transcription of the algorithm and Meta's test vectors.
 */
import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { BOX_WASM_MAX_PIXELS, boxWasmFor, setPdqWasm } from '../../src/signals/pdq/pdq.box.js';
import { downsampleLumaTo64, downsampleTo64, lumaPlane } from '../../src/signals/pdq/pdq.filter.js';
import { DIHEDRALS, pdqDihedralFromRgb, pdqToHex } from '../../src/signals/pdq/pdq.js';
import { PDQ_BOX_WASM } from '../../src/signals/pdq/pdq-box.wasm.js';
// @ts-expect-error: a plain .mjs script without types
import { assemble, moduleText, WASM_SOURCES } from '../../scripts/build-wasm.mjs';

function picture(w: number, h: number, channels: 1 | 3, seed: number): Uint8Array {
  const px = new Uint8Array(w * h * channels);
  let s = seed >>> 0;
  for (let i = 0; i < px.length; i++) {
    s = (Math.imul(s, 1103515245) + 12345) >>> 0;
    // structure at several scales plus noise, so every window size and phase of the box passes matters
    const p = Math.floor(i / channels), x = p % w, y = Math.floor(p / w);
    px[i] = Math.max(0, Math.min(255, Math.round(128 + 60 * Math.sin(x * 0.07 + seed) * Math.cos(y * 0.05) + ((s >>> 24) - 128) * 0.4)));
  }
  return px;
}

/** Run `f` with the WebAssembly path on, then off; both 64×64 outputs. */
function both(f: (out: Float32Array) => boolean): [Float32Array, Float32Array, boolean, boolean] {
  const a = new Float32Array(4096), b = new Float32Array(4096);
  setPdqWasm(true);
  const ra = f(a);
  setPdqWasm(false);
  const rb = f(b);
  setPdqWasm(true);
  return [a, b, ra, rb];
}

function differing(a: Float32Array, b: Float32Array): number {
  let n = 0;
  for (let i = 0; i < a.length; i++) if (!Object.is(a[i], b[i])) n++;
  return n;
}

describe('PDQ downsampling on WebAssembly SIMD', () => {
  after(() => setPdqWasm(true));

  it('is available on this Node and takes frames up to 1080p', () => {
    assert.equal(boxWasmFor(768, 432), true);
    assert.equal(boxWasmFor(1920, 1080), true);
    assert.equal(boxWasmFor(4000, 3000), false, 'a 12 MP picture stays on the streaming code (bounded memory)');
    assert.ok(4000 * 3000 > BOX_WASM_MAX_PIXELS);
    setPdqWasm(false);
    assert.equal(boxWasmFor(768, 432), false);
    setPdqWasm(true);
  });

  const sizes: [number, number][] = [[5, 5], [7, 9], [63, 64], [64, 63], [65, 65], [100, 37], [129, 257], [341, 288], [512, 288], [768, 432], [33, 5], [1279, 719]];
  for (const channels of [1, 3] as const) {
    it(`gives the scalar code's samples bit for bit (${channels === 1 ? 'grey' : 'RGB'}, ${sizes.length} shapes)`, () => {
      for (const [w, h] of sizes) {
        const px = picture(w, h, channels, w * 31 + h);
        const [a, b, ra, rb] = both((out) => downsampleTo64(px, w, h, channels, out));
        assert.equal(ra, rb);
        assert.equal(differing(a, b), 0, `${w}×${h}`);
        assert.ok(a.some((v) => v !== a[0]), `${w}×${h}: the samples vary`);
      }
    });
  }

  it('gives the same samples for rectangles of a luma plane, with and without a masked band', () => {
    const w = 512, h = 288;
    const plane = lumaPlane(picture(w, h, 3, 7), w, h);
    const views = [
      { x: 0, y: 0, width: w, height: h },
      { x: 85, y: 0, width: 342, height: 288 },
      { x: 86, y: 3, width: 341, height: 281 },
      { x: 0, y: 0, width: w, height: h, mask: { from: 240, to: 288, grey: 128 } },
      { x: 10, y: 20, width: 101, height: 77, mask: { from: 0, to: 9, grey: 0 } },
    ];
    for (const v of views) {
      const [a, b] = both((out) => downsampleLumaTo64({ plane, stride: w, ...v }, out));
      assert.equal(differing(a, b), 0, JSON.stringify(v));
    }
  });

  it('gives the scalar DCT: the same 8 dihedral hashes and quality', () => {
    for (const [w, h] of [[64, 64], [100, 37], [512, 288]] as const) {
      const px = picture(w, h, 3, w + h);
      setPdqWasm(false);
      const js = pdqDihedralFromRgb(px, w, h);
      setPdqWasm(true);
      const wasm = pdqDihedralFromRgb(px, w, h);
      for (const d of DIHEDRALS) {
        assert.equal(pdqToHex(wasm[d].hash), pdqToHex(js[d].hash), `${w}×${h} ${d}`);
        assert.equal(wasm[d].quality, js[d].quality);
      }
      assert.notEqual(pdqToHex(wasm.original.hash), pdqToHex(wasm.flipX.hash));
    }
  });

  it('does not depend on what an earlier, larger picture left in its buffers', () => {
    const big = picture(768, 432, 1, 1), small = picture(101, 53, 1, 2);
    const first = new Float32Array(4096), again = new Float32Array(4096);
    downsampleTo64(small, 101, 53, 1, first);
    downsampleTo64(big, 768, 432, 1, new Float32Array(4096));
    downsampleTo64(small, 101, 53, 1, again);
    assert.equal(differing(first, again), 0);
  });

  it('is the binary its WebAssembly text assembles to (npm run build:wasm)', async () => {
    const src = WASM_SOURCES.find((s: { name: string }) => s.name === 'PDQ_BOX_WASM');
    const bytes: Buffer = await assemble(new URL(`../../${src.wat}`, import.meta.url).pathname);
    assert.equal(Buffer.from(PDQ_BOX_WASM, 'base64').equals(bytes), true);
    assert.match(moduleText(src.name, src.wat, bytes), /export const PDQ_BOX_WASM =/);
  });
});
