import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { normalizeText } from '../../src/scam/normalize.js';
import { textSymbols } from '../../src/scam/text.rules.js';
import { ScamService } from '../../src/services/scam.service.js';
import { DATA, weiboOrdinary } from '../../scripts/scam-datasets.js';

const svc = new ScamService();
const NEW_CODES = ['REVERSE_ENGINEERED_ACCESS', 'FAKE_RELEASE', 'COMPATIBLE_API_BAIT', 'WATERMARK_REMOVAL', 'DETECTION_CERTAINTY'];
const run = (text: string, postedAt: string) => svc.analyzeText({ text, postedAt });
const codes = (text: string, postedAt: string) => run(text, postedAt).hits.map((h) => h.code);

/** FACTS-2026.md §17: the scams around Sora's shutdown, in Chinese and English. */
describe('scam desk, 2026 patterns', () => {
  const flagged: [string, string, string, string][] = [
    // [text, posted_at, symbol expected, availability status expected or '-']
    ['出售Sora 2 API密钥，稳定可用，加V详聊', '2026-11-20', 'FAKE_ACCESS_CLAIM', 'refuted'],
    ['Selling Sora invite codes, DM me', '2026-11-02', 'FAKE_ACCESS_CLAIM', 'refuted'],
    ['Sora2官逆API，无水印，稳定不掉线，0.2元/次，加微信', '2026-11-20', 'REVERSE_ENGINEERED_ACCESS', 'refuted'],
    ['Reverse-engineered Sora API, no watermark, $0.10 per video, DM for a key', '2026-10-15', 'REVERSE_ENGINEERED_ACCESS', 'refuted'],
    ['Sora3内测资格开放申请，限量100个，加V领取', '2026-11-01', 'FAKE_RELEASE', 'refuted'],
    ['Sora 3 is here! Get early access now, link in bio', '2026-10-01', 'FAKE_RELEASE', '-'],
    ['Sora视频去水印，一键去除Sora水印，9.9元永久使用', '2026-06-01', 'WATERMARK_REMOVAL', '-'],
    ['Sora watermark remover: remove the Sora watermark from any video, lifetime access $19', '2026-02-01', 'WATERMARK_REMOVAL', '-'],
    ['AI视频检测，准确率100%，一眼辨别AI生成，19.9元/次，私信', '2026-08-01', 'DETECTION_CERTAINTY', '-'],
    ['Our AI detection tool is 100% accurate, guaranteed results. Buy now $29', '2026-08-01', 'DETECTION_CERTAINTY', '-'],
    ['Sora-compatible API, keep your OpenAI code and change the base URL. From $9/month', '2026-11-01', 'COMPATIBLE_API_BAIT', '-'],
  ];
  for (const [text, d, code, status] of flagged) {
    it(`flags "${text.slice(0, 40)}…" (${code})`, () => {
      const r = run(text, d);
      assert.notEqual(r.label, 'ok', `${r.raw} ${r.hits.map((h) => h.code).join(' ')}`);
      assert.ok(r.hits.some((h) => h.code === code), r.hits.map((h) => h.code).join(' '));
      if (status !== '-') assert.equal(r.claims.find((c) => c.type === 'availability')?.status, status);
    });
  }

  it('a "Sora-compatible" API is not read as a claim of Sora access', () => {
    assert.equal(run('Sora-compatible API, keep your OpenAI code and change the base URL', '2026-11-01').claims.filter((c) => c.type === 'availability').length, 0);
  });

  const ordinary: [string, string][] = [
    ['There is no Sora 3. OpenAI shut Sora down in 2026.', '2026-10-01'],
    ['Sora 3秒就能生成一个视频', '2025-12-01'],
    ['OpenAI关停了Sora，记得在4月26日前导出你的作品', '2026-04-01'],
    ['这张图无水印高清原图，随便转', '2026-03-01'],
    ['The Sora API was switched off on September 24; anyone selling Sora keys now is lying.', '2026-10-10'],
    ['不存在所谓的Sora 3，别信', '2026-09-01'],
    ['我用Sora做了3个视频，效果还行', '2025-12-01'],
  ];
  for (const [text, d] of ordinary) {
    it(`leaves "${text.slice(0, 40)}…" ok`, () => {
      const r = run(text, d);
      assert.equal(r.label, 'ok', `${r.raw} ${r.hits.map((h) => `${h.code}:${h.weight}`).join(' ')}`);
      for (const c of NEW_CODES) assert.ok(!codes(text, d).includes(c), `${c} on "${text}"`);
    });
  }

  const weiboPresent = existsSync(join(DATA, 'ced_weibo_rumor_zh')) && existsSync(join(DATA, 'checked_covid_weibo_zh'));
  it('the new symbols stay quiet on ordinary Weibo posts, and the posts they touch stay below the flag (≤ 1 %)', { skip: weiboPresent ? false : `Weibo sets not found under ${DATA}` }, () => {
    const posts = weiboOrdinary();
    assert.ok(posts.length > 4000);
    const touched = posts.filter((p) => textSymbols(normalizeText(p.text)).some((h) => NEW_CODES.includes(h.code)));
    assert.ok(touched.length / posts.length <= 0.002, `${touched.length} of ${posts.length} Weibo posts hit a 2026 symbol`);
    const newlyFlagged = touched.filter((p) => run(p.text, p.postedAt ?? '2020-01-01').label !== 'ok');
    assert.ok(newlyFlagged.length / posts.length <= 0.01, `${newlyFlagged.length} flagged`);
  });
});
