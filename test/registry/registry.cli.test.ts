/**
 * CLI contract of `genproof hash`, `registry add|import|export|list` and `match` (CONTRACTS.md): --json puts
 * exactly one JSON document on stdout, bad usage exits 2 with {"error":{code,message}}.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { lavfiClip, lavfiImage } from '../match/media-fixtures.js';

const ROOT = resolve(import.meta.dirname, '../..');
const dir = mkdtempSync(join(tmpdir(), 'genproof-registry-cli-'));
const db = join(dir, 'reg.db');
let clip: string, image: string;

function cli(...args: string[]): { code: number | null; stdout: string; stderr: string; json: any } {
  return cliWith({}, ...args);
}

function cliWith(env: Record<string, string>, ...args: string[]): { code: number | null; stdout: string; stderr: string; json: any } {
  const r = spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'src/bin/cli.ts'), ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, GENPROOF_DB: db, LANG: 'en_US.UTF-8', ...env },
    timeout: 120_000,
  });
  let json: any = null;
  try {
    json = JSON.parse(r.stdout);
  } catch {
    json = null;
  }
  return { code: r.status, stdout: r.stdout, stderr: r.stderr, json };
}

before(async () => {
  [clip, image] = await Promise.all([
    lavfiClip('cli-mandelbrot', 'mandelbrot', { seconds: 3, size: '320x240', rate: 25 }),
    lavfiImage('cli-life', 'life=ratio=0.3:seed=11:mold=10', '320x240'),
  ]);
});
after(() => rmSync(dir, { recursive: true, force: true }));

describe('genproof hash / registry / match', () => {
  test('hash --json: image PDQ and video frames; --format vpdq prints ThreatExchange lines', () => {
    const img = cli('hash', image, '--json');
    assert.equal(img.code, 0, img.stderr);
    assert.equal(img.json.kind, 'image');
    assert.match(img.json.pdq, /^[0-9a-f]{64}$/);
    assert.ok(img.json.quality >= 0 && img.json.quality <= 100);
    const vid = cli('hash', clip, '--json', '--seconds-per-hash', '1');
    assert.equal(vid.code, 0, vid.stderr);
    assert.equal(vid.json.kind, 'video');
    assert.ok(vid.json.fps > 24 && vid.json.fps < 26);
    assert.ok(vid.json.frames.length >= 3 && vid.json.frames.length <= 4, `${vid.json.frames.length} frames at 1/s`);
    assert.match(vid.json.frames[0].pdq, /^[0-9a-f]{64}$/);
    const lines = cli('hash', clip, '--format', 'vpdq').stdout.trim().split('\n');
    assert.equal(lines.length, 75, 'every frame by default');
    assert.match(lines[1], /^1,\d+,[0-9a-f]{64},0\.040$/);
  });

  test('match with no registry: empty list, nothing created', () => {
    const r = cli('match', clip, '--json');
    assert.equal(r.code, 0, r.stderr);
    assert.deepEqual(r.json, { matches: [] });
    assert.equal(existsSync(db), false);
  });

  test('registry add / list / match / export / import', () => {
    const add = cli('registry', 'add', clip, '--label', 'ai', '--generator', 'sora-2', '--source', 'lab', '--json');
    assert.equal(add.code, 0, add.stderr);
    assert.equal(add.json.added.length, 1);
    const id = add.json.added[0].id;
    const list = cli('registry', 'list', '--json');
    assert.equal(list.json.total, 1);
    assert.equal(list.json.items[0].id, id);
    assert.equal(list.json.items[0].generator, 'sora-2');
    const m = cli('match', clip, '--json');
    assert.equal(m.code, 0, m.stderr);
    assert.equal(m.json.matches.length, 1);
    const mm = m.json.matches[0];
    assert.deepEqual(
      Object.keys(mm).sort(),
      ['generator', 'label', 'min_distance', 'query_coverage', 'reference_coverage', 'reference_file', 'reference_id', 'segments', 'source', 'transform'].sort(),
    );
    assert.equal(mm.reference_id, id);
    assert.equal(mm.label, 'ai');
    assert.equal(mm.generator, 'sora-2');
    assert.ok(mm.query_coverage >= 0.9);
    const exp = cli('registry', 'export', '--format', 'pdq-list');
    assert.equal(exp.code, 0, exp.stderr);
    const first = exp.stdout.split('\n')[0];
    assert.match(first, /^[0-9a-f]{64},\d+,ai,r[0-9a-f]{16},0,0\.000$/);
    const list2 = join(dir, 'list.txt');
    writeFileSync(list2, `# one hash\n${first.split(',')[0]},90,first frame\n`);
    const imp = cli('registry', 'import', list2, '--format', 'pdq-list', '--label', 'scam_poster', '--json');
    assert.equal(imp.code, 0, imp.stderr);
    assert.equal(imp.json.imported[0].file, 'first frame');
    assert.equal(cli('registry', 'list', '--json').json.total, 2);
  });

  test('check starts the match decode before the analyzers load, and finds what `match` finds, probing once', () => {
    const stats = join(dir, 'stats.json');
    const m = cli('match', clip, '--json');
    const c = cliWith({ GENPROOF_DIAGNOSTICS__STATS_FILE: stats }, 'check', clip, '--json');
    assert.equal(c.code, 0, c.stderr);
    assert.deepEqual(c.json.matches, m.json.matches);
    assert.ok(c.json.matches.length >= 1);
    const tools = JSON.parse(readFileSync(stats, 'utf8')).tools;
    assert.equal(tools.ffprobe, 1, JSON.stringify(tools));
    assert.ok(tools.ffmpeg <= 2, JSON.stringify(tools));
  });

  test('bad usage exits 2 with a JSON error', () => {
    const r = cli('registry', 'add', clip, '--label', 'fake', '--json');
    assert.equal(r.code, 2);
    assert.equal(r.json.error.code, 'invalid_label');
    const f = cli('registry', 'import', clip, '--label', 'ai', '--json');
    assert.equal(f.code, 2);
    assert.equal(f.json.error.code, 'bad_usage');
    const missing = cli('match', join(dir, 'none.mp4'), '--json');
    assert.equal(missing.code, 2);
    assert.equal(missing.json.error.code, 'file_not_found');
  });
});
