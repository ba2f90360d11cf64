/**
 * Exact multi-index hashing (Norouzi et al.) over 16 bands of 16 bits. By pigeonhole, a hash within distance
 * d ≤ 16(r+1) − 1 of the query agrees with it within r bits on at least one band, so probing every band's
 * buckets within radius r = floor(d / 16) finds all of them; candidates are then checked on all 256 bits.
 * Memory: 32 B per hash + 4 B per hash per band (64 B) in flat typed arrays; hashes added after the last
 * build wait in a small linear tail that is folded in once it grows.
 */
import { type IndexHit, HASH_WORDS, ValueStore, deserializeIndex, packInto, popcount32, serializeIndex } from './signal-index.js';
import { type MultiIndexOptions, PackedMultiIndex } from './packed-multi.index.js';

const KIND_MIH = 2;
const BANDS = 16;
const BUCKETS = 65536;
/** Beyond this probe radius per band (d ≥ 48) a linear scan is cheaper than enumerating buckets. */
const MAX_RADIUS = 2;

/** All 16-bit values within `r` bits of 0, as XOR masks (r ≤ 2). */
function masks(r: number): Uint16Array {
  const out: number[] = [0];
  if (r >= 1) for (let a = 0; a < 16; a++) out.push(1 << a);
  if (r >= 2) for (let a = 0; a < 16; a++) for (let b = a + 1; b < 16; b++) out.push((1 << a) | (1 << b));
  return Uint16Array.from(out);
}
const MASKS = [masks(0), masks(1), masks(2)];

// Scratch buffers for candidate ids (single-threaded: reused between queries).
let cand: Uint32Array = new Uint32Array(1 << 16);
let candTmp: Uint32Array = new Uint32Array(1 << 16);
const radixCount = new Uint32Array(1 << 12);

function grow(a: Uint32Array, min: number): Uint32Array {
  let len = a.length;
  while (len < min) len *= 2;
  const b = new Uint32Array(len);
  b.set(a);
  return b;
}

/** LSD radix sort of cand[0..n) (values < limit), 12 bits per pass; returns the buffer holding the result. */
function radixSort(a: Uint32Array, n: number, limit: number): Uint32Array {
  if (candTmp.length < a.length) candTmp = new Uint32Array(a.length);
  let src = a, dst = candTmp;
  for (let shift = 0; shift < 32 && (limit - 1) >>> shift > 0; shift += 12) {
    radixCount.fill(0);
    for (let i = 0; i < n; i++) radixCount[(src[i] >>> shift) & 4095]++;
    let sum = 0;
    for (let k = 0; k < 4096; k++) { const c = radixCount[k]; radixCount[k] = sum; sum += c; }
    for (let i = 0; i < n; i++) { const v = src[i]; dst[radixCount[(v >>> shift) & 4095]++] = v; }
    const t = src; src = dst; dst = t;
  }
  // keep the module buffers pointing at distinct arrays
  if (src === candTmp) { candTmp = cand; cand = src; }
  return src;
}

export type MihOptions = MultiIndexOptions;

export class MihIndex<T> extends PackedMultiIndex<T> {
  /** Per band: BUCKETS + 1 offsets into `ids` (CSR layout). */
  private offsets: Uint32Array[] = [];
  private ids: Uint32Array[] = [];

  /**
   * Take ownership of `count` hashes already packed as 8 big-endian u32 words each (see packInto) and build
   * the posting lists; values are the entry numbers. The fast path for bulk loads (no copy).
   */
  static fromPackedWords(words: Uint32Array, count: number): MihIndex<number> {
    return new MihIndex<number>().load(words, count, ValueStore.from<number>(null, count));
  }

  /** Counting sort of all entries into the 16 posting lists. */
  protected rebuild(): void {
    const n = this.n;
    const w = this.words;
    for (let band = 0; band < BANDS; band++) {
      const word = band >> 1;
      const shift = band & 1 ? 0 : 16;
      const off = this.offsets[band]?.length === BUCKETS + 1 ? this.offsets[band].fill(0) : new Uint32Array(BUCKETS + 1);
      for (let i = 0, b = word; i < n; i++, b += HASH_WORDS) off[((w[b] >>> shift) & 0xffff) + 1]++;
      for (let k = 0; k < BUCKETS; k++) off[k + 1] += off[k];
      const ids = this.ids[band]?.length === n ? this.ids[band] : new Uint32Array(n);
      const cur = off.slice(0, BUCKETS);
      for (let i = 0, b = word; i < n; i++, b += HASH_WORDS) ids[cur[(w[b] >>> shift) & 0xffff]++] = i;
      this.offsets[band] = off;
      this.ids[band] = ids;
    }
    this.indexed = n;
  }

  query(hash: Uint8Array, maxDistance: number): IndexHit<T>[] {
    this.foldLongTail();
    const q = new Uint32Array(HASH_WORDS);
    packInto(hash, q, 0);
    const q0 = q[0], q1 = q[1], q2 = q[2], q3 = q[3], q4 = q[4], q5 = q[5], q6 = q[6], q7 = q[7];
    const w = this.words;
    const found: number[] = [];
    const dists: number[] = [];
    const r = Math.floor(maxDistance / BANDS);
    if (maxDistance < 0) return [];
    const scanFrom = r > MAX_RADIUS ? 0 : this.indexed;
    if (r <= MAX_RADIUS && this.indexed > 0) {
      // 1) gather candidate ids from every band's buckets within radius r (sequential reads of the lists)
      const m = MASKS[r];
      let nc = 0;
      for (let band = 0; band < BANDS; band++) {
        const qb = (q[band >> 1] >>> (band & 1 ? 0 : 16)) & 0xffff;
        const off = this.offsets[band];
        const ids = this.ids[band];
        for (let k = 0; k < m.length; k++) {
          const key = qb ^ m[k];
          const start = off[key], end = off[key + 1];
          if (end === start) continue;
          if (nc + (end - start) > cand.length) cand = grow(cand, nc + (end - start));
          for (let p = start; p < end; p++) cand[nc++] = ids[p];
        }
      }
      // 2) sort them (radix): the hash reads below then walk memory in order, which spares most TLB and
      //    cache misses, and duplicates (ids found through several bands) become neighbours
      this.lastCandidates = nc;
      const sorted = radixSort(cand, nc, this.indexed);
      // 3) verify on all 256 bits
      let prev = -1;
      for (let i = 0; i < nc; i++) {
        const id = sorted[i];
        if (id === prev) continue;
        prev = id;
        const b = id * HASH_WORDS;
        let d = popcount32(q0 ^ w[b]) + popcount32(q1 ^ w[b + 1]) + popcount32(q2 ^ w[b + 2]) + popcount32(q3 ^ w[b + 3]);
        if (d > maxDistance) continue;
        d += popcount32(q4 ^ w[b + 4]) + popcount32(q5 ^ w[b + 5]) + popcount32(q6 ^ w[b + 6]) + popcount32(q7 ^ w[b + 7]);
        if (d > maxDistance) continue;
        found.push(id);
        dists.push(d);
      }
    }
    for (let id = scanFrom, b = scanFrom * HASH_WORDS; id < this.n; id++, b += HASH_WORDS) {
      let d = popcount32(q0 ^ w[b]) + popcount32(q1 ^ w[b + 1]) + popcount32(q2 ^ w[b + 2]) + popcount32(q3 ^ w[b + 3]);
      if (d > maxDistance) continue;
      d += popcount32(q4 ^ w[b + 4]) + popcount32(q5 ^ w[b + 5]) + popcount32(q6 ^ w[b + 6]) + popcount32(q7 ^ w[b + 7]);
      if (d <= maxDistance) { found.push(id); dists.push(d); }
    }
    return this.hitsOf(found, dists);
  }

  serialize(): Buffer {
    return serializeIndex(KIND_MIH, this.words, this.n, this.values as ValueStore<unknown>);
  }

  /** Read an index written by serialize(); the posting lists are rebuilt (≈ 1 s per 10 M hashes). */
  static deserialize<T>(buf: Buffer): MihIndex<T> {
    const { words, n, values } = deserializeIndex<T>(buf, KIND_MIH);
    return new MihIndex<T>().load(words, n, values);
  }
}
