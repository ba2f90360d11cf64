import { type HashIndex, type IndexHit, HASH_WORDS, ValueStore, appendPacked } from './signal-index.js';

export interface MultiIndexOptions {
  /** Fold the linear tail into the posting lists once it exceeds max(minTail, size × tailFraction). */
  minTail?: number;
  tailFraction?: number;
}

/**
 * Storage shared by the multi-index layouts: hashes packed as 8 big-endian u32 words each, their values, and a
 * linear tail of entries added since the last rebuild of the posting lists. Subclasses own the posting lists
 * (`rebuild`) and the probe (`query`).
 */
export abstract class PackedMultiIndex<T> implements HashIndex<T> {
  protected words: Uint32Array = new Uint32Array(HASH_WORDS * 1024);
  protected values = new ValueStore<T>();
  protected n = 0;
  /** Entries [0, indexed) are in the posting lists; [indexed, n) are scanned linearly. */
  protected indexed = 0;
  /** Candidates examined by the last query (for benchmarks). */
  lastCandidates = 0;
  private readonly minTail: number;
  private readonly tailFraction: number;

  constructor(opts: MultiIndexOptions = {}) {
    this.minTail = opts.minTail ?? 4096;
    this.tailFraction = opts.tailFraction ?? 0.01;
  }

  get size(): number {
    return this.n;
  }

  /** The packed hashes (8 big-endian u32 words per entry, entries [0, size)); do not modify. */
  get packedWords(): Uint32Array {
    return this.words;
  }

  add(hash: Uint8Array, value: T): void {
    this.words = appendPacked(this.words, this.n, hash);
    this.values.push(value);
    this.n++;
  }

  build(entries?: Iterable<readonly [Uint8Array, T]>): void {
    if (entries) {
      this.words = new Uint32Array(HASH_WORDS * 1024);
      this.values = new ValueStore<T>();
      this.n = 0;
      this.indexed = 0;
      for (const [h, v] of entries) this.add(h, v);
    }
    this.rebuild();
  }

  abstract query(hash: Uint8Array, maxDistance: number): IndexHit<T>[];
  abstract serialize(): Buffer;

  /** Rebuild the posting lists over entries [0, n) and set `indexed = n`. */
  protected abstract rebuild(): void;

  /** Fold the linear tail in when it has grown past the threshold (called at the start of a query). */
  protected foldLongTail(): void {
    if (this.n - this.indexed > Math.max(this.minTail, this.n * this.tailFraction)) this.rebuild();
  }

  /** Take ownership of packed words (bulk load or deserialise) and build the posting lists. */
  protected load(words: Uint32Array, n: number, values: ValueStore<T>): this {
    this.words = words;
    this.n = n;
    this.values = values;
    this.rebuild();
    return this;
  }

  /** Hits for the entry numbers found, closest first. */
  protected hitsOf(found: number[], dists: number[]): IndexHit<T>[] {
    const hits: IndexHit<T>[] = new Array(found.length);
    for (let i = 0; i < found.length; i++) hits[i] = { value: this.values.get(found[i]), distance: dists[i] };
    return hits.sort((a, b) => a.distance - b.distance);
  }
}
