import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkDomain, editDistance, registrable } from '../../src/scam/lookalike.js';
import { extractUrls, parseGivenUrl } from '../../src/scam/url.extract.js';
import { normalizeText } from '../../src/scam/normalize.js';

const verdict = (u: string, extra: string[] = []) => checkDomain(parseGivenUrl(u)!, ['openai.com', 'sora.com', 'chatgpt.com', ...extra]);

describe('lookalike domains', () => {
  it('accepts the official domains and their subdomains', () => {
    for (const u of ['https://openai.com/sora', 'help.openai.com', 'https://sora.com', 'chatgpt.com/g/x', 'platform.openai.com/docs']) {
      assert.equal(verdict(u).lookalike_of, null, u);
      assert.deepEqual(verdict(u).reasons, ['official']);
    }
  });
  it('flags brand + keyword domains', () => {
    assert.equal(verdict('sora-ai-pro.com').lookalike_of, 'sora.com');
    assert.equal(verdict('https://sora-openai-access.com/login').lookalike_of, 'openai.com');
    assert.equal(verdict('chat-gpt-pc.online').lookalike_of, 'chatgpt.com');
    assert.ok(verdict('chat-gpt-pc.online').reasons.includes('new_tld'));
  });
  it('flags digit and IDN homoglyphs (punycode)', () => {
    const v = verdict('s0ra.com');
    assert.equal(v.lookalike_of, 'sora.com');
    assert.ok(v.reasons.includes('homoglyph'));
    const idn = verdict('https://xn--sr-8kc.com/'); // "sоrа"? decoded and folded
    const cyr = verdict('http://оpenai.com'); // Cyrillic о
    assert.equal(cyr.lookalike_of, 'openai.com');
    assert.ok(cyr.reasons.includes('homoglyph'));
    assert.notEqual(idn.host, 'xn--sr-8kc.com');
  });
  it('flags misspellings, other TLDs and brands in subdomains', () => {
    assert.ok(verdict('openal.com').reasons.includes('edit_distance'));
    assert.ok(verdict('chatgtp.com').reasons.includes('edit_distance'));
    assert.ok(verdict('openai.io').reasons.includes('brand_other_tld'));
    assert.ok(verdict('openai.com.login-verify.xyz').reasons.includes('brand_in_subdomain'));
    assert.ok(verdict('free-gifts.xyz/openai/login').reasons.includes('brand_in_path'));
  });
  it('leaves unrelated domains alone, including a configurable official list', () => {
    for (const u of ['example.com', 'soda.com', 'github.com/openai/openai-python', 'x.com/OpenAI/status/1', 'opera.com']) {
      assert.equal(verdict(u).lookalike_of, null, u);
    }
    assert.equal(verdict('kling.kuaishou.com', ['kuaishou.com']).lookalike_of, null);
    assert.equal(verdict('kuaishou-ai.top', ['kuaishou.com']).lookalike_of, 'kuaishou.com');
  });
  it('finds plain-text domains without a scheme in Chinese posts', () => {
    const urls = extractUrls(normalizeText('点击链接s0ra-ai.cn安装，或访问 chatgpt-sora.live/free。').text);
    assert.deepEqual(urls.map((u) => u.hostAscii), ['s0ra-ai.cn', 'chatgpt-sora.live']);
    assert.deepEqual(extractUrls('version 1.2.3 and file.txt'), []);
  });
  it('computes registrable domains and edit distances', () => {
    assert.equal(registrable('a.b.example.com.cn'), 'example.com.cn');
    assert.equal(registrable('login.openai.com'), 'openai.com');
    assert.equal(editDistance('chatgpt', 'chatgtp'), 1);
    assert.equal(editDistance('openai', 'openai'), 0);
  });
});

describe('configurable official domains', async () => {
  const { ScamService } = await import('../../src/services/scam.service.js');
  const { loadConfig } = await import('../../src/config/config.js');
  it('reads kb.officialDomains (and the older GENPROOF_OFFICIAL_DOMAINS) through the config and uses extra domains in the service', () => {
    assert.deepEqual(loadConfig({ file: null, env: { GENPROOF_OFFICIAL_DOMAINS: 'klingai.com, https://kuaishou.com/x ,bad' } }).kb.officialDomains, ['klingai.com', 'kuaishou.com']);
    assert.deepEqual(loadConfig({ file: null, env: { GENPROOF_KB__OFFICIAL_DOMAINS: '["example.org"]' } }).kb.officialDomains, ['example.org']);
    const svc = new ScamService({ model: null, extraOfficialDomains: ['klingai.com'] });
    const r = svc.analyzeText({ text: '可灵会员在 klingai-vip.top 充值', postedAt: '2024-07-01' });
    assert.equal(r.urls[0].lookalike_of, 'klingai.com');
    assert.equal(svc.analyzeText({ text: '官网 app.klingai.com' }).urls[0].lookalike_of, null);
  });
});
