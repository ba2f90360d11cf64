import assert from 'node:assert/strict';
import { statSync } from 'node:fs';
import { describe, it } from 'node:test';
import { ScamAnalyzer } from '../../src/analyzers/scam/scam.analyzer.js';
import { loadConfig } from '../../src/config/config.js';
import type { MediaInfo } from '../../src/domain/media.js';
import type { Post } from '../../src/domain/post.js';
import { defaultScamModel } from '../../src/scam/model.loader.js';
import { ScamService, type ScamServiceOptions } from '../../src/services/scam.service.js';
import modelFile from '../../src/scam/model/scam-model.json' with { type: 'json' };

const config = loadConfig({ env: {} });
const ctx = (post: Post, media: MediaInfo | null = null) => ({ post, media, config, claims: [], progress: () => {}, workDir: '/tmp' });
const image = { kind: 'image' } as MediaInfo;
/** The analyzer over a scam desk (the service `genproof scam` runs). */
const analyzer = (opts: ScamServiceOptions = {}) => new ScamAnalyzer(new ScamService({ extraOfficialDomains: config.kb.officialDomains, ...opts }));

describe('scam analyzer (inside check)', () => {
  it('applies to captions, links and images, not to a bare video', () => {
    const a = analyzer({ model: null });
    assert.ok(a.appliesTo({ file: null, caption: 'x', postedAt: null, urls: [] }, null));
    assert.ok(a.appliesTo({ file: null, caption: null, postedAt: null, urls: ['http://a.b'] }, null));
    assert.ok(a.appliesTo({ file: 'p.png', caption: null, postedAt: null, urls: [] }, image));
    assert.ok(!a.appliesTo({ file: 'v.mp4', caption: null, postedAt: null, urls: [] }, { kind: 'video' } as MediaInfo));
  });
  it('returns scam, claims and neutral evidence that never decides is_ai', async () => {
    const a = analyzer();
    const out = await a.analyze(ctx({ file: null, caption: 'Sora课程99元，扫码进群。谢赛宁是Sora发明者之一', postedAt: '2024-02-20', urls: [] }));
    assert.equal(out.scam?.label, 'scam');
    assert.ok(out.claims?.some((c) => c.type === 'authorship' && c.status === 'refuted'));
    assert.ok(out.evidence.length > 2);
    for (const e of out.evidence) {
      assert.equal(e.analyzer, 'scam');
      assert.equal(e.direction, 'neutral');
      assert.equal(e.decides, undefined);
      assert.match(e.code, /^[a-z0-9_]+$/);
      assert.ok(e.detail && e.detail_zh, e.code);
      assert.ok(e.weight >= 0 && e.weight <= 1);
    }
    assert.ok(out.evidence.some((e) => e.code === 'scam_paid_course'));
  });
  it('scans an image post for QR codes and survives a failing decoder', async () => {
    const a = analyzer({
      model: null,
      decodeQr: async () => [{ text: 'https://weixin.qq.com/g/Abc', decoder: 'zxing' }],
    });
    const out = await a.analyze(ctx({ file: '/x/poster.png', caption: null, postedAt: null, urls: [] }, image));
    assert.deepEqual(out.scam?.qr_codes, [{ image: 'poster.png', text: 'https://weixin.qq.com/g/Abc', kind: 'group_invite' }]);
    const failing = analyzer({ model: null, decodeQr: async () => { throw new Error('boom'); } });
    const out2 = await failing.analyze(ctx({ file: '/x/p.png', caption: 'hello', postedAt: null, urls: [] }, image));
    assert.ok(out2.evidence.some((e) => e.code === 'qr_scan_failed'));
    assert.equal(out2.scam?.label, 'ok');
  });
});

describe('scam model artefact', () => {
  it('is small, trained only on allowed sets, and separates obvious cases', () => {
    assert.ok(statSync(new URL('../../src/scam/model/scam-model.json', import.meta.url)).size < 2 * 1024 * 1024);
    for (const s of modelFile.trainedOn) assert.match(s, /^(sms_spam_collection_en|janitr_x_scam_en|aihype_dev|src\/scam\/train-extra)/);
    const m = defaultScamModel();
    assert.ok(m.threshold > 0 && m.threshold < 1);
    assert.ok(m.probability('WINNER!! You have been selected to receive a £900 prize reward! To claim call 09061701461. Valid 12 hours only.') > 0.8);
    assert.ok(m.probability('Ok, I will call you when I get home tonight.') < 0.2);
  });
});
