/**
 * The API under abuse: every route from /openapi.json is driven with invalid and extreme values. Every answer
 * must be a 2xx or a problem+json 4xx (never a 5xx), no temp file may outlive its request, and the server
 * must stay healthy. Raw-socket cases (missing Content-Length, uploads cut mid-stream) run against a real
 * listening server on 127.0.0.1.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/http/app.js';
import { FakeRegistry, FakeRunner, FakeScam, JPEG, MP4, form, testConfig } from './fakes.js';

// Every temp dir the server makes goes here, so leaks are visible without racing other processes' files.
const realTmp = tmpdir();
const TMP = mkdtempSync(join(realTmp, 'genproof-abuse-'));
const savedTmp = process.env.TMPDIR;
const TOKEN = 'abuse-test-token-0123456789';

let app: FastifyInstance;
let port = 0;
const runner = new FakeRunner();

before(async () => {
  process.env.TMPDIR = TMP;
  const config = testConfig({ server: { token: TOKEN, maxUploadBytes: 2 * 1024 * 1024 }, api: { postsPerMinute: 100_000 }, limits: { maxCaptionChars: 10_000 } });
  app = (await buildApp({ config, checks: runner, registry: new FakeRegistry(), scam: new FakeScam(), webDir: null, maxKeptChecks: 5 })).app;
  await app.listen({ host: '127.0.0.1', port: 0 });
  port = (app.server.address() as { port: number }).port;
});
after(async () => {
  await app.close();
  process.env.TMPDIR = savedTmp;
  if (savedTmp === undefined) delete process.env.TMPDIR;
  rmSync(TMP, { recursive: true, force: true });
});

type Res = { statusCode: number; headers: Record<string, unknown>; body: string };
function assertSane(res: Res, what: string) {
  assert.ok(res.statusCode < 500, `${what} → ${res.statusCode} ${res.body.slice(0, 300)}`);
  if (res.statusCode >= 400) {
    assert.match(String(res.headers['content-type']), /^application\/problem\+json/, `${what}: problem+json`);
    const p = JSON.parse(res.body);
    assert.equal(typeof p.code, 'string', what);
    assert.equal(p.status, res.statusCode, what);
  }
}

function leftovers(): string[] {
  return readdirSync(TMP);
}

const HOSTILE_IDS = ['..%2F..%2Fetc%2Fpasswd', '%2e%2e', '..', 'a'.repeat(5000), '%00', '%FF%FE', '-1', '1e309', 'NaN', '%3Cscript%3E', 'C:%5Cwindows', '%252e%252e%252f'];
const HOSTILE_QUERIES = ['lang=fr', 'lang[]=en&lang[]=zh', 'download=2', 'limit=-1', 'limit=abc', 'limit=1e999', 'offset=-5', 'offset=99999999999999999999', 'cursor=%00', '__proto__[x]=1'];

function deepJson(depth: number): string {
  return '['.repeat(depth) + ']'.repeat(depth);
}

describe('API abuse: every documented route', () => {
  it('answers hostile path parameters and query strings with 2xx or problem+json 4xx', async () => {
    const doc = (await app.inject({ method: 'GET', url: '/openapi.json' })).json() as { paths: Record<string, Record<string, unknown>> };
    const paths = Object.keys(doc.paths);
    assert.ok(paths.length >= 6, `routes documented: ${paths.join(', ')}`);
    let n = 0;
    for (const path of paths) {
      for (const method of Object.keys(doc.paths[path])) {
        for (const id of HOSTILE_IDS) {
          const url = path.replace(/\{[^}]+\}/g, id);
          for (const q of ['', ...HOSTILE_QUERIES]) {
            const full = q ? `${url}?${q}` : url;
            const res = await app.inject({ method: method.toUpperCase() as 'GET', url: full });
            assertSane(res, `${method} ${full.slice(0, 120)}`);
            n++;
          }
          if (!path.includes('{')) break;
        }
      }
    }
    assert.ok(n > 100);
  });

  it('POST routes: wrong types, huge fields, deep JSON, bad multipart, duplicate files', async () => {
    const auth = { authorization: `Bearer ${TOKEN}` };
    const big = 'x'.repeat(10 * 1024 * 1024);
    const urls = Array.from({ length: 10_000 }, (_, i) => `https://e${i}.example/`);
    const cases: { what: string; url: string; headers?: Record<string, string>; payload?: string | Buffer | FormData }[] = [];
    for (const url of ['/api/checks', '/api/registry', '/api/scam']) {
      const h = url === '/api/registry' ? auth : {};
      cases.push(
        { what: 'empty', url, headers: h },
        { what: 'json wrong types', url, headers: { ...h, 'content-type': 'application/json' }, payload: JSON.stringify({ text: 123, caption: { a: 1 }, urls: 'x', posted_at: [] }) },
        { what: 'json null', url, headers: { ...h, 'content-type': 'application/json' }, payload: 'null' },
        { what: 'json broken', url, headers: { ...h, 'content-type': 'application/json' }, payload: '{"text": "unterminated' },
        { what: 'deep json', url, headers: { ...h, 'content-type': 'application/json' }, payload: deepJson(100_000) },
        { what: 'deep json object', url, headers: { ...h, 'content-type': 'application/json' }, payload: '{"a":'.repeat(20_000) + '1' + '}'.repeat(20_000) },
        { what: 'proto pollution', url, headers: { ...h, 'content-type': 'application/json' }, payload: '{"__proto__":{"polluted":1},"constructor":{"prototype":{"x":1}}}' },
        { what: '10 MB json text', url, headers: { ...h, 'content-type': 'application/json' }, payload: JSON.stringify({ text: big }) },
        { what: '10 MB caption', url, headers: h, payload: form({ caption: big, text: big }) },
        { what: '10,000 urls', url, headers: h, payload: form({ caption: 'c', text: 't', 'urls[]': urls }) },
        { what: '10,000 urls json', url, headers: { ...h, 'content-type': 'application/json' }, payload: JSON.stringify({ text: 't', urls }) },
        { what: 'bad boundary', url, headers: { ...h, 'content-type': 'multipart/form-data; boundary=nope' }, payload: '--other\r\nContent-Disposition: form-data; name="caption"\r\n\r\nx\r\n--other--' },
        { what: 'no boundary', url, headers: { ...h, 'content-type': 'multipart/form-data' }, payload: 'garbage' },
        { what: 'unterminated multipart', url, headers: { ...h, 'content-type': 'multipart/form-data; boundary=b' }, payload: '--b\r\nContent-Disposition: form-data; name="file"; filename="a.jpg"\r\n\r\n' + JPEG.toString('latin1') },
        { what: 'file twice', url, headers: h, payload: (() => { const f = form({ caption: 'c' }); for (const k of ['file', 'file']) f.append(k, new Blob([JPEG]), 'a.jpg'); return f; })() },
        { what: 'traversal file name', url, headers: h, payload: form({ file: { data: MP4, name: '../../../../tmp/evil\u0000.mp4' }, image: { data: JPEG, name: '..\\..\\x.jpg' }, caption: 'c' }) },
        { what: 'text file', url, headers: h, payload: form({ file: { data: Buffer.from('#!/bin/sh\nrm -rf /\n'.repeat(10)), name: 'a.jpg' }, image: { data: Buffer.from('MZ'.repeat(100)), name: 'b.png' } }) },
        { what: 'empty file', url, headers: h, payload: form({ file: { data: Buffer.alloc(0), name: 'a.mp4' } }) },
        { what: 'oversize file', url, headers: h, payload: form({ file: { data: Buffer.concat([JPEG, Buffer.alloc(3 * 1024 * 1024)]), name: 'a.jpg' } }) },
        { what: 'unknown file field', url, headers: h, payload: form({ evil: { data: JPEG, name: 'a.jpg' } }) },
        { what: 'bad posted_at', url, headers: h, payload: form({ caption: 'c', text: 't', posted_at: '2025-02-31T99:99' }) },
        { what: 'text/plain', url, headers: { ...h, 'content-type': 'text/plain' }, payload: 'hello' },
        { what: 'xml', url, headers: { ...h, 'content-type': 'application/xml' }, payload: '<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><x>&e;</x>' },
        { what: 'bad media_url', url, headers: h, payload: form({ media_url: 'gopher://127.0.0.1:6379/_FLUSHALL' }) },
        { what: 'ssrf media_url', url, headers: h, payload: form({ media_url: 'http://169.254.169.254/latest/meta-data/iam' }) },
        { what: 'many fields', url, headers: h, payload: (() => { const f = new FormData(); for (let i = 0; i < 500; i++) f.append(`f${i}`, 'v'); return f; })() },
      );
    }
    cases.push({ what: 'registry without token', url: '/api/registry', payload: form({ file: { data: JPEG, name: 'a.jpg' } }) });
    cases.push({ what: 'registry wrong token', url: '/api/registry', headers: { authorization: 'Bearer nope' }, payload: form({ file: { data: JPEG, name: 'a.jpg' } }) });
    for (const c of cases) {
      const res = await app.inject({ method: 'POST', url: c.url, headers: c.headers, payload: c.payload as never });
      assertSane(res, `POST ${c.url} (${c.what})`);
    }
    assert.equal(({} as Record<string, unknown>).polluted, undefined);
  });
});

function rawRequest(lines: string, opts: { cutAfterMs?: number; extra?: Buffer } = {}): Promise<string> {
  return new Promise((resolve) => {
    const s = connect(port, '127.0.0.1');
    let got = '';
    s.on('data', (d) => (got += d.toString('latin1')));
    s.on('error', () => resolve(got));
    s.on('close', () => resolve(got));
    s.write(lines);
    if (opts.extra) s.write(opts.extra);
    if (opts.cutAfterMs !== undefined) setTimeout(() => s.destroy(), opts.cutAfterMs);
    else setTimeout(() => s.end(), 200);
  });
}

async function settle(check: () => boolean, ms = 5000) {
  const end = Date.now() + ms;
  while (!check() && Date.now() < end) await new Promise((r) => setTimeout(r, 50));
}

describe('API abuse on the wire', () => {
  it('a POST without Content-Length (and not chunked) is answered 4xx, not hung or 5xx', async () => {
    const body = '--b\r\nContent-Disposition: form-data; name="caption"\r\n\r\nhello\r\n--b--\r\n';
    const got = await rawRequest(`POST /api/checks HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nContent-Type: multipart/form-data; boundary=b\r\nConnection: close\r\n\r\n${body}`);
    const status = Number(/^HTTP\/1\.1 (\d{3})/.exec(got)?.[1]);
    assert.ok(status >= 400 && status < 500, got.slice(0, 200));
  });

  it('conflicting Content-Length / Transfer-Encoding headers are refused', async () => {
    const got = await rawRequest(`POST /api/scam HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nContent-Type: application/json\r\nContent-Length: 4\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n0\r\n\r\n`);
    const status = Number(/^HTTP\/1\.1 (\d{3})/.exec(got)?.[1]);
    assert.ok(status === 400 || got === '', got.slice(0, 200));
  });

  it('uploads cut mid-stream leave no temp files and the server stays healthy', async () => {
    const before = runner.posts.length;
    for (const route of ['/api/checks', '/api/registry', '/api/scam']) {
      for (const cut of [0, 30, 150]) {
        const head = `--b\r\nContent-Disposition: form-data; name="${route === '/api/scam' ? 'image' : 'file'}"; filename="big.mp4"\r\nContent-Type: video/mp4\r\n\r\n`;
        const req = `POST ${route} HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nAuthorization: Bearer ${TOKEN}\r\nContent-Type: multipart/form-data; boundary=b\r\nContent-Length: 1000000\r\n\r\n${head}`;
        await rawRequest(req, { cutAfterMs: cut, extra: Buffer.concat([MP4, Buffer.alloc(64 * 1024, 3)]) });
      }
    }
    await settle(() => leftovers().length === 0);
    assert.deepEqual(leftovers(), [], 'no temp dir left by cut uploads');
    assert.equal(runner.posts.length, before, 'no cut upload was queued as a check');
    const health = await app.inject({ method: 'GET', url: '/healthz' });
    assert.equal(health.statusCode, 200);
  });

  it('after all of it: healthy, and only kept checks hold temp dirs (all gone on close)', async () => {
    const ok = await app.inject({ method: 'POST', url: '/api/checks', payload: form({ file: { data: JPEG, name: 'fine.jpg' }, caption: 'fine' }) });
    assert.equal(ok.statusCode, 202);
    assert.equal((await app.inject({ method: 'GET', url: '/healthz' })).statusCode, 200);
    // Rejected requests left nothing: every remaining dir belongs to a kept (accepted) check.
    const dirs = leftovers();
    assert.ok(dirs.every((d) => d.startsWith('genproof-check-')), dirs.join(', '));
    assert.ok(dirs.length <= 5 + 1, `kept checks bound temp dirs: ${dirs.length}`);
  });
});
