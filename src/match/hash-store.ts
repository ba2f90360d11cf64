import { MihIndex } from '../signals/index/mih.index.js';
import { Mih32Index } from '../signals/index/mih32.index.js';
import type { HashIndex } from '../signals/index/signal-index.js';
import type { VpdqFrame } from '../signals/vpdq/vpdq.js';

/** Hashes up to which the store's own index is the 16-band one (see HashStore's constructor). */
export const SMALL_INDEX_MAX = 1 << 18;

/** What the store keeps about each reference (a subset of the registry row). */
export interface StoredReference {
  id: string;
  file_name: string;
  label: 'original' | 'ai' | 'scam_poster';
  generator: string | null;
  source: string | null;
  kind: 'image' | 'video' | 'hashes';
}

export interface IndexHit {
  ref: number;
  /** View id (see viewName): which picture of the reference frame was hashed (full frame, content, crops). */
  view: number;
  frame: number;
  timestamp: number;
  distance: number;
}

/**
 * All reference hashes in memory: one multi-index-hashing index over every frame hash plus compact typed arrays
 * (no object per hash) so a reference's frames can be rebuilt for alignment. Built from the database at open and
 * appended to on insert; the index implementation is swappable through HashIndex.
 */
export class HashStore {
  readonly refs: StoredReference[] = [];
  private readonly byId = new Map<string, number>();
  private index: HashIndex<number>;
  /** Past this many hashes the store's own index moves to the 32-bit substring one (never for an index given). */
  private readonly smallIndexMax: number;
  private hashes = new Uint8Array(32 * 1024);
  private refOf = new Uint32Array(1024);
  private frameOf = new Uint32Array(1024);
  private timeOf = new Float64Array(1024);
  private qualityOf = new Uint8Array(1024);
  private viewOf = new Uint8Array(1024);
  private readonly viewNames: string[] = [];
  private readonly viewIds = new Map<string, number>();
  private n = 0;
  /** Entry numbers of each reference per view id, in insertion order. */
  private readonly entriesOf: Map<number, number[]>[] = [];

  /**
   * Without an index, the store starts on 16 bands of 16 bits (272 bucket probes per query at distance 31) and
   * moves to 8 substrings of 32 bits (5,576 probes, but fewer candidates and 48 instead of 64 bytes per hash) past
   * `smallIndexMax` hashes (default SMALL_INDEX_MAX). Measured on 5,760 queries (one check's variants) over
   * clustered frame hashes: 2,750 hashes 169 → 70 ms, 100 k 355 → 206 ms, 400 k 1.39 → 0.55 s; at 10 M random
   * hashes the 16-bit buckets hold ~150 entries each and the 32-bit index is the one that meets bench:index's targets.
   */
  constructor(index?: HashIndex<number>, opts: { smallIndexMax?: number } = {}) {
    this.smallIndexMax = index ? Infinity : opts.smallIndexMax ?? SMALL_INDEX_MAX;
    this.index = index ?? new MihIndex<number>();
  }

  get size(): number {
    return this.n;
  }

  has(id: string): boolean {
    return this.byId.has(id);
  }

  refIndex(ref: StoredReference): number {
    let i = this.byId.get(ref.id);
    if (i === undefined) {
      i = this.refs.length;
      this.refs.push(ref);
      this.byId.set(ref.id, i);
      this.entriesOf.push(new Map());
    }
    return i;
  }

  private grow(min: number): void {
    if (min <= this.refOf.length) return;
    const cap = Math.max(min, this.refOf.length * 2);
    const h = new Uint8Array(cap * 32);
    h.set(this.hashes);
    this.hashes = h;
    const r = new Uint32Array(cap);
    r.set(this.refOf);
    this.refOf = r;
    const f = new Uint32Array(cap);
    f.set(this.frameOf);
    this.frameOf = f;
    const t = new Float64Array(cap);
    t.set(this.timeOf);
    this.timeOf = t;
    const q = new Uint8Array(cap);
    q.set(this.qualityOf);
    this.qualityOf = q;
    const c = new Uint8Array(cap);
    c.set(this.viewOf);
    this.viewOf = c;
  }

  /** Name of a view id: `full`, `content` (bars removed), with `@NN` for a centred NN % crop. */
  viewName(id: number): string {
    return this.viewNames[id];
  }

  private viewId(name: string): number {
    let id = this.viewIds.get(name);
    if (id === undefined) {
      id = this.viewNames.length;
      if (id > 255) throw new Error('too many reference views');
      this.viewNames.push(name);
      this.viewIds.set(name, id);
    }
    return id;
  }

  /**
   * Add one frame hash of a reference (the reference is created on first use). `view` names the picture that
   * was hashed (default `full`, the whole frame).
   */
  add(ref: StoredReference, f: { frame: number; timestamp: number; quality: number; hash: Uint8Array; view?: string }): void {
    const r = this.refIndex(ref);
    this.grow(this.n + 1);
    const e = this.n++;
    this.hashes.set(f.hash, e * 32);
    this.refOf[e] = r;
    this.frameOf[e] = f.frame;
    this.timeOf[e] = f.timestamp;
    this.qualityOf[e] = Math.max(0, Math.min(255, Math.round(f.quality)));
    const view = this.viewId(f.view ?? 'full');
    this.viewOf[e] = view;
    const views = this.entriesOf[r];
    let list = views.get(view);
    if (!list) views.set(view, (list = []));
    list.push(e);
    this.index.add(this.hashes.subarray(e * 32, e * 32 + 32), e);
    if (this.n === this.smallIndexMax + 1) this.index = this.indexOfEntries(new Mih32Index<number>());
  }

  private indexOfEntries(index: HashIndex<number>): HashIndex<number> {
    const hashes = this.hashes;
    const n = this.n;
    index.build?.((function* () {
      for (let e = 0; e < n; e++) yield [hashes.subarray(e * 32, e * 32 + 32), e] as const;
    })());
    return index;
  }

  /** Finish a bulk load (the index folds pending inserts into its posting lists). */
  finish(): void {
    this.index.build?.();
  }

  /** Every stored frame within `maxDistance` of `hash`. */
  query(hash: Uint8Array, maxDistance: number): IndexHit[] {
    return this.index.query(hash, maxDistance).map(({ value: e, distance }) => ({
      ref: this.refOf[e],
      view: this.viewOf[e],
      frame: this.frameOf[e],
      timestamp: this.timeOf[e],
      distance,
    }));
  }

  /** View ids stored for a reference. */
  viewsOf(ref: number): number[] {
    return [...this.entriesOf[ref].keys()];
  }

  /** The frames of one reference view (default the full frame), as vPDQ frames for alignment. */
  framesOf(ref: number, view?: number): VpdqFrame[] {
    const v = view ?? this.viewIds.get('full') ?? 0;
    return (this.entriesOf[ref].get(v) ?? []).map((e) => ({
      frame: this.frameOf[e],
      quality: this.qualityOf[e],
      hash: this.hashes.slice(e * 32, e * 32 + 32),
      timestamp: this.timeOf[e],
    }));
  }
}
