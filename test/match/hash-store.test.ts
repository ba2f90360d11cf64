/**
 * HashStore's own index: the 16-band index while the store is small, the 32-bit substring index once it grows past
 * the threshold; queries give the same hits as a scan of every stored hash, before and after the switch.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { HashStore, type StoredReference } from '../../src/match/hash-store.js';
import { popcount32 } from '../../src/signals/index/signal-index.js';

let seed = 11;
const next = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0);
const randomHash = () => Uint8Array.from({ length: 32 }, () => next() >>> 24);
function flip(h: Uint8Array, bits: number): Uint8Array {
  const x = h.slice();
  for (let b = 0; b < bits; b++) { const k = next() % 256; x[k >> 3] ^= 1 << (k & 7); }
  return x;
}
function distance(a: Uint8Array, b: Uint8Array): number {
  let d = 0;
  for (let i = 0; i < 32; i += 4) {
    d += popcount32((((a[i] ^ b[i]) << 24) | ((a[i + 1] ^ b[i + 1]) << 16) | ((a[i + 2] ^ b[i + 2]) << 8) | (a[i + 3] ^ b[i + 3])) >>> 0);
  }
  return d;
}

describe('HashStore index', () => {
  it('answers like a full scan on both sides of the switch to the 32-bit substring index', () => {
    const store = new HashStore(undefined, { smallIndexMax: 300 });
    const ref: StoredReference = { id: 'r1', file_name: 'a.mp4', label: 'original', generator: null, source: null, kind: 'video' };
    const stored: Uint8Array[] = [];
    let cur = randomHash();
    const queries = Array.from({ length: 40 }, () => randomHash());
    const check = () => {
      for (const q of [...queries, ...stored.filter((_, i) => i % 37 === 0).map((h) => flip(h, 12))]) {
        const want = stored.map((h, e) => ({ e, d: distance(q, h) })).filter((x) => x.d <= 31);
        const got = store.query(q, 31);
        assert.deepEqual(got.map((x) => x.frame).sort((a, b) => a - b), want.map((x) => x.e).sort((a, b) => a - b));
        for (const g of got) assert.equal(g.distance, distance(q, stored[g.frame]));
      }
    };
    for (let i = 0; i < 700; i++) {
      if (i % 50 === 0) cur = randomHash();
      cur = flip(cur, 3);
      stored.push(cur);
      store.add(ref, { frame: i, timestamp: i / 25, quality: 80, hash: cur });
      if (i === 299 || i === 300 || i === 699) {
        store.finish();
        check();
      }
    }
    assert.equal(store.size, 700);
  });
});
