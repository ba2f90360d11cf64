import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parsePpm, PpmStream } from '../../src/repositories/frame-grab.repository.js';

function ppm(w: number, h: number, seed: number, header = `P6\n${w} ${h}\n255\n`): Buffer {
  const px = Buffer.alloc(w * h * 3);
  for (let i = 0; i < px.length; i++) px[i] = (i * 31 + seed * 7) & 255;
  return Buffer.concat([Buffer.from(header, 'latin1'), px]);
}

/** `buf` cut into chunks of the given sizes (cycled), pushed one by one. */
function feed(buf: Buffer, sizes: number[]): PpmStream {
  const s = new PpmStream();
  let off = 0;
  for (let k = 0; off < buf.length; k++) {
    const n = sizes[k % sizes.length];
    s.push(buf.subarray(off, off + n));
    off += n;
  }
  return s;
}

describe('PPM frames parsed as the pipe delivers them', () => {
  const stream = Buffer.concat([ppm(5, 3, 1), ppm(7, 2, 2, 'P6\n# a comment\n7 2\n255\n'), ppm(1, 1, 3)]);
  const expected: { width: number; height: number; data: Buffer }[] = [];
  for (let off = 0; off < stream.length; ) {
    const f = parsePpm(stream, off)!;
    expected.push({ width: f.width, height: f.height, data: Buffer.from(f.data) });
    off = f.end;
  }

  it('gives the frames parsePpm reads from the whole output, however the bytes are cut', () => {
    for (const sizes of [[stream.length], [1], [2, 3], [7], [64, 1, 5], [13, 4096]]) {
      const s = feed(stream, sizes);
      assert.equal(s.broken, false);
      assert.equal(s.pending, 0);
      assert.deepEqual(s.frames.map((f) => [f.width, f.height, f.data.toString('hex')]), expected.map((f) => [f.width, f.height, f.data.toString('hex')]), `chunks ${sizes}`);
    }
  });

  it('copies the pixels out of the pipe chunks (they can be dropped or reused at once)', () => {
    const copy = Buffer.from(stream);
    const s = feed(copy, [stream.length]);
    copy.fill(0);
    for (const f of s.frames) assert.equal(f.data.byteLength, f.width * f.height * 3);
    assert.deepEqual(s.frames.map((f) => f.data.toString('hex')), expected.map((f) => f.data.toString('hex')));
  });

  it('a cut-off stream keeps its whole frames and says how many bytes were left over', () => {
    const s = feed(stream.subarray(0, stream.length - 2), [10]);
    assert.equal(s.frames.length, 2);
    assert.ok(s.pending > 0);
  });

  it('stops at bytes that are not a PPM header', () => {
    const s = feed(Buffer.concat([ppm(2, 2, 1), Buffer.alloc(600, 0x41)]), [50]);
    assert.equal(s.frames.length, 1);
    assert.equal(s.broken, true);
  });
});
