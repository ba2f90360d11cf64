import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { after, before, describe, it } from 'node:test';

const BIN = resolve('bin/genproof.js');
let dir = '';
const run = (args: string[], input?: string) =>
  spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', input, env: { ...process.env, GENPROOF_FROM_SOURCE: '1' }, timeout: 60_000 });

before(() => {
  dir = mkdtempSync(join(tmpdir(), 'genproof-scam-cli-'));
});
after(() => rmSync(dir, { recursive: true, force: true }));

describe('genproof scam', () => {
  it('prints the scam JSON for a text', () => {
    const r = run(['scam', '--text', '已获取Sora接口权限，做成了GPTs，198元一个月，需要的私我', '--posted-at', '2024-02-21', '--json']);
    assert.equal(r.status, 0, r.stderr);
    const j = JSON.parse(r.stdout);
    assert.equal(j.label, 'scam');
    assert.ok(j.score > 0.5 && j.score <= 1);
    assert.ok(Array.isArray(j.symbols) && j.symbols.every((s: { code: string; detail: string }) => s.code && s.detail));
    assert.equal(j.claims.find((c: { type: string }) => c.type === 'availability').status, 'refuted');
    assert.deepEqual(j.qr_codes, []);
  });
  it('reads --text-file and rejects broken UTF-8 with exit 2', () => {
    const good = join(dir, 'good.txt');
    writeFileSync(good, 'OpenAI发布了Sora。');
    const ok = run(['scam', '--text-file', good, '--json']);
    assert.equal(ok.status, 0, ok.stderr);
    assert.equal(JSON.parse(ok.stdout).label, 'ok');
    const bad = join(dir, 'bad.txt');
    writeFileSync(bad, Buffer.from([0x53, 0x6f, 0x72, 0x61, 0xe8, 0xaf, 0x20, 0xff, 0xfe]));
    const r = run(['scam', '--text-file', bad, '--json']);
    assert.equal(r.status, 2);
    assert.equal(JSON.parse(r.stdout).error.code, 'invalid_caption');
    assert.match(r.stderr, /UTF-8/);
  });
  it('exits 2 on bad usage: nothing to check, bad date, missing image', () => {
    assert.equal(run(['scam', '--json']).status, 2);
    const r = run(['scam', '--text', 'x', '--posted-at', '2024-02-31', '--json']);
    assert.equal(r.status, 2);
    assert.equal(JSON.parse(r.stdout).error.code, 'invalid_posted_at');
  });
  it('--batch streams one line per input line, in order, with error lines for bad input', () => {
    const lines: string[] = [];
    const N = 1500;
    for (let i = 0; i < N; i++) {
      if (i === 7) lines.push('{not json');
      else if (i === 8) lines.push(JSON.stringify({ id: 'no-text' }));
      else if (i === 9) lines.push(JSON.stringify({ id: 'bad-date', text: 'x', posted_at: 'yesterday' }));
      else if (i % 2) lines.push(JSON.stringify({ id: `s${i}`, text: `Sora课程限时99元，扫码进群 ${i}`, posted_at: '2024-02-20' }));
      else lines.push(JSON.stringify({ id: i, text: `今天和家人去公园散步，天气很好 ${i}` }));
    }
    const file = join(dir, 'in.jsonl');
    writeFileSync(file, lines.join('\n') + '\n\n');
    const r = run(['scam', '--batch', file]);
    assert.equal(r.status, 0, r.stderr);
    const out = r.stdout.trim().split('\n').map((l) => JSON.parse(l));
    assert.equal(out.length, N);
    assert.equal(out[7].error.code, 'invalid_json');
    assert.deepEqual([out[8].id, out[8].error.code], ['no-text', 'file_or_caption_required']);
    assert.deepEqual([out[9].id, out[9].error.code], ['bad-date', 'invalid_posted_at']);
    for (let i = 10; i < N; i++) {
      assert.deepEqual(Object.keys(out[i]), ['id', 'label', 'score']);
      assert.equal(out[i].id, i % 2 ? `s${i}` : i);
      assert.equal(out[i].label, i % 2 ? 'scam' : 'ok');
    }
  });
  it('--batch reads stdin with "-" and reports a missing file with exit 2', () => {
    const r = run(['scam', '--batch', '-'], JSON.stringify({ id: 'a', text: 'hello' }) + '\n');
    assert.equal(r.status, 0, r.stderr);
    assert.deepEqual(JSON.parse(r.stdout), { id: 'a', label: 'ok', score: 0 });
    assert.equal(run(['scam', '--image', join(dir, 'nope.png'), '--batch', join(dir, 'missing.jsonl')]).status, 2);
  });
  it('genproof check on a text-only post carries the scam result and the claim checks', () => {
    const r = run(['check', '--caption', '谢赛宁是Sora发明者之一！Sora课程99元，扫码进群', '--posted-at', '2024-02-20', '--json', '--db', join(dir, 'check.db')]);
    assert.equal(r.status, 0, r.stderr);
    const j = JSON.parse(r.stdout);
    assert.equal(j.media, null);
    assert.equal(j.scam.label, 'scam');
    assert.ok(j.claims.some((c: { type: string; status: string }) => c.type === 'authorship' && c.status === 'refuted'));
    assert.ok(j.evidence.some((e: { analyzer: string; direction: string }) => e.analyzer === 'scam' && e.direction === 'neutral'));
  });
});
