// The video query is hashed on a worker thread (issue 12: the check's main thread no longer stalls ffmpeg). The
// worker must give exactly what the same work gives on the calling thread, and its errors must come back as the
// same error classes and codes, so the match analyzer and the verification service treat them the same way.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { loadConfig } from '../../src/config/config.js';
import { AppError } from '../../src/domain/errors.js';
import { hashQuery } from '../../src/match/query-hasher.js';
import { toolStats } from '../../src/repositories/tool-stats.repository.js';
import { toolPaths } from '../../src/repositories/tools.repository.js';
import { openMedia } from '../../src/services/intake/intake.service.js';

const dir = mkdtempSync(join(tmpdir(), 'genproof-qworker-'));
after(() => rmSync(dir, { recursive: true, force: true }));

/** A letterboxed clip (black bars above and below): the query then has crop variants, not just the full frame. */
function letterboxed(): string {
  const out = join(dir, 'letterbox.mp4');
  const r = spawnSync(toolPaths().ffmpeg, ['-v', 'error', '-y', '-f', 'lavfi', '-i', 'testsrc2=size=320x180:rate=30:duration=5',
    '-vf', 'pad=320:260:0:40:black', '-c:v', 'libx264', '-preset', 'veryfast', '-pix_fmt', 'yuv420p', out], { timeout: 60_000 });
  if (r.status !== 0) throw new Error(`ffmpeg: ${r.stderr}`);
  return out;
}

describe('video query hashing on a worker thread', () => {
  it('gives the same crops, variants, frames and hashes as hashing on the calling thread, and counts its ffmpeg run', async () => {
    const path = letterboxed();
    const session = await openMedia(path, loadConfig());
    const base = { timeoutMs: 60_000, probe: session.videoProbe };
    const before = toolStats().tools.ffmpeg ?? 0;
    const progress: number[] = [];
    const viaWorker = await hashQuery(path, session.media, { ...base, onProgress: (f) => progress.push(f) });
    assert.equal((toolStats().tools.ffmpeg ?? 0) - before, 1, 'the worker reports its ffmpeg run to this thread');
    const here = await hashQuery(path, session.media, { ...base, inThread: true });
    assert.ok(here.variants.length > 8, `more than the full frame's 8 views: ${here.variants.length}`);
    assert.ok(here.crops.length > 0, 'the letterbox gives a crop candidate');
    assert.deepEqual(viaWorker, here);
    assert.equal(progress.at(-1), 1);
    for (let i = 1; i < progress.length; i++) assert.ok(progress[i] >= progress[i - 1], 'progress never goes back');
  });

  it('raises what the calling thread raises when ffmpeg cannot read the file (same class, same code)', async () => {
    const path = letterboxed();
    const session = await openMedia(path, loadConfig());
    const junk = join(dir, 'junk.mp4');
    writeFileSync(junk, Buffer.alloc(4096, 7));
    const opts = { timeoutMs: 60_000, probe: session.videoProbe };
    const errorOf = async (p: Promise<unknown>): Promise<AppError> => {
      try {
        await p;
      } catch (e) {
        assert.ok(e instanceof AppError, `an AppError, not ${String(e)}`);
        return e;
      }
      throw new Error('expected a rejection');
    };
    const w = await errorOf(hashQuery(junk, session.media, opts));
    const t = await errorOf(hashQuery(junk, session.media, { ...opts, inThread: true }));
    assert.equal(w.constructor, t.constructor);
    assert.equal(w.code, t.code);
    assert.equal(w.exitCode, t.exitCode);
  });

  it('stops when the check is aborted', async () => {
    const path = letterboxed();
    const session = await openMedia(path, loadConfig());
    const abort = new AbortController();
    abort.abort();
    await assert.rejects(hashQuery(path, session.media, { timeoutMs: 60_000, probe: session.videoProbe, signal: abort.signal }));
  });
});
