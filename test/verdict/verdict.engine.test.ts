import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Claim } from '../../src/domain/claim.js';
import { evidence, type DecisionTier, type Evidence } from '../../src/domain/evidence.js';
import { decideVerdict } from '../../src/verdict/verdict.engine.js';

/** A visible generator mark as the OCR analyzer emits it: a claim, with no `decides`. */
const mark = (generator: string): Evidence =>
  evidence({ analyzer: 'ocr', code: 'visible_generator_mark', direction: 'neutral', weight: 0.6, detail: 'mark', data: { text: generator, generator } });
const ev = (code: string, is_ai: boolean | null, tier?: DecisionTier, generator?: string): Evidence =>
  evidence({
    analyzer: 'test', code, direction: is_ai === null ? 'neutral' : is_ai ? 'ai' : 'real', weight: 0.5,
    detail: code, ...(tier && is_ai !== null ? { decides: { is_ai, tier, generator: generator ?? null } } : {}),
  });
const claim = (type: Claim['type'], origin: Claim['origin'] = 'caption', generator?: string): Claim => ({
  type, text: type, status: 'unverified', reasons: [], sources: [], origin, generator: generator ?? null,
});

const aiClaim = [claim('ai_generated', 'caption', 'sora')];
const realClaim = [claim('real_footage')];

const table: { name: string; evidence: Evidence[]; claims: Claim[]; quadrant: string; isAi: boolean | null; claimed: boolean | null; media?: boolean }[] = [
  { name: 'no evidence, AI caption → abstain', evidence: [ev('metadata_stripped', null)], claims: aiClaim, quadrant: 'undetermined', isAi: null, claimed: true },
  { name: 'strong camera metadata + AI caption → fake fake', evidence: [ev('camera_origin', false, 'camera_metadata')], claims: aiClaim, quadrant: 'false_ai_claim', isAi: false, claimed: true },
  { name: 'strong camera metadata + "filmed it" → authentic', evidence: [ev('camera_origin', false, 'camera_metadata')], claims: realClaim, quadrant: 'authentic', isAi: false, claimed: false },
  { name: 'strong camera metadata, no caption → authentic', evidence: [ev('camera_origin', false, 'camera_metadata')], claims: [], quadrant: 'authentic', isAi: false, claimed: null },
  { name: 'trusted AI provenance + "filmed it" → undisclosed', evidence: [ev('c2pa_ai_trusted', true, 'signed_provenance', 'sora')], claims: realClaim, quadrant: 'undisclosed_ai', isAi: true, claimed: false },
  { name: 'trusted AI provenance + AI caption → disclosed', evidence: [ev('c2pa_ai_trusted', true, 'signed_provenance', 'sora')], claims: aiClaim, quadrant: 'disclosed_ai', isAi: true, claimed: true },
  { name: 'trusted AI provenance, no caption → undisclosed', evidence: [ev('c2pa_ai_trusted', true, 'signed_provenance', 'veo')], claims: [], quadrant: 'undisclosed_ai', isAi: true, claimed: null },
  { name: 'registry original + AI caption → fake fake', evidence: [ev('registry_match_original', false, 'registry_match')], claims: aiClaim, quadrant: 'false_ai_claim', isAi: false, claimed: true },
  { name: 'registry AI output + real caption → undisclosed', evidence: [ev('registry_match_ai', true, 'registry_match', 'kling')], claims: realClaim, quadrant: 'undisclosed_ai', isAi: true, claimed: false },
  { name: 'visible mark alone → a claim only, undetermined', evidence: [mark('sora-2')], claims: [claim('generator', 'mark', 'sora-2')], quadrant: 'undetermined', isAi: null, claimed: true },
  { name: 'visible mark contradicted by registry original → fake fake', evidence: [mark('sora'), ev('registry_match_original', false, 'registry_match')], claims: [claim('generator', 'mark', 'sora')], quadrant: 'false_ai_claim', isAi: false, claimed: true },
  { name: 'visible mark + camera metadata → fake fake (the mark is the claim)', evidence: [mark('sora'), ev('camera_origin', false, 'camera_metadata')], claims: [claim('generator', 'mark', 'sora')], quadrant: 'false_ai_claim', isAi: false, claimed: true },
  { name: 'visible mark + trusted AI provenance → disclosed (provenance decides)', evidence: [mark('sora'), ev('c2pa_ai_trusted', true, 'signed_provenance', 'sora')], claims: [claim('generator', 'mark', 'sora')], quadrant: 'disclosed_ai', isAi: true, claimed: true },
  { name: 'trusted AI provenance beats camera metadata', evidence: [ev('c2pa_ai_trusted', true, 'signed_provenance', 'sora'), ev('camera_origin', false, 'camera_metadata')], claims: realClaim, quadrant: 'undisclosed_ai', isAi: true, claimed: false },
  { name: 'camera metadata can never decide AI', evidence: [ev('camera_origin', true, 'camera_metadata')], claims: realClaim, quadrant: 'undetermined', isAi: null, claimed: false },
  { name: 'conflict at the same tier → abstain', evidence: [ev('registry_match_original', false, 'registry_match'), ev('registry_match_ai', true, 'registry_match', 'sora')], claims: aiClaim, quadrant: 'undetermined', isAi: null, claimed: true },
  { name: 'in-file AI label + real caption → undisclosed', evidence: [ev('ai_label_iptc', true, 'file_label')], claims: realClaim, quadrant: 'undisclosed_ai', isAi: true, claimed: false },
  { name: 'expired AI signer still counts as AI', evidence: [ev('c2pa_ai_expired_no_timestamp', true, 'signed_provenance_expired', 'gpt-4o-image')], claims: aiClaim, quadrant: 'disclosed_ai', isAi: true, claimed: true },
  { name: 'neutral evidence never decides', evidence: [ev('c2pa_untrusted_signer', null), ev('reencoded_by', null), ev('device_identity', null)], claims: aiClaim, quadrant: 'undetermined', isAi: null, claimed: true },
  { name: 'text-only post → undetermined even with decisive-looking evidence', evidence: [ev('camera_origin', false, 'camera_metadata')], claims: aiClaim, quadrant: 'undetermined', isAi: null, claimed: true, media: false },
  { name: 'caption beats burned-in text for claimed_ai', evidence: [ev('camera_origin', false, 'camera_metadata')], claims: [claim('real_footage', 'caption'), claim('ai_generated', 'ocr')], quadrant: 'authentic', isAi: false, claimed: false },
  { name: 'burned-in text counts when no caption', evidence: [ev('registry_match_original', false, 'registry_match')], claims: [claim('ai_generated', 'ocr', 'sora')], quadrant: 'false_ai_claim', isAi: false, claimed: true },
];

describe('verdict engine: evidence in → quadrant out', () => {
  for (const row of table) {
    it(row.name, () => {
      const out = decideVerdict({ evidence: row.evidence, claims: row.claims, hasMedia: row.media ?? true });
      assert.equal(out.verdict.quadrant, row.quadrant);
      assert.equal(out.verdict.is_ai, row.isAi);
      assert.equal(out.verdict.claimed_ai, row.claimed);
      assert.ok(out.verdict.summary.en.length > 20 && out.verdict.summary.zh.length > 5);
      if (row.isAi === null) assert.equal(out.verdict.confidence, 0);
      else assert.ok(out.verdict.confidence >= 0.5 && out.verdict.confidence <= 0.99);
    });
  }

  it('metadata-only "real" has lower confidence than signed provenance and says it rests on metadata', () => {
    const meta = decideVerdict({ evidence: [ev('camera_origin', false, 'camera_metadata')], claims: aiClaim, hasMedia: true });
    const signed = decideVerdict({ evidence: [ev('c2pa_capture_trusted', false, 'signed_provenance')], claims: aiClaim, hasMedia: true });
    assert.ok(meta.verdict.confidence < signed.verdict.confidence);
    assert.match(meta.verdict.summary.en, /metadata alone/);
    assert.match(meta.verdict.summary.zh, /元数据/);
  });

  it('reports a pasted mark when contradicted', () => {
    const out = decideVerdict({ evidence: [mark('sora'), ev('registry_match_original', false, 'registry_match')], claims: [], hasMedia: true });
    assert.ok(out.notes.some((n) => n.code === 'visible_mark_contradicted'));
  });

  it('a mark alone proves nothing, and says so', () => {
    const out = decideVerdict({ evidence: [mark('sora')], claims: [claim('generator', 'mark', 'sora')], hasMedia: true });
    assert.equal(out.verdict.is_ai, null);
    const note = out.notes.find((n) => n.code === 'visible_mark_alone');
    assert.ok(note);
    assert.match(note.detail, /proves nothing/);
    assert.match(out.verdict.summary.en, /mark is a claim, not proof/);
    assert.equal(out.generator.claimed, 'sora');
    assert.equal(out.generator.evidenced, null);
  });

  it('a mark with a decisive-looking tier would still not be a tier: no visible_mark in the tier table', async () => {
    const { TIERS } = await import('../../src/verdict/tiers.js');
    assert.ok(!('visible_mark' in TIERS));
  });

  it('generator mismatch: Veo evidence, Sora caption', () => {
    const out = decideVerdict({ evidence: [ev('c2pa_ai_trusted', true, 'signed_provenance', 'veo-3')], claims: aiClaim, hasMedia: true });
    assert.deepEqual(out.generator, { claimed: 'sora', evidenced: 'veo-3', mismatch: true });
    const same = decideVerdict({ evidence: [ev('c2pa_ai_trusted', true, 'signed_provenance', 'sora-2')], claims: aiClaim, hasMedia: true });
    assert.equal(same.generator.mismatch, false);
  });

  it('undetermined says what is missing', () => {
    const out = decideVerdict({ evidence: [], claims: aiClaim, hasMedia: true });
    assert.ok((out.verdict.missing ?? []).length >= 3);
    assert.match(out.verdict.summary.en, /Missing:/);
  });
});
