/**
 * Contract suite every HashIndex implementation runs (hono-style `runTest({ create })`): exactness against a
 * naive scan, planted near neighbours around the pigeonhole boundaries, incremental adds, values, round-trips.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ValidationError } from '../../src/domain/errors.js';
import { hamming } from '../../src/signals/pdq/pdq.js';
import type { HashIndex } from '../../src/signals/index/signal-index.js';

export interface ContractTarget {
  name: string;
  create<T>(): HashIndex<T>;
  deserialize<T>(buf: Buffer): HashIndex<T>;
}

export function rng(seed: number): () => number {
  let s = seed >>> 0 || 1;
  return () => {
    s ^= s << 13; s >>>= 0;
    s ^= s >>> 17;
    s ^= s << 5; s >>>= 0;
    return s;
  };
}

export function randomHash(next: () => number): Uint8Array {
  const h = new Uint8Array(32);
  for (let i = 0; i < 32; i += 4) {
    const v = next();
    h[i] = v >>> 24; h[i + 1] = (v >>> 16) & 255; h[i + 2] = (v >>> 8) & 255; h[i + 3] = v & 255;
  }
  return h;
}

/** Copy of `h` with exactly `k` distinct bits flipped. */
export function flipBits(h: Uint8Array, k: number, next: () => number): Uint8Array {
  const out = h.slice();
  const bits = new Set<number>();
  while (bits.size < k) bits.add(next() % 256);
  for (const b of bits) out[b >> 3] ^= 1 << (b & 7);
  return out;
}

/** Copy of `h` with perBand(b) bits flipped in each 16-bit band b (bytes 2b, 2b+1), positions varied by `salt`. */
export function flipPerBand(h: Uint8Array, perBand: (band: number) => number, salt: number): Uint8Array {
  const out = h.slice();
  for (let b = 0; b < 16; b++) {
    for (let k = 0; k < perBand(b); k++) {
      const bit = (salt * 5 + k * 7 + b) % 16;
      out[2 * b + (bit >> 3)] ^= 1 << (bit & 7);
    }
  }
  return out;
}

function naive(entries: [Uint8Array, unknown][], q: Uint8Array, d: number): string[] {
  return entries
    .map(([h, v]) => ({ v, dist: hamming(h, q) }))
    .filter((x) => x.dist <= d)
    .map((x) => `${JSON.stringify(x.v)}@${x.dist}`)
    .sort();
}

function got(idx: HashIndex<unknown>, q: Uint8Array, d: number): string[] {
  const hits = idx.query(q, d);
  for (let i = 1; i < hits.length; i++) assert.ok(hits[i - 1].distance <= hits[i].distance, 'hits are sorted closest first');
  return hits.map((x) => `${JSON.stringify(x.value)}@${x.distance}`).sort();
}

export function runHashIndexContract(t: ContractTarget): void {
  describe(`HashIndex contract: ${t.name}`, () => {
    it('finds exactly the hashes within the distance, across the band-radius boundaries', () => {
      const next = rng(42);
      const idx = t.create<number>();
      const entries: [Uint8Array, unknown][] = [];
      const centres = Array.from({ length: 20 }, () => randomHash(next));
      for (let i = 0; i < 3000; i++) {
        const h = i % 10 === 0 ? flipBits(centres[i % 20], [0, 1, 7, 15, 16, 17, 30, 31, 32, 33, 47, 48, 60][i % 13], next) : randomHash(next);
        idx.add(h, entries.length);
        entries.push([h, entries.length]);
      }
      assert.equal(idx.size, 3000);
      idx.build?.();
      for (const d of [0, 1, 15, 16, 31, 32, 47, 48, 70]) {
        for (const c of centres.slice(0, 8)) assert.deepEqual(got(idx, c, d), naive(entries, c, d), `d=${d}`);
      }
      const some = got(idx, centres[0], 31);
      assert.ok(some.length >= 2, 'planted neighbours are found');
      assert.deepEqual(idx.query(centres[0], -1), []);
    });

    it('finds worst-case spread neighbours (every band as far as the pigeonhole allows)', () => {
      const next = rng(77);
      const idx = t.create<string>();
      const centre = randomHash(next);
      for (let i = 0; i < 500; i++) idx.add(randomHash(next), `noise${i}`);
      // distance 31: 2 flipped bits in every 16-bit band but one, which has 1 (so one 32-bit half-word has 3)
      for (let j = 0; j < 16; j++) idx.add(flipPerBand(centre, (b) => (b === j ? 1 : 2), j), `d31-${j}`);
      // distance 32: exactly 2 per band, nothing within radius 1 anywhere
      idx.add(flipPerBand(centre, () => 2, 99), 'd32');
      const at31 = idx.query(centre, 31).map((h) => h.value).sort();
      assert.deepEqual(at31, Array.from({ length: 16 }, (_, j) => `d31-${j}`).sort());
      assert.ok(idx.query(centre, 31).every((h) => h.distance === 31));
      assert.ok(idx.query(centre, 32).some((h) => h.value === 'd32' && h.distance === 32));
    });

    it('stays exact while hashes are added between queries', () => {
      const next = rng(7);
      const idx = t.create<string>();
      const entries: [Uint8Array, unknown][] = [];
      const centre = randomHash(next);
      for (let round = 0; round < 6; round++) {
        for (let i = 0; i < 2500; i++) {
          const h = i % 50 === 0 ? flipBits(centre, (i / 50) % 34, next) : randomHash(next);
          const v = `r${round}-${i}`;
          idx.add(h, v);
          entries.push([h, v]);
        }
        assert.deepEqual(got(idx as HashIndex<unknown>, centre, 31), naive(entries, centre, 31), `round ${round}`);
      }
      assert.equal(idx.size, 15000);
    });

    it('keeps arbitrary values, including after identity-numbered ones', () => {
      const next = rng(9);
      const idx = t.create<unknown>();
      const a = randomHash(next);
      idx.add(a, 0);
      idx.add(flipBits(a, 3, next), 1);
      idx.add(flipBits(a, 5, next), { ref: 'x', frame: 3 });
      idx.add(randomHash(next), 'far');
      const hits = idx.query(a, 31);
      assert.deepEqual(hits.map((h) => h.value), [0, 1, { ref: 'x', frame: 3 }]);
      assert.deepEqual(hits.map((h) => h.distance), [0, 3, 5]);
    });

    it('round-trips through serialize/deserialize and rejects corrupt buffers', () => {
      const next = rng(11);
      for (const valued of [false, true]) {
        const idx = t.create<unknown>();
        const entries: [Uint8Array, unknown][] = [];
        const centre = randomHash(next);
        for (let i = 0; i < 1000; i++) {
          const h = i % 7 === 0 ? flipBits(centre, i % 40, next) : randomHash(next);
          const v = valued ? `v${i}` : i;
          idx.add(h, v);
          entries.push([h, v]);
        }
        const back = t.deserialize<unknown>(idx.serialize());
        assert.equal(back.size, 1000);
        assert.deepEqual(got(back, centre, 31), naive(entries, centre, 31));
        back.add(centre, 'late');
        assert.ok(back.query(centre, 0).some((h) => h.value === 'late'));
      }
      const buf = t.create<number>().serialize();
      assert.throws(() => t.deserialize(Buffer.from('nonsense that is long enough to have a header')), ValidationError);
      assert.throws(() => t.deserialize(buf.subarray(0, 10)), ValidationError);
      assert.throws(() => t.create<number>().add(new Uint8Array(31), 0), ValidationError);
    });

    it('build(entries) replaces the content', () => {
      const next = rng(3);
      const idx = t.create<string>();
      const a = randomHash(next);
      idx.add(a, 'old');
      if (!idx.build) return;
      const b = randomHash(next);
      idx.build([[b, 'new'], [flipBits(b, 2, next), 'near']]);
      assert.equal(idx.size, 2);
      assert.deepEqual(idx.query(a, 31), []);
      assert.deepEqual(idx.query(b, 31).map((h) => h.value), ['new', 'near']);
    });
  });
}
