import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { dirname } from 'node:path';
import { afterEach, describe, it } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/http/app.js';
import { scamResultSchema } from '../../src/http/dto.js';
import { FakeRegistry, FakeRunner, FakeScam, JPEG, MP4, form, testConfig } from './fakes.js';

let app: FastifyInstance | null = null;
afterEach(async () => {
  await app?.close();
  app = null;
});

async function setup(o: { token?: string | null; registry?: boolean; scam?: boolean } = {}) {
  const registry = new FakeRegistry();
  const scam = new FakeScam();
  const built = await buildApp({
    config: testConfig({ server: { token: o.token ?? null, maxUploadBytes: 4096 } }),
    checks: new FakeRunner(),
    registry: o.registry === false ? null : registry,
    scam: o.scam === false ? null : scam,
    webDir: null,
  });
  app = built.app;
  return { app: built.app, registry, scam };
}

function expectProblem(res: { statusCode: number; headers: Record<string, unknown>; json(): any }, status: number, code: string) {
  assert.equal(res.statusCode, status, res.body as never);
  assert.match(String(res.headers['content-type']), /^application\/problem\+json/);
  assert.equal(res.json().code, code);
}

describe('meta routes', () => {
  it('GET /healthz', async () => {
    const { app } = await setup();
    const res = await app.inject({ method: 'GET', url: '/healthz' });
    assert.equal(res.statusCode, 200);
    assert.deepEqual(res.json(), { ok: true, db: true, queue: true });
  });

  it('GET /openapi.json documents every API route from the zod schemas', async () => {
    const { app } = await setup();
    const doc = (await app.inject({ method: 'GET', url: '/openapi.json' })).json();
    assert.match(doc.openapi, /^3\./);
    for (const p of ['/api/checks', '/api/checks/{id}', '/api/checks/{id}/report.html', '/api/registry', '/api/registry/{id}/thumbnail.jpg', '/api/scam', '/healthz']) {
      assert.ok(doc.paths[p], `missing ${p} in ${Object.keys(doc.paths).join(', ')}`);
    }
    const ref = doc.paths['/api/checks/{id}'].get.responses['200'].content['application/json'].schema.$ref as string;
    const state = doc.components.schemas[ref.split('/').pop()!];
    assert.ok(state.properties.result, 'check state schema includes the result');
    assert.deepEqual(doc.paths['/api/registry'].post.security, [{ bearer: [] }]);
    const form = doc.paths['/api/checks'].post.requestBody.content['multipart/form-data'].schema;
    assert.deepEqual(Object.keys(form.properties).sort(), ['caption', 'file', 'media_url', 'posted_at', 'urls[]']);
    assert.equal(form.properties.file.format, 'binary');
    const scamRef = doc.paths['/api/scam'].post.requestBody.content['application/json'].schema.$ref as string;
    assert.ok(doc.components.schemas[scamRef.split('/').pop()!].properties.text);
  });

  it('serves a hint page at / when the web page is not built', async () => {
    const { app } = await setup();
    const res = await app.inject({ method: 'GET', url: '/' });
    assert.equal(res.statusCode, 200);
    assert.match(res.body, /npm run build/);
    expectProblem(await app.inject({ method: 'GET', url: '/assets/..%2F..%2F..%2Fpackage.json' }), 404, 'route_not_found');
  });

  it('serves the built page and its assets, and nothing outside them', async () => {
    const webDir = mkdtempSync(join(tmpdir(), 'gp-web-'));
    mkdirSync(join(webDir, 'assets'));
    writeFileSync(join(webDir, 'index.html'), '<!doctype html><title>desk</title>');
    writeFileSync(join(webDir, 'assets', 'app.js'), 'console.log(1)');
    writeFileSync(join(webDir, 'secret.txt'), 'no');
    const built = await buildApp({ config: testConfig(), checks: new FakeRunner(), webDir });
    app = built.app;
    const page = await app.inject({ method: 'GET', url: '/' });
    assert.match(page.body, /<title>desk/);
    assert.match(String(page.headers['content-security-policy']), /default-src 'self'/);
    const js = await app.inject({ method: 'GET', url: '/assets/app.js' });
    assert.equal(js.statusCode, 200);
    assert.match(String(js.headers['content-type']), /^text\/javascript/);
    expectProblem(await app.inject({ method: 'GET', url: '/assets/..%2Fsecret.txt' }), 404, 'route_not_found');
    expectProblem(await app.inject({ method: 'GET', url: '/assets/nope.js' }), 404, 'route_not_found');
    rmSync(webDir, { recursive: true });
  });

  it('refuses other hosts (DNS rebinding) and cross-origin writes', async () => {
    const { app, registry } = await setup();
    expectProblem(await app.inject({ method: 'GET', url: '/healthz', headers: { host: 'evil.example:8080' } }), 421, 'host_not_allowed');
    assert.equal((await app.inject({ method: 'GET', url: '/healthz', headers: { host: '127.0.0.1:8080' } })).statusCode, 200);
    assert.equal((await app.inject({ method: 'GET', url: '/healthz', headers: { host: '[::1]:8080' } })).statusCode, 200);
    const body = () => form({ file: { data: JPEG, name: 'a.jpg' } });
    expectProblem(await app.inject({ method: 'POST', url: '/api/registry', payload: body(), headers: { host: '127.0.0.1:8080', origin: 'https://evil.example' } }), 403, 'cross_origin_forbidden');
    expectProblem(await app.inject({ method: 'POST', url: '/api/checks', payload: form({ caption: 'x' }), headers: { host: '127.0.0.1:8080', origin: 'null' } }), 403, 'cross_origin_forbidden');
    assert.equal(registry.added.length, 0);
    const same = await app.inject({ method: 'POST', url: '/api/registry', payload: body(), headers: { host: '127.0.0.1:8080', origin: 'http://127.0.0.1:8080' } });
    assert.equal(same.statusCode, 201);
  });

  it('answers /api/demo with 404 when not in demo mode', async () => {
    const { app } = await setup();
    expectProblem(await app.inject({ method: 'GET', url: '/api/demo' }), 404, 'demo_unavailable');
  });
});

describe('registry routes', () => {
  it('needs the bearer token to add when one is configured', async () => {
    const { app, registry } = await setup({ token: 's3cret' });
    const body = () => form({ file: { data: MP4, name: 'orig.mp4' }, label: 'original', source: 'newsroom' });
    expectProblem(await app.inject({ method: 'POST', url: '/api/registry', payload: body() }), 401, 'unauthorized');
    expectProblem(await app.inject({ method: 'POST', url: '/api/registry', payload: body(), headers: { authorization: 'Bearer nope' } }), 401, 'unauthorized');
    assert.equal(registry.added.length, 0);
    const ok = await app.inject({ method: 'POST', url: '/api/registry', payload: body(), headers: { authorization: 'Bearer s3cret' } });
    assert.equal(ok.statusCode, 201);
    assert.deepEqual(ok.json(), { ids: ['ref-1'], id: 'ref-1' });
    // Stored from a generated temp path, which is removed after the request; the client name is kept for display.
    assert.equal(registry.added[0].name, 'orig.mp4');
    assert.equal(existsSync(dirname(registry.added[0].path)), false);
    // Reads need no token.
    const list = (await app.inject({ method: 'GET', url: '/api/registry' })).json();
    assert.equal(list.total, 1);
    assert.equal(list.items[0].thumbnail_url, '/api/registry/ref-1/thumbnail.jpg');
    assert.equal(list.items[0].source, 'newsroom');
    const thumb = await app.inject({ method: 'GET', url: list.items[0].thumbnail_url });
    assert.equal(thumb.statusCode, 200);
    assert.equal(thumb.headers['content-type'], 'image/jpeg');
  });

  it('accepts writes without a token when none is configured, and pages the list', async () => {
    const { app } = await setup();
    const res = await app.inject({ method: 'POST', url: '/api/registry', payload: form({ file: { data: JPEG, name: 'a.jpg' }, files: { data: JPEG, name: 'b.jpg' }, label: 'ai', generator: 'sora-2' }) });
    assert.equal(res.statusCode, 201);
    assert.equal(res.json().ids.length, 2);
    const page = (await app.inject({ method: 'GET', url: '/api/registry?offset=1&limit=1' })).json();
    assert.deepEqual([page.total, page.offset, page.limit, page.items.length, page.items[0].file, page.items[0].generator], [2, 1, 1, 1, 'b.jpg', 'sora-2']);
  });

  it('rejects bad registry input', async () => {
    const { app } = await setup();
    expectProblem(await app.inject({ method: 'POST', url: '/api/registry', payload: form({ label: 'original' }) }), 400, 'file_required');
    expectProblem(await app.inject({ method: 'POST', url: '/api/registry', payload: form({ file: { data: JPEG, name: 'a.jpg' }, label: 'fake' }) }), 400, 'invalid_label');
    expectProblem(await app.inject({ method: 'POST', url: '/api/registry', payload: form({ file: { data: JPEG, name: 'a.jpg' }, generator: 'Sora 2!' }) }), 400, 'invalid_generator');
    expectProblem(await app.inject({ method: 'POST', url: '/api/registry', payload: form({ file: { data: Buffer.from('%PDF-1.4 not media at all'), name: 'a.jpg' } }) }), 415, 'media_unsupported');
    expectProblem(await app.inject({ method: 'POST', url: '/api/registry', payload: form({ file: { data: Buffer.concat([JPEG, Buffer.alloc(8000)]), name: 'big.jpg' } }) }), 413, 'file_too_large');
    const part = Buffer.concat([JPEG, Buffer.alloc(2500)]);
    expectProblem(await app.inject({ method: 'POST', url: '/api/registry', payload: form({ file: { data: part, name: 'a.jpg' }, files: { data: part, name: 'b.jpg' } }) }), 413, 'file_too_large');
    expectProblem(await app.inject({ method: 'GET', url: '/api/registry?limit=0' }), 400, 'invalid_request');
    expectProblem(await app.inject({ method: 'GET', url: '/api/registry/unknown/thumbnail.jpg' }), 404, 'reference_not_found');
  });

  it('says 503 when no registry is configured', async () => {
    const { app } = await setup({ registry: false });
    expectProblem(await app.inject({ method: 'GET', url: '/api/registry' }), 503, 'service_unavailable');
  });
});

describe('POST /api/scam', () => {
  it('analyses JSON text and links', async () => {
    const { app, scam } = await setup();
    const res = await app.inject({ method: 'POST', url: '/api/scam', payload: { text: 'Sora 课程 99元', urls: ['https://openai-sora.shop/x'], posted_at: '2024-02-20' } });
    assert.equal(res.statusCode, 200);
    const body = scamResultSchema.parse(res.json());
    assert.equal(body.label, 'scam');
    assert.deepEqual(scam.inputs[0], { text: 'Sora 课程 99元', urls: ['https://openai-sora.shop/x'], images: [], postedAt: '2024-02-20' });
  });

  it('analyses multipart with images and removes them afterwards', async () => {
    const { app, scam } = await setup();
    const res = await app.inject({ method: 'POST', url: '/api/scam', payload: form({ text: '扫码进群', image: { data: JPEG, name: 'qr.jpg' } }) });
    assert.equal(res.statusCode, 200);
    assert.equal(scam.inputs[0].images.length, 1);
    assert.equal(scam.inputs[0].images[0].name, 'qr.jpg');
    assert.equal(existsSync(scam.inputs[0].images[0].path), false);
  });

  it('rejects bad scam input', async () => {
    const { app } = await setup();
    expectProblem(await app.inject({ method: 'POST', url: '/api/scam', payload: {} }), 400, 'file_or_caption_required');
    expectProblem(await app.inject({ method: 'POST', url: '/api/scam', payload: { text: 5 } }), 400, 'invalid_request');
    expectProblem(await app.inject({ method: 'POST', url: '/api/scam', headers: { 'content-type': 'application/json' }, payload: '{"text":' }), 400, 'invalid_json');
    expectProblem(await app.inject({ method: 'POST', url: '/api/scam', payload: { text: 'x', posted_at: 'yesterday' } }), 400, 'invalid_posted_at');
  });

  it('says 503 when scam analysis is not available', async () => {
    const { app } = await setup({ scam: false });
    expectProblem(await app.inject({ method: 'POST', url: '/api/scam', payload: { text: 'x' } }), 503, 'service_unavailable');
  });
});
