import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { renderTerminal } from '../../src/cli/render/terminal.render.js';
import type { MediaInfo } from '../../src/domain/media.js';
import type { CheckResult } from '../../src/domain/report.js';
import { renderHtmlReport } from '../../src/report/html.report.js';
import { notExamined, notExaminedEvidence } from '../../src/verdict/not-examined.js';

const audio = { kind: 'video', audioCodec: 'aac', streams: [{ index: 1, type: 'audio', codec: 'aac', handler: null }] } as unknown as MediaInfo;
const result: CheckResult = {
  rating: { value: 'misleading', finding: { en: 'The post says "live now", but the file was recorded in 2016.', zh: '帖子称“正在直播”，但文件拍摄于2016年。' }, basis: ['claim:0'] },
  verdict: { quadrant: 'undetermined', is_ai: null, claimed_ai: null, confidence: 0, summary: { en: 'Undetermined.', zh: '无法判定。' } },
  generator: { claimed: null, evidenced: null, mismatch: false },
  claims: [{ type: 'date', text: 'live now', status: 'refuted', reasons: ['old'], sources: [], origin: 'caption' }],
  evidence: notExaminedEvidence(audio), matches: [], media: { kind: 'video', duration: 3, width: 64, height: 64, fps: 25, container: 'mp4' },
};

describe('the rating heads every report; what was not examined is said', () => {
  it('audio track → audio_not_examined; no audio → nothing', () => {
    assert.equal(result.evidence[0].code, 'audio_not_examined');
    assert.deepEqual(notExamined(result).map((n) => n.en), ['the audio track']);
    assert.deepEqual(notExaminedEvidence({ ...audio, audioCodec: null, streams: [] }), []);
    assert.deepEqual(notExaminedEvidence(null), []);
  });
  it('terminal: the rating is the first line, then what was not examined', () => {
    const en = renderTerminal(result, 'en').split('\n');
    assert.match(en[0], /^Rating: MISLEADING — The post says "live now"/);
    assert.match(en[1], /^Not examined: the audio track/);
    assert.match(renderTerminal(result, 'zh').split('\n')[0], /^评级[:：] ?误导 — 帖子称/);
  });
  it('HTML: the rating section comes before the verdict', () => {
    const html = renderHtmlReport(result, { keyframes: [] });
    const r = html.indexOf('id="rating"');
    assert.ok(r > 0 && r < html.indexOf('id="verdict"'));
    assert.match(html, /data-rating="misleading"/);
    assert.match(html, /the audio track/);
    assert.match(html, /<title>genproof — misleading<\/title>/);
  });
});
