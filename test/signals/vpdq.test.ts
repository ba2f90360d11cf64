/** vPDQ: conformance with ThreatExchange's expected hashes, line format, and time alignment. */
import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, it } from 'node:test';
import { ToolError, UnsupportedMediaError, ValidationError } from '../../src/domain/errors.js';
import { readFrames } from '../../src/repositories/frames.repository.js';
import { hamming, pdqFromHex } from '../../src/signals/pdq/pdq.js';
import { formatVpdqLines, matchVpdq, parseVpdqLines, vpdqHashFile, type VpdqFrame } from '../../src/signals/vpdq/vpdq.js';
import { mandelbrotClip, mandelbrotTrimmed25, testPatternClip } from './video-fixtures.js';

const VID = fileURLToPath(new URL('../../../shared/data/pdq/videos/', import.meta.url));
const haveVideos = existsSync(VID + 'expected-vpdq');

describe('vPDQ conformance (shared sample videos)', { skip: haveVideos ? false : 'no ../shared/data/pdq/videos' }, () => {
  const names = haveVideos
    ? readdirSync(VID + 'expected-vpdq').filter((f) => f.endsWith('.txt') && !f.includes('128x128')).map((f) => f.slice(0, -4))
    : [];
  for (const name of names) {
    it(`${name}: every frame matches the expected hashes 100 % both ways at distance 31 / quality 50`, { skip: existsSync(`${VID}${name}.mp4`) ? false : 'video absent' }, async () => {
      const expected = parseVpdqLines(readFileSync(`${VID}expected-vpdq/${name}.txt`, 'utf8'));
      const ours = await vpdqHashFile(`${VID}${name}.mp4`, { secondsPerHash: 0, timeoutMs: 120_000 });
      assert.equal(ours.frames.length, expected.length, 'frame count');
      for (let i = 0; i < expected.length; i++) {
        assert.equal(ours.frames[i].frame, expected[i].frame);
        assert.ok(Math.abs(ours.frames[i].timestamp - expected[i].timestamp) <= 0.0006, `timestamp of frame ${i}`);
        assert.ok(Math.abs(ours.frames[i].quality - expected[i].quality) <= 5, `quality of frame ${i}`);
      }
      const m = matchVpdq(ours.frames, expected, { distance: 31, quality: 50 });
      assert.equal(m.queryCoverage, 1);
      assert.equal(m.referenceCoverage, 1);
      assert.ok(m.minDistance <= 2);
    });
  }

  it('128x128 variant: hashing at the downsampled size matches its expected file', async () => {
    const name = 'pattern-sd-grey-bar';
    const expected = parseVpdqLines(readFileSync(`${VID}expected-vpdq/${name}-128x128.txt`, 'utf8'));
    const ours = await vpdqHashFile(`${VID}${name}.mp4`, { secondsPerHash: 0, width: 128, height: 128, timeoutMs: 60_000 });
    const m = matchVpdq(ours.frames, expected);
    assert.equal(m.queryCoverage, 1);
    assert.equal(m.referenceCoverage, 1);
  });

  it('hashing RGB24 frames instead of the luma plane gives the same hashes within a few bits', async () => {
    const a = await vpdqHashFile(`${VID}doorknob-hd-no-bar.mp4`, { secondsPerHash: 0.5, timeoutMs: 60_000, gray: true });
    const b = await vpdqHashFile(`${VID}doorknob-hd-no-bar.mp4`, { secondsPerHash: 0.5, timeoutMs: 60_000, gray: false });
    assert.equal(a.frames.length, b.frames.length);
    for (let i = 0; i < a.frames.length; i++) {
      if (a.frames[i].quality >= 50) assert.ok(hamming(a.frames[i].hash, b.frames[i].hash) <= 12, `frame ${a.frames[i].frame}`);
    }
  });

  it('one hash per second keeps frame numbers N apart with matching timestamps', async () => {
    const r = await vpdqHashFile(`${VID}pattern-hd-no-bar.mp4`, { secondsPerHash: 1, timeoutMs: 60_000 });
    assert.equal(r.fps, 30);
    assert.deepEqual(r.frames.map((f) => f.frame), [0, 30, 60, 90, 120, 150, 180]);
    assert.deepEqual(r.frames.map((f) => f.timestamp), [0, 1, 2, 3, 4, 5, 6]);
    assert.ok(r.duration > 6.8 && r.duration < 7.0);
  });
});

describe('vPDQ line format', () => {
  const frames: VpdqFrame[] = [
    { frame: 0, quality: 100, hash: pdqFromHex('e271017837246aaccddea259648fb7d62f435c89d9e99b2497763e216c8d055c'), timestamp: 0 },
    { frame: 1, quality: 63, hash: pdqFromHex('c0f11178372c6aaccddea259648fbfd62f434c89c9e99b249772be216c8d055c'), timestamp: 1 / 30 },
  ];

  it('round-trips frame,quality,hex,timestamp with 3 decimals', () => {
    const text = formatVpdqLines(frames);
    assert.equal(text.split('\n')[1], '1,63,c0f11178372c6aaccddea259648fbfd62f434c89c9e99b249772be216c8d055c,0.033');
    const back = parseVpdqLines(text);
    assert.equal(back.length, 2);
    assert.deepEqual(back.map((f) => [f.frame, f.quality, f.timestamp]), [[0, 100, 0], [1, 63, 0.033]]);
    assert.deepEqual(back[1].hash, frames[1].hash);
  });

  it('accepts the 3-field variant and blank lines; rejects malformed lines with ValidationError', () => {
    const back = parseVpdqLines('\n0,100,e271017837246aaccddea259648fb7d62f435c89d9e99b2497763e216c8d055c\r\n60,90,c0f11178372c6aaccddea259648fbfd62f434c89c9e99b249772be216c8d055c\n', 30);
    assert.deepEqual(back.map((f) => [f.frame, f.timestamp]), [[0, 0], [60, 2]]);
    assert.throws(() => parseVpdqLines('0,100,zz,0.000'), ValidationError);
    assert.throws(() => parseVpdqLines('0,100'), ValidationError);
    assert.throws(() => parseVpdqLines('x,100,e271017837246aaccddea259648fb7d62f435c89d9e99b2497763e216c8d055c,0'), ValidationError);
  });
});

describe('vPDQ matching and alignment', () => {
  it('aligns a trimmed, 25 fps, re-encoded repost sampled at 1/s against a dense reference', async () => {
    const ref = await vpdqHashFile(mandelbrotClip(), { secondsPerHash: 0, timeoutMs: 60_000 });
    const q = await vpdqHashFile(mandelbrotTrimmed25(), { secondsPerHash: 1, timeoutMs: 60_000 });
    assert.equal(q.fps, 25);
    const m = matchVpdq(q.frames, ref.frames);
    assert.ok(m.queryCoverage >= 0.75, `query coverage ${m.queryCoverage}`);
    assert.ok(m.referenceCoverage > 0.05 && m.referenceCoverage < 0.6, `reference coverage ${m.referenceCoverage}`);
    assert.equal(m.segments.length, 1, JSON.stringify(m.segments));
    const s = m.segments[0];
    assert.ok(s.query_start <= 1 && s.query_end >= 2, JSON.stringify(s));
    const offset = s.reference_start - s.query_start;
    assert.ok(Math.abs(offset - 3) <= 0.2, `offset ${offset}`);
    assert.ok(Math.abs(s.reference_end - s.query_end - 3) <= 0.2, JSON.stringify(s));
  });

  it('does not match unrelated content, and reports nothing for empty or low-quality input', async () => {
    const ref = await vpdqHashFile(mandelbrotClip(), { secondsPerHash: 0.2, timeoutMs: 60_000 });
    const other = await vpdqHashFile(testPatternClip(), { secondsPerHash: 0.5, timeoutMs: 60_000 });
    const m = matchVpdq(other.frames, ref.frames);
    assert.equal(m.queryCoverage, 0);
    assert.deepEqual(m.segments, []);
    assert.ok(m.minDistance > 31);
    assert.deepEqual(matchVpdq([], ref.frames), { queryCoverage: 0, referenceCoverage: 0, minDistance: 257, segments: [] });
    const flat = ref.frames.map((f) => ({ ...f, quality: 10 }));
    assert.equal(matchVpdq(flat, ref.frames).queryCoverage, 0);
  });

  it('keeps two segments apart when a clip is spliced from two parts of the reference', () => {
    const mk = (n: number, seed: number): Uint8Array => {
      const h = new Uint8Array(32);
      let x = seed * 2654435761;
      for (let i = 0; i < 32; i++) { x = (Math.imul(x, 1664525) + 1013904223) >>> 0; h[i] = x >>> 24; }
      return h;
    };
    const ref: VpdqFrame[] = Array.from({ length: 60 }, (_, i) => ({ frame: i, quality: 100, hash: mk(i, i + 1), timestamp: i }));
    // query: reference seconds 10..19 then 40..49, at query times 0..19
    const q: VpdqFrame[] = Array.from({ length: 20 }, (_, i) => {
      const src = i < 10 ? 10 + i : 30 + i;
      return { frame: i, quality: 90, hash: ref[src].hash, timestamp: i };
    });
    const m = matchVpdq(q, ref);
    assert.equal(m.queryCoverage, 1);
    assert.ok(Math.abs(m.referenceCoverage - 20 / 60) < 1e-9);
    assert.deepEqual(m.segments, [
      { query_start: 0, query_end: 9, reference_start: 10, reference_end: 19 },
      { query_start: 10, query_end: 19, reference_start: 40, reference_end: 49 },
    ]);
  });
});

describe('vPDQ worker threads', () => {
  it('gives exactly the same frames with and without hashing workers', async () => {
    const a = await vpdqHashFile(mandelbrotClip(), { secondsPerHash: 0, timeoutMs: 60_000, workers: 0 });
    const b = await vpdqHashFile(mandelbrotClip(), { secondsPerHash: 0, timeoutMs: 60_000, workers: 2 });
    assert.equal(a.frames.length, 300);
    assert.equal(formatVpdqLines(b.frames), formatVpdqLines(a.frames));
  });
});

describe('frames repository', () => {
  it('samples every Nth frame at a chosen size, and crops through extra filters', async () => {
    const seen: { index: number; timestamp: number; w: number; h: number; len: number }[] = [];
    const r = await readFrames(mandelbrotClip(), { everyNth: 75, width: 64, height: 48, timeoutMs: 30_000 }, (f) => {
      seen.push({ index: f.index, timestamp: f.timestamp, w: f.width, h: f.height, len: f.rgb.length });
    });
    assert.equal(r.frames, 4);
    assert.deepEqual(seen.map((s) => s.index), [0, 75, 150, 225]);
    assert.deepEqual(seen.map((s) => s.timestamp), [0, 2.5, 5, 7.5]);
    assert.ok(seen.every((s) => s.w === 64 && s.h === 48 && s.len === 64 * 48 * 3));
    const sizes: string[] = [];
    await readFrames(mandelbrotClip(), { fps: 1, filters: ['crop=100:80:10:10'], timeoutMs: 30_000 }, async (f) => {
      await new Promise((res) => setTimeout(res, 1));
      sizes.push(`${f.width}x${f.height}:${f.rgb.length}`);
    });
    assert.equal(sizes.length, 10);
    assert.ok(sizes.every((s) => s === `100x80:${100 * 80 * 3}`), sizes.join());
    const grey: string[] = [];
    await readFrames(mandelbrotClip(), { everyNth: 100, width: 32, height: 24, gray: true, timeoutMs: 30_000 }, (f) => {
      grey.push(`${f.index}:${f.channels}:${f.rgb.length}`);
    });
    assert.deepEqual(grey, ['0:1:768', '100:1:768', '200:1:768']);
  });

  it('maps broken input to UnsupportedMediaError, stops on abort, and rejects callback errors', async () => {
    const bad = join(tmpdir(), `genproof-broken-${process.pid}.mp4`);
    writeFileSync(bad, Buffer.from('this is not a video at all'.repeat(50)));
    await assert.rejects(readFrames(bad, { timeoutMs: 10_000 }, () => {}), UnsupportedMediaError);
    const ac = new AbortController();
    let n = 0;
    await assert.rejects(
      readFrames(mandelbrotClip(), { timeoutMs: 30_000, signal: ac.signal }, () => { if (++n === 3) ac.abort(); }),
      (e: unknown) => e instanceof ToolError && e.code === 'aborted',
    );
    await assert.rejects(readFrames(mandelbrotClip(), { timeoutMs: 30_000 }, () => { throw new Error('boom'); }), /boom/);
  });
});
