import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { AppError } from '../../src/domain/errors.js';
import { parsePostedAt, postedInstant } from '../../src/domain/posted-at.js';

describe('posted_at: a date or an ISO 8601 date-time with offset', () => {
  for (const ok of ['2024-03-01', '2024-03-03T09:00:00+08:00', '2024-03-03T09:00+08:00', '2024-03-03T01:00:00Z', '2024-03-03T23:59:59.123-05:00', '2024-02-29', ' 2024-03-01 ']) {
    it(`accepts ${JSON.stringify(ok)}`, () => assert.equal(parsePostedAt(ok), ok.trim()));
  }
  for (const bad of ['2024-13-45', '2025-02-30', 'yesterday', '2024-03-03T25:00:00Z', '2024-03-03T09:00:00+15:00', '2024-03-03T09:00:00', '03/03/2024']) {
    it(`refuses ${JSON.stringify(bad)} with invalid_posted_at`, () => {
      assert.throws(() => parsePostedAt(bad), (e: unknown) => e instanceof AppError && e.code === 'invalid_posted_at');
    });
  }
  it('empty is null', () => {
    assert.equal(parsePostedAt(''), null);
    assert.equal(parsePostedAt(null), null);
  });
  it('the instant honours the offset; a bare date is midnight UTC', () => {
    assert.equal(postedInstant('2024-03-03T09:00:00+08:00')?.toISOString(), '2024-03-03T01:00:00.000Z');
    assert.equal(postedInstant('2024-03-03')?.toISOString(), '2024-03-03T00:00:00.000Z');
  });
});
