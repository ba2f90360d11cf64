import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { inMemoryLane, setMemoryLane } from '../../src/repositories/memory-lane.js';

const step = (log: string[], name: string, ms: number) => async () => {
  log.push(`${name}+`);
  await new Promise((r) => setTimeout(r, ms));
  log.push(`${name}-`);
  return name;
};

describe('memory lane', () => {
  it('runs heavy steps one after another, first come first served, and goes on after a failure', async () => {
    const log: string[] = [];
    const failing = inMemoryLane(async () => {
      log.push('f+');
      throw new Error('boom');
    });
    const [a, b] = await Promise.all([inMemoryLane(step(log, 'a', 30)), inMemoryLane(step(log, 'b', 1)), failing.catch(() => 'failed')]);
    assert.deepEqual([a, b], ['a', 'b']);
    assert.deepEqual(log, ['f+', 'a+', 'a-', 'b+', 'b-']);
  });
  it('runs them side by side when switched off (memory.exclusiveHeavySteps false)', async () => {
    const log: string[] = [];
    try {
      setMemoryLane(false);
      await Promise.all([inMemoryLane(step(log, 'a', 30)), inMemoryLane(step(log, 'b', 1))]);
      assert.deepEqual(log, ['a+', 'b+', 'b-', 'a-']);
    } finally {
      setMemoryLane(true);
    }
  });
});
