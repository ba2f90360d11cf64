import type { Match } from '../domain/match.js';
import { matchVpdq, type VpdqFrame } from '../signals/vpdq/vpdq.js';
import { timeCoverage } from '../signals/vpdq/vpdq.coverage.js';
import type { HashStore } from './hash-store.js';
import type { QueryHashes, QueryVariant } from './query-hasher.js';

export interface MatchOptions {
  /** PDQ Hamming distance for a frame match (ThreatExchange default 31). */
  distance?: number;
  /** Frames under this PDQ quality are ignored by the standard pass (ThreatExchange default 50). */
  quality?: number;
  /** Least query coverage for a video query to count as a match. */
  minQueryCoverage?: number;
}

export const MATCH_DEFAULTS = { distance: 31, quality: 50, minQueryCoverage: 0.3 } as const;
/**
 * Low-detail pass: dim or low-contrast footage (night surveillance, haze) has PDQ quality under 50 on every
 * frame and would never match. Such frames (quality ≥ 20, so not blank) may match at a much stricter distance,
 * and only when most of a multi-frame query aligns.
 */
export const LOW_DETAIL = { quality: 10, distance: 20, imageDistance: 12, minQueryCoverage: 0.5, minFrames: 3 } as const;

/** One reference's best alignment, with the variant (crop/transform) that produced it. */
export interface ScoredMatch extends Match {
  variant: string;
  /** Query frames aligned with this reference, and how many usable frames the variant had. */
  matched_frames: number;
  query_frames: number;
  /** True when only the strict low-detail pass matched. */
  low_detail: boolean;
}

function better(a: ScoredMatch, b: ScoredMatch | null): boolean {
  if (!b) return true;
  if (a.query_coverage !== b.query_coverage) return a.query_coverage > b.query_coverage;
  if (a.reference_coverage !== b.reference_coverage) return a.reference_coverage > b.reference_coverage;
  return a.min_distance < b.min_distance;
}

/** Ranking: coverage of the query first, then of the reference, then the closest frame. */
export function compareMatches(a: Match, b: Match): number {
  return b.query_coverage - a.query_coverage || b.reference_coverage - a.reference_coverage || a.min_distance - b.min_distance;
}

const round = (x: number) => Math.round(x * 1000) / 1000;

function score(v: QueryVariant, refFrames: VpdqFrame[], distance: number, quality: number): { r: ReturnType<typeof matchVpdq>; usable: number } {
  const r = matchVpdq(v.frames, refFrames, { distance, quality });
  return { r, usable: v.frames.filter((f) => f.quality >= quality).length };
}

/**
 * Match hashed query variants against the store. Candidates come from the index (any frame of any variant within
 * the distance); each (reference view, query variant) pair is then aligned by vPDQ matching, and the best pair per
 * reference is kept. A variant is one consistent view of the query (a crop and a dihedral transform) and a
 * reference view one consistent picture (full frame, content without bars, a centred crop), so coverage is never
 * pooled across incompatible views.
 */
export function matchQuery(q: QueryHashes, store: HashStore, opts: MatchOptions = {}): ScoredMatch[] {
  const distance = opts.distance ?? MATCH_DEFAULTS.distance;
  const quality = opts.quality ?? MATCH_DEFAULTS.quality;
  const minCov = opts.minQueryCoverage ?? MATCH_DEFAULTS.minQueryCoverage;
  // ref → reference view → query variants that hit it
  const candidates = new Map<number, Map<number, Map<string, QueryVariant>>>();
  for (const v of q.variants) {
    for (const f of v.frames) {
      if (f.quality < LOW_DETAIL.quality) continue;
      const d = f.quality >= quality ? distance : Math.min(distance, LOW_DETAIL.distance);
      for (const hit of store.query(f.hash, d)) {
        let views = candidates.get(hit.ref);
        if (!views) candidates.set(hit.ref, (views = new Map()));
        let m = views.get(hit.view);
        if (!m) views.set(hit.view, (m = new Map()));
        m.set(v.key, v);
      }
    }
  }
  const out: ScoredMatch[] = [];
  const shownCoverage = new WeakMap<ScoredMatch, number>();
  for (const [ref, views] of candidates) {
    const info = store.refs[ref];
    let best: ScoredMatch | null = null;
    for (const [view, variants] of views) {
      const refFrames = store.framesOf(ref, view);
      const viewName = store.viewName(view);
      for (const v of variants.values()) {
        let { r, usable } = score(v, refFrames, distance, quality);
        let lowDetail = false;
        if (r.queryCoverage === 0) {
          // A still has one frame: it may only match far more strictly than a multi-frame video.
          const d = Math.min(distance, q.kind === 'image' ? LOW_DETAIL.imageDistance : LOW_DETAIL.distance);
          const low = score(v, refFrames, d, LOW_DETAIL.quality);
          const matched = Math.round(low.r.queryCoverage * low.usable);
          const ok = q.kind === 'image' ? matched >= 1 : low.r.queryCoverage >= LOW_DETAIL.minQueryCoverage && matched >= LOW_DETAIL.minFrames;
          if (ok) {
            ({ r, usable } = low);
            lowDetail = true;
          }
        }
        const m: ScoredMatch = {
          reference_id: info.id,
          reference_file: info.file_name,
          label: info.label,
          generator: info.generator,
          source: info.source,
          query_coverage: round(r.queryCoverage),
          reference_coverage: round(r.referenceCoverage),
          min_distance: r.minDistance,
          segments: r.segments.map((s) => ({
            query_start: round(s.query_start),
            query_end: round(s.query_end),
            reference_start: round(s.reference_start),
            reference_end: round(s.reference_end),
          })),
          transform: v.transform === 'original' ? null : v.transform,
          variant: viewName === 'full' ? v.key : `${v.key} vs ref ${viewName}`,
          matched_frames: Math.round(r.queryCoverage * usable),
          query_frames: usable,
          low_detail: lowDetail,
        };
        // What the report shows: the time-aligned share of the reference (frame counts mislead when the two sides
        // were hashed at different rates). Acceptance and ranking keep vPDQ's own figure.
        shownCoverage.set(m, round(Math.max(r.referenceCoverage, timeCoverage(refFrames, r.segments, 'reference', lowDetail ? LOW_DETAIL.quality : quality))));
        if (better(m, best)) best = m;
      }
    }
    if (best && accepted(best, q.kind, minCov)) out.push(best);
  }
  // Ranked on vPDQ's figures, as before; then the time-aligned reference coverage replaces the shown one.
  return out.sort(compareMatches).map((m) => ({ ...m, reference_coverage: shownCoverage.get(m) ?? m.reference_coverage }));
}

function accepted(m: ScoredMatch, kind: 'image' | 'video', minCov: number): boolean {
  if (m.query_coverage <= 0 && m.reference_coverage <= 0) return false;
  if (kind === 'image') return m.query_coverage > 0;
  // A video query: enough of it must be covered, or it must contain the whole (image / very short) reference.
  return m.query_coverage >= minCov || (m.reference_coverage >= 0.99 && m.matched_frames >= 1);
}
