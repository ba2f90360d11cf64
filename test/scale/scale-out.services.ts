/**
 * Two workers and two API instances on Postgres + Redis: 20 posts, one worker SIGKILLed mid-check; every check is
 * stored exactly once with the verdict the embedded desk gives the same posts, and any API instance answers for any
 * check. A reference added through one API instance is matched by the workers' next checks (index sync).
 */
import assert from 'node:assert/strict';
import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import pg from 'pg';
import { runCli } from '../helpers/cli.js';
import { makePosts, startCluster, submit, type Cluster } from './cluster.js';

const FAST = { GENPROOF_CHECK__DEPTH: 'fast' };
let cluster: Cluster;
let fixtures: Awaited<ReturnType<typeof makePosts>>;

before(async () => {
  fixtures = await makePosts(20, 4);
  cluster = await startCluster({ ...FAST, GENPROOF_WORKER__LOCK_MS: '4000' });
});
after(async () => {
  await cluster?.close();
  if (fixtures) await rm(fixtures.dir, { recursive: true, force: true });
});

async function stored(db: string): Promise<{ id: string; status: string; quadrant: string | null; attempts: number }[]> {
  const c = new pg.Client({ connectionString: db });
  await c.connect();
  try {
    return (await c.query('select id, status, quadrant, attempts from checks')).rows;
  } finally {
    await c.end();
  }
}

describe('scale-out: API + workers on Postgres and Redis', { timeout: 600_000 }, () => {
  it('runs 20 checks across two workers, survives a SIGKILLed worker, stores each once with the embedded verdicts', async () => {
    // The embedded desk's verdicts for the same posts (SQLite, in-process), with the same registered original.
    const sqlite = join(fixtures.dir, 'embedded.db');
    const reg = await runCli(['--db', sqlite, 'registry', 'add', fixtures.original, '--label', 'original'], { env: FAST, timeoutMs: 180_000 });
    assert.equal(reg.code, 0, reg.stderr);
    const emb = await runCli(['--db', sqlite, '--quiet', 'check', '--batch', join(fixtures.dir, 'in.jsonl'), '--out', join(fixtures.dir, 'embedded.jsonl')], { env: FAST, timeoutMs: 400_000 });
    assert.equal(emb.code, 0, emb.stderr);
    const embedded = new Map((await readFile(join(fixtures.dir, 'embedded.jsonl'), 'utf8')).trim().split('\n').map((l) => JSON.parse(l)).map((o) => [o.id, o]));
    assert.equal(embedded.size, 20);
    assert.equal(embedded.get('clip-0').verdict.quadrant, 'false_ai_claim', 'the repost of the registered original is caught embedded');

    const [a, b] = await Promise.all([cluster.api(), cluster.api()]);
    const [w1] = await Promise.all([cluster.worker(2), cluster.worker(2)]);
    // Register the original through API A only; the workers load it from Postgres before they match.
    const fd = new FormData();
    fd.append('file', new Blob([await readFile(fixtures.original)]), 'original.mp4');
    fd.append('label', 'original');
    const r = await fetch(`${a.url}/api/registry`, { method: 'POST', body: fd });
    assert.equal(r.status, 201, await r.text());

    const ids = new Map<string, string>();
    for (const p of fixtures.posts) ids.set(await submit(a.url, p), p.id);

    // Kill worker 1 while checks are running on both workers.
    const deadline = Date.now() + 240_000;
    for (;;) {
      const rows = await stored(cluster.db);
      if (rows.filter((x) => x.status === 'running').length >= 3) break;
      assert.ok(Date.now() < deadline, 'checks never ran on both workers');
      await new Promise((res) => setTimeout(res, 100));
    }
    await cluster.stop({ child: w1.child, log: w1.log }, 'SIGKILL');

    // Every check finishes through worker 2, read through API B (which enqueued none of them).
    let states: { id: string; status: string; result: { verdict: { quadrant: string } } | null; error: unknown }[] = [];
    for (;;) {
      states = await Promise.all([...ids.keys()].map(async (id) => (await fetch(`${b.url}/api/checks/${id}`)).json()));
      if (states.every((s) => s.status === 'done' || s.status === 'failed')) break;
      assert.ok(Date.now() < deadline + 240_000, `checks stuck: ${JSON.stringify(states.map((s) => s.status))}`);
      await new Promise((res) => setTimeout(res, 500));
    }
    for (const s of states) {
      const want = embedded.get(ids.get(s.id)!);
      assert.equal(s.status, 'done', `${ids.get(s.id)}: ${JSON.stringify(s.error)}`);
      assert.equal(s.result!.verdict.quadrant, want.verdict.quadrant, `${ids.get(s.id)}: same verdict as embedded`);
    }
    const rows = await stored(cluster.db);
    assert.equal(rows.length, 20, 'exactly one stored check per submission');
    assert.ok(rows.some((x) => x.attempts >= 2), `a check interrupted by the kill was retried: ${JSON.stringify(rows.map((x) => x.attempts))}`);
    const history = await (await fetch(`${b.url}/api/checks?limit=100`)).json();
    assert.equal(history.items.length, 20);
    const health = await (await fetch(`${b.url}/healthz`)).json();
    assert.deepEqual(health, { ok: true, db: true, queue: true });
    const metrics = await (await fetch(`${a.url}/metrics`)).text();
    assert.match(metrics, /genproof_checks\{status="done"\} 20/);
  });
});
