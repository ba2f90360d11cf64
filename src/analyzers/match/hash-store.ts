import { MihIndex } from '../../signals/index/mih.index.js';
import type { HashIndex } from '../../signals/index/signal-index.js';
import type { VpdqFrame } from '../../signals/vpdq/vpdq.js';

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
  /** Centred-crop percentage of the reference view (100 = full frame). */
  crop: number;
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
  private readonly index: HashIndex<number>;
  private hashes = new Uint8Array(32 * 1024);
  private refOf = new Uint32Array(1024);
  private frameOf = new Uint32Array(1024);
  private timeOf = new Float64Array(1024);
  private qualityOf = new Uint8Array(1024);
  private cropOf = new Uint8Array(1024);
  private n = 0;
  /** Entry numbers of each reference per crop percentage, in insertion order. */
  private readonly entriesOf: Map<number, number[]>[] = [];

  constructor(index?: HashIndex<number>) {
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
    c.set(this.cropOf);
    this.cropOf = c;
  }

  /**
   * Add one frame hash of a reference (the reference is created on first use). `crop` is the kept fraction of a
   * centred crop of the frame (default 1 = the full frame).
   */
  add(ref: StoredReference, f: { frame: number; timestamp: number; quality: number; hash: Uint8Array; crop?: number }): void {
    const r = this.refIndex(ref);
    this.grow(this.n + 1);
    const e = this.n++;
    this.hashes.set(f.hash, e * 32);
    this.refOf[e] = r;
    this.frameOf[e] = f.frame;
    this.timeOf[e] = f.timestamp;
    this.qualityOf[e] = Math.max(0, Math.min(255, Math.round(f.quality)));
    const crop = Math.max(1, Math.min(100, Math.round((f.crop ?? 1) * 100)));
    this.cropOf[e] = crop;
    const views = this.entriesOf[r];
    let list = views.get(crop);
    if (!list) views.set(crop, (list = []));
    list.push(e);
    this.index.add(this.hashes.subarray(e * 32, e * 32 + 32), e);
  }

  /** Finish a bulk load (the index folds pending inserts into its posting lists). */
  finish(): void {
    this.index.build?.();
  }

  /** Every stored frame within `maxDistance` of `hash`. */
  query(hash: Uint8Array, maxDistance: number): IndexHit[] {
    return this.index.query(hash, maxDistance).map(({ value: e, distance }) => ({
      ref: this.refOf[e],
      crop: this.cropOf[e],
      frame: this.frameOf[e],
      timestamp: this.timeOf[e],
      distance,
    }));
  }

  /** Crop percentages stored for a reference (100 = full frame). */
  viewsOf(ref: number): number[] {
    return [...this.entriesOf[ref].keys()];
  }

  /** The frames of one reference view (crop percentage, default the full frame), as vPDQ frames for alignment. */
  framesOf(ref: number, crop = 100): VpdqFrame[] {
    return (this.entriesOf[ref].get(crop) ?? []).map((e) => ({
      frame: this.frameOf[e],
      quality: this.qualityOf[e],
      hash: this.hashes.slice(e * 32, e * 32 + 32),
      timestamp: this.timeOf[e],
    }));
  }
}
