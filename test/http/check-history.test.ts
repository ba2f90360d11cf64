import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, describe, it } from 'node:test';
import { buildApp } from '../../src/http/app.js';
import { FsBlobStore } from '../../src/repositories/blob-store.repository.js';
import { CheckResultsRepository } from '../../src/repositories/check-results.repository.js';
import { applyRetention } from '../../src/services/retention.service.js';
import { FakeRunner, JPEG, form, testConfig, waitFor } from './fakes.js';

const dirs: string[] = [];
after(async () => {
  for (const d of dirs) await rm(d, { recursive: true, force: true });
});

async function open(dbFile: string, blobDir: string, token: string | null = null) {
  const runner = new FakeRunner();
  const results = await CheckResultsRepository.open(dbFile);
  const blobs = await FsBlobStore.open(blobDir);
  const { app } = await buildApp({ config: testConfig({ server: { token } }), checks: runner, webDir: null, results, blobs, onClose: () => results.close() });
  return { app, runner, results, blobs };
}

async function submit(app: Awaited<ReturnType<typeof open>>['app'], name: string): Promise<string> {
  const res = await app.inject({ method: 'POST', url: '/api/checks', payload: form({ file: { data: JPEG, name }, caption: 'made with sora' }) });
  assert.equal(res.statusCode, 202, res.body);
  const id = res.json().id as string;
  await waitFor(async () => ((await app.inject({ method: 'GET', url: `/api/checks/${id}` })).json().status === 'done' ? true : null));
  return id;
}

describe('check history (persisted results)', () => {
  it('lists checks newest first with a cursor, survives a restart, deletes a check with its files', async () => {
    const root = await mkdtemp(join(tmpdir(), 'gp-history-'));
    dirs.push(root);
    const dbFile = join(root, 'g.db');
    const first = await open(dbFile, join(root, 'blobs'));
    const ids = [];
    for (const n of ['a.jpg', 'b.jpg', 'c.jpg']) ids.push(await submit(first.app, n));
    const uploadDir = dirname(first.runner.posts[0].file!);
    assert.equal(dirname(uploadDir), join(root, 'blobs'), 'uploads go to the blob dir');
    await first.app.close();

    const second = await open(dbFile, join(root, 'blobs'));
    const page1 = (await second.app.inject({ method: 'GET', url: '/api/checks?limit=2' })).json();
    assert.deepEqual(page1.items.map((i: { file_name: string }) => i.file_name), ['c.jpg', 'b.jpg']);
    assert.deepEqual(Object.keys(page1.items[0]).sort(), ['created_at', 'file_name', 'id', 'quadrant', 'rating', 'status']);
    assert.equal(page1.items[0].quadrant, 'false_ai_claim');
    assert.equal(page1.items[0].status, 'done');
    assert.equal(typeof page1.next_cursor, 'string');
    const page2 = (await second.app.inject({ method: 'GET', url: `/api/checks?limit=2&cursor=${encodeURIComponent(page1.next_cursor)}` })).json();
    assert.deepEqual(page2.items.map((i: { id: string }) => i.id), [ids[0]]);
    assert.equal(page2.next_cursor, null);
    assert.equal((await second.app.inject({ method: 'GET', url: '/api/checks?limit=0' })).json().items.length, 1, 'limit clamps to 1');
    assert.equal((await second.app.inject({ method: 'GET', url: '/api/checks?limit=9999' })).json().items.length, 3, 'limit clamps to 100');

    const state = (await second.app.inject({ method: 'GET', url: `/api/checks/${ids[1]}` })).json();
    assert.equal(state.result.verdict.quadrant, 'false_ai_claim', 'the result survives a restart');
    const frame = await second.app.inject({ method: 'GET', url: state.keyframes[0].url });
    assert.equal(frame.statusCode, 200);
    assert.equal((await second.app.inject({ method: 'GET', url: state.report_url })).statusCode, 200);

    const del = await second.app.inject({ method: 'DELETE', url: `/api/checks/${ids[1]}` });
    assert.equal(del.statusCode, 204);
    assert.equal((await second.app.inject({ method: 'GET', url: `/api/checks/${ids[1]}` })).statusCode, 404);
    assert.equal((await second.app.inject({ method: 'GET', url: state.keyframes[0].url })).statusCode, 404);
    assert.equal((await second.app.inject({ method: 'DELETE', url: `/api/checks/${ids[1]}` })).statusCode, 404);
    assert.equal(existsSync(uploadDir), false);

    const metrics = await second.app.inject({ method: 'GET', url: '/metrics' });
    assert.match(metrics.body, /genproof_checks\{status="done"\} 2/);
    assert.match(metrics.body, /genproof_queue_depth\{state="queued"\} 0/);

    // Retention: nothing is old yet; 31 days on, everything is.
    assert.equal((await applyRetention({ results: second.results, blobs: second.blobs, days: 30 })).checks, 0);
    assert.equal((await applyRetention({ results: second.results, blobs: second.blobs, days: 30, now: Date.now() + 31 * 864e5 })).checks, 2);
    assert.deepEqual((await second.app.inject({ method: 'GET', url: '/api/checks' })).json(), { items: [], next_cursor: null });
    await second.app.close();
  });

  it('reads results beyond loopback only with the bearer token', async () => {
    const root = await mkdtemp(join(tmpdir(), 'gp-history-'));
    dirs.push(root);
    const noToken = await open(':memory:', join(root, 'b1'));
    const id = await submit(noToken.app, 'x.jpg');
    const remote = { remoteAddress: '10.1.2.3' };
    assert.equal((await noToken.app.inject({ method: 'GET', url: '/api/checks', ...remote })).statusCode, 401);
    assert.equal((await noToken.app.inject({ method: 'GET', url: `/api/checks/${id}`, ...remote })).json().code, 'unauthorized');
    assert.equal((await noToken.app.inject({ method: 'GET', url: '/api/checks', headers: { 'x-forwarded-for': '10.1.2.3' } })).statusCode, 401, 'a proxied request is not loopback');
    assert.equal((await noToken.app.inject({ method: 'GET', url: '/api/checks' })).statusCode, 200);
    await noToken.app.close();

    const withToken = await open(':memory:', join(root, 'b2'), 's3cret');
    const id2 = await submit(withToken.app, 'y.jpg');
    assert.equal((await withToken.app.inject({ method: 'GET', url: `/api/checks/${id2}`, ...remote })).statusCode, 401);
    assert.equal((await withToken.app.inject({ method: 'GET', url: `/api/checks/${id2}`, ...remote, headers: { authorization: 'Bearer wrong' } })).statusCode, 401);
    assert.equal((await withToken.app.inject({ method: 'GET', url: `/api/checks/${id2}`, ...remote, headers: { authorization: 'Bearer s3cret' } })).statusCode, 200);
    assert.equal((await withToken.app.inject({ method: 'DELETE', url: `/api/checks/${id2}`, ...remote })).statusCode, 401);
    await withToken.app.close();
  });
});
