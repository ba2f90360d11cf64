/**
 * Scale-out figures on the local Postgres + Redis (npm run bench:scale):
 *  - throughput (checks/min) of the same short clips with 1 and 2 worker processes behind one API, and the API's
 *    p50/p95 time from POST to a stored result;
 *  - the Postgres registry: import of 1 M hashes (one transaction), a worker's full index load from Postgres and its
 *    incremental sync after a new reference, match query p50/p99 on the loaded 1 M-hash index.
 *   BENCH_CHECKS=8 BENCH_HASHES=1000000 npm run bench:scale
 */
import { cpus } from 'node:os';
import { rm } from 'node:fs/promises';
import { HashStore } from '../src/match/hash-store.js';
import { RegistryRepository, type NewReference } from '../src/repositories/registry.repository.js';
import { tempPostgres } from '../test/helpers/services.js';
import { makePosts, startCluster, submit } from '../test/scale/cluster.js';

const CHECKS = Number(process.env.BENCH_CHECKS ?? 8);
const HASHES = Number(process.env.BENCH_HASHES ?? 1_000_000);

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))];
};

async function throughput(workers: number, posts: Awaited<ReturnType<typeof makePosts>>['posts']): Promise<{ perMin: number; p50: number; p95: number; failed: number }> {
  const cluster = await startCluster({ GENPROOF_CHECK__DEPTH: 'fast' });
  try {
    const { url } = await cluster.api();
    await Promise.all(Array.from({ length: workers }, () => cluster.worker(2)));
    const t0 = Date.now();
    const sent = await Promise.all(posts.map(async (p) => ({ id: await submit(url, p), at: Date.now() })));
    const times: number[] = [];
    let failed = 0;
    const pending = new Map(sent.map((s) => [s.id, s.at]));
    while (pending.size) {
      for (const [id, at] of [...pending]) {
        const s = (await (await fetch(`${url}/api/checks/${id}`)).json()) as { status: string };
        if (s.status === 'done' || s.status === 'failed') {
          if (s.status === 'failed') failed++;
          times.push(Date.now() - at);
          pending.delete(id);
        }
      }
      await new Promise((r) => setTimeout(r, 200));
    }
    const minutes = (Date.now() - t0) / 60_000;
    return { perMin: posts.length / minutes, p50: pct(times, 50) / 1000, p95: pct(times, 95) / 1000, failed };
  } finally {
    await cluster.close();
  }
}

function reference(id: string, n: number, seed: number): NewReference {
  let s = seed >>> 0 || 1;
  const next = () => ((s ^= s << 13), (s ^= s >>> 17), (s ^= s << 5), s >>> 0);
  return {
    row: { id, file_name: `${id}.hashes`, sha256: `bench-${id}`, label: 'original', generator: null, source: 'bench', added_at: new Date().toISOString(), kind: 'hashes', duration: null, width: null, height: null, fps: null, frames: n },
    hashes: Array.from({ length: n }, (_, i) => {
      const pdq = new Uint8Array(32);
      for (let j = 0; j < 32; j += 4) new DataView(pdq.buffer).setUint32(j, next());
      return { view: 'full' as const, crop: 1, frame: i, timestamp: i / 30, quality: 90, pdq };
    }),
    keyframes: [],
  };
}

async function loadInto(store: HashStore, repo: RegistryRepository, after: number): Promise<number> {
  const max = await repo.maxHashId();
  const refs = new Map<string, { id: string; file_name: string; label: 'original'; generator: null; source: null; kind: 'hashes' }>();
  for await (const { rows } of repo.hashesSince(after, max)) {
    for (const h of rows) {
      let ref = refs.get(h.reference_id);
      if (!ref) refs.set(h.reference_id, (ref = { id: h.reference_id, file_name: h.reference_id, label: 'original', generator: null, source: null, kind: 'hashes' }));
      store.add(ref, { frame: h.frame, timestamp: h.timestamp, quality: h.quality, hash: h.pdq });
    }
  }
  store.finish();
  return max;
}

async function registryFigures(): Promise<Record<string, string>> {
  const pg = await tempPostgres('genproof_bench');
  const repo = await RegistryRepository.open(pg.url);
  try {
    const big = reference('rbench', HASHES, 7);
    let t = performance.now();
    await repo.insert(big);
    const importS = (performance.now() - t) / 1000;
    const store = new HashStore();
    t = performance.now();
    const cursor = await loadInto(store, repo, 0);
    const loadS = (performance.now() - t) / 1000;
    // A new reference added through another instance; the worker's next sync loads only it.
    const writer = await RegistryRepository.open(pg.url);
    await writer.insert(reference('rnew', 300, 99));
    await writer.close();
    t = performance.now();
    await loadInto(store, repo, cursor);
    const syncMs = performance.now() - t;
    const q: number[] = [];
    for (let i = 0; i < 1000; i++) {
      const h = Uint8Array.from(big.hashes[(i * 7919) % HASHES].pdq);
      h[i % 32] ^= 0x11; // a near neighbour
      const t1 = performance.now();
      store.query(h, 31);
      q.push(performance.now() - t1);
    }
    return {
      [`import ${HASHES.toLocaleString('en')} hashes (1 tx)`]: `${importS.toFixed(1)} s (${Math.round(HASHES / importS).toLocaleString('en')} rows/s)`,
      'worker full index load from Postgres': `${loadS.toFixed(1)} s`,
      'worker incremental sync (+300 hashes)': `${syncMs.toFixed(0)} ms`,
      'match query p50 / p99 (in-memory MIH, d≤31)': `${pct(q, 50).toFixed(2)} / ${pct(q, 99).toFixed(2)} ms`,
    };
  } finally {
    await repo.close();
    await pg.drop();
  }
}

const fixtures = await makePosts(CHECKS, CHECKS);
try {
  console.log(`machine: ${cpus().length} cores (shared), ${new Date().toISOString()}`);
  console.log(`checks: ${CHECKS} short generated clips (160x120, 2 s), depth fast, worker concurrency 2`);
  for (const w of [1, 2]) {
    const r = await throughput(w, fixtures.posts);
    console.log(`  ${w} worker(s): ${r.perMin.toFixed(1)} checks/min, time to result p50 ${r.p50.toFixed(1)} s, p95 ${r.p95.toFixed(1)} s, failed ${r.failed}`);
  }
  console.log('Postgres registry:');
  for (const [k, v] of Object.entries(await registryFigures())) console.log(`  ${k}: ${v}`);
} finally {
  await rm(fixtures.dir, { recursive: true, force: true });
}
process.exit(0);
