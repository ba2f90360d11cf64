/** Brute-force index: scans every hash. Exact by construction; the oracle for the index contract tests. */
import {
  type HashIndex, type IndexHit, HASH_WORDS, ValueStore, deserializeIndex, packInto, popcount32, serializeIndex,
} from './signal-index.js';

const KIND_LINEAR = 1;

export class LinearIndex<T> implements HashIndex<T> {
  private words: Uint32Array = new Uint32Array(HASH_WORDS * 64);
  private values = new ValueStore<T>();
  private n = 0;

  get size(): number {
    return this.n;
  }

  add(hash: Uint8Array, value: T): void {
    if ((this.n + 1) * HASH_WORDS > this.words.length) {
      const w = new Uint32Array(this.words.length * 2);
      w.set(this.words);
      this.words = w;
    }
    packInto(hash, this.words, this.n * HASH_WORDS);
    this.values.push(value);
    this.n++;
  }

  build(entries?: Iterable<readonly [Uint8Array, T]>): void {
    if (!entries) return;
    this.words = new Uint32Array(HASH_WORDS * 64);
    this.values = new ValueStore<T>();
    this.n = 0;
    for (const [h, v] of entries) this.add(h, v);
  }

  query(hash: Uint8Array, maxDistance: number): IndexHit<T>[] {
    const q = new Uint32Array(HASH_WORDS);
    packInto(hash, q, 0);
    const w = this.words;
    const hits: IndexHit<T>[] = [];
    for (let i = 0, b = 0; i < this.n; i++, b += HASH_WORDS) {
      let d = 0;
      for (let k = 0; k < HASH_WORDS; k++) d += popcount32(q[k] ^ w[b + k]);
      if (d <= maxDistance) hits.push({ value: this.values.get(i), distance: d });
    }
    return hits.sort((a, b) => a.distance - b.distance);
  }

  serialize(): Buffer {
    return serializeIndex(KIND_LINEAR, this.words, this.n, this.values as ValueStore<unknown>);
  }

  static deserialize<T>(buf: Buffer): LinearIndex<T> {
    const { words, n, values } = deserializeIndex<T>(buf, KIND_LINEAR);
    const idx = new LinearIndex<T>();
    idx.words = words;
    idx.n = n;
    idx.values = values;
    return idx;
  }
}
