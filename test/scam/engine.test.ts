import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { knowledgeFor } from '../../src/scam/knowledge.adapter.js';
import { defaultScamModel } from '../../src/scam/model.loader.js';
import { analyzeScamText, labelFor, squash } from '../../src/scam/scam.engine.js';

const kb = knowledgeFor();
const symbolsOnly = (text: string, postedAt: string | null = '2024-02-20', urls: string[] = []) =>
  analyzeScamText({ text, postedAt, urls }, { kb, model: null });
const codes = (r: { symbols: { code: string }[] }) => r.symbols.map((s) => s.code);

describe('scam engine symbols that need links, the KB or the model', () => {
  it('LOOKALIKE_DOMAIN in zh and en, including full-width and homoglyph evasions', () => {
    for (const t of ['下载地址：ｓ０ｒａ－ａｉ．ｃｎ', '体验入口 chatgpt-sora.live', 'Log in at sоra-login.com (Cyrillic о)', 'visit https://openai.com.account-verify.top/login']) {
      const r = symbolsOnly(t);
      assert.ok(codes(r).includes('LOOKALIKE_DOMAIN'), `${t}: ${JSON.stringify(r.urls)}`);
    }
    assert.ok(!codes(symbolsOnly('官网是 openai.com 和 sora.com')).includes('LOOKALIKE_DOMAIN'));
  });
  it('FAKE_ACCESS_CLAIM in zh and en, with traditional script and spacing evasions', () => {
    for (const t of ['出售Sora帳號，私聊', 'S o r a API 接口出售', 'We sell Sora API access, DM us', '索拉内测账号代申请，联系客服']) {
      const r = symbolsOnly(t, '2024-03-01');
      assert.ok(codes(r).includes('FAKE_ACCESS_CLAIM'), `${t}: ${JSON.stringify(r.claims.map((c) => [c.text, c.status]))}`);
    }
    assert.ok(!codes(symbolsOnly('出售Sora帳號，私聊', '2025-03-01')).includes('FAKE_ACCESS_CLAIM'));
  });
  it('AI_HYPE_SELLING needs both a hype brand and a selling symbol', () => {
    assert.ok(codes(symbolsOnly('Sora课程限时99元')).includes('AI_HYPE_SELLING'));
    assert.ok(codes(symbolsOnly('ChatGPT masterclass, $49 today')).includes('AI_HYPE_SELLING'));
    assert.ok(!codes(symbolsOnly('摄影课程限时99元')).includes('AI_HYPE_SELLING'));
    assert.ok(!codes(symbolsOnly('Sora is impressive')).includes('AI_HYPE_SELLING'));
  });
  it('ML_SCAM_PROBABILITY comes from the model and adds to the score', () => {
    const spam = 'Congratulations! You have won a £1000 cash prize. To claim call 09061701461 now. T&Cs apply, 150p/min.';
    const withModel = analyzeScamText({ text: spam }, { kb, model: defaultScamModel() });
    const without = analyzeScamText({ text: spam }, { kb, model: null });
    assert.ok(codes(withModel).includes('ML_SCAM_PROBABILITY'));
    assert.ok(withModel.raw > without.raw);
    assert.ok(withModel.probability! > 0.9);
    assert.equal(withModel.label, 'scam');
  });
  it('labels and squashes the raw score with fixed thresholds', () => {
    assert.equal(labelFor(2.9), 'ok');
    assert.equal(labelFor(3), 'suspicious');
    assert.equal(labelFor(6), 'scam');
    assert.equal(squash(0), 0);
    assert.equal(squash(6), 0.5);
    assert.ok(squash(100) < 1);
  });
  it('every symbol carries a span and bilingual sentences', () => {
    const r = symbolsOnly('Sora课程99元！一步慢步步慢，扫码进群，加V：abc12345，官方合作渠道，s0ra-ai.cn', '2024-02-20');
    assert.ok(r.symbols.length >= 6);
    for (const s of r.hits) {
      assert.match(s.code, /^[A-Z_]+$/);
      assert.ok(s.detail.length > 10 && s.detail_zh.length > 5, s.code);
      assert.ok(s.span === null || s.detail.includes(s.span) || s.code === 'URGENCY' || s.code === 'LOOKALIKE_DOMAIN', s.code);
    }
  });
});
