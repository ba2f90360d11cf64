/**
 * Exact multi-index hashing over 8 substrings of 32 bits, each probed as a 16-bit bucket key plus a 16-bit
 * remainder stored inline next to the id. Pigeonhole: a hash within d ≤ 8(r+1) − 1 of the query is within r bits
 * on at least one 32-bit substring; with key distance x and remainder distance y, x + y ≤ r. So each substring
 * probes the keys within radius r (697 for r = 3) and filters each bucket on the inline remainder (exact
 * remainder for x = r by binary search, since buckets are sorted by remainder) — candidates needing a full
 * 256-bit check are then rare, and the memory touched per query is mostly sequential.
 * Memory: 32 B per hash + 6 B per hash per substring (48 B). Same contract as MihIndex.
 */
import { type IndexHit, HASH_WORDS, ValueStore, deserializeIndex, packInto, popcount32, serializeIndex } from './signal-index.js';
import { type MultiIndexOptions, PackedMultiIndex } from './packed-multi.index.js';

const KIND_MIH32 = 3;
const SUBSTRINGS = 8;
const BUCKETS = 65536;
const MAX_RADIUS = 3;

/** 16-bit XOR masks grouped by popcount 0..3. */
const MASKS_BY_WEIGHT: Uint16Array[] = [0, 1, 2, 3].map((k) => {
  const out: number[] = [];
  for (let m = 0; m < BUCKETS; m++) if (popcount32(m) === k) out.push(m);
  return Uint16Array.from(out);
});
const POP16 = new Uint8Array(BUCKETS);
for (let m = 1; m < BUCKETS; m++) POP16[m] = POP16[m >> 1] + (m & 1);

export type Mih32Options = MultiIndexOptions;

export class Mih32Index<T> extends PackedMultiIndex<T> {
  private offsets: Uint32Array[] = [];
  private ids: Uint32Array[] = [];
  private rest: Uint16Array[] = [];

  static fromPackedWords(words: Uint32Array, count: number): Mih32Index<number> {
    return new Mih32Index<number>().load(words, count, ValueStore.from<number>(null, count));
  }

  /**
   * Per substring: LSD counting sort on (remainder, then key), carrying id and value so that both passes read
   * sequentially; buckets end up sorted by remainder.
   */
  protected rebuild(): void {
    const n = this.n;
    const w = this.words;
    const tmpIds = new Uint32Array(n);
    const tmpVals = new Uint32Array(n);
    const count = new Uint32Array(BUCKETS + 1);
    for (let s = 0; s < SUBSTRINGS; s++) {
      count.fill(0);
      for (let i = 0, b = s; i < n; i++, b += HASH_WORDS) count[(w[b] & 0xffff) + 1]++;
      for (let k = 0; k < BUCKETS; k++) count[k + 1] += count[k];
      for (let i = 0, b = s; i < n; i++, b += HASH_WORDS) {
        const v = w[b];
        const p = count[v & 0xffff]++;
        tmpIds[p] = i;
        tmpVals[p] = v;
      }
      const off = this.offsets[s]?.length === BUCKETS + 1 ? this.offsets[s].fill(0) : new Uint32Array(BUCKETS + 1);
      for (let t = 0; t < n; t++) off[(tmpVals[t] >>> 16) + 1]++;
      for (let k = 0; k < BUCKETS; k++) off[k + 1] += off[k];
      const cur = off.slice(0, BUCKETS);
      const ids = this.ids[s]?.length === n ? this.ids[s] : new Uint32Array(n);
      const rest = this.rest[s]?.length === n ? this.rest[s] : new Uint16Array(n);
      for (let t = 0; t < n; t++) {
        const v = tmpVals[t];
        const p = cur[v >>> 16]++;
        ids[p] = tmpIds[t];
        rest[p] = v & 0xffff;
      }
      this.offsets[s] = off;
      this.ids[s] = ids;
      this.rest[s] = rest;
    }
    this.indexed = n;
  }

  query(hash: Uint8Array, maxDistance: number): IndexHit<T>[] {
    if (maxDistance < 0) return [];
    this.foldLongTail();
    const q = new Uint32Array(HASH_WORDS);
    packInto(hash, q, 0);
    const w = this.words;
    const found: number[] = [];
    const dists: number[] = [];
    const seen = new Set<number>();
    const r = Math.floor(maxDistance / SUBSTRINGS);
    let checked = 0;
    const verify = (id: number) => {
      if (seen.has(id)) return;
      seen.add(id);
      checked++;
      const b = id * HASH_WORDS;
      let d = 0;
      for (let k = 0; k < HASH_WORDS; k++) d += popcount32(q[k] ^ w[b + k]);
      if (d <= maxDistance) { found.push(id); dists.push(d); }
    };
    const scanFrom = r > MAX_RADIUS ? 0 : this.indexed;
    if (r <= MAX_RADIUS && this.indexed > 0) {
      for (let s = 0; s < SUBSTRINGS; s++) {
        const qk = q[s] >>> 16;
        const qr = q[s] & 0xffff;
        const off = this.offsets[s], ids = this.ids[s], rest = this.rest[s];
        for (let x = 0; x <= r; x++) {
          const ms = MASKS_BY_WEIGHT[x];
          const ymax = r - x;
          for (let k = 0; k < ms.length; k++) {
            const key = qk ^ ms[k];
            let lo = off[key];
            const hi = off[key + 1];
            if (lo === hi) continue;
            if (ymax === 0) {
              // exact remainder: binary search in the bucket (sorted by remainder)
              let a = lo, z = hi;
              while (a < z) { const m = (a + z) >>> 1; if (rest[m] < qr) a = m + 1; else z = m; }
              for (lo = a; lo < hi && rest[lo] === qr; lo++) verify(ids[lo]);
            } else {
              for (let p = lo; p < hi; p++) if (POP16[rest[p] ^ qr] <= ymax) verify(ids[p]);
            }
          }
        }
      }
    }
    for (let id = scanFrom; id < this.n; id++) verify(id);
    this.lastCandidates = checked;
    return this.hitsOf(found, dists);
  }

  serialize(): Buffer {
    return serializeIndex(KIND_MIH32, this.words, this.n, this.values as ValueStore<unknown>);
  }

  static deserialize<T>(buf: Buffer): Mih32Index<T> {
    const { words, n, values } = deserializeIndex<T>(buf, KIND_MIH32);
    return new Mih32Index<T>().load(words, n, values);
  }
}
