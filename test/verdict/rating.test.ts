import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Claim, ClaimStatus } from '../../src/domain/claim.js';
import { evidence, type DecisionTier, type Evidence } from '../../src/domain/evidence.js';
import type { RatingValue } from '../../src/domain/rating.js';
import type { ScamResult } from '../../src/domain/scam.js';
import { ratePost } from '../../src/verdict/rating.js';
import { decideVerdict } from '../../src/verdict/verdict.engine.js';

const dec = (code: string, is_ai: boolean, tier: DecisionTier, generator: string | null = null): Evidence =>
  evidence({ analyzer: 'test', code, direction: is_ai ? 'ai' : 'real', weight: 0.9, detail: `${code} decides.`, detail_zh: `${code}。`, decides: { is_ai, tier, generator } });
const mark = (generator: string): Evidence =>
  evidence({ analyzer: 'ocr', code: 'visible_generator_mark', direction: 'neutral', weight: 0.6, detail: 'mark', data: { text: generator, generator } });
const claim = (type: Claim['type'], status: ClaimStatus, o: Partial<Claim> = {}): Claim => ({
  type, text: o.text ?? `${type} text`, status, reasons: o.reasons ?? [`Reason for ${type}.`], reasons_zh: o.reasons_zh ?? [`${type}的理由。`],
  sources: [], origin: o.origin ?? 'caption', generator: o.generator ?? null, ...(o.value ? { value: o.value } : {}),
});
const scam = (label: ScamResult['label']): ScamResult => ({
  label, score: label === 'scam' ? 0.9 : 0.1, claims: [], qr_codes: [], urls: [],
  symbols: label === 'scam' ? [{ code: 'PAID_COURSE', weight: 3, span: '¥99', detail: 'Sells a paid course for access.', detail_zh: '出售付费课程。' }] : [],
});

interface Row {
  name: string;
  evidence?: Evidence[];
  claims?: Claim[];
  scam?: ScamResult;
  media?: boolean;
  expect: RatingValue;
  /** A word the English finding must contain. */
  finding?: RegExp;
}

const ai = (status: ClaimStatus, generator = 'sora', origin: Claim['origin'] = 'caption') => claim('ai_generated', status, { generator, origin });
const real = (status: ClaimStatus) => claim('real_footage', status);

const table: Row[] = [
  // scam outranks everything
  { name: 'scam label → scam, even when the media is AI and disclosed', evidence: [dec('c2pa_ai_trusted', true, 'signed_provenance', 'sora')], claims: [ai('supported')], scam: scam('scam'), expect: 'scam', finding: /scam/ },
  { name: 'scam beats a refuted claim', claims: [claim('availability', 'refuted')], scam: scam('scam'), expect: 'scam' },
  { name: 'suspicious scam label alone is not scam', claims: [], scam: scam('suspicious'), expect: 'unproven' },
  // false: any refuted claim except place/time
  { name: 'real footage claimed as AI (registry original) → false', evidence: [dec('registry_match_original', false, 'registry_match')], claims: [ai('refuted')], expect: 'false' },
  { name: 'AI claimed as real (trusted provenance) → false', evidence: [dec('c2pa_ai_trusted', true, 'signed_provenance', 'sora')], claims: [real('refuted')], expect: 'false' },
  { name: 'AI claimed as real, no checker refutation → false from the quadrant', evidence: [dec('c2pa_ai_trusted', true, 'signed_provenance', 'sora')], claims: [real('unverified')], expect: 'false', finding: /AI-generated media as real/ },
  { name: 'availability refuted → false', claims: [claim('availability', 'refuted')], media: false, expect: 'false' },
  { name: 'authorship refuted → false', claims: [claim('authorship', 'refuted')], media: false, expect: 'false' },
  { name: 'capability refuted → false', claims: [ai('refuted'), claim('capability', 'refuted')], expect: 'false' },
  { name: 'generator contradicted by signed evidence → false', evidence: [dec('c2pa_ai_trusted', true, 'signed_provenance', 'veo-3')], claims: [ai('supported', 'sora'), claim('generator', 'refuted', { generator: 'sora' })], expect: 'false' },
  { name: 'false beats misleading: refuted origin + refuted place', evidence: [dec('registry_match_original', false, 'registry_match')], claims: [ai('refuted'), claim('location', 'refuted')], expect: 'false' },
  { name: 'AI claim: worst status of its checks (generator refuted, ai supported) → false', claims: [ai('supported'), claim('generator', 'refuted', { generator: 'sora' })], expect: 'false' },
  // misleading
  { name: 'refuted place, nothing else refuted → misleading', claims: [claim('location', 'refuted', { text: 'in Osaka' })], expect: 'misleading', finding: /place/ },
  { name: 'refuted time, nothing else refuted → misleading', claims: [claim('date', 'refuted', { text: 'live now' })], expect: 'misleading', finding: /time/ },
  { name: 'main claim only unlikely → misleading', claims: [ai('unlikely')], expect: 'misleading', finding: /unlikely/ },
  { name: 'AI claim on camera-metadata footage (claim unlikely, quadrant false_ai_claim) → misleading, not false', evidence: [dec('camera_origin', false, 'camera_metadata')], claims: [ai('unlikely')], expect: 'misleading' },
  { name: 'refuted time beats a supported origin claim → misleading', evidence: [dec('c2pa_ai_trusted', true, 'signed_provenance', 'sora')], claims: [ai('supported'), claim('date', 'refuted')], expect: 'misleading' },
  // true
  { name: 'AI claim supported by trusted provenance → true', evidence: [dec('c2pa_ai_trusted', true, 'signed_provenance', 'sora')], claims: [ai('supported')], expect: 'true' },
  { name: 'real claim supported by registry original → true', evidence: [dec('registry_match_original', false, 'registry_match')], claims: [real('supported')], expect: 'true' },
  { name: 'text-only: availability supported → true', claims: [claim('availability', 'supported')], media: false, expect: 'true' },
  { name: 'place supported on camera footage, no origin claim, nothing refuted → true', evidence: [dec('camera_origin', false, 'camera_metadata')], claims: [claim('location', 'supported')], expect: 'true' },
  { name: 'place supported but nothing decides what the media is → unproven', claims: [claim('location', 'supported')], expect: 'unproven' },
  // unproven
  { name: 'real claim backed only by camera metadata → unproven', evidence: [dec('camera_origin', false, 'camera_metadata')], claims: [real('supported')], expect: 'unproven', finding: /metadata/ },
  { name: 'no claim at all → unproven', claims: [], expect: 'unproven' },
  { name: 'AI media, no claim → unproven (never true for undisclosed AI)', evidence: [dec('c2pa_ai_trusted', true, 'signed_provenance', 'sora')], claims: [], expect: 'unproven' },
  { name: 'AI media, place supported, no origin claim → not true (undisclosed AI)', evidence: [dec('c2pa_ai_trusted', true, 'signed_provenance', 'sora')], claims: [claim('location', 'supported')], expect: 'unproven' },
  { name: 'AI claim, nothing decides → unproven', claims: [ai('unverified')], expect: 'unproven' },
  { name: 'visible mark alone → unproven, the mark proves nothing', evidence: [mark('sora')], claims: [claim('generator', 'unverified', { origin: 'mark', generator: 'sora' })], expect: 'unproven', finding: /proves nothing/ },
  { name: 'place and time unverified, nothing else → unproven', claims: [claim('location', 'unverified'), claim('date', 'unverified')], expect: 'unproven' },
  { name: 'visible mark on real footage (registry) → false', evidence: [mark('sora'), dec('registry_match_original', false, 'registry_match')], claims: [claim('generator', 'refuted', { origin: 'mark', generator: 'sora' })], expect: 'false' },
];

describe('rating: precedence scam > false > misleading > true > unproven', () => {
  for (const row of table) {
    it(row.name, () => {
      const claims = row.claims ?? [];
      const ev = row.evidence ?? [];
      const hasMedia = row.media ?? true;
      const { verdict, generator } = decideVerdict({ evidence: ev, claims, hasMedia });
      const r = ratePost({ verdict, generator, claims, evidence: ev, scam: row.scam ?? null, hasMedia });
      assert.equal(r.value, row.expect, `${r.value}: ${r.finding.en}`);
      assert.ok(r.finding.en.length > 10 && r.finding.zh.length > 4);
      // One quotable sentence each.
      assert.equal((r.finding.en.match(/[.!?](\s|$)/g) ?? []).length, 1, r.finding.en);
      assert.match(r.finding.zh, /。$/);
      if (row.finding) assert.match(r.finding.en, row.finding);
      // Never contradicts the quadrant.
      if (r.value === 'true') assert.ok(!['undisclosed_ai', 'false_ai_claim'].includes(verdict.quadrant));
      for (const b of r.basis) if (b.startsWith('claim:')) assert.ok(Number(b.slice(6)) < claims.length && Number(b.slice(6)) >= 0, b);
    });
  }
});

describe('rating finding: one sentence in each language', () => {
  it('cuts a multi-sentence zh reason at the first 。', () => {
    const c = claim('location', 'refuted', { text: 'Paris', reasons: ['GPS is in Israel, not France. GPS tags can be edited.'], reasons_zh: ['GPS位置在以色列，不在法国。GPS信息可以被修改。'] });
    const { verdict, generator } = decideVerdict({ evidence: [], claims: [c], hasMedia: true });
    const r = ratePost({ verdict, generator, claims: [c], evidence: [], hasMedia: true });
    assert.equal(r.finding.zh.match(/。/g)?.length, 1, r.finding.zh);
    assert.doesNotMatch(r.finding.en, /edited/);
  });
});
