import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { POST_LIMITS, parseCaption, parsePostInput, parsePostedAt, parseUrls, postedDay } from '../../src/domain/post-input.js';

const code = (f: () => unknown): string => {
  try {
    f();
  } catch (e) {
    return (e as { code: string }).code;
  }
  return 'no error';
};

const many = (n: number) => Array.from({ length: n }, (_, i) => `https://a${i}.example`);

describe('one post-input schema', () => {
  it('posted_at: a date or an ISO date-time with offset, one code for every fault', () => {
    assert.equal(parsePostedAt('2025-11-01'), '2025-11-01');
    assert.equal(parsePostedAt(' 2025-11-01T08:30+08:00 '), '2025-11-01T08:30+08:00');
    assert.equal(parsePostedAt('2025-11-01T08:30:15.250Z'), '2025-11-01T08:30:15.250Z');
    assert.equal(parsePostedAt(''), null);
    assert.equal(postedDay('2025-11-01T23:30-05:00'), '2025-11-01');
    for (const bad of ['2024-13-45', '2025-02-30', '01/11/2025', '2025-11-01T08:30', '2025-11-01T25:00Z', 'yesterday'])
      assert.equal(code(() => parsePostedAt(bad)), 'invalid_posted_at', bad);
  });

  it('caption: trimmed NFC, too long or undecodable → invalid_caption', () => {
    assert.equal(parseCaption('  e\u0301 ', 10), 'é');
    assert.equal(parseCaption('   ', 10), null);
    assert.equal(code(() => parseCaption('x'.repeat(11), 10)), 'invalid_caption');
    assert.equal(code(() => parseCaption('bad \uFFFD bytes', 100)), 'invalid_caption');
  });

  it('links: http(s) or bare domains, one limit', () => {
    assert.deepEqual(parseUrls(['https://a.example/x http://b.example', 'openai-sora.top/buy']), ['https://a.example/x', 'http://b.example', 'openai-sora.top/buy']);
    assert.equal(code(() => parseUrls(['ftp://a.example'])), 'invalid_url');
    assert.equal(code(() => parseUrls(['not a link'])), 'invalid_url');
    assert.equal(code(() => parseUrls(Array.from({ length: POST_LIMITS.maxUrls + 1 }, (_, i) => `https://a${i}.example`))), 'too_many_urls');
    assert.equal(parseUrls(Array.from({ length: POST_LIMITS.maxUrls }, (_, i) => `https://a${i}.example`)).length, POST_LIMITS.maxUrls);
  });

  it('parses the fields together', () => {
    assert.deepEqual(parsePostInput({ caption: ' hi ', posted_at: '2025-01-02', urls: [] }, { maxCaptionChars: 5 }), { caption: 'hi', postedAt: '2025-01-02', urls: [] });
  });

  it('the zod schema keeps each fault\'s code, first field first, and honours the configured link limit', () => {
    const limits = { maxCaptionChars: 5, maxUrls: 2 };
    assert.equal(code(() => parsePostInput({ caption: 'too long', posted_at: 'never' }, limits)), 'invalid_caption');
    assert.equal(code(() => parsePostInput({ posted_at: 'never', urls: ['ftp://x.example'] }, limits)), 'invalid_posted_at');
    assert.equal(code(() => parsePostInput({ urls: many(3) }, limits)), 'too_many_urls');
    assert.equal(parsePostInput({ urls: many(2) }, limits).urls.length, 2);
    assert.equal(code(() => parsePostInput({ urls: 'https://a.example' as unknown as string[] }, limits)), 'invalid_request');
  });
});
