import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ScamService } from '../../src/services/scam.service.js';

/** The seed article's own cases (../shared/docs/seed-article.txt), written in our own words. */
const svc = new ScamService();
const run = (text: string, postedAt: string | null = null, urls: string[] = []) => svc.analyzeText({ text, postedAt, urls });

describe('seed examples', () => {
  it('a 99-yuan Sora course is a scam', () => {
    for (const t of ['Sora课程现价99元，零基础入门文生视频，报名后拉你进学习群', 'Sora video course, just 99 yuan, beginners welcome, sign up today']) {
      const r = run(t, '2024-02-20');
      assert.equal(r.label, 'scam', `${t}: ${JSON.stringify(r.symbols.map((s) => s.code))}`);
      assert.ok(r.symbols.some((s) => s.code === 'PAID_COURSE'));
      assert.ok(r.score >= 0.5 && r.score <= 1);
    }
  });
  it('Sora API access packaged as GPTs on 2024-02-20 is a scam with the availability claim refuted', () => {
    const r = run('我们拿到了Sora的接口，封装成GPTs，输入文字就能出视频，包月价格私聊', '2024-02-20');
    assert.equal(r.label, 'scam');
    const c = r.claims.find((x) => x.type === 'availability');
    assert.ok(c);
    assert.equal(c.status, 'refuted');
    assert.ok(c.sources.length > 0);
    assert.ok(r.symbols.some((s) => s.code === 'FAKE_ACCESS_CLAIM'));
  });
  it('"谢赛宁是Sora发明者之一" has its authorship claim refuted with the author list as source', () => {
    const r = run('谢赛宁是Sora发明者之一', '2024-02-18');
    const c = r.claims.find((x) => x.type === 'authorship');
    assert.ok(c);
    assert.equal(c.status, 'refuted');
    assert.ok(c.sources.some((s) => /world[- ]simulators|openai/i.test(s)), c.sources.join());
    assert.deepEqual((c.value as { authors: string[] }).authors.length, 13);
  });
  it('a plain announcement of Sora is ok', () => {
    for (const [t, d] of [
      ['OpenAI has shown Sora, a model that turns a text description into a video clip of up to a minute. For now only safety testers and a few artists can use it.', '2024-02-16'],
      ['OpenAI发布了文生视频模型Sora，可以根据文字描述生成最长一分钟的视频，目前只向少数测试人员开放。', '2024-02-16'],
      ['Sora is now available for ChatGPT Plus and Pro users at sora.com.', '2024-12-10'],
    ] as const) {
      const r = run(t, d);
      assert.equal(r.label, 'ok', `${t}: ${JSON.stringify(r.symbols)}`);
    }
  });
  it('anxiety slogans plus a paid group are flagged', () => {
    const r = run('Sora热度最多三个月，一步慢步步慢！24小时内就有相关产品上线，扫码付费进群，群费49元', '2024-02-20');
    assert.equal(r.label, 'scam');
    assert.ok(r.symbols.some((s) => s.code === 'URGENCY'));
    assert.ok(r.symbols.some((s) => s.code === 'PAY_TO_JOIN_GROUP'));
  });
  it('lookalike links make an otherwise mild post a scam, official links do not', () => {
    assert.equal(run('Get Sora now at sora-app-download.top', '2024-03-01').label, 'scam');
    const ok = run('Sora is available at https://sora.com for subscribers', '2024-12-12');
    assert.equal(ok.label, 'ok');
    assert.equal(ok.urls[0].lookalike_of, null);
    const given = run('see the link', '2024-03-01', ['http://openai-sora.vip/login']);
    assert.equal(given.urls[0].lookalike_of, 'openai.com');
    assert.notEqual(given.label, 'ok');
  });
  it('a debunking post stays ok', () => {
    const r = run('辟谣：网传谢赛宁是Sora发明者之一，其实Sora技术报告的13位作者里没有他，大家别上当买课。', '2024-02-20');
    assert.equal(r.label, 'ok');
    assert.equal(r.claims.find((c) => c.type === 'authorship')?.status, 'refuted');
  });
});

describe('hostile input', () => {
  it('stays fast on long digit runs, spaced letters and emoji', () => {
    for (const t of ['1'.repeat(100_000), 's.'.repeat(30_000), '😀Sora课程💰99元'.repeat(3000)]) {
      const t0 = performance.now();
      const r = run(t, '2024-02-20');
      assert.ok(['scam', 'suspicious', 'ok'].includes(r.label));
      assert.ok(performance.now() - t0 < 10_000, `blow-up guard (not a speed target): ${t.slice(0, 10)}… took ${performance.now() - t0} ms`);
    }
  });
});
