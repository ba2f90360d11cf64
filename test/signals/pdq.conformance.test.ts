/**
 * PDQ conformance against Meta's expected hashes in ../shared/data/pdq/vectors/expected (rows whose file is
 * absent are skipped, as the data README says).
 */
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, it } from 'node:test';
import { ValidationError } from '../../src/domain/errors.js';
import { decodeImageRgb } from '../../src/repositories/pixels.repository.js';
import { DIHEDRALS, hamming, lumaPlane, pdqDihedralFromLuma, pdqDihedralFromRgb, pdqFromGray, pdqFromHex, pdqFromLuma, pdqFromRgb, pdqToHex } from '../../src/signals/pdq/pdq.js';
import { PdqSignal, pdqHashImageFile } from '../../src/signals/pdq/pdq.signal.js';

const VEC = fileURLToPath(new URL('../../../shared/data/pdq/vectors/', import.meta.url));
const EXP = VEC + 'expected/';
const haveData = existsSync(EXP);

describe('PDQ conformance (shared vectors)', { skip: haveData ? false : 'no ../shared/data/pdq' }, () => {
  it('matches the WASM test CSV exactly on at least 14 of 15 images', async () => {
    const rows = readFileSync(EXP + 'wasm-PDQMD5TestData.csv', 'utf8').trim().split('\n').slice(1);
    let present = 0;
    let exact = 0;
    const misses: string[] = [];
    for (const row of rows) {
      const [p, hex] = row.split(',');
      const rel = p.replace(/^(\.\.\/)+data\//, '');
      if (!/\.(jpe?g|png|webp)$/i.test(rel) || !existsSync(VEC + rel)) continue;
      present++;
      const h = await pdqHashImageFile(VEC + rel);
      const d = hamming(h.hash, pdqFromHex(hex));
      if (d === 0) exact++;
      else misses.push(`${rel}: ${d} bits`);
    }
    assert.equal(present, 15, 'expected 15 present image rows in the WASM CSV');
    assert.ok(exact >= 14, `exact ${exact}/${present}; misses: ${misses.join('; ')}`);
  });

  it('agrees with the C++ reference CSV: quality >= 80 within 10 bits, qualities equal', async () => {
    const rows = readFileSync(EXP + 'cpp-reference-built-here.csv', 'utf8').trim().split('\n');
    let checked = 0;
    let exact = 0;
    for (const row of rows) {
      const [hex, q, rel] = row.split(',');
      if (!existsSync(VEC + rel)) continue;
      const h = await pdqHashImageFile(VEC + rel);
      const d = hamming(h.hash, pdqFromHex(hex));
      if (d === 0) exact++;
      assert.ok(Math.abs(h.quality - Number(q)) <= 2, `${rel}: quality ${h.quality} vs ${q}`);
      if (Number(q) >= 80) {
        checked++;
        assert.ok(d <= 10, `${rel}: ${d} bits from the C++ reference`);
      }
    }
    assert.ok(checked >= 30, `only ${checked} high-quality rows checked`);
    assert.ok(exact >= checked, `exact on ${exact} rows`);
  });

  it('dihedral hashes from the DCT equal the C++ pdq dihedral output and the actually transformed files', async () => {
    const img = await decodeImageRgb(VEC + 'reg-test-input/dih/bridge-1-original.jpg', { maxDim: 512 });
    const dih = pdqDihedralFromRgb(img.rgb, img.width, img.height);
    const cpp = readFileSync(EXP + 'cpp-pdqdih-of-bridge-1-original.txt', 'utf8').trim().split('\n');
    DIHEDRALS.forEach((name, i) => assert.equal(pdqToHex(dih[name].hash), cpp[i], name));
    const files: Record<string, string> = {
      original: 'bridge-1-original', rotate90: 'bridge-2-rotate-90', rotate180: 'bridge-3-rotate-180',
      rotate270: 'bridge-4-rotate-270', flipX: 'bridge-5-flipx', flipY: 'bridge-6-flipy',
      flipPlus1: 'bridge-7-flip-plus-1', flipMinus1: 'bridge-8-flip-minus-1',
    };
    for (const name of DIHEDRALS) {
      const real = await pdqHashImageFile(`${VEC}reg-test-input/dih/${files[name]}.jpg`);
      const d = hamming(dih[name].hash, real.hash);
      assert.ok(d <= 20, `${name}: ${d} bits from the really transformed file`);
      // and the transforms are really different from each other
      if (name !== 'original') assert.ok(hamming(dih.original.hash, real.hash) > 64, `${name} looks like the original`);
    }
  });

  it('hashes the stored pixels of EXIF-rotated JPEGs like the reference (orientation tag ignored)', async () => {
    const rows = readFileSync(EXP + 'cpp-reference-built-here.csv', 'utf8').trim().split('\n').filter((r) => r.includes('exif-rotn'));
    let n = 0;
    for (const row of rows) {
      const [hex, , rel] = row.split(',');
      if (!existsSync(VEC + rel)) continue;
      n++;
      assert.equal(pdqToHex((await pdqHashImageFile(VEC + rel)).hash), hex, rel);
    }
    assert.ok(n >= 1);
    // with autoOrient the orientation-6 photo is hashed upright: its hash is the stored pixels' rotate270 (90° cw)
    const rel = 'reg-test-input/exif-rotn/exif-rotn-6.jpg';
    if (existsSync(VEC + rel)) {
      const upright = await pdqHashImageFile(VEC + rel, { autoOrient: true });
      const img = await decodeImageRgb(VEC + rel, { maxDim: 512 });
      const dih = pdqDihedralFromRgb(img.rgb, img.width, img.height);
      const best = Math.min(...DIHEDRALS.map((d) => hamming(dih[d].hash, upright.hash)));
      assert.ok(best <= 20, `upright hash is a dihedral of the stored one (${best} bits)`);
      assert.ok(hamming(dih.original.hash, upright.hash) > 64, 'orientation was applied');
    }
  });
});

describe('PDQ primitives', () => {
  it('round-trips hex and rejects bad hex with a ValidationError', () => {
    const hex = PdqSignal.examples[0];
    assert.equal(pdqToHex(pdqFromHex(hex)), hex);
    assert.equal(pdqToHex(pdqFromHex(hex.toUpperCase())), hex);
    assert.throws(() => pdqFromHex('xyz'), ValidationError);
    assert.throws(() => pdqFromHex(hex + '0'), ValidationError);
    assert.throws(() => new PdqSignal().validate('g'.repeat(64)), ValidationError);
  });

  it('uses the ThreatExchange bit order: bit k is bit k of the big-endian number', () => {
    const h = new Uint8Array(32);
    h[31] = 1; // bit 0
    assert.equal(pdqToHex(h), '0'.repeat(63) + '1');
    const g = new Uint8Array(32);
    g[0] = 0x80; // bit 255
    assert.equal(pdqToHex(g), '8' + '0'.repeat(63));
  });

  it('computes hamming distance like a naive bit count', () => {
    let seed = 7;
    const rnd = () => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) >>> 16) & 0xff;
    for (let t = 0; t < 50; t++) {
      const a = Uint8Array.from({ length: 32 }, rnd);
      const b = Uint8Array.from({ length: 32 }, rnd);
      let naive = 0;
      for (let i = 0; i < 32; i++) for (let k = 0; k < 8; k++) naive += ((a[i] ^ b[i]) >> k) & 1;
      assert.equal(hamming(a, b), naive);
    }
    assert.equal(hamming(new Uint8Array(32), new Uint8Array(32).fill(255)), 256);
  });

  it('gives 128 set bits on a textured image, zeros and quality 0 below 5 px, low quality when flat', () => {
    const w = 97, h = 61;
    const rgb = new Uint8Array(w * h * 3);
    for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) {
      const v = (Math.sin(x / 5) * Math.cos(y / 7) * 120 + 128) | 0;
      rgb.set([v, (v * 3) & 255, 255 - v], (y * w + x) * 3);
    }
    const r = pdqFromRgb(rgb, w, h);
    let bits = 0;
    for (const byte of r.hash) for (let k = 0; k < 8; k++) bits += (byte >> k) & 1;
    assert.equal(bits, 128);
    assert.ok(r.quality > 50);
    const tiny = pdqFromRgb(new Uint8Array(4 * 4 * 3).fill(200), 4, 4);
    assert.equal(tiny.quality, 0);
    assert.equal(pdqToHex(tiny.hash), '0'.repeat(64));
    assert.equal(pdqFromRgb(new Uint8Array(64 * 64 * 3).fill(90), 64, 64).quality, 0);
  });

  it('hashes 8-bit luma like the RGB path on grey content, and textured luma away from its inverse', () => {
    const w = 120, h = 90;
    const luma = new Uint8Array(w * h);
    for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) luma[y * w + x] = (Math.sin(x / 9 + y / 13) * 60 + Math.cos(y / 4) * 50 + 128) | 0;
    const rgb = new Uint8Array(w * h * 3);
    for (let p = 0; p < w * h; p++) rgb.fill(luma[p], p * 3, p * 3 + 3);
    const g = pdqFromGray(luma, w, h);
    const c = pdqFromRgb(rgb, w, h);
    assert.ok(hamming(g.hash, c.hash) <= 2, `grey vs rgb: ${hamming(g.hash, c.hash)} bits`);
    assert.equal(g.quality, c.quality);
    const inv = pdqFromGray(luma.map((v) => 255 - v), w, h);
    assert.ok(hamming(g.hash, inv.hash) > 200, 'the inverted image has (nearly) the complementary hash');
  });

  it('compares with the distance reported', () => {
    const s = new PdqSignal();
    const a = PdqSignal.examples[0];
    const b = a.slice(0, 63) + (a[63] === '2' ? '3' : '2');
    assert.deepEqual(s.compare(a, b), { match: true, distance: 1 });
    assert.equal(s.compare(a, pdqToHex(pdqFromHex(a).map((x) => 255 - x))).match, false);
  });
});

describe('PDQ of rectangles of a luma plane (query hashing)', () => {
  it('equals the hash of the cropped RGB picture, bit for bit, for every dihedral and any rectangle', () => {
    // a deterministic textured picture (gradients + a pseudo-random pattern), so hashes are far from trivial
    const w = 203, h = 117;
    const rgb = new Uint8Array(w * h * 3);
    let seed = 12345;
    for (let i = 0; i < rgb.length; i++) {
      seed = (seed * 1103515245 + 12345) >>> 0;
      const p = i / 3;
      rgb[i] = ((p % w) * 3 + Math.floor(p / w) * 2 + (seed >>> 28)) & 255;
    }
    const plane = lumaPlane(rgb, w, h);
    const rects = [
      { x: 0, y: 0, width: w, height: h },
      { x: 17, y: 3, width: 150, height: 100 },
      { x: 1, y: 40, width: 64, height: 64 },
      { x: w - 9, y: h - 7, width: 9, height: 7 },
      { x: 50, y: 50, width: 4, height: 30 },
    ];
    for (const r of rects) {
      const crop = new Uint8Array(r.width * r.height * 3);
      for (let y = 0; y < r.height; y++) crop.set(rgb.subarray(((r.y + y) * w + r.x) * 3, ((r.y + y) * w + r.x + r.width) * 3), y * r.width * 3);
      const want = pdqDihedralFromRgb(crop, r.width, r.height);
      const got = pdqDihedralFromLuma({ plane, stride: w, ...r });
      for (const d of DIHEDRALS) {
        assert.equal(pdqToHex(got[d].hash), pdqToHex(want[d].hash), `${JSON.stringify(r)} ${d}`);
        assert.equal(got[d].quality, want[d].quality);
      }
    }
    // masked rows (a greyed-out caption band) read as the luma of that grey, like masking the RGB rows first
    for (const [from, to] of [[0, 12], [90, 100], [0, 0]]) {
      const r = rects[1];
      const crop = new Uint8Array(r.width * r.height * 3);
      for (let y = 0; y < r.height; y++) crop.set(rgb.subarray(((r.y + y) * w + r.x) * 3, ((r.y + y) * w + r.x + r.width) * 3), y * r.width * 3);
      crop.fill(128, from * r.width * 3, to * r.width * 3);
      const want = pdqFromRgb(crop, r.width, r.height);
      const got = pdqFromLuma({ plane, stride: w, ...r, mask: { from, to, grey: 128 } });
      assert.equal(pdqToHex(got.hash), pdqToHex(want.hash), `mask ${from}-${to}`);
      assert.equal(got.quality, want.quality);
      assert.equal(pdqToHex(pdqDihedralFromLuma({ plane, stride: w, ...r, mask: { from, to, grey: 128 } }).flipY.hash), pdqToHex(pdqDihedralFromRgb(crop, r.width, r.height).flipY.hash));
    }
    assert.throws(() => pdqDihedralFromLuma({ plane, stride: w, x: 10, y: 10, width: w, height: 10 }), ValidationError);
  });
});
