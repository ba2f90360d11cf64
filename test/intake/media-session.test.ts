import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { loadConfig } from '../../src/config/config.js';
import { closeExiftool } from '../../src/repositories/exif.repository.js';
import { probeVideo } from '../../src/repositories/frames.repository.js';
import { toolStats } from '../../src/repositories/tool-stats.repository.js';
import { toolPaths } from '../../src/repositories/tools.repository.js';
import { openMedia } from '../../src/services/intake/intake.service.js';
import { VerificationService } from '../../src/services/verification.service.js';
import { SHARED } from '../helpers/cli.js';

const dir = join(tmpdir(), 'genproof-session-fixtures-v2');
mkdirSync(dir, { recursive: true });
const { ffmpeg } = toolPaths();
const config = loadConfig({ env: {}, overrides: { db: join(dir, 'no-registry.db') } });

/** A rotated 3 s clip (display matrix), so the probe the session keeps must carry rotation and display size. */
function rotatedClip(): string {
  const out = join(dir, 'rotated-3s.mp4');
  if (!existsSync(out)) {
    const plain = join(dir, 'tmp-plain.mp4');
    const tmp = join(dir, 'tmp-rotated.mp4');
    const r = spawnSync(ffmpeg, ['-v', 'error', '-y', '-f', 'lavfi', '-i', 'testsrc2=size=320x180:rate=25:duration=3', '-c:v', 'libx264', '-pix_fmt', 'yuv420p', plain], { timeout: 60_000 });
    if (r.status !== 0) throw new Error(`ffmpeg: ${r.stderr}`);
    // The rotation tag is only kept when remuxing (old and new ffmpeg alike).
    const t = spawnSync(ffmpeg, ['-v', 'error', '-y', '-i', plain, '-c', 'copy', '-metadata:s:v:0', 'rotate=90', tmp], { timeout: 60_000 });
    if (t.status !== 0) throw new Error(`ffmpeg: ${t.stderr}`);
    renameSync(tmp, out);
  }
  return out;
}

const count = (tool: string) => toolStats().tools[tool] ?? 0;

after(() => closeExiftool());

describe('media session: intake opens the file once, analyzers share what it read', () => {
  it('keeps the video probe, identical to a probe of its own (no second ffprobe needed)', async () => {
    const path = rotatedClip();
    const s = await openMedia(path, config);
    const own = await probeVideo(path, { timeoutMs: 30_000 });
    assert.deepEqual(s.videoProbe, own);
    assert.ok(s.videoProbe?.rotation === 90 || s.videoProbe?.rotation === 270, `rotation ${s.videoProbe?.rotation}`);
    assert.equal(s.videoProbe?.width, 180, 'display width after rotation');
  });

  it('reads flat and grouped tags in one exiftool run however often they are asked for', async () => {
    const s = await openMedia(rotatedClip(), config);
    const before = count('exiftool');
    const [a, b] = await Promise.all([s.tags(), s.tags()]);
    const [c, d] = await Promise.all([s.groupedTags(), s.groupedTags()]);
    assert.equal(a, b);
    assert.equal(c, d);
    assert.equal(count('exiftool') - before, 1);
    assert.ok(Object.keys(c).some((k) => k.includes(':')), 'grouped names carry their group');
  });

  it('HEIC: the tags intake read are reused, the pixels are decoded once', { skip: !existsSync(join(SHARED, 'media/real/img_iphone_heic_exifr.heic')) }, async () => {
    const before = count('exiftool');
    const s = await openMedia(join(SHARED, 'media/real/img_iphone_heic_exifr.heic'), config);
    assert.equal(count('exiftool') - before, 1, 'intake reads the HEIC dimensions from tags');
    await Promise.all([s.tags(), s.groupedTags()]);
    assert.equal(count('exiftool') - before, 1, 'the metadata and label views reuse them');
    const d0 = count('decode:heic');
    const [p, q] = await Promise.all([s.heicPixels(), s.heicPixels()]);
    assert.equal(p, q);
    assert.equal(count('decode:heic') - d0, 1);
    assert.equal(p.width * p.height * 4, p.raw.length);
  });

  it("a frame decode stops on the asker's signal, also for a session opened without one", async () => {
    const s = await openMedia(rotatedClip(), config);
    const stop = new AbortController();
    stop.abort();
    await assert.rejects(s.videoFrames([0.5, 1.5], 160, stop.signal), (e: Error & { code?: string }) => e.code === 'aborted');
    const frames = await s.videoFrames([0.5, 1.5], 160);
    assert.equal(frames.length, 2, 'a later request decodes again');
  });

  it('a JSON-only check of a video starts one ffprobe, one exiftool read and no keyframe seeks', async () => {
    const service = VerificationService.create(config);
    try {
      const t0 = toolStats().tools;
      const { result } = await service.check({ file: rotatedClip(), caption: null, postedAt: null, urls: [] });
      const t1 = toolStats().tools;
      const d = (k: string) => (t1[k] ?? 0) - (t0[k] ?? 0);
      assert.equal(d('ffprobe'), 1);
      assert.equal(d('exiftool'), 1);
      assert.ok(d('ffmpeg') <= 2, `ffmpeg processes: ${d('ffmpeg')}`);
      assert.deepEqual(result.keyframes.map((k) => k.timestamp), [0.25, 0.75, 1.25, 1.75, 2.25, 2.75]);
    } finally {
      await service.close();
    }
  });

  it('a check that keeps keyframes (the desk) cuts them from the frames the OCR pass decoded: no decode of their own', async () => {
    const service = VerificationService.create(config);
    const kept = mkdtempSync(join(tmpdir(), 'genproof-kf-'));
    try {
      const runs = async (keyframesDir?: string) => {
        const t0 = toolStats().tools.ffmpeg ?? 0;
        const out = await service.check({ file: rotatedClip(), caption: null, postedAt: null, urls: [] }, { keyframesDir });
        return { out, ffmpeg: (toolStats().tools.ffmpeg ?? 0) - t0 };
      };
      const plain = await runs();
      const desk = await runs(kept);
      assert.equal(desk.ffmpeg, plain.ffmpeg, 'keeping keyframes starts no ffmpeg process beyond the JSON-only check');
      assert.ok(desk.out.keyframes.length >= 1 && desk.out.keyframes.length <= config.check.keyframes, `${desk.out.keyframes.length} keyframes`);
      for (const k of desk.out.keyframes) {
        const head = readFileSync(k.path).subarray(0, 3);
        assert.deepEqual([...head], [0xff, 0xd8, 0xff], 'a JPEG');
        assert.ok(k.timestamp >= 0 && k.timestamp < 3);
      }
      assert.deepEqual(desk.out.result.keyframes.map((k) => k.timestamp), desk.out.keyframes.map((k) => k.timestamp));
    } finally {
      await service.close();
      rmSync(kept, { recursive: true, force: true });
    }
  });

  it('a JSON-only check of a video with no decodable frame fails with media_corrupt (an init segment without samples)', { skip: !existsSync(join(SHARED, 'c2pa/fixtures/dashinit.mp4')) }, async () => {
    const service = VerificationService.create(config);
    try {
      await assert.rejects(
        service.check({ file: join(SHARED, 'c2pa/fixtures/dashinit.mp4'), caption: null, postedAt: null, urls: [] }),
        (e: unknown) => (e as { code?: string }).code === 'media_corrupt',
      );
    } finally {
      await service.close();
    }
  });
});
