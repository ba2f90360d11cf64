/**
 * What the signals layer provides, in one manifest (ThreatExchange extension style): the hash algorithms by
 * their stable storage names, and the index implementations that can serve them.
 */
import { LinearIndex } from './index/linear.index.js';
import { MihIndex } from './index/mih.index.js';
import { Mih32Index } from './index/mih32.index.js';
import type { HashIndex } from './index/signal-index.js';
import { PdqSignal } from './pdq/pdq.signal.js';
import { VpdqSignal } from './vpdq/vpdq.signal.js';

export const SIGNAL_TYPES = {
  [PdqSignal.signalName]: PdqSignal,
  [VpdqSignal.signalName]: VpdqSignal,
} as const;

export type SignalName = keyof typeof SIGNAL_TYPES;

/**
 * Index implementations for 256-bit hashes (PDQ and vPDQ frames), by name. `mih` is 16 × 16-bit bands;
 * `mih32` (8 × 32-bit substrings, inline remainders) answers d ≤ 31 about 10× faster at 10 M hashes in less
 * memory; `linear` is the brute-force oracle.
 */
export const HASH_INDEXES: Record<'mih' | 'mih32' | 'linear', { create<T>(): HashIndex<T>; deserialize<T>(buf: Buffer): HashIndex<T> }> = {
  mih: { create: () => new MihIndex(), deserialize: (b) => MihIndex.deserialize(b) },
  mih32: { create: () => new Mih32Index(), deserialize: (b) => Mih32Index.deserialize(b) },
  linear: { create: () => new LinearIndex(), deserialize: (b) => LinearIndex.deserialize(b) },
};
