/**
 * The configured ffmpeg/ffprobe are the only ones run: config ffmpegPath/ffprobePath point at wrapper scripts that
 * record each call and exec the real binary, while `ffmpeg`/`ffprobe` on PATH are poisoned (they record and fail).
 * A registry add, a video check (intake probe, keyframes, OCR frames, match hashing) and `hash --format vpdq` must
 * all go through the wrappers.
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join, resolve } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { loadConfig } from '../../src/config/config.js';
import { toolPaths } from '../../src/repositories/tools.repository.js';
import { applyTransform, lavfiClip, TRANSFORMS } from '../match/media-fixtures.js';

const BIN = resolve('bin/genproof.js');

describe('configured tool paths', () => {
  it('the config reads ffmpegPath/ffprobePath from GENPROOF_* and the common FFMPEG_PATH/FFPROBE_PATH', () => {
    const legacy = loadConfig({ file: null, env: { FFMPEG_PATH: '/opt/ff/ffmpeg', FFPROBE_PATH: '/opt/ff/ffprobe' } });
    assert.equal(legacy.ffmpegPath, '/opt/ff/ffmpeg');
    assert.equal(legacy.ffprobePath, '/opt/ff/ffprobe');
    const both = loadConfig({ file: null, env: { FFMPEG_PATH: '/opt/ff/ffmpeg', GENPROOF_FFMPEG_PATH: '/usr/x/ffmpeg' } });
    assert.equal(both.ffmpegPath, '/usr/x/ffmpeg', 'GENPROOF_* wins over the common name');
    assert.equal(loadConfig({ file: null, env: {} }).ffmpegPath, null);
  });

  it('toolPaths takes the configured path and reads no environment of its own', () => {
    const saved = process.env.FFMPEG_PATH;
    process.env.FFMPEG_PATH = '/nowhere/ffmpeg';
    try {
      assert.notEqual(toolPaths().ffmpeg, '/nowhere/ffmpeg');
      assert.equal(toolPaths({ ffmpegPath: '/cfg/ffmpeg' }).ffmpeg, '/cfg/ffmpeg');
      assert.equal(toolPaths({ ffprobePath: '/cfg/ffprobe' }).ffprobe, '/cfg/ffprobe');
    } finally {
      if (saved === undefined) delete process.env.FFMPEG_PATH;
      else process.env.FFMPEG_PATH = saved;
    }
  });
});

describe('every ffmpeg/ffprobe run goes through the configured binaries', { timeout: 600_000 }, () => {
  let dir = '';
  let env: NodeJS.ProcessEnv = {};
  let original = '';
  let repost = '';
  const okLog = () => join(dir, 'wrapped.log');
  const badLog = () => join(dir, 'poisoned.log');

  function cli(args: string[]): Promise<{ status: number | null; stdout: string; stderr: string }> {
    return new Promise((done) => {
      const child = spawn(process.execPath, [BIN, '--config', join(dir, 'genproof.config.json'), ...args], { env, stdio: ['ignore', 'pipe', 'pipe'] });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (d) => (stdout += d));
      child.stderr.on('data', (d) => (stderr += d));
      const timer = setTimeout(() => child.kill('SIGKILL'), 300_000);
      child.on('close', (status) => {
        clearTimeout(timer);
        done({ status, stdout, stderr });
      });
    });
  }

  before(async () => {
    original = await lavfiClip('toolpaths-testsrc2', 'testsrc2', { seconds: 3, size: '320x240', rate: 15 });
    repost = await applyTransform(original, TRANSFORMS[0]);
    dir = mkdtempSync(join(tmpdir(), 'genproof-toolpaths-'));
    const real = toolPaths();
    const script = (path: string, body: string) => {
      writeFileSync(path, `#!/bin/sh\n${body}\n`);
      chmodSync(path, 0o755);
    };
    mkdirSync(join(dir, 'wrap'));
    script(join(dir, 'wrap', 'my-ffmpeg'), `echo "ffmpeg $*" >> '${okLog()}'\nexec '${real.ffmpeg}' "$@"`);
    script(join(dir, 'wrap', 'my-ffprobe'), `echo "ffprobe $*" >> '${okLog()}'\nexec '${real.ffprobe}' "$@"`);
    mkdirSync(join(dir, 'poison'));
    for (const name of ['ffmpeg', 'ffprobe']) script(join(dir, 'poison', name), `echo "${name} $*" >> '${badLog()}'\nexit 1`);
    writeFileSync(join(dir, 'genproof.config.json'), JSON.stringify({
      db: join(dir, 'registry.db'),
      ffmpegPath: join(dir, 'wrap', 'my-ffmpeg'),
      ffprobePath: join(dir, 'wrap', 'my-ffprobe'),
      check: { keyframes: 2 },
    }));
    const { FFMPEG_PATH: _a, FFPROBE_PATH: _b, GENPROOF_FFMPEG_PATH: _c, GENPROOF_FFPROBE_PATH: _d, ...rest } = process.env;
    env = { ...rest, GENPROOF_FROM_SOURCE: '1', PATH: `${join(dir, 'poison')}${delimiter}${process.env.PATH ?? ''}` };
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('registry add, check of a video and hash run only the wrappers', async () => {
    const add = await cli(['registry', 'add', original, '--label', 'original', '--json']);
    assert.equal(add.status, 0, add.stderr);
    const check = await cli(['check', repost, '--caption', 'Made with Sora', '--posted-at', '2025-11-01', '--json']);
    assert.equal(check.status, 0, check.stderr);
    const result = JSON.parse(check.stdout);
    assert.equal(result.media.kind, 'video');
    assert.ok(result.matches.length > 0, 'the match analyzer hashed the repost');
    const hash = await cli(['hash', repost, '--format', 'vpdq', '--seconds-per-hash', '1', '--json']);
    assert.equal(hash.status, 0, hash.stderr);

    assert.ok(!existsSync(badLog()), `ffmpeg/ffprobe from PATH ran:\n${existsSync(badLog()) ? readFileSync(badLog(), 'utf8') : ''}`);
    const calls = readFileSync(okLog(), 'utf8').split('\n').filter(Boolean);
    assert.ok(calls.some((l) => l.startsWith('ffprobe ')), 'ffprobe ran through its wrapper');
    assert.ok(calls.some((l) => l.startsWith('ffmpeg ')), 'ffmpeg ran through its wrapper');
  });
});
