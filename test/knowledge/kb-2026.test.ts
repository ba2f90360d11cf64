import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { describe, it } from 'node:test';
import { analyzeCaption } from '../../src/analyzers/caption/caption.claims.js';
import { KbClaimChecker } from '../../src/analyzers/kb/kb-claims.checker.js';
import { saysNewlyMade } from '../../src/analyzers/kb/ended-findings.js';
import type { Claim } from '../../src/domain/claim.js';
import type { Evidence } from '../../src/domain/evidence.js';
import { kb, productAvailableOn } from '../../src/knowledge/kb.js';
import { ScamService } from '../../src/services/scam.service.js';
import { renderTerminal } from '../../src/cli/render/terminal.render.js';
import { renderHtmlReport } from '../../src/report/html.report.js';
import { loadConfig } from '../../src/config/config.js';
import { createVerificationService } from '../../src/services/verification.factory.js';

const scam = new ScamService({ model: null });
const availability = (text: string, postedAt: string) => scam.analyzeText({ text, postedAt }).claims.find((c) => c.type === 'availability')!;
const checker = new KbClaimChecker();
function checkCaption(caption: string, postedAt: string, evidence: Evidence[] = []): { claims: Claim[]; evidence: Evidence[] } {
  const a = analyzeCaption(caption, { origin: 'caption', postedAt });
  return checker.check({ post: { caption, postedAt, urls: [], file: null }, media: null, claims: a.claims, evidence });
}

describe('Sora discontinuation (FACTS-2026.md §1)', () => {
  it('access ends: Sora app/web on 2026-04-26, Sora 2 API on 2026-09-24, the family then ended', () => {
    assert.equal(kb.accessOn('sora', '2026-04-25')!.status, 'public');
    assert.equal(kb.accessOn('sora', '2026-04-26')!.status, 'ended');
    assert.equal(kb.familyAccessOn('sora', '2026-06-01')!.status, 'public');
    const end = kb.familyAccessOn('sora', '2026-11-20')!;
    assert.equal(end.status, 'ended');
    assert.equal(end.since, '2026-09-24');
    assert.equal(productAvailableOn('sora', 'api', '2026-09-23').available, true);
    const off = productAvailableOn('sora', 'api', '2026-09-24');
    assert.equal(off.available, false);
    assert.match(off.reasons[0], /The Sora 2 API was switched off on 2026-09-24/);
    assert.equal(off.strength, 'primary');
    assert.equal(productAvailableOn('sora', 'app', '2026-05-01').available, false);
  });

  it('"出售Sora 2 API密钥，稳定可用，加V详聊" on 2026-11-20: availability refuted with the source, and scam', () => {
    const r = scam.analyzeText({ text: '出售Sora 2 API密钥，稳定可用，加V详聊', postedAt: '2026-11-20' });
    const c = r.claims.find((x) => x.type === 'availability')!;
    assert.equal(c.status, 'refuted');
    assert.match(c.reasons[0], /^The Sora 2 API was switched off on 2026-09-24/);
    assert.match(c.sources[0], /developers\.openai\.com/);
    assert.equal(r.label, 'scam');
    // The same offer while the API ran is not refuted.
    assert.equal(availability('出售Sora 2 API密钥，稳定可用，加V详聊', '2026-05-20').status, 'supported');
  });

  it('"the Sora app is back online" on 2026-11-20 is refuted and not ok at the scam desk', () => {
    const r = scam.analyzeText({ text: 'Good news: the Sora app is back online, sign up now', postedAt: '2026-11-20' });
    const c = r.claims.find((x) => x.type === 'availability')!;
    assert.equal(c.status, 'refuted');
    assert.match(c.reasons[0], /discontinued on 2026-04-26/);
    assert.match(c.sources[0], /help\.openai\.com.*official page seen via/);
    assert.notEqual(r.label, 'ok');
  });

  it('"newly made with Sora" after every Sora product ended is refuted; a repost is not', () => {
    const made = checkCaption('刚用Sora生成的视频', '2026-11-20');
    const ai = made.claims.find((c) => c.type === 'ai_generated')!;
    assert.equal(ai.status, 'refuted');
    assert.ok(made.evidence.some((e) => e.code === 'claim_refuted_generator_ended'));
    for (const [caption, d] of [['这是一段Sora生成的视频', '2026-11-20'], ['刚用Sora生成的视频', '2026-06-01']] as const) {
      const r = checkCaption(caption, d);
      const c = r.claims.find((x) => x.type === 'ai_generated')!;
      assert.notEqual(c.status, 'refuted', `${caption} ${d}`);
      assert.notEqual(c.status, 'unlikely', `${caption} ${d}`);
    }
    // A capture date before the shutdown makes it an older clip, even with "just made".
    const older = checkCaption('刚用Sora生成的视频', '2026-11-20', [
      { analyzer: 'metadata', code: 'capture_date', direction: 'neutral', weight: 0.1, detail: 'x', data: { date: '2026-02-01', tag: 'QuickTime:CreateDate' } } as Evidence,
    ]);
    assert.notEqual(older.claims.find((c) => c.type === 'ai_generated')!.status, 'refuted');
  });

  it('recognises "made just now" wording in zh and en', () => {
    const c = (text: string): Claim => ({ type: 'ai_generated', text, status: 'unverified', reasons: [], sources: [], origin: 'caption' });
    for (const t of ['Just made this with Sora', 'my new Sora video', 'generated with Sora today', '刚用Sora做的', '今天用Sora生成']) assert.ok(saysNewlyMade(t, c(t)), t);
    for (const t of ['Sora video from last year', 'a classic Sora clip', '以前用Sora做的', 'Sora生成的老视频']) assert.ok(!saysNewlyMade(t, c(t)), t);
  });

  it('limits: API 12 s at launch, 20 s and 1920x1080 from 2026-03; an older 25 s app clip still counts after the app closed', () => {
    assert.equal(kb.canProduce('sora-2', { durationS: 20, width: 1920, height: 1080, date: '2026-04-01' }).verdict, 'yes');
    assert.equal(kb.canProduce('sora-2', { durationS: 25, date: '2026-06-01' }).verdict, 'yes');
    const r = kb.canProduce('sora-2', { durationS: 40, date: '2026-06-01' });
    assert.equal(r.verdict, 'no');
  });
});

describe('the KB horizon (as_of)', () => {
  it('after as_of nothing is refuted for lack of a later fact, and the reason says so', () => {
    const later = '2027-03-01';
    assert.ok(later > kb.asOf());
    const c = availability('Good news: the Sora app is back online, sign up now', later);
    assert.equal(c.status, 'unlikely');
    assert.ok(c.reasons.some((r) => r.includes(`ends on ${kb.asOf()}`)));
    const made = checkCaption('刚用Sora生成的视频', later);
    assert.equal(made.claims.find((x) => x.type === 'ai_generated')!.status, 'unlikely');
    assert.ok(made.evidence.some((e) => e.code === 'kb_horizon'));
    assert.ok(!checkCaption('刚用Sora生成的视频', '2026-11-20').evidence.some((e) => e.code === 'kb_horizon'));
  });

  it('check JSON carries kb and engine, and every report repeats the note when posted_at > as_of', async () => {
    const config = loadConfig({ file: null, env: {} });
    const svc = createVerificationService(config);
    try {
      const { result } = await svc.check({ file: null, caption: 'Sora app is back, sign up now', postedAt: '2027-03-01', urls: [] });
      assert.deepEqual({ as_of: result.kb!.as_of, overlays: result.kb!.overlays }, { as_of: kb.asOf(), overlays: [] });
      assert.match(result.kb!.note!.en, /newer events .* unknown to genproof/);
      assert.equal(result.engine!.kb_as_of, kb.asOf());
      assert.match(result.engine!.version, /^\d+\.\d+\.\d+/);
      assert.match(result.engine!.models.scam, /sha256:[0-9a-f]{12}/);
      assert.ok(result.engine!.models.ocr.length > 0);
      assert.match(renderTerminal(result, 'en'), /Knowledge base[:：] ?.*unknown to genproof/);
      assert.match(renderTerminal(result, 'zh'), /知识库[:：] ?.*无从知晓/);
      assert.match(renderHtmlReport(result, { keyframes: [], lang: 'en' }), /id="kb-horizon"/);
      const { result: before } = await svc.check({ file: null, caption: 'Sora app is back, sign up now', postedAt: '2026-11-20', urls: [] });
      assert.equal(before.kb!.note, undefined);
      assert.doesNotMatch(renderHtmlReport(before, { keyframes: [], lang: 'en' }), /kb-horizon/);
    } finally {
      await svc.close();
    }
  });
});

describe('genproof kb show', () => {
  const BIN = resolve('bin/genproof.js');
  const run = (args: string[]) => spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', env: { ...process.env, GENPROOF_FROM_SOURCE: '1' }, timeout: 60_000 });
  it('prints one generator timeline with sources (--json)', () => {
    const r = run(['kb', 'show', 'sora-2', '--json']);
    assert.equal(r.status, 0, r.stderr);
    const j = JSON.parse(r.stdout);
    assert.equal(j.kb.as_of, kb.asOf());
    assert.equal(j.generators.length, 1);
    const t = j.generators[0];
    assert.equal(t.status_as_of, 'ended');
    const end = t.events.find((e: { kind: string; text: string }) => e.kind === 'product_end' && /API/.test(e.text));
    assert.equal(end.date, '2026-09-24');
    assert.ok(t.events.every((e: { source: string }) => e.source.length > 0));
    const dates = t.events.map((e: { date: string }) => (e.date.length === 7 ? `${e.date}-01` : e.date));
    assert.deepEqual(dates, [...dates].sort());
  });
  it('prints every generator without a slug, and exits 2 for an unknown one', () => {
    const all = run(['kb', 'show']);
    assert.equal(all.status, 0, all.stderr);
    for (const g of kb.generators()) assert.ok(all.stdout.includes(`[${g.slug}]`), g.slug);
    assert.match(all.stdout, /^Knowledge base as of \d{4}-\d{2}-\d{2}/);
    const none = run(['kb', 'show', 'sora-9', '--json']);
    assert.equal(none.status, 2);
  });
});
