import type { Claim } from '../../domain/claim.js';
import { placeTimeClaims } from './place-time.extract.js';

/**
 * Add the caption's place and time claims to what the claim reader found. A time the reader already claimed
 * (an explicit date, "filmed today") is not claimed twice.
 */
export function withPlaceTime(claims: Claim[], caption: string, postedAt: string | null): Claim[] {
  const taken = claims.filter((c) => c.type === 'date' && c.span);
  const extra = placeTimeClaims(caption, postedAt).filter((c) =>
    c.type !== 'date' || !taken.some((t) => c.span!.start < t.span!.end && c.span!.end > t.span!.start));
  return [...claims, ...extra];
}
