/**
 * Time alignment of vPDQ matches: chains query frames whose matching reference frames keep a consistent
 * offset (reference time − query time). Offsets, not frame numbers, so frame-rate changes and trimming keep
 * segments intact.
 */
import type { FramePairs } from './vpdq.pairs.js';

export interface AlignedSegment {
  query_start: number;
  query_end: number;
  reference_start: number;
  reference_end: number;
}

interface Seg {
  offset: number;
  qs: number; qe: number; rs: number; re: number;
  count: number;
  sumD: number;
}

function medianInterval(ts: number[]): number {
  if (ts.length < 2) return 0;
  const s = [...ts].sort((a, b) => a - b);
  const d: number[] = [];
  for (let i = 1; i < s.length; i++) if (s[i] > s[i - 1]) d.push(s[i] - s[i - 1]);
  if (d.length === 0) return 0;
  d.sort((a, b) => a - b);
  return d[d.length >> 1];
}

/** Number of sorted values strictly between lo and hi. */
function countBetween(sorted: number[], lo: number, hi: number): number {
  return lowerBound(sorted, hi) - upperBound(sorted, lo);
}
function lowerBound(a: number[], x: number): number {
  let l = 0, h = a.length;
  while (l < h) { const m = (l + h) >> 1; if (a[m] < x) l = m + 1; else h = m; }
  return l;
}
function upperBound(a: number[], x: number): number {
  let l = 0, h = a.length;
  while (l < h) { const m = (l + h) >> 1; if (a[m] <= x) l = m + 1; else h = m; }
  return l;
}

const r3 = (x: number) => Math.round(x * 1000) / 1000;

export function alignSegments(
  q: readonly { timestamp: number }[],
  r: readonly { timestamp: number }[],
  fp: Pick<FramePairs, 'pairs'>,
  opts: { offsetTolerance?: number; maxGap?: number } = {},
): AlignedSegment[] {
  const qInt = medianInterval(q.map((f) => f.timestamp));
  const rInt = medianInterval(r.map((f) => f.timestamp));
  const tol = opts.offsetTolerance ?? Math.max(0.5, 1.5 * Math.max(qInt, rInt));
  const maxGap = opts.maxGap ?? Math.max(2, 3 * qInt);
  const qts = q.map((f) => f.timestamp).sort((a, b) => a - b);
  const order = q.map((_, i) => i).filter((i) => fp.pairs[i].ref.length > 0).sort((a, b) => q[a].timestamp - q[b].timestamp);
  let active: Seg[] = [];
  const done: Seg[] = [];
  for (const i of order) {
    const tq = q[i].timestamp;
    const { ref, dist } = fp.pairs[i];
    // retire segments whose last match is too far behind, unless the frames in between were unusable
    // (dropped for low quality): a fade to black is not a cut
    const still: Seg[] = [];
    for (const s of active) (tq - s.qe > maxGap && countBetween(qts, s.qe, tq) >= 3 ? done : still).push(s);
    active = still;
    const used = new Uint8Array(ref.length);
    const extended = new Set<Seg>();
    for (const s of active) {
      let best = -1;
      let bestScore = Infinity;
      for (let k = 0; k < ref.length; k++) {
        const o = r[ref[k]].timestamp - tq;
        const dev = Math.abs(o - s.offset);
        if (dev > tol) continue;
        const score = dev + dist[k] * 1e-3;
        if (score < bestScore) { bestScore = score; best = k; }
      }
      if (best < 0) continue;
      const tr = r[ref[best]].timestamp;
      s.offset = tr - tq;
      s.qe = tq;
      s.re = tr;
      s.count++;
      s.sumD += dist[best];
      extended.add(s);
    }
    // pairs close to an offset already carried by a segment are explained; the rest may start new segments
    const fresh: number[] = [];
    for (let k = 0; k < ref.length; k++) {
      const o = r[ref[k]].timestamp - tq;
      let explained = false;
      for (const s of active) if (Math.abs(o - s.offset) <= tol) { explained = true; break; }
      if (!explained) { fresh.push(k); used[k] = 1; }
    }
    fresh.sort((a, b) => r[ref[a]].timestamp - r[ref[b]].timestamp);
    let g = 0;
    while (g < fresh.length) {
      // one new segment per cluster of offsets within tol; its seed is the closest pair of the cluster
      const o0 = r[ref[fresh[g]]].timestamp - tq;
      let h = g;
      let best = fresh[g];
      while (h < fresh.length && r[ref[fresh[h]]].timestamp - tq - o0 <= tol) {
        if (dist[fresh[h]] < dist[best]) best = fresh[h];
        h++;
      }
      const tr = r[ref[best]].timestamp;
      active.push({ offset: tr - tq, qs: tq, qe: tq, rs: tr, re: tr, count: 1, sumD: dist[best] });
      g = h;
    }
  }
  done.push(...active);
  done.sort((a, b) => b.count - a.count || a.sumD / a.count - b.sumD / b.count || a.qs - b.qs);
  const multi = done.some((s) => s.count >= 2);
  const accepted: Seg[] = [];
  for (const s of done) {
    if (multi && s.count < 2) continue;
    if (accepted.some((a) => s.qs < a.qe && a.qs < s.qe || (s.qs === s.qe && s.qs >= a.qs && s.qs <= a.qe))) continue;
    accepted.push(s);
    if (!multi) break;
  }
  accepted.sort((a, b) => a.qs - b.qs);
  return accepted.map((s) => ({ query_start: r3(s.qs), query_end: r3(s.qe), reference_start: r3(s.rs), reference_end: r3(s.re) }));
}
