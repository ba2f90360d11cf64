/**
 * Swappable index over 256-bit hashes, in the style of ThreatExchange's `SignalTypeIndex`
 * (build / add / query / serialize). Every hit reports its distance.
 */
import { ValidationError } from '../../domain/errors.js';

export interface IndexHit<T> {
  value: T;
  distance: number;
}

export interface HashIndex<T> {
  /** Add one 32-byte hash with its value. */
  add(hash: Uint8Array, value: T): void;
  /** Replace the content with `entries`; without arguments, finish pending work (e.g. rebuild posting lists). */
  build?(entries?: Iterable<readonly [Uint8Array, T]>): void;
  /** Every stored hash within `maxDistance` (inclusive), closest first. Exact: no false negatives. */
  query(hash: Uint8Array, maxDistance: number): IndexHit<T>[];
  readonly size: number;
  /** Self-contained binary form; the implementation's static `deserialize` reads it back. */
  serialize(): Buffer;
}

export const HASH_BYTES = 32;
export const HASH_WORDS = 8;

export { popcount32 } from '../pdq/pdq.js';

/** Write a 32-byte hash as 8 big-endian 32-bit words at `words[at..at+8)`. */
export function packInto(hash: Uint8Array, words: Uint32Array, at: number): void {
  if (hash.length !== HASH_BYTES) throw new ValidationError('invalid_hash_list', `Expected a ${HASH_BYTES}-byte hash, got ${hash.length} bytes`);
  for (let w = 0; w < HASH_WORDS; w++) {
    const b = w * 4;
    words[at + w] = ((hash[b] << 24) | (hash[b + 1] << 16) | (hash[b + 2] << 8) | hash[b + 3]) >>> 0;
  }
}

/**
 * Append a hash to a packed word array, growing it when full (double while small, then by a quarter so 10 M
 * hashes do not reserve room for 16 M). Returns the array to keep (the same one unless it grew).
 */
export function appendPacked(words: Uint32Array, n: number, hash: Uint8Array): Uint32Array {
  let w = words;
  if ((n + 1) * HASH_WORDS > w.length) {
    const factor = n < 1 << 20 ? 2 : 1.25;
    w = new Uint32Array(Math.max(Math.ceil((words.length * factor) / HASH_WORDS) * HASH_WORDS, HASH_WORDS * 1024));
    w.set(words.subarray(0, n * HASH_WORDS));
  }
  packInto(hash, w, n * HASH_WORDS);
  return w;
}

/** Read 8 words back into a 32-byte hash. */
export function unpack(words: Uint32Array, at: number): Uint8Array {
  const h = new Uint8Array(HASH_BYTES);
  for (let w = 0; w < HASH_WORDS; w++) {
    const v = words[at + w];
    h[w * 4] = v >>> 24;
    h[w * 4 + 1] = (v >>> 16) & 255;
    h[w * 4 + 2] = (v >>> 8) & 255;
    h[w * 4 + 3] = v & 255;
  }
  return h;
}

/**
 * Values kept compactly: while every value equals its entry number (the common case: callers keep their own
 * tables and store row numbers) nothing is stored at all; otherwise a plain array.
 */
export class ValueStore<T> {
  private values: T[] | null = null;
  private n = 0;

  get size(): number {
    return this.n;
  }

  push(v: T): void {
    if (this.values === null && (v as unknown) === this.n) {
      this.n++;
      return;
    }
    if (this.values === null) this.values = Array.from({ length: this.n }, (_, i) => i as unknown as T);
    this.values.push(v);
    this.n++;
  }

  get(i: number): T {
    return this.values === null ? (i as unknown as T) : this.values[i];
  }

  clear(): void {
    this.values = null;
    this.n = 0;
  }

  /** JSON of the values, or null for the identity case. */
  toJson(): string | null {
    return this.values === null ? null : JSON.stringify(this.values);
  }

  static from<T>(json: string | null, n: number): ValueStore<T> {
    const s = new ValueStore<T>();
    if (json === null) {
      s.n = n;
      return s;
    }
    const arr = JSON.parse(json) as T[];
    if (!Array.isArray(arr) || arr.length !== n) throw new ValidationError('registry_corrupt', 'Index values do not match the hash count');
    s.values = arr;
    s.n = n;
    return s;
  }
}

const MAGIC = 0x47504958; // "GPIX"

/** Binary layout: magic, version, kind, count, words (8 × u32 per hash, little-endian), values JSON. */
export function serializeIndex(kind: number, words: Uint32Array, n: number, values: ValueStore<unknown>): Buffer {
  const json = values.toJson();
  const jsonBuf = json === null ? Buffer.alloc(0) : Buffer.from(json, 'utf8');
  const head = Buffer.alloc(24);
  head.writeUInt32LE(MAGIC, 0);
  head.writeUInt32LE(1, 4);
  head.writeUInt32LE(kind, 8);
  head.writeUInt32LE(n, 12);
  head.writeUInt32LE(json === null ? 0 : 1, 16);
  head.writeUInt32LE(jsonBuf.length, 20);
  const body = Buffer.from(words.buffer, words.byteOffset, n * HASH_WORDS * 4);
  return Buffer.concat([head, body, jsonBuf]);
}

export function deserializeIndex<T>(buf: Buffer, kind: number): { words: Uint32Array; n: number; values: ValueStore<T> } {
  if (buf.length < 24 || buf.readUInt32LE(0) !== MAGIC) throw new ValidationError('registry_corrupt', 'Not a genproof hash index');
  if (buf.readUInt32LE(4) !== 1) throw new ValidationError('registry_corrupt', `Unsupported index version ${buf.readUInt32LE(4)}`);
  if (buf.readUInt32LE(8) !== kind) throw new ValidationError('registry_corrupt', 'Index was written by another implementation');
  const n = buf.readUInt32LE(12);
  const hasJson = buf.readUInt32LE(16) === 1;
  const jsonLen = buf.readUInt32LE(20);
  const bodyLen = n * HASH_WORDS * 4;
  if (buf.length !== 24 + bodyLen + jsonLen) throw new ValidationError('registry_corrupt', 'Index length does not match its header');
  const words = new Uint32Array(Math.max(n * HASH_WORDS, HASH_WORDS));
  Buffer.from(words.buffer, 0, bodyLen).set(buf.subarray(24, 24 + bodyLen));
  const values = ValueStore.from<T>(hasJson ? buf.subarray(24 + bodyLen).toString('utf8') : null, n);
  return { words, n, values };
}
