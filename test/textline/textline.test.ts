import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import sharp from 'sharp';
import { findContours } from '../../src/textline/contours.js';
import { splitIntoLines } from '../../src/textline/lines.js';
import { boxPoints, minAreaRect } from '../../src/textline/rect.js';
import { perspectiveTransform, warpPerspectiveCubic } from '../../src/textline/warp.js';
import { detectTextMask, releaseOcrEngine } from '../../src/repositories/ocr.repository.js';
import { SHARED } from '../helpers/cli.js';
import { makeRng } from '../../scripts/lib/rng.js';

/** A mask W×H with the pixels where `inside(x, y)` holds set to 1. */
function maskOf(W: number, H: number, inside: (x: number, y: number) => boolean): Uint8Array {
  const m = new Uint8Array(W * H);
  for (let y = 0; y < H; y++) for (let x = 0; x < W; x++) if (inside(x, y)) m[y * W + x] = 1;
  return m;
}

/** A deterministic noisy RGBA picture (so crops can be compared pixel for pixel). */
function picture(W: number, H: number): Uint8Array {
  const d = new Uint8Array(W * H * 4);
  for (let i = 0; i < W * H; i++) {
    d[i * 4] = (i * 7) % 251;
    d[i * 4 + 1] = (i * 13 + 50) % 253;
    d[i * 4 + 2] = ((i >> 3) * 31) % 255;
    d[i * 4 + 3] = 255;
  }
  return d;
}

describe('text-line contours', () => {
  it('finds one contour per 8-connected blob and one per hole', () => {
    // a ring (outer border + hole), a separate dot, and two squares touching only at a corner (one blob)
    const m = maskOf(40, 20, (x, y) => {
      const ring = x >= 2 && x <= 12 && y >= 2 && y <= 12 && !(x >= 5 && x <= 9 && y >= 5 && y <= 9);
      const dot = x === 20 && y === 3;
      const diag = (x >= 25 && x <= 27 && y >= 2 && y <= 4) || (x >= 28 && x <= 30 && y >= 5 && y <= 7);
      return ring || dot || diag;
    });
    const cs = findContours(m, 40, 20);
    assert.equal(cs.length, 4); // in raster order of their first pixel: ring, diagonal pair, dot; then the ring's hole
    const extent = (c: number[]) => {
      const xs = c.filter((_, i) => i % 2 === 0);
      const ys = c.filter((_, i) => i % 2 === 1);
      return [Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)];
    };
    const ext = cs.map(extent);
    assert.deepEqual(ext[0], [2, 2, 12, 12]);
    assert.deepEqual(ext[1], [25, 2, 30, 7]);
    assert.deepEqual(ext[2], [20, 3, 20, 3]);
    // the hole's border is the ring's inner edge: the foreground pixels 4-adjacent to the hole
    assert.deepEqual(ext[3], [4, 4, 10, 10]);
  });

  it('foreground on the image edge is a blob, background on the edge is never a hole', () => {
    const m = maskOf(10, 10, (x, y) => x <= 3 && !(x === 0 && y >= 3 && y <= 5));
    const cs = findContours(m, 10, 10);
    assert.equal(cs.length, 1);
  });
});

describe('minimum-area rectangle', () => {
  it('is the box itself for an upright rectangle of points', () => {
    const pts: number[] = [];
    for (let y = 10; y <= 20; y++) for (let x = 5; x <= 40; x++) pts.push(x, y);
    const r = minAreaRect(pts, true);
    const corners = boxPoints(r).map((p) => p.map((v) => Math.round(v * 1000) / 1000));
    const xs = corners.map((p) => p[0]).sort((a, b) => a - b);
    const ys = corners.map((p) => p[1]).sort((a, b) => a - b);
    assert.deepEqual([xs[0], xs[3], ys[0], ys[3]], [5, 40, 10, 20]);
    assert.equal(Math.min(r.width, r.height), 10);
  });

  it('follows a rotated rectangle', () => {
    const a = (30 * Math.PI) / 180;
    const pts: number[] = [];
    for (let u = 0; u <= 60; u++) for (let v = 0; v <= 12; v++) pts.push(Math.round(50 + u * Math.cos(a) - v * Math.sin(a)), Math.round(20 + u * Math.sin(a) + v * Math.cos(a)));
    const r = minAreaRect(pts, false);
    const long = Math.max(r.width, r.height);
    const short = Math.min(r.width, r.height);
    assert.ok(Math.abs(long - 60) < 2 && Math.abs(short - 12) < 2, `${long}×${short}`);
    const angle = ((r.width >= r.height ? r.angle : r.angle + 90) + 180) % 180;
    assert.ok(Math.abs(angle - 30) < 3, `angle ${angle}`);
  });
});

describe('perspective crop', () => {
  it('copies an upright box with whole-pixel corners exactly', () => {
    const W = 64;
    const H = 48;
    const src = { data: picture(W, H), width: W, height: H };
    const box: [number, number][] = [[10, 7], [40, 7], [40, 27], [10, 27]];
    const out = warpPerspectiveCubic(src, perspectiveTransform([[0, 0], [30, 0], [30, 20], [0, 20]], box), 30, 20);
    for (let y = 0; y < 20; y++) {
      for (let x = 0; x < 30; x++) {
        for (let c = 0; c < 4; c++) assert.equal(out.data[(y * 30 + x) * 4 + c], src.data[((y + 7) * W + x + 10) * 4 + c]);
      }
    }
  });
});

// The reference: @gutenye/ocr-common's splitIntoLineImages on opencv.js (a dev dependency, never loaded by genproof).
type RefSplit = (mask: { data: Uint8Array; width: number; height: number }, src: { data: Uint8Array; width: number; height: number }) => Promise<{ box: number[][]; image: { data: Uint8Array; width: number; height: number } }[]>;
let reference: RefSplit;
before(async () => {
  await import('@gutenye/ocr-node'); // registers the ImageRaw the reference builds its crops with
  const cv = ((await import('@techstark/opencv-js')) as { default: { Mat?: unknown } }).default;
  const t0 = Date.now();
  while (typeof cv.Mat !== 'function' && Date.now() - t0 < 30_000) await new Promise((r) => setTimeout(r, 5));
  reference = ((await import('@gutenye/ocr-common/splitIntoLineImages')) as unknown as { splitIntoLineImages: RefSplit }).splitIntoLineImages;
});
after(() => releaseOcrEngine());

interface Agreement {
  lines: number;
  /** Boxes whose corners equal the reference's to 1/1000 px. */
  exact: number;
  bytes: number;
  differing: number;
}

/**
 * Compare ours with the reference on one mask: the same number of lines; how many boxes are the same to 1/1000 px
 * (not all: where two rectangles around a blob have the same area, or four corners tie in the reference's ordering,
 * float32 noise decides); the crops of equal boxes the same size and nearly the same pixels.
 */
async function compareWithReference(mask: Uint8Array, W: number, H: number, rgba: Uint8Array): Promise<Agreement> {
  const rgbaMask = new Uint8Array(W * H * 4);
  for (let i = 0; i < W * H; i++) {
    const v = mask[i] ? 255 : 0;
    rgbaMask.set([v, v, v, 255], i * 4);
  }
  const ref = await reference({ data: rgbaMask, width: W, height: H }, { data: rgba, width: W, height: H });
  const ours = splitIntoLines(mask, W, H, { data: rgba, width: W, height: H });
  assert.equal(ours.length, ref.length);
  const out: Agreement = { lines: ref.length, exact: 0, bytes: 0, differing: 0 };
  const left = [...ours];
  for (const r of ref) {
    const gap = (o: (typeof ours)[number]) => Math.max(...o.box.flatMap((p, i) => [Math.abs(p[0] - r.box[i][0]), Math.abs(p[1] - r.box[i][1])]));
    const k = left.reduce((best, o, i) => (gap(o) < gap(left[best]) ? i : best), 0);
    const o = left.splice(k, 1)[0];
    if (gap(o) > 1e-3) continue;
    out.exact++;
    assert.deepEqual([o.image.width, o.image.height], [r.image.width, r.image.height]);
    for (let i = 0; i < r.image.data.length; i++) if (r.image.data[i] !== o.image.data[i]) out.differing++;
    out.bytes += r.image.data.length;
  }
  return out;
}

function add(total: Agreement, c: Agreement): void {
  total.lines += c.lines;
  total.exact += c.exact;
  total.bytes += c.bytes;
  total.differing += c.differing;
}

function assertAgreement(t: Agreement, minLines: number, exactShare: number): void {
  assert.ok(t.lines >= minLines, `${t.lines} lines`);
  console.log(`# text lines: ${t.exact}/${t.lines} boxes exact, ${t.differing}/${t.bytes} crop bytes differ`);
  assert.ok(t.exact >= exactShare * t.lines, `${t.exact} of ${t.lines} boxes exact`);
  // rotated crops are resampled: the homography is solved differently, so a few pixels may round apart
  assert.ok(t.differing <= 0.01 * t.bytes, `${t.differing} of ${t.bytes} crop bytes differ`);
}

describe('text lines agree with the opencv.js reference', () => {
  it('on random masks of blobs, rings and rotated bars', async () => {
    const next = makeRng(12); // the same masks on every run
    const total: Agreement = { lines: 0, exact: 0, bytes: 0, differing: 0 };
    for (let n = 0; n < 60; n++) {
      const W = 96 + 32 * Math.floor(next() * 6);
      const H = 64 + 32 * Math.floor(next() * 4);
      const shapes = Array.from({ length: 1 + Math.floor(next() * 6) }, () => ({
        cx: next() * W,
        cy: next() * H,
        a: 3 + next() * 40,
        b: 2 + next() * 12,
        t: next() * Math.PI,
        ring: next() < 0.3,
        box: next() < 0.5,
      }));
      const mask = maskOf(W, H, (x, y) =>
        shapes.some((s) => {
          const u = ((x - s.cx) * Math.cos(s.t) + (y - s.cy) * Math.sin(s.t)) / s.a;
          const v = (-(x - s.cx) * Math.sin(s.t) + (y - s.cy) * Math.cos(s.t)) / s.b;
          const r = s.box ? Math.max(Math.abs(u), Math.abs(v)) : Math.hypot(u, v);
          return r <= 1 && !(s.ring && r < 0.5);
        }),
      );
      add(total, await compareWithReference(mask, W, H, picture(W, H)));
    }
    assertAgreement(total, 100, 0.97); // random blobs make equal-area ties far more often than text does
  });

  it('on the text detector’s own maps of real pictures', { skip: !existsSync(SHARED), timeout: 300_000 }, async () => {
    const files = ['c2pa/fixtures/P1000827.jpg', 'c2pa/fixtures/c2pa-js/PirateShip_save_credentials_to_cloud.jpg', 'c2pa/fixtures/cloud.jpg', 'c2pa/fixtures/example-assets/Firefly_tabby_cat.jpg', 'c2pa/fixtures/example-assets/car-es-Ps-Cr.jpg', 'c2pa/fixtures/c2pa-ts/amazon-titan-g1.png', 'c2pa/fixtures/no_manifest.jpg']
      .map((f) => join(SHARED, f))
      .filter(existsSync);
    assert.ok(files.length >= 5);
    const total: Agreement = { lines: 0, exact: 0, bytes: 0, differing: 0 };
    for (const f of files) {
      for (const side of [640, 1280]) {
        const { data, info } = await sharp(f).resize(side, side, { fit: 'fill' }).ensureAlpha(1).raw().toBuffer({ resolveWithObject: true });
        const rgba = new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
        add(total, await compareWithReference(await detectTextMask(rgba, info.width, info.height), info.width, info.height, rgba));
      }
    }
    assertAgreement(total, 30, 1);
  });
});
