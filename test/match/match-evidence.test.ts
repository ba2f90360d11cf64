/** Registry-match evidence: codes, directions, decisions and the coverage bar (pure). */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { isDecisive, matchEvidence, type MatchForEvidence } from '../../src/analyzers/match/match.evidence.js';

const base: MatchForEvidence = {
  reference_id: 'r0123456789abcdef', reference_file: 'harbour.mp4', label: 'original', generator: null, source: 'AP archive',
  query_coverage: 0.9, reference_coverage: 0.4, min_distance: 6,
  segments: [{ query_start: 0, query_end: 9, reference_start: 12, reference_end: 21 }], transform: 'flipY',
  matched_frames: 9, query_frames: 10,
};

describe('match evidence', () => {
  test('an original decides is_ai=false and names the original, its source, the segment and the mirror', () => {
    const e = matchEvidence(base, isDecisive(base, 'video'));
    assert.equal(e.code, 'registry_match_original');
    assert.equal(e.direction, 'real');
    assert.deepEqual(e.decides, { is_ai: false, tier: 'registry_match' });
    assert.match(e.detail, /harbour\.mp4/);
    assert.match(e.detail, /AP archive/);
    assert.match(e.detail, /0:12\.0/);
    assert.match(e.detail, /mirrored left–right/);
    assert.match(e.detail_zh ?? '', /左右镜像/);
  });

  test('an AI output decides is_ai=true with its generator', () => {
    const m = { ...base, label: 'ai' as const, generator: 'sora-2', transform: null };
    const e = matchEvidence(m, isDecisive(m, 'video'));
    assert.equal(e.code, 'registry_match_ai');
    assert.equal(e.direction, 'ai');
    assert.deepEqual(e.decides, { is_ai: true, tier: 'registry_match', generator: 'sora-2' });
  });

  test('a scam poster is neutral and never decides', () => {
    const m = { ...base, label: 'scam_poster' as const };
    const e = matchEvidence(m, true);
    assert.equal(e.code, 'registry_match_scam_poster');
    assert.equal(e.direction, 'neutral');
    assert.equal(e.decides, undefined);
  });

  test('thin coverage is reported but does not decide', () => {
    const thin = { ...base, query_coverage: 0.35, matched_frames: 4, query_frames: 12 };
    assert.equal(isDecisive(thin, 'video'), false);
    const e = matchEvidence(thin, false);
    assert.equal(e.code, 'registry_match_partial');
    assert.equal(e.direction, 'neutral');
    assert.equal(e.decides, undefined);
    assert.equal(isDecisive({ ...base, query_coverage: 0.6, matched_frames: 1, query_frames: 2 }, 'video'), false);
    assert.equal(isDecisive({ ...base, query_coverage: 1, matched_frames: 1, query_frames: 1 }, 'image'), true);
  });
});
