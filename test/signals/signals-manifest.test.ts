/** The signals manifest: stable names, and the SignalType helpers behaving like ThreatExchange's. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ValidationError } from '../../src/domain/errors.js';
import { HASH_INDEXES, SIGNAL_TYPES } from '../../src/signals/index.js';
import { pdqFromHex } from '../../src/signals/pdq/pdq.js';
import { VpdqSignal } from '../../src/signals/vpdq/vpdq.signal.js';
import type { VpdqFrame } from '../../src/signals/vpdq/vpdq.js';
import { flipBits, randomHash, rng } from './hash-index.contract.js';

describe('signals manifest', () => {
  it('announces pdq and vpdq under their stable storage names, and both index kinds', () => {
    assert.deepEqual(Object.keys(SIGNAL_TYPES).sort(), ['pdq', 'vpdq']);
    assert.equal(new SIGNAL_TYPES.pdq().name, 'pdq');
    assert.equal(new SIGNAL_TYPES.vpdq().name, 'vpdq');
    for (const kind of ['mih', 'mih32', 'linear'] as const) {
      const idx = HASH_INDEXES[kind].create<string>();
      const h = pdqFromHex('d8f8f0cee0f4a84f0637022a078f67f0b36e2ed596621e1d33e6339c4e9c9b22');
      idx.add(h, 'bridge');
      const back = HASH_INDEXES[kind].deserialize<string>(idx.serialize());
      assert.deepEqual(back.query(h, 0), [{ value: 'bridge', distance: 0 }]);
    }
  });

  it('vpdq compare: a match needs 80 % of the query frames; validate normalises lines', () => {
    const next = rng(5);
    const ref: VpdqFrame[] = Array.from({ length: 10 }, (_, i) => ({ frame: i, quality: 90, hash: randomHash(next), timestamp: i }));
    const s = new VpdqSignal();
    const near = ref.slice(0, 5).map((f) => ({ ...f, hash: flipBits(f.hash, 10, next) }));
    assert.equal(s.compare(near, ref).match, true);
    const mixed = [...near.slice(0, 3), ...Array.from({ length: 2 }, (_, i) => ({ frame: 9 + i, quality: 90, hash: randomHash(next), timestamp: 9 + i }))];
    const r = s.compare(mixed, ref);
    assert.equal(r.queryCoverage, 0.6);
    assert.equal(r.match, false);
    assert.equal(s.validate('0,100,D8F8F0CEE0F4A84F0637022A078F67F0B36E2ED596621E1D33E6339C4E9C9B22,0.5\n'),
      '0,100,d8f8f0cee0f4a84f0637022a078f67f0b36e2ed596621e1d33e6339c4e9c9b22,0.500\n');
    assert.throws(() => s.validate('garbage'), ValidationError);
  });
});
