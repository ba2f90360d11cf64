/**
 * The fuzz corpus: seed files from ../shared/data (plus containers the shared data lacks, transcoded from a seed
 * with ffmpeg into the work dir) and the plan of mutants for a run. Nothing here is committed: every mutant is
 * regenerated from (--seed, index).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import {
  bitFlips, bmffDeep, bmffLyingSize, gifManyFrames, HTML_PAYLOAD, hugeDimensions, isBmff, jpegLyingSegment, makeRng, pick,
  pngLyingChunk, riffLyingSize, truncate, zipBomb, type Rng,
} from './mutators.js';

const MEDIA_EXT = /\.(mp4|mov|m4v|3gp|mts|m2ts|avi|mkv|webm|gif|jpe?g|png|webp|heic|heif|avif|tiff?)$/i;

export interface Seed { path: string; ext: string; size: number }

function walk(dir: string, out: string[] = []): string[] {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) walk(p, out);
    else if (e.isFile() && MEDIA_EXT.test(e.name)) out.push(p);
  }
  return out;
}

/** Real media from the shared data (≤ maxBytes each), plus 3GP/MTS/MKV/WebM transcoded from the smallest MP4. */
export function collectSeeds(sharedData: string, workDir: string, ffmpeg: string | null, maxBytes = 4 * 1024 * 1024): Seed[] {
  const files = [join(sharedData, 'media'), join(sharedData, 'c2pa')].filter(existsSync).flatMap((d) => walk(d));
  const seeds = files.map((p) => ({ path: p, ext: extname(p).slice(1).toLowerCase(), size: statSync(p).size })).filter((s) => s.size > 0 && s.size <= maxBytes);
  const mp4 = seeds.filter((s) => s.ext === 'mp4' && s.size > 100_000).sort((a, b) => a.size - b.size)[0];
  if (ffmpeg && mp4) {
    const outDir = join(workDir, 'seeds');
    mkdirSync(outDir, { recursive: true });
    const targets: [string, string[]][] = [
      ['3gp', ['-t', '2', '-vf', 'scale=176:144', '-c:v', 'mpeg4', '-an']],
      ['mts', ['-t', '2', '-c:v', 'libx264', '-an', '-f', 'mpegts']],
      ['mkv', ['-t', '2', '-c', 'copy']],
      ['webm', ['-t', '1', '-vf', 'scale=160:-2', '-c:v', 'libvpx', '-b:v', '200k', '-an']],
    ];
    for (const [ext, args] of targets) {
      const out = join(outDir, `seed.${ext}`);
      try {
        if (!existsSync(out)) execFileSync(ffmpeg, ['-v', 'error', '-y', '-i', mp4.path, ...args, out], { timeout: 60_000 });
        seeds.push({ path: out, ext, size: statSync(out).size });
      } catch {
        /* an ffmpeg build without the encoder: that container is then fuzzed only by the other seeds */
      }
    }
  }
  return seeds.sort((a, b) => a.path.localeCompare(b.path));
}

/** What one mutant is: bytes to write, or a special file-system object. */
export interface Mutant {
  index: number;
  cls: string;
  seed: string | null;
  detail: string;
  /** File name inside the run dir (may be a non-UTF-8 byte name). */
  name: string | Buffer;
  data?: Buffer;
  special?: 'fifo' | 'symlink-dev-zero' | 'directory';
}

type Gen = (seed: Seed, buf: Buffer, rng: Rng) => { data: Buffer; detail: string } | null;

const RANDOM_CLASSES: Record<string, { accepts: (s: Seed, b: Buffer) => boolean; gen: Gen }> = {
  truncate: { accepts: () => true, gen: (_s, b, r) => { const d = truncate(b, r); return { data: d, detail: `cut at ${d.length}/${b.length}` }; } },
  bitflip: { accepts: () => true, gen: (_s, b, r) => ({ data: bitFlips(b, r), detail: 'bit flips in first 64 KiB' }) },
  'bmff-size': { accepts: (_s, b) => isBmff(b), gen: (_s, b, r) => { const m = bmffLyingSize(b, r); return { data: m.data, detail: m.lie }; } },
  'segment-length': {
    accepts: (_s, b) => (b[0] === 0xff && b[1] === 0xd8) || b.toString('latin1', 1, 4) === 'PNG' || b.toString('latin1', 0, 4) === 'RIFF',
    gen: (_s, b, r) => {
      const m = b[0] === 0xff ? jpegLyingSegment(b, r) : b.toString('latin1', 1, 4) === 'PNG' ? pngLyingChunk(b, r) : riffLyingSize(b, r);
      return { data: m.data, detail: m.lie };
    },
  },
  'huge-dims': { accepts: (_s, b) => hugeDimensions(b) !== null, gen: (_s, b) => { const m = hugeDimensions(b)!; return { data: m.data, detail: m.lie }; } },
  'polyglot': {
    accepts: (_s, b) => (b[0] === 0xff && b[1] === 0xd8) || isBmff(b),
    gen: (_s, b, r) => (b[0] === 0xff
      ? { data: Buffer.concat([b, zipBomb(1, 'payload.html')]), detail: 'JPEG+ZIP' }
      : r() < 0.5 ? { data: Buffer.concat([b, HTML_PAYLOAD]), detail: 'MP4+HTML (appended)' } : { data: Buffer.concat([HTML_PAYLOAD, b]), detail: 'HTML+MP4 (prepended)' }),
  },
};

/** Fixed hostile cases (one each per run), then `n - fixed` random mutants of random seeds. */
export function planMutants(n: number, seedValue: number, seeds: Seed[]): Mutant[] {
  const rng = makeRng(seedValue);
  const small = seeds.filter((s) => /jpe?g|png/.test(s.ext)).sort((a, b) => a.size - b.size)[0];
  const smallBytes = small ? readFileSync(small.path) : Buffer.from([0xff, 0xd8, 0xff]);
  const fixed: Omit<Mutant, 'index'>[] = [
    { cls: 'bmff-deep', seed: null, detail: '10,000 nested boxes', name: 'deep.mp4', data: bmffDeep(10_000) },
    { cls: 'bmff-deep', seed: null, detail: '10,000 nested boxes (heic brand)', name: 'deep.heic', data: bmffDeep(10_000, 'heic') },
    { cls: 'gif-frames', seed: null, detail: '100,000 frames 1x1', name: 'frames.gif', data: gifManyFrames(100_000) },
    { cls: 'zip-bomb', seed: null, detail: '200 MiB of zeros deflated, named .mp4', name: 'bomb.mp4', data: zipBomb(200) },
    { cls: 'fs-special', seed: null, detail: 'FIFO', name: 'pipe.mp4', special: 'fifo' },
    { cls: 'fs-special', seed: null, detail: 'symlink to /dev/zero', name: 'zero.mp4', special: 'symlink-dev-zero' },
    { cls: 'fs-special', seed: null, detail: 'directory', name: 'dir.mp4', special: 'directory' },
    { cls: 'fs-special', seed: null, detail: 'empty file', name: 'empty.mp4', data: Buffer.alloc(0) },
    { cls: 'name', seed: small?.path ?? null, detail: 'non-UTF-8 file name', name: Buffer.concat([Buffer.from([0xff, 0xfe, 0x80, 0xc3]), Buffer.from('.jpg')]), data: smallBytes },
    { cls: 'name', seed: small?.path ?? null, detail: '255-byte file name', name: `${'视'.repeat(83)}a.jpeg`, data: smallBytes },
  ];
  const out: Mutant[] = fixed.slice(0, n).map((m, i) => ({ ...m, index: i }));
  const classes = Object.keys(RANDOM_CLASSES);
  const cache = new Map<string, Buffer>();
  for (let i = out.length, tries = 0; i < n && tries < n * 50; tries++) {
    const cls = classes[i % classes.length];
    const seed = pick(rng, seeds);
    let buf = cache.get(seed.path);
    if (!buf) { buf = readFileSync(seed.path); if (cache.size > 40) cache.clear(); cache.set(seed.path, buf); }
    const g = RANDOM_CLASSES[cls];
    if (!g.accepts(seed, buf)) continue;
    const m = g.gen(seed, buf, rng);
    if (!m) continue;
    out.push({ index: i, cls, seed: seed.path, detail: m.detail, name: `m${i}.${seed.ext}`, data: m.data });
    i++;
  }
  return out;
}

/** Write the mutant into `dir` and return its path (a Buffer path for non-UTF-8 names). */
export function materialize(m: Mutant, dir: string): string | Buffer {
  const path = typeof m.name === 'string' ? join(dir, m.name) : Buffer.concat([Buffer.from(dir + '/'), m.name]);
  if (m.special === 'fifo') execFileSync('mkfifo', [path as string]);
  else if (m.special === 'symlink-dev-zero') symlinkSync('/dev/zero', path);
  else if (m.special === 'directory') mkdirSync(path);
  else writeFileSync(path, m.data ?? Buffer.alloc(0));
  return path;
}
