/**
 * bench:pdq — PDQ throughput over the shared test images (../shared/data/pdq/vectors), decode included, the way
 * the C++ reference tool hashes (images larger than 512 px resampled to 512×512 first), and at full resolution.
 * Target (issue 4): at least as fast as Meta's C++ tool, about 16 ms per image decode included.
 *
 *   npm run bench:pdq [-- --runs 3]
 */
import { readdirSync, statSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { decodeImageRgb } from '../src/repositories/pixels.repository.js';
import { pdqFromRgb } from '../src/signals/pdq/pdq.js';

const arg = (name: string, def: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : def;
};
const runs = arg('runs', 3);
const root = fileURLToPath(new URL('../../shared/data/pdq/vectors/', import.meta.url));

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? walk(p) : /\.(jpe?g|png|webp)$/i.test(f) ? [p] : [];
  });
}
const files = walk(root).sort();
if (files.length === 0) throw new Error(`no images under ${root}`);

interface Row { mode: string; images: number; totalMs: number; decodeMs: number; hashMs: number; cpuMs: number; perImage: number[] }

async function run(mode: string, maxDim: number | undefined): Promise<Row> {
  const row: Row = { mode, images: 0, totalMs: 0, decodeMs: 0, hashMs: 0, cpuMs: 0, perImage: [] };
  const c0 = process.cpuUsage();
  for (let r = 0; r < runs; r++) {
    for (const f of files) {
      const t0 = performance.now();
      const img = await decodeImageRgb(f, { maxDim });
      const t1 = performance.now();
      pdqFromRgb(img.rgb, img.width, img.height);
      const t2 = performance.now();
      row.images++;
      row.decodeMs += t1 - t0;
      row.hashMs += t2 - t1;
      row.totalMs += t2 - t0;
      row.perImage.push(t2 - t0);
    }
  }
  const c = process.cpuUsage(c0);
  row.cpuMs = (c.user + c.system) / 1000;
  return row;
}

await run('warm-up', 512);
const rows = [await run('reference rule (≤ 512×512)', 512), await run('full resolution', undefined)];
const med = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
console.log(`${files.length} images (${runs} runs each), sizes 34×42 to 4032×3024; load average ${loadavg().map((x) => x.toFixed(2)).join(' ')} on ${cpus().length} cores\n`);
console.log('| mode | images/s | mean ms/image | median ms/image | decode ms/image | hash ms/image | CPU ms/image |');
console.log('|---|---:|---:|---:|---:|---:|---:|');
for (const r of rows) {
  console.log(`| ${r.mode} | ${((1000 * r.images) / r.totalMs).toFixed(1)} | ${(r.totalMs / r.images).toFixed(2)} | ${med(r.perImage).toFixed(2)} | ${(r.decodeMs / r.images).toFixed(2)} | ${(r.hashMs / r.images).toFixed(2)} | ${(r.cpuMs / r.images).toFixed(2)} |`);
}
console.log('\nTarget: ≈ 16 ms per image decode included (Meta C++ pdq-photo-hasher on this kind of machine).');
