import type { Claim } from '../../domain/claim.js';
import type { Evidence } from '../../domain/evidence.js';
import type { MediaInfo } from '../../domain/media.js';
import type { Post } from '../../domain/post.js';
import type { ClaimChecker } from '../analyzer.js';
import { mediaDates, type Finding } from '../kb/claim-findings.js';
import { applyFindings, findingEvidence } from '../kb/kb-claims.checker.js';
import { locationFindings, type Gps, type PlaceValue } from './place.judge.js';
import { claimWindow, dateFindings, postedBeforeSigned } from './time.judge.js';

/**
 * Place and time against the file (CONTRACTS.md "Wave 2"): `location` claims against the GPS position
 * (`gps_location`; a 0,0 placeholder is never a place), `date` claims against the capture date, and the post
 * date against the C2PA signing time (`posted_before_signed`). GPS and dates are metadata, which can be
 * forged: every reason says so.
 */
export class PlaceTimeChecker implements ClaimChecker {
  readonly name = 'placetime';

  check(input: { post: Post; media: MediaInfo | null; claims: Claim[]; evidence: Evidence[] }): { claims: Claim[]; evidence: Evidence[] } {
    const out: Evidence[] = [...postedBeforeSigned(input.evidence, input.post.postedAt)];
    if (!input.media) return { claims: input.claims, evidence: out };
    const gps = gpsOf(input.evidence);
    const placeholder = input.evidence.some((e) => e.code === 'gps_placeholder');
    const dates = mediaDates(input.evidence);
    const claims = input.claims.map((c) => {
      let findings: Finding[] = [];
      if (c.type === 'location') findings = locationFindings(placesOf(c), gps, placeholder);
      else if (c.type === 'date') findings = dateFindings(c.text, claimWindow(c.value), dates);
      else return c;
      const checked = applyFindings(c, findings);
      for (const f of findings) if (f.code && f.status === checked.status) out.push(findingEvidence(f, c));
      return checked;
    });
    return { claims, evidence: out };
  }
}

function gpsOf(evidence: readonly Evidence[]): Gps | null {
  const e = evidence.find((x) => x.code === 'gps_location');
  const lat = Number(e?.data.lat);
  const lon = Number(e?.data.lon);
  if (!e || !Number.isFinite(lat) || !Number.isFinite(lon) || (lat === 0 && lon === 0)) return null;
  return { lat, lon, tag: String(e.data.tag ?? 'GPS') };
}

function placesOf(c: Claim): { text: string; candidates: PlaceValue[] }[] {
  const places = c.value?.places;
  return Array.isArray(places) ? (places as { text: string; candidates: PlaceValue[] }[]).filter((p) => p.candidates?.length) : [];
}
