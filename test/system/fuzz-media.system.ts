import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { describe, it } from 'node:test';
import { fuzz } from '../../scripts/fuzz-media.js';
import { SHARED } from '../helpers/cli.js';

/**
 * A small fixed-seed run of `npm run fuzz:media` (the full run is `npm run fuzz:media -- --n 500 --seed S`):
 * every hostile fixed case (deep boxes, 100,000-frame GIF, zip bomb, FIFO, /dev/zero link, directory, odd names)
 * plus random mutants, each through `genproof check --json`: no crash, no hang, no temp file left, RSS in limit.
 */
describe('fuzz:media (fixed seed, small)', () => {
  it('30 mutants: 0 crashes, 0 hangs, 0 leaks', { skip: !existsSync(SHARED) && 'no ../shared/data', timeout: 20 * 60_000 }, async () => {
    const { table, failures, records } = await fuzz({ n: Number(process.env.FUZZ_N ?? 30), seed: 7, timeoutMs: 60_000, jobs: 2, keep: false, shared: SHARED, quiet: true });
    console.log(table);
    assert.equal(records.length, Number(process.env.FUZZ_N ?? 30));
    assert.equal(failures, 0, table);
  });
});
