import assert from 'node:assert/strict';
import { readdirSync, existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { buildApp } from '../../src/http/app.js';
import { forbiddenAddressReason } from '../../src/repositories/url-fetch.repository.js';
import { fetchMediaUrl } from '../../src/services/url-intake.service.js';
import { runCli } from '../helpers/cli.js';
import { FakeRunner, JPEG, form, testConfig, waitFor } from '../http/fakes.js';

type Handler = (req: IncomingMessage, res: ServerResponse) => void;
const routes: Record<string, Handler> = {
  // Served with a lying Content-Type: content is judged by bytes.
  '/photo': (_q, r) => r.writeHead(200, { 'content-type': 'text/html' }).end(JPEG),
  '/page': (_q, r) => r.writeHead(200, { 'content-type': 'image/jpeg' }).end('<!DOCTYPE html><html><body>a post</body></html>'),
  '/pdf': (_q, r) => r.writeHead(200, { 'content-type': 'video/mp4' }).end('%PDF-1.7 not media at all, padded........'),
  '/huge': (_q, r) => r.writeHead(200, { 'content-type': 'video/mp4' }).end(Buffer.alloc(64 * 1024, 7)),
  '/to-metadata': (_q, r) => r.writeHead(302, { location: 'http://169.254.169.254/latest/meta-data/' }).end(),
  '/to-private': (_q, r) => r.writeHead(301, { location: 'http://10.0.0.8/x.mp4' }).end(),
  '/to-mapped': (_q, r) => r.writeHead(307, { location: 'http://[::ffff:127.0.0.1]/x.mp4' }).end(),
  '/to-photo': (_q, r) => r.writeHead(302, { location: '/photo' }).end(),
  '/slow': (_q, r) => { r.writeHead(200); r.write(JPEG.subarray(0, 10)); /* never ends */ },
};
for (let i = 0; i < 7; i++) routes[`/loop${i}`] = (_q, r) => r.writeHead(302, { location: `/loop${i + 1}` }).end();

let server: Server;
let base = '';
let dir = '';
const loopbackOk = () => testConfig({ urlIntake: { allowLoopbackForTests: true, maxBytes: 32 * 1024, timeoutMs: 1500 } });

before(async () => {
  server = createServer((req, res) => (routes[req.url ?? ''] ?? ((_q, r) => r.writeHead(404).end()))(req, res));
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  dir = await mkdtemp(join(tmpdir(), 'genproof-urltest-'));
});
after(async () => {
  server.closeAllConnections();
  await new Promise((r) => server.close(r));
  await rm(dir, { recursive: true, force: true });
});

async function rejectsWith(p: Promise<unknown>, code: string, re?: RegExp) {
  await assert.rejects(p, (e: { code?: string; message: string; exitCode?: number }) => {
    assert.equal(e.code, code, e.message);
    assert.equal(e.exitCode, 2);
    if (re) assert.match(e.message, re);
    return true;
  });
}

describe('SSRF guard: address policy', () => {
  it('refuses every non-public range and allows public unicast', () => {
    for (const a of ['127.0.0.1', '10.1.2.3', '172.16.0.1', '192.168.1.1', '169.254.169.254', '100.64.0.1', '224.0.0.1', '0.0.0.0',
      '255.255.255.255', '::1', '::', 'fe80::1', 'fc00::1', 'fd00:ec2::254', '::ffff:127.0.0.1', '::ffff:8.8.8.8', '64:ff9b::a00:1', '2002:a00:1::', '100.100.100.200']) {
      assert.ok(forbiddenAddressReason(a), `${a} must be refused`);
    }
    for (const a of ['8.8.8.8', '1.1.1.1', '2606:4700:4700::1111']) assert.equal(forbiddenAddressReason(a), null, a);
    // The test switch opens loopback only.
    assert.equal(forbiddenAddressReason('127.0.0.1', true), null);
    assert.ok(forbiddenAddressReason('10.0.0.1', true));
    assert.ok(forbiddenAddressReason('169.254.169.254', true));
  });
});

describe('fetchMediaUrl with the production guard', () => {
  it('refuses a loopback server, localhost and IP-literal tricks before connecting', async () => {
    const cfg = testConfig();
    assert.equal(cfg.urlIntake.allowLoopbackForTests, false, 'never on by default');
    await rejectsWith(fetchMediaUrl(`${base}/photo`, cfg, { dir }), 'url_forbidden', /loopback/);
    await rejectsWith(fetchMediaUrl('http://localhost:1/x.jpg', cfg, { dir }), 'url_forbidden');
    await rejectsWith(fetchMediaUrl('http://[::ffff:7f00:1]/x.jpg', cfg, { dir }), 'url_forbidden');
    await rejectsWith(fetchMediaUrl('http://2130706433/x.jpg', cfg, { dir }), 'url_forbidden');
    await rejectsWith(fetchMediaUrl('http://169.254.169.254/latest/meta-data/', cfg, { dir }), 'url_forbidden');
    await rejectsWith(fetchMediaUrl('file:///etc/passwd', cfg, { dir }), 'url_forbidden');
    await rejectsWith(fetchMediaUrl('http://user:pw@example.com/x.jpg', cfg, { dir }), 'url_forbidden');
  });
  it('refuses a name that resolves inside, even if only one of its addresses does', async () => {
    const cfg = testConfig();
    const resolver = async () => [{ address: '93.184.215.14', family: 4 }, { address: '10.0.0.5', family: 4 }];
    await rejectsWith(fetchMediaUrl('https://media.example/x.mp4', cfg, { dir, resolver }), 'url_forbidden', /10\.0\.0\.5/);
  });
  it('names the platform for social page URLs and asks for the file', async () => {
    const cfg = testConfig();
    for (const [u, name] of [['https://www.youtube.com/watch?v=abc', 'YouTube'], ['https://vm.tiktok.com/ZM123/', 'TikTok'], ['https://www.douyin.com/video/1', 'Douyin'],
      ['https://x.com/a/status/1', 'X (Twitter)'], ['https://m.weibo.cn/detail/1', 'Weibo'], ['https://www.bilibili.com/video/BV1', 'Bilibili'],
      ['https://www.instagram.com/reel/x/', 'Instagram'], ['https://www.xiaohongshu.com/explore/1', 'Xiaohongshu'], ['https://v.kuaishou.com/x', 'Kuaishou']]) {
      await rejectsWith(fetchMediaUrl(u, cfg, { dir }), 'url_not_media', new RegExp(`${name.replace(/[()]/g, '\\$&')}[\\s\\S]*[Dd]ownload`));
    }
  });
});

describe('fetchMediaUrl from a loopback test server (test switch on)', () => {
  it('accepts media by its bytes, whatever the Content-Type says, via a pinned address', async () => {
    let lookups = 0;
    const resolver = async () => { lookups++; return [{ address: '127.0.0.1', family: 4 }]; };
    const port = (server.address() as AddressInfo).port;
    // "media.invalid" cannot resolve in real DNS: the socket connects only because the vetted address is pinned.
    const got = await fetchMediaUrl(`http://media.invalid:${port}/to-photo`, loopbackOk(), { dir, resolver });
    assert.equal(got.sniffed.container, 'jpeg');
    assert.match(got.path, /\.jpeg$/);
    assert.equal(got.size, JPEG.length);
    assert.equal(lookups, 2, 'one resolution per hop (redirect re-vetted)');
  });
  it('refuses page and non-media bodies', async () => {
    await rejectsWith(fetchMediaUrl(`${base}/page`, loopbackOk(), { dir }), 'url_not_media', /web page/);
    await rejectsWith(fetchMediaUrl(`${base}/pdf`, loopbackOk(), { dir }), 'url_not_media');
  });
  it('re-checks every redirect and caps their number', async () => {
    await rejectsWith(fetchMediaUrl(`${base}/to-metadata`, loopbackOk(), { dir }), 'url_forbidden', /169\.254\.169\.254/);
    await rejectsWith(fetchMediaUrl(`${base}/to-private`, loopbackOk(), { dir }), 'url_forbidden');
    await rejectsWith(fetchMediaUrl(`${base}/to-mapped`, loopbackOk(), { dir }), 'url_forbidden');
    await rejectsWith(fetchMediaUrl(`${base}/loop0`, loopbackOk(), { dir }), 'url_fetch_failed', /redirects/);
  });
  it('caps size and time, and leaves nothing behind', async () => {
    await rejectsWith(fetchMediaUrl(`${base}/huge`, loopbackOk(), { dir }), 'file_too_large', /limit|larger/);
    await rejectsWith(fetchMediaUrl(`${base}/slow`, loopbackOk(), { dir }), 'url_fetch_failed', /longer than/);
    assert.deepEqual(readdirSync(dir).filter((f) => f.startsWith('url-download') && !f.endsWith('.jpeg')), []);
  });
});

describe('POST /api/checks with media_url', () => {
  it('fetches into the private dir when allowed, answers problem+json when refused', async () => {
    const runner = new FakeRunner();
    const { app } = await buildApp({ config: loopbackOk(), checks: runner, webDir: null });
    try {
      const ok = await app.inject({ method: 'POST', url: '/api/checks', payload: form({ media_url: `${base}/photo`, caption: 'real?' }) });
      assert.equal(ok.statusCode, 202, ok.body);
      await waitFor(async () => runner.posts.length > 0);
      assert.match(runner.posts[0].file ?? '', /genproof-check-.*url-download\.jpeg$/);
      for (const [u, status, code] of [[`${base}/to-metadata`, 400, 'url_forbidden'], [`${base}/page`, 422, 'url_not_media'], ['https://www.tiktok.com/@a/video/1', 422, 'url_not_media']] as const) {
        const r = await app.inject({ method: 'POST', url: '/api/checks', payload: form({ media_url: u }) });
        assert.equal(r.statusCode, status, r.body);
        assert.match(String(r.headers['content-type']), /problem\+json/);
        assert.equal(r.json().code, code);
      }
      const both = await app.inject({ method: 'POST', url: '/api/checks', payload: form({ media_url: `${base}/photo`, file: { data: JPEG, name: 'a.jpg' } }) });
      assert.equal(both.statusCode, 400);
    } finally {
      await app.close();
    }
  });
});

describe('genproof check URL (CLI)', () => {
  it('exits 2 with url_forbidden for a loopback URL and url_not_media for a social page', async () => {
    const a = await runCli(['check', `${base}/photo`, '--json'], { timeoutMs: 60_000 });
    assert.equal(a.code, 2, a.stderr);
    assert.equal(JSON.parse(a.stdout).error.code, 'url_forbidden');
    const b = await runCli(['check', 'https://www.youtube.com/shorts/abc', '--json'], { timeoutMs: 60_000 });
    assert.equal(b.code, 2, b.stderr);
    assert.equal(JSON.parse(b.stdout).error.code, 'url_not_media');
    assert.match(JSON.parse(b.stdout).error.message, /YouTube/);
    assert.ok(!readdirSync(tmpdir()).some((f) => f.startsWith('genproof-url-') && existsSync(join(tmpdir(), f, 'url-download'))));
  });
});
