/** Runs the HashIndex contract against every implementation, plus MIH-specific checks. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { LinearIndex } from '../../src/signals/index/linear.index.js';
import { MihIndex } from '../../src/signals/index/mih.index.js';
import { Mih32Index } from '../../src/signals/index/mih32.index.js';
import { HASH_WORDS, packInto } from '../../src/signals/index/signal-index.js';
import { flipBits, randomHash, rng, runHashIndexContract } from './hash-index.contract.js';

runHashIndexContract({ name: 'LinearIndex (oracle)', create: () => new LinearIndex(), deserialize: (b) => LinearIndex.deserialize(b) });
runHashIndexContract({ name: 'MihIndex', create: () => new MihIndex(), deserialize: (b) => MihIndex.deserialize(b) });
runHashIndexContract({ name: 'MihIndex (tiny tail, rebuilds often)', create: () => new MihIndex({ minTail: 16, tailFraction: 0 }), deserialize: (b) => MihIndex.deserialize(b) });

describe('MihIndex bulk load', () => {
  it('fromPackedWords (both MIH layouts) agrees with the linear oracle on 50k hashes with planted neighbours', () => {
    const next = rng(123);
    const n = 50_000;
    const words = new Uint32Array(n * HASH_WORDS);
    const lin = new LinearIndex<number>();
    const centres = Array.from({ length: 30 }, () => randomHash(next));
    for (let i = 0; i < n; i++) {
      const h = i % 1000 < 30 ? flipBits(centres[i % 1000], (i * 7) % 32, next) : randomHash(next);
      packInto(h, words, i * HASH_WORDS);
      lin.add(h, i);
    }
    for (const mih of [MihIndex.fromPackedWords(words.slice(), n), Mih32Index.fromPackedWords(words.slice(), n)]) {
      assert.equal(mih.size, n);
      let total = 0;
      for (const c of centres) {
        const a = mih.query(c, 31).map((h) => `${h.value}@${h.distance}`).sort();
        const b = lin.query(c, 31).map((h) => `${h.value}@${h.distance}`).sort();
        assert.deepEqual(a, b);
        total += a.length;
      }
      assert.equal(total, 50 * 30, 'every planted neighbour (d < 32) is found');
    }
  });
});

runHashIndexContract({ name: 'Mih32Index', create: () => new Mih32Index(), deserialize: (b) => Mih32Index.deserialize(b) });
runHashIndexContract({ name: 'Mih32Index (tiny tail)', create: () => new Mih32Index({ minTail: 16, tailFraction: 0 }), deserialize: (b) => Mih32Index.deserialize(b) });
