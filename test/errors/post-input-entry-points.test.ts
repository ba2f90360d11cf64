/**
 * One post-input schema for every entry point: the same bad caption, posted_at or links get the same error code from
 * `genproof check`, `genproof scam`, POST /api/checks and POST /api/scam (multipart, and JSON for scam).
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/http/app.js';
import { FakeRunner, FakeScam, testConfig } from '../http/fakes.js';
import { runCli } from '../helpers/cli.js';

const MAX_CAPTION = 200;
// Not the default 50: every entry point must take the configured limit (config api.maxUrls).
const MAX_URLS = 5;

interface BadInput {
  name: string;
  caption?: string | Buffer;
  postedAt?: string;
  urls?: string[];
  code: string;
}

const many = (n: number) => Array.from({ length: n }, (_, i) => `https://site${i}.example/p`);

const CASES: BadInput[] = [
  { name: 'posted_at in words', caption: 'hello', postedAt: 'yesterday', code: 'invalid_posted_at' },
  { name: 'posted_at not a calendar day', caption: 'hello', postedAt: '2025-02-30', code: 'invalid_posted_at' },
  { name: 'posted_at time without offset', caption: 'hello', postedAt: '2025-11-01T08:30', code: 'invalid_posted_at' },
  { name: 'one link over the limit', caption: 'hello', urls: many(MAX_URLS + 1), code: 'too_many_urls' },
  { name: 'a non-http link', caption: 'hello', urls: ['ftp://files.example/x'], code: 'invalid_url' },
  { name: 'a javascript: link', caption: 'hello', urls: ['javascript:alert(1)'], code: 'invalid_url' },
  { name: 'an overlong link', caption: 'hello', urls: [`https://a.example/${'x'.repeat(2100)}`], code: 'invalid_url' },
  { name: 'an overlong caption', caption: 'x'.repeat(MAX_CAPTION + 1), code: 'invalid_caption' },
  { name: 'a caption that is not UTF-8', caption: Buffer.from([0x53, 0x6f, 0x72, 0x61, 0x20, 0xe8, 0xaf, 0x20, 0xff, 0xfe]), code: 'invalid_caption' },
];

/** A multipart body by hand, so a field can carry raw (broken) bytes. */
function multipart(fields: [string, string | Buffer][]): { payload: Buffer; headers: Record<string, string> } {
  const boundary = '----genproofPostInput7d1f';
  const parts: Buffer[] = [];
  for (const [name, value] of fields) {
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n`), Buffer.isBuffer(value) ? value : Buffer.from(value), Buffer.from('\r\n'));
  }
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(parts), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

describe('the same bad post input gets the same error code everywhere', { timeout: 300_000 }, () => {
  let dir = '';
  let app: FastifyInstance;
  const env = { GENPROOF_LIMITS__MAX_CAPTION_CHARS: String(MAX_CAPTION), GENPROOF_API__MAX_URLS: String(MAX_URLS), GENPROOF_CONFIG: '' };

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'genproof-post-input-'));
    const config = testConfig({ db: join(dir, 'r.db'), limits: { maxCaptionChars: MAX_CAPTION }, api: { maxUrls: MAX_URLS } });
    ({ app } = await buildApp({ config, checks: new FakeRunner(), scam: new FakeScam(), webDir: null }));
  });
  after(async () => {
    await app?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  async function viaCli(command: 'check' | 'scam', c: BadInput, i: number): Promise<string> {
    const args: string[] = [command];
    if (c.caption !== undefined) {
      const f = join(dir, `caption-${command}-${i}.txt`);
      writeFileSync(f, c.caption);
      args.push(command === 'check' ? '--caption-file' : '--text-file', f);
    }
    if (c.postedAt !== undefined) args.push('--posted-at', c.postedAt);
    for (const u of c.urls ?? []) args.push('--url', u);
    const r = await runCli([...args, '--json', '--db', join(dir, 'cli.db')], { env });
    assert.equal(r.code, 2, `${command} ${c.name}: exit ${r.code}\n${r.stderr}`);
    return JSON.parse(r.stdout).error.code;
  }

  async function viaApi(route: '/api/checks' | '/api/scam', c: BadInput): Promise<string> {
    const fields: [string, string | Buffer][] = [];
    if (c.caption !== undefined) fields.push([route === '/api/checks' ? 'caption' : 'text', c.caption]);
    if (c.postedAt !== undefined) fields.push(['posted_at', c.postedAt]);
    for (const u of c.urls ?? []) fields.push(['urls', u]);
    const res = await app.inject({ method: 'POST', url: route, ...multipart(fields) });
    assert.equal(res.statusCode, 400, `${route} ${c.name}: ${res.body}`);
    return res.json().code;
  }

  async function viaScamJson(c: BadInput): Promise<string | null> {
    if (Buffer.isBuffer(c.caption)) return null; // JSON text is always valid Unicode
    const res = await app.inject({ method: 'POST', url: '/api/scam', payload: { text: c.caption, posted_at: c.postedAt, urls: c.urls } });
    assert.equal(res.statusCode, 400, `JSON /api/scam ${c.name}: ${res.body}`);
    return res.json().code;
  }

  for (const [i, c] of CASES.entries()) {
    it(c.name, async () => {
      const [check, scam] = await Promise.all([viaCli('check', c, i), viaCli('scam', c, i)]);
      const got = {
        'genproof check': check,
        'genproof scam': scam,
        'POST /api/checks': await viaApi('/api/checks', c),
        'POST /api/scam': await viaApi('/api/scam', c),
        'POST /api/scam (JSON)': (await viaScamJson(c)) ?? c.code,
      };
      assert.deepEqual(got, Object.fromEntries(Object.keys(got).map((k) => [k, c.code])));
    });
  }
});
