import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { readFrames, type VideoFrame } from '../../src/repositories/frames.repository.js';
import { toolPaths } from '../../src/repositories/tools.repository.js';

const dir = mkdtempSync(join(tmpdir(), 'genproof-sparse-'));
after(() => rmSync(dir, { recursive: true, force: true }));
const { ffmpeg } = toolPaths();

/** A 30 fps testsrc2 clip encoded with `bf` B-frames (no B-pyramid: every B-frame is one nothing refers to). */
function clip(name: string, seconds: number, bf: number): string {
  const out = join(dir, name);
  const r = spawnSync(ffmpeg, ['-v', 'error', '-y', '-f', 'lavfi', '-i', `testsrc2=size=320x180:rate=30:duration=${seconds}`,
    '-c:v', 'libx264', '-preset', 'veryfast', '-bf', String(bf), '-x264-params', 'b-pyramid=0:b-adapt=0:scenecut=0', '-g', '90', '-pix_fmt', 'yuv420p', out], { timeout: 60_000 });
  if (r.status !== 0) throw new Error(`ffmpeg: ${r.stderr}`);
  return out;
}

async function frames(path: string, opts: { sparse?: { step: number; cadence: number }; everyNth?: number }): Promise<VideoFrame[]> {
  const out: VideoFrame[] = [];
  await readFrames(path, { ...opts, width: 160, height: 90, fastDecode: true, timeoutMs: 60_000 }, (f) => { out.push(f); });
  return out;
}

describe('sparse frame sampling (query hashing)', () => {
  it('takes one frame per grid cell, on the cadence, numbered by its own timestamp: pixels equal the full decode of that frame', async () => {
    const path = clip('bf3.mp4', 6, 3);
    const sparse = await frames(path, { sparse: { step: 1, cadence: 2 } });
    const all = await frames(path, { everyNth: 1 });
    assert.equal(all.length, 180);
    assert.equal(sparse.length, 6, `one frame per second of 6 s: ${sparse.map((f) => f.index)}`);
    for (const [k, f] of sparse.entries()) {
      assert.equal(f.index % 2, 0, `frame ${f.index} is on the reference's view cadence`);
      assert.equal(Math.floor(f.index / 30), k, `frame ${f.index} opens grid cell ${k}`);
      assert.ok(Math.abs(f.timestamp - f.index / 30) < 1e-9);
      // skipping frames nothing refers to leaves the decoded frames exact: the same pixels as a full decode
      assert.ok(Buffer.from(f.rgb).equals(Buffer.from(all[f.index].rgb)), `frame ${f.index} has the full decode's pixels`);
    }
  });

  it('never leaves a gap much longer than a cell when few frames are on the cadence', async () => {
    // -bf 2 without pyramid: decodable (reference) frames are every third; cadence 7 puts most cells without one
    const path = clip('bf2.mp4', 4, 2);
    const sparse = await frames(path, { sparse: { step: 0.2, cadence: 7 } });
    const idx = sparse.map((f) => f.index);
    assert.ok(idx.length >= 12, `about 4 s / 0.2 s cells: ${idx}`);
    for (let i = 1; i < idx.length; i++) {
      assert.ok(idx[i] > idx[i - 1], `increasing: ${idx}`);
      assert.ok(idx[i] - idx[i - 1] <= 2 * 6 + 3, `gap ${idx[i - 1]} -> ${idx[i]} at most two cells and a reference interval`);
      assert.equal(idx[i] % 3, 0, `frame ${idx[i]} is a reference frame (the B-frames were skipped)`);
    }
  });
});
