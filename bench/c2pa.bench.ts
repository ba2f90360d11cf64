/**
 * bench:c2pa — per-file C2PA read + validate time (c2pa-wasm in the worker, with the shared trust lists loaded)
 * over the fixtures in ../shared/data/c2pa/fixtures and the shared AI/control media, plus the in-file label read
 * (exiftool grouped tags + raw byte scan).
 * The first read includes WebAssembly start-up and is reported apart. Prints a table (median of --runs).
 * Usage: npm run bench:c2pa [-- --runs 3]
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { classifyRead } from '../src/analyzers/c2pa/state.js';
import { closeC2paReader, loadTrustSettings, readC2pa } from '../src/repositories/c2pa.repository.js';
import { readLabels } from '../src/analyzers/c2pa/provenance.js';
import { loadConfig } from '../src/config/config.js';
import { closeExiftool } from '../src/repositories/exif.repository.js';

const arg = (name: string, def: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : def;
};
const runs = Math.max(1, arg('runs', 3));
const here = fileURLToPath(new URL('.', import.meta.url));
const data = join(here, '..', '..', 'shared', 'data');
const fixtures = join(data, 'c2pa', 'fixtures');
if (!existsSync(fixtures)) {
  process.stderr.write(`fixtures not found at ${fixtures}\n`);
  process.exit(2);
}
const MEDIA = /\.(jpe?g|png|webp|gif|tiff?|dng|heic|heif|avif|mp4|mov|m4s|wav)$/i;
function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(dir, e.name)) : MEDIA.test(e.name) ? [join(dir, e.name)] : []));
}
const files = [...walk(fixtures), ...walk(join(data, 'media', 'ai')), ...walk(join(data, 'media', 'c2pa-control')), join(data, 'media', 'real', 'img_truepic_c2pa_camera.jpg')].filter(existsSync);
const trust = loadTrustSettings({ trustDir: join(data, 'c2pa', 'trust'), extraAnchors: [] });
const config = loadConfig({ env: {}, file: null });
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const t0 = performance.now();
await readC2pa(files[0], { trust, timeoutMs: 120_000 });
const startup = performance.now() - t0;

interface Row { file: string; kb: number; state: string; c2pa: number; labels: number }
const rows: Row[] = [];
for (const f of files) {
  const c: number[] = [];
  const l: number[] = [];
  let state = '';
  for (let r = 0; r < runs; r++) {
    const a = performance.now();
    const read = await readC2pa(f, { trust, timeoutMs: 120_000 });
    c.push(performance.now() - a);
    state = classifyRead(read).state;
    const b = performance.now();
    await readLabels(f, config);
    l.push(performance.now() - b);
  }
  rows.push({ file: relative(data, f), kb: Math.round(statSync(f).size / 1024), state, c2pa: median(c), labels: median(l) });
}
await closeC2paReader();
await closeExiftool();

const w = Math.max(...rows.map((r) => r.file.length), 4);
const line = (cols: string[]) => `| ${cols[0].padEnd(w)} | ${cols[1].padStart(7)} | ${cols[2].padEnd(15)} | ${cols[3].padStart(9)} | ${cols[4].padStart(9)} |`;
process.stdout.write(`C2PA read+validate (median of ${runs}; trust lists loaded; worker start-up incl. wasm compile: ${startup.toFixed(0)} ms)\n`);
process.stdout.write(line(['file', 'KiB', 'state', 'c2pa ms', 'labels ms']) + '\n');
process.stdout.write(line(['-'.repeat(w), '-------', '-'.repeat(15), '---------', '---------']) + '\n');
for (const r of rows) process.stdout.write(line([r.file, String(r.kb), r.state, r.c2pa.toFixed(1), r.labels.toFixed(1)]) + '\n');
const all = rows.map((r) => r.c2pa);
const withStore = rows.filter((r) => !['none', 'unsupported', 'remote_manifest'].includes(r.state)).map((r) => r.c2pa);
process.stdout.write(`\nfiles: ${rows.length}; c2pa median ${median(all).toFixed(1)} ms, max ${Math.max(...all).toFixed(1)} ms; with a manifest: median ${median(withStore).toFixed(1)} ms, max ${Math.max(...withStore).toFixed(1)} ms; total ${all.reduce((a, b) => a + b, 0).toFixed(0)} ms\n`);
