import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { loadConfig } from '../../src/config/config.js';
import { VerificationService } from '../../src/services/verification.service.js';

// Regression (found by `npm run fuzz:media`): a bit-flipped MOV made one analyzer miss the abort signal, and a
// check with a 60 s deadline ran for 100+ s. The deadline must hold even when an analyzer never returns.
describe('check deadline', () => {
  it('stops with tool_timeout at the deadline even if an analyzer ignores the abort signal', { timeout: 60_000 }, async () => {
    const config = loadConfig({ env: {}, file: null, overrides: { timeouts: { checkMs: 500 } } });
    const service = VerificationService.create(config);
    const stuck = { name: 'stuck', appliesTo: () => true, analyze: () => new Promise<never>(() => {}) };
    (service as unknown as { analyzers: { parallel: unknown[] } }).analyzers.parallel.push(stuck);
    const t0 = Date.now();
    try {
      await assert.rejects(service.check({ file: null, caption: 'A plain caption about a walk in the park.', postedAt: null, urls: [] }),
        (e: { code?: string }) => e.code === 'tool_timeout');
      assert.ok(Date.now() - t0 < 10_000, `took ${Date.now() - t0} ms`);
    } finally {
      await service.close();
    }
  });
});
