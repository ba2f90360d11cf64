import type { AlignedSegment } from './vpdq.align.js';

/**
 * Coverage in time: the fraction of one side's (usable) frames that lie inside the aligned segments, each
 * widened by half a frame interval. vPDQ's own coverage counts distinct matched frames, which misleads when the
 * two sides were hashed at different rates — a repost hashed once a second aligned over 0–5.2 s of a 6 s
 * original hashed at 25 fps matched 12 of 150 reference frames and read "8 %" though it covers 87 % of it.
 */
export function timeCoverage(frames: readonly { timestamp: number; quality: number }[], segments: readonly AlignedSegment[], side: 'query' | 'reference', minQuality: number): number {
  const ts = frames.filter((f) => f.quality >= minQuality).map((f) => f.timestamp).sort((a, b) => a - b);
  if (ts.length === 0 || segments.length === 0) return 0;
  const gaps: number[] = [];
  for (let i = 1; i < ts.length; i++) if (ts[i] > ts[i - 1]) gaps.push(ts[i] - ts[i - 1]);
  gaps.sort((a, b) => a - b);
  const half = gaps.length ? gaps[gaps.length >> 1] / 2 : 0;
  const spans = segments.map((s) => (side === 'query' ? [s.query_start, s.query_end] : [s.reference_start, s.reference_end]));
  const inside = ts.filter((t) => spans.some(([a, b]) => t >= a - half - 1e-6 && t <= b + half + 1e-6)).length;
  return inside / ts.length;
}
