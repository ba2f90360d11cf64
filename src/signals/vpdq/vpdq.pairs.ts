/** Brute-force frame pairing for vPDQ matching: every (query, reference) pair within the distance. */
import { popcount32 } from '../pdq/pdq.js';

export interface FramePairs {
  /** For each query frame (same order as the input), the matching reference frames and distances. */
  pairs: { ref: Int32Array; dist: Uint8Array }[];
  queryMatched: number;
  referenceMatched: number;
  minDistance: number;
}

/** Keep at most this many pairs per query frame (the closest); static scenes otherwise pair with everything. */
export const MAX_PAIRS_PER_QUERY_FRAME = 512;

/** Pack 32-byte hashes into 8 big-endian 32-bit words each. */
export function packHashes(hashes: readonly { hash: Uint8Array }[]): Uint32Array {
  const out = new Uint32Array(hashes.length * 8);
  for (let i = 0; i < hashes.length; i++) {
    const h = hashes[i].hash;
    for (let w = 0; w < 8; w++) {
      const b = w * 4;
      out[i * 8 + w] = ((h[b] << 24) | (h[b + 1] << 16) | (h[b + 2] << 8) | h[b + 3]) >>> 0;
    }
  }
  return out;
}

export function matchPairs(q: readonly { hash: Uint8Array }[], r: readonly { hash: Uint8Array }[], maxD: number): FramePairs {
  const qw = packHashes(q);
  const rw = packHashes(r);
  const refHit = new Uint8Array(r.length);
  const pairs: FramePairs['pairs'] = [];
  let queryMatched = 0;
  let minDistance = 257;
  const tmpRef: number[] = [];
  const tmpDist: number[] = [];
  for (let i = 0; i < q.length; i++) {
    const a = i * 8;
    const a0 = qw[a], a1 = qw[a + 1], a2 = qw[a + 2], a3 = qw[a + 3], a4 = qw[a + 4], a5 = qw[a + 5], a6 = qw[a + 6], a7 = qw[a + 7];
    tmpRef.length = 0;
    tmpDist.length = 0;
    for (let j = 0, b = 0; j < r.length; j++, b += 8) {
      let d = popcount32(a0 ^ rw[b]) + popcount32(a1 ^ rw[b + 1]) + popcount32(a2 ^ rw[b + 2]) + popcount32(a3 ^ rw[b + 3]);
      d += popcount32(a4 ^ rw[b + 4]) + popcount32(a5 ^ rw[b + 5]) + popcount32(a6 ^ rw[b + 6]) + popcount32(a7 ^ rw[b + 7]);
      if (d < minDistance) minDistance = d;
      if (d <= maxD) {
        tmpRef.push(j);
        tmpDist.push(d);
        refHit[j] = 1;
      }
    }
    if (tmpRef.length > 0) queryMatched++;
    let order = tmpRef.map((_, k) => k);
    if (order.length > MAX_PAIRS_PER_QUERY_FRAME) {
      order.sort((x, y) => tmpDist[x] - tmpDist[y] || tmpRef[x] - tmpRef[y]);
      order = order.slice(0, MAX_PAIRS_PER_QUERY_FRAME);
    }
    pairs.push({ ref: Int32Array.from(order, (k) => tmpRef[k]), dist: Uint8Array.from(order, (k) => tmpDist[k]) });
  }
  let referenceMatched = 0;
  for (let j = 0; j < r.length; j++) referenceMatched += refHit[j];
  return { pairs, queryMatched, referenceMatched, minDistance };
}
