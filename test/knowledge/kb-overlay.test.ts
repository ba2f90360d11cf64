import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { after, describe, it } from 'node:test';
import { kbForConfig, knowledgeWithOverlays } from '../../src/knowledge/kb.loader.js';
import { KbOverlayError } from '../../src/knowledge/kb.overlay.js';
import { knowledgeFor } from '../../src/scam/knowledge.adapter.js';
import { ScamService } from '../../src/services/scam.service.js';

const dir = mkdtempSync(join(tmpdir(), 'genproof-kb-overlay-'));
after(() => rmSync(dir, { recursive: true, force: true }));
const file = (name: string, body: unknown) => {
  const p = join(dir, name);
  writeFileSync(p, typeof body === 'string' ? body : JSON.stringify(body, null, 2));
  return p;
};
const local = { ref: 'newsroom.example.org/2027/veo-5', date: '2027-01-10', strength: 'press' };
const newGenerator = {
  slug: 'veo-5', family: 'veo', name: 'Veo 5', vendor: 'Google', vendor_zh: '谷歌', kind: 'video', openSource: false,
  aliases: { en: ['Veo 5', 'Veo5'], zh: [] }, announced: '2027-01-10', firstPublic: '2027-01-10',
  access: [{ status: 'public', from: '2027-01-10', note: 'Veo 5 released', note_zh: 'Veo 5 发布', source: local }],
  products: [{ product: 'app', from: '2027-01-10', note: 'Gemini app', note_zh: 'Gemini 应用', source: local }],
  limits: [{ from: '2027-01-10', release: 'Veo 5', basis: 'product', maxDurationS: 30, maxLongSide: 3840, maxShortSide: 2160, note: '30 s, 4K', source: local }],
  marks: [], c2pa: [], sources: [local],
};
const valid = {
  as_of: '2027-02-01',
  generators: [
    newGenerator,
    // A new watermark on a built-in generator.
    { slug: 'kling-3', marks: [{ text: '可灵AI', note: 'visible "可灵AI" mark bottom-right (desk observation)', source: { ref: 'desk notes 2026-12-01', date: '2026-12-01', strength: 'third-party' } }] },
  ],
  official_domains: [{ vendor: 'Alibaba', domain: 'tongyi.aliyun.com', what: 'Tongyi Wanxiang', source: { ref: 'tongyi.aliyun.com', date: '2026-12', strength: 'primary' } }],
};

describe('local KB overlays', () => {
  it('adds a generator, a watermark, official domains and moves as_of; the facts are cited as local', () => {
    const kb = knowledgeWithOverlays([file('valid.json', valid)]);
    assert.equal(kb.asOf(), '2027-02-01');
    assert.equal(kb.overlays().length, 1);
    assert.match(kb.overlays()[0].sha256, /^[0-9a-f]{64}$/);
    assert.equal(kb.findGenerator('made with Veo 5')?.slug, 'veo-5');
    assert.ok(kb.sameFamily('veo-5', 'veo-3'));
    assert.equal(kb.generator('kling-3')!.marks.at(-1)!.text, '可灵AI');
    assert.ok(kb.isOfficialDomain('tongyi.aliyun.com'));
    const r = kb.canProduce('veo-5', { durationS: 40, date: '2027-01-20' });
    assert.equal(r.verdict, 'no');
    assert.match(r.sources[0], /local overlay valid\.json/);
    // The built-in KB is untouched.
    assert.equal(kbForConfig({ kb: { overlays: [] } }).generator('veo-5'), null);
  });

  it('overrides a built-in fact: a later end date for the Sora 2 API changes the availability judgement, cited as local', () => {
    const gone = { on: '2026-12-31', note: 'the Sora 2 API stayed up for enterprise customers until 2026-12-31 (hypothetical desk correction)', note_zh: 'Sora 2 API 对企业客户开放至 2026-12-31（假设的更正）', source: { ref: 'desk correction', date: '2026-12-05', strength: 'primary' } };
    const later = file('later-end.json', {
      as_of: '2027-02-01',
      generators: [{
        slug: 'sora-2',
        access: [
          { status: 'public', from: '2025-09-30', until: '2026-12-31', note: 'Sora 2 (corrected end)', note_zh: 'Sora 2（更正后的结束日期）', source: gone.source },
          { status: 'ended', from: '2026-12-31', note: gone.note, note_zh: gone.note_zh, source: gone.source },
        ],
        products: [{ product: 'api', from: '2025-10-06', until: '2026-12-31', end: gone, note: 'Sora 2 API', note_zh: 'Sora 2 API', source: gone.source }],
      }],
    });
    const moved = knowledgeWithOverlays([later]);
    const scam = (k: typeof moved, d: string) => new ScamService({ knowledge: knowledgeFor(k), model: null }).analyzeText({ text: '出售Sora 2 API密钥，稳定可用，加V详聊', postedAt: d }).claims.find((x) => x.type === 'availability')!;
    assert.equal(scam(moved, '2026-11-20').status, 'supported');
    assert.equal(scam(moved, '2027-01-05').status, 'refuted');
    assert.match(scam(moved, '2027-01-05').sources[0], /local overlay later-end\.json/);
    // An end that leaves access after it (a product outliving the release) is refused.
    const outliving = file('outliving.json', { generators: [{ slug: 'sora-2', products: [{ product: 'api', from: '2025-10-06', until: '2027-06-01', end: { ...gone, on: '2027-06-01' }, note: 'x', note_zh: 'x', source: gone.source }] }] });
    assert.throws(() => knowledgeWithOverlays([outliving]), (e: unknown) => e instanceof KbOverlayError && /generators\[0\]\.products\[2\]\.until: the product must end by 2026-09-24/.test(e.message));
    const ok = file('api-end.json', {
      generators: [{ slug: 'sora-2', products: [{ product: 'api', from: '2025-10-06', until: '2026-09-24', end: { ...gone, on: '2026-09-24', note: 'the Sora 2 API was switched off on 2026-09-24 (as recorded by this desk)' }, note: 'Sora 2 API', note_zh: 'Sora 2 API', source: gone.source }] }],
    });
    const kb = knowledgeWithOverlays([ok]);
    const svc = new ScamService({ knowledge: knowledgeFor(kb), model: null });
    const c = svc.analyzeText({ text: '出售Sora 2 API密钥，稳定可用，加V详聊', postedAt: '2026-11-20' }).claims.find((x) => x.type === 'availability')!;
    assert.equal(c.status, 'refuted');
    assert.match(c.reasons[0], /as recorded by this desk/);
    assert.match(c.sources[0], /local overlay api-end\.json/);
  });

  it('refuses a malformed overlay with the file, the JSON path and the problem (kb_overlay_invalid, exit 2)', () => {
    const cases: [string, unknown, RegExp][] = [
      ['not-json.json', '{ "generators": [', /\(root\): not valid JSON/],
      ['bad-date.json', { generators: [{ slug: 'sora-2', products: [{ product: 'api', from: '2025-13-01', note: 'x', note_zh: 'x', source: local }] }] }, /generators\[0\]\.products\[0\]\.from: expected a date/],
      ['no-source.json', { facts: [{ id: 'x_fact', subject: 'sora', date: '2026-01-01', text: 'x', text_zh: 'x' }] }, /facts\[0\]\.source/],
      ['bad-tier.json', { official_domains: [{ vendor: 'X', domain: 'x-video.com', what: 'x', source: { ref: 'x', date: '2026', strength: 'rumour' } }] }, /official_domains\[0\]\.source\.strength/],
      ['partial-new.json', { generators: [{ slug: 'brand-new-gen', name: 'New' }] }, /generators\[0\]\.\w+: .*a new generator "brand-new-gen" needs every field/],
      ['unknown-key.json', { generatorz: [] }, /\(root\)|generatorz/],
    ];
    for (const [name, body, re] of cases) {
      const p = file(name, body);
      assert.throws(() => knowledgeWithOverlays([p]), (e: unknown) => {
        assert.ok(e instanceof KbOverlayError, `${name}: ${String(e)}`);
        assert.equal(e.code, 'kb_overlay_invalid');
        assert.equal(e.exitCode, 2);
        assert.ok(e.message.includes(p), `${name}: names the file`);
        assert.match(e.message, re, name);
        return true;
      });
    }
    assert.throws(() => knowledgeWithOverlays([join(dir, 'missing.json')]), /cannot be read/);
  });

  const BIN = resolve('bin/genproof.js');
  const run = (args: string[]) => spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', env: { ...process.env, GENPROOF_FROM_SOURCE: '1' }, timeout: 60_000 });

  it('genproof kb validate: ok for a valid file, exit 2 with the path for a bad one', () => {
    const good = run(['kb', 'validate', file('v.json', valid), '--json']);
    assert.equal(good.status, 0, good.stderr);
    const j = JSON.parse(good.stdout);
    assert.equal(j.ok, true);
    assert.deepEqual(j.generators, [{ slug: 'veo-5', new: true }, { slug: 'kling-3', new: false }]);
    const bad = run(['kb', 'validate', file('b.json', { generators: [{ slug: 'sora-2', products: [{ product: 'api', from: '2025-13-01', note: 'x', note_zh: 'x', source: local }] }] }), '--json']);
    assert.equal(bad.status, 2);
    const err = JSON.parse(bad.stdout || bad.stderr);
    assert.equal(err.error.code, 'kb_overlay_invalid');
    assert.match(err.error.message, /b\.json: generators\[0\]\.products\[0\]\.from/);
  });

  it('a bad --kb-overlay stops check with exit 2 before any decode starts', () => {
    // a registry file exists, so a video check would start hashing the query at once: the stand-in ffmpeg leaves a
    // mark if anything runs it
    const marker = join(dir, 'ffmpeg-ran');
    const fake = file('fake-ffmpeg.sh', `#!/bin/sh\ntouch '${marker}'\nexit 1\n`);
    chmodSync(fake, 0o755);
    const db = file('registry.db', '');
    const video = resolve('../shared/data/pdq/videos/chair-19-sd-bar.mp4');
    const res = spawnSync(process.execPath, [BIN, 'check', video, '--db', db, '--kb-overlay', file('bad-check.json', '[1,'), '--json'], {
      encoding: 'utf8', env: { ...process.env, GENPROOF_FROM_SOURCE: '1', GENPROOF_FFMPEG_PATH: fake }, timeout: 60_000,
    });
    assert.equal(res.status, 2, res.stderr);
    assert.equal(JSON.parse(res.stdout).error.code, 'kb_overlay_invalid');
    assert.equal(existsSync(marker), false, 'no ffmpeg was started');
  });

  it('--kb-overlay on scam merges the file; a bad one stops the command with exit 2', () => {
    const ok = run(['scam', '--text', 'Veo 5 accounts for sale, DM me', '--posted-at', '2026-12-01', '--kb-overlay', file('s.json', valid), '--json']);
    assert.equal(ok.status, 0, ok.stderr);
    const c = JSON.parse(ok.stdout).claims.find((x: { type: string }) => x.type === 'availability');
    assert.equal(c.generator, 'veo-5');
    assert.equal(c.status, 'refuted');
    const bad = run(['scam', '--text', 'hi', '--kb-overlay', file('x.json', '[1,'), '--json']);
    assert.equal(bad.status, 2);
    assert.match(bad.stdout + bad.stderr, /kb_overlay_invalid/);
  });
});
