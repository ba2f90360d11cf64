import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import sharp from 'sharp';
import { loadConfig } from '../../src/config/config.js';
import { sniffMedia } from '../../src/repositories/sniff.js';
import { toolPaths } from '../../src/repositories/tools.repository.js';
import { intakeFile } from '../../src/services/intake/intake.service.js';
import { SHARED } from '../helpers/cli.js';

const dir = join(tmpdir(), 'genproof-intake-fixtures-v1');
mkdirSync(dir, { recursive: true });
const { ffmpeg } = toolPaths();
const config = loadConfig({ env: {} });

/** Generate a 1 s lavfi clip in a container; names end in .bin so nothing can rely on the extension. */
function clip(container: string, args: string[]): string {
  const out = join(dir, `clip-${container}.bin`);
  if (!existsSync(out)) {
    const tmp = join(dir, `tmp-${container}.${container === 'mts' ? 'ts' : container}`);
    const r = spawnSync(ffmpeg, ['-v', 'error', '-y', '-f', 'lavfi', '-i', 'testsrc2=size=160x120:rate=10:duration=1', ...args, tmp], { timeout: 60_000 });
    if (r.status !== 0) throw new Error(`ffmpeg ${container}: ${r.stderr}`);
    renameSync(tmp, out);
  }
  return out;
}

const videos: { container: string; args: string[]; expect: string }[] = [
  { container: 'mp4', args: ['-c:v', 'libx264', '-pix_fmt', 'yuv420p'], expect: 'mp4' },
  { container: 'mov', args: ['-c:v', 'libx264', '-pix_fmt', 'yuv420p', '-f', 'mov'], expect: 'mov' },
  { container: 'm4v', args: ['-c:v', 'libx264', '-pix_fmt', 'yuv420p', '-f', 'ipod', '-brand', 'M4V '], expect: 'm4v' },
  { container: '3gp', args: ['-c:v', 'mpeg4', '-s', '176x144', '-f', '3gp'], expect: '3gp' },
  { container: 'avi', args: ['-c:v', 'mjpeg'], expect: 'avi' },
  { container: 'mts', args: ['-c:v', 'libx264', '-pix_fmt', 'yuv420p', '-f', 'mpegts'], expect: 'mts' },
  { container: 'mkv', args: ['-c:v', 'libx264', '-pix_fmt', 'yuv420p', '-f', 'matroska'], expect: 'mkv' },
  { container: 'webm', args: ['-c:v', 'libvpx', '-f', 'webm'], expect: 'webm' },
  { container: 'gif', args: ['-f', 'gif'], expect: 'gif' },
];

describe('intake recognises media by content, not by name', () => {
  for (const v of videos) {
    it(`${v.container} (named .bin)`, async () => {
      const p = clip(v.container, v.args);
      const m = await intakeFile(p, config);
      assert.equal(m.kind, 'video');
      assert.equal(m.container, v.expect);
      assert.ok(m.width >= 160 && m.height >= 120, `${m.width}×${m.height}`);
      assert.ok(m.duration !== null && m.duration > 0.5 && m.duration < 1.6, `duration ${m.duration}`);
      assert.ok(m.fps !== null && m.fps > 0);
      assert.match(m.sha256, /^[0-9a-f]{64}$/);
    });
  }

  for (const fmt of ['jpeg', 'png', 'webp', 'avif'] as const) {
    it(`${fmt} image`, async () => {
      const p = join(dir, `img-${fmt}.bin`);
      if (!existsSync(p)) {
        const img = sharp({ create: { width: 64, height: 48, channels: 3, background: { r: 200, g: 30, b: 90 } } });
        writeFileSync(p, await img.toFormat(fmt).toBuffer());
      }
      const m = await intakeFile(p, config);
      assert.equal(m.kind, 'image');
      assert.equal(m.container, fmt);
      assert.equal(m.width, 64);
      assert.equal(m.height, 48);
      assert.equal(m.duration, null);
    });
  }

  it('HEIC through exiftool/wasm, not sharp', async () => {
    const m = await intakeFile(join(SHARED, 'media/real/img_iphone_heic_exifr.heic'), config);
    assert.equal(m.container, 'heic');
    assert.equal(m.kind, 'image');
    assert.ok(m.width > 1000 && m.height > 1000);
  });

  it('reports display dimensions and data tracks of a phone clip', async () => {
    const m = await intakeFile(join(SHARED, 'media/real/dn_iphone6_with-gps.mov'), config);
    assert.equal(m.rotation, 90);
    assert.ok(m.height > m.width, 'rotated portrait clip is reported as displayed');
    const g = await intakeFile(join(SHARED, 'media/real/gopro_karma.mp4'), config);
    assert.ok(g.streams.some((s) => s.type === 'data' && /GoPro MET/.test(s.handler ?? '')));
  });

  it('limits: duration and pixels', async () => {
    const p = clip('mp4', videos[0].args);
    await assert.rejects(intakeFile(p, loadConfig({ env: {}, overrides: { limits: { maxDurationSeconds: 0.5 } } })), { code: 'file_too_large' });
    await assert.rejects(intakeFile(p, loadConfig({ env: {}, overrides: { limits: { maxPixels: 1000 } } })), { code: 'file_too_large' });
    await assert.rejects(intakeFile(p, loadConfig({ env: {}, overrides: { limits: { maxFileBytes: 100 } } })), { code: 'file_too_large' });
  });

  it('sniff rejects audio-only RIFF, random bytes and short input', () => {
    assert.equal(sniffMedia(Buffer.from('RIFF\0\0\0\0WAVEfmt ')), null);
    assert.equal(sniffMedia(Buffer.alloc(4096, 7)), null);
    assert.equal(sniffMedia(Buffer.from([0xff, 0xd8])), null);
  });
});

describe('config precedence: defaults < file < env < flags', () => {
  it('applies each layer in order', () => {
    const f = join(dir, 'cfg.json');
    writeFileSync(f, JSON.stringify({ db: 'from-file.db', timeouts: { probeMs: 1111 }, server: { port: 9000 } }));
    const c = loadConfig({ file: f, env: { GENPROOF_DB: 'from-env.db', GENPROOF_TIMEOUTS__PROBE_MS: '2222' }, overrides: { db: 'from-flag.db' } });
    assert.equal(c.db, 'from-flag.db');
    assert.equal(c.timeouts.probeMs, 2222);
    assert.equal(c.server.port, 9000);
    assert.equal(c.timeouts.exiftoolMs, 30_000);
  });
  it('rejects invalid settings with the key named', () => {
    assert.throws(() => loadConfig({ env: { GENPROOF_SERVER__PORT: '99999' } }), /server\.port/);
  });
});
