import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyzeCaption } from '../../src/analyzers/caption/caption.claims.js';
import { withPlaceTime } from '../../src/analyzers/caption/place-time.claims.js';
import { metadataEvidence } from '../../src/analyzers/metadata/metadata.analyzer.js';
import { extractFacts } from '../../src/analyzers/metadata/metadata.facts.js';
import { PlaceTimeChecker } from '../../src/analyzers/placetime/place-time.checker.js';
import type { Claim } from '../../src/domain/claim.js';
import { evidence, type Evidence } from '../../src/domain/evidence.js';
import type { MediaInfo } from '../../src/domain/media.js';
import { ratePost } from '../../src/verdict/rating.js';
import { decideVerdict } from '../../src/verdict/verdict.engine.js';

const media = { kind: 'video', duration: 10, width: 1280, height: 720, streams: [], formatTags: {} } as unknown as MediaInfo;
const gps = (lat: number, lon: number): Evidence => evidence({ analyzer: 'metadata', code: 'gps_location', direction: 'neutral', weight: 0.2, detail: 'gps', data: { lat, lon, tag: 'GPSLatitude/GPSLongitude' } });
const capture = (date: string): Evidence => evidence({ analyzer: 'metadata', code: 'capture_date', direction: 'neutral', weight: 0.2, detail: 'cap', data: { date, tag: 'CreateDate' } });

function run(caption: string, postedAt: string | null, ev: Evidence[]) {
  const claims = withPlaceTime(analyzeCaption(caption, { origin: 'caption', postedAt }).claims, caption, postedAt);
  const out = new PlaceTimeChecker().check({ post: { file: '/x.mp4', caption, postedAt, urls: [] }, media, claims, evidence: ev });
  const all = [...ev, ...out.evidence];
  const { verdict, generator } = decideVerdict({ evidence: all, claims: out.claims, hasMedia: true });
  return { ...out, rating: ratePost({ verdict, generator, claims: out.claims, evidence: all, hasMedia: true }) };
}
const status = (cs: Claim[], type: Claim['type']) => cs.find((c) => c.type === type)?.status;

describe('place and time against the file', () => {
  it('a 2016 clip captioned "live now" on 2023-05-01 → date refuted as recycled footage → misleading', () => {
    const r = run('LIVE NOW: fire downtown', '2023-05-01', [capture('2016-07-04T10:00:00Z')]);
    const c = r.claims.find((x) => x.type === 'date')!;
    assert.equal(c.status, 'refuted');
    assert.match(c.reasons.join(' '), /recycled footage/);
    assert.match(c.reasons.join(' '), /forged/);
    assert.ok(r.evidence.some((e) => e.code === 'claim_date_mismatch' && e.data.recycled === true));
    assert.equal(r.rating.value, 'misleading');
  });
  it('"right now" with a matching capture date → supported', () => {
    assert.equal(status(run('Typhoon hitting Osaka right now', '2023-05-01', [capture('2023-05-01T02:00:00Z')]).claims, 'date'), 'supported');
  });
  it('place: GPS in Tokyo for "in Osaka" → refuted, misleading; GPS in Osaka → supported', () => {
    const far = run('Typhoon in Osaka', '2023-05-01', [gps(35.68, 139.76)]);
    assert.equal(status(far.claims, 'location'), 'refuted');
    assert.match(far.claims.find((c) => c.type === 'location')!.reasons.join(' '), /edited/);
    assert.equal(far.rating.value, 'misleading');
    assert.equal(status(run('Typhoon in Osaka', '2023-05-01', [gps(34.69, 135.5)]).claims, 'location'), 'supported');
  });
  it('zh place: 四川 with GPS in Xi\'an → refuted', () => {
    assert.equal(status(run('四川地震现场', '2023-05-01', [gps(34.26, 108.94)]).claims, 'location'), 'refuted');
  });
  it('no GPS → unverified; GPS 0,0 → gps_placeholder evidence, never a place', () => {
    assert.equal(status(run('杭州街头偶遇', null, []).claims, 'location'), 'unverified');
    const facts = extractFacts({ GPSLatitude: 0, GPSLongitude: 0, Make: 'Apple', Model: 'iPhone 13' }, media);
    assert.equal(facts.gps, null);
    const ev = metadataEvidence(facts, media);
    assert.ok(ev.some((e) => e.code === 'gps_placeholder'));
    assert.ok(!ev.some((e) => e.code === 'gps_location' || e.code === 'camera_origin'));
    const r = run('杭州街头偶遇', null, ev);
    const c = r.claims.find((x) => x.type === 'location')!;
    assert.equal(c.status, 'unverified');
    assert.match(c.reasons.join(' '), /placeholder/);
  });
  it('several places: supported when the GPS is at any of them', () => {
    assert.equal(status(run('From Tokyo to Osaka by train', '2023-05-01', [gps(34.69, 135.5)]).claims, 'location'), 'supported');
  });
  it('posted_at before the C2PA signing time → posted_before_signed', () => {
    const c2pa = evidence({ analyzer: 'c2pa', code: 'c2pa_ai_trusted', direction: 'ai', weight: 0.9, detail: 'signed', data: { signer: { organization: 'OpenAI', common_name: null, time: '2024-06-10T12:00:00Z' } } });
    assert.ok(run('made with Sora', '2024-06-01', [c2pa]).evidence.some((e) => e.code === 'posted_before_signed'));
    assert.ok(run('made with Sora', '2024-06-10T11:00:00Z', [c2pa]).evidence.some((e) => e.code === 'posted_before_signed'));
    assert.ok(!run('made with Sora', '2024-06-10', [c2pa]).evidence.some((e) => e.code === 'posted_before_signed'));
    assert.ok(!run('made with Sora', '2024-06-10T20:00:00+08:00', [c2pa]).evidence.some((e) => e.code === 'posted_before_signed'));
  });
});
