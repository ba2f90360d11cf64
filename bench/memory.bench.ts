/**
 * bench:memory — peak memory of a cold `genproof check FILE --json` process (compiled dist/: run `npm run build`
 * first), issue 12 "Bounded memory". Cases and targets (peak RSS of the genproof process, worker threads included):
 *   (a) a generated 60 s 1080p H.264 clip (lavfi testsrc2, as bench:check), default depth   ≤ 450 MB
 *   (b) a 12 MP iPhone HEIC (4032×3024) from ../shared/data (read in place, never copied)   ≤ 500 MB
 *   (c) a 1 GiB MP4 with a C2PA manifest (video1.mp4 from the C2PA fixtures, padded with a top-level `free` box to
 *       1 GiB in a temp dir, deleted afterwards). The padding is not in the manifest's BMFF hash exclusions, so
 *       c2pa-rs hashes the whole GiB and reports assertion.bmffHash.mismatch: the same reading work as a valid
 *       1 GiB manifest, without a signer (c2pa-wasm 0.13 signs only through a raw COSE callback).  ≤ 600 MB
 * Each run goes through `/usr/bin/time -f '%U %S %M'` (%M = the largest single process of the tree: node or a
 * child such as ffmpeg/exiftool); meanwhile /proc is polled every 50 ms for the node process's VmHWM (its own
 * peak RSS) and the summed RSS of the whole process tree. Pass/fail judges the node process's peak.
 * Usage: npm run bench:memory [-- --runs 1 --only a,b,c --cli PATH --keep]
 */
import { execFileSync, spawn } from 'node:child_process';
import { closeSync, existsSync, ftruncateSync, mkdirSync, openSync, readFileSync, readdirSync, rmSync, statSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { toolPaths } from '../src/repositories/tools.repository.js';

const argv = process.argv.slice(2);
const opt = (name: string): string | undefined => {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 ? argv[i + 1] : undefined;
};
const runs = Number(opt('runs') ?? 1);
const only = new Set((opt('only') ?? 'a,b,c').split(','));
/** `--cli PATH`: the genproof entry to measure (default bin/genproof.js; e.g. an older build for a before figure). */
const cli = opt('cli') ?? 'bin/genproof.js';
if (!opt('cli') && (!existsSync('dist/bin/cli.js') || process.env.GENPROOF_FROM_SOURCE))
  process.stderr.write('warning: no dist/ (run `npm run build`): measuring tsx from source, which adds its own memory\n');

function onPath(name: string): string | null {
  try {
    return execFileSync('sh', ['-c', `command -v ${name}`], { encoding: 'utf8' }).trim() || null;
  } catch {
    return null;
  }
}
const ffmpeg = onPath('ffmpeg') ?? toolPaths().ffmpeg;
const dir = join(tmpdir(), 'genproof-bench');
mkdirSync(dir, { recursive: true });
const shared = resolve('..', 'shared', 'data');

function run(cmd: string, args: string[]): void {
  execFileSync(cmd, args, { stdio: ['ignore', 'ignore', 'inherit'] });
}

// (a) the clip bench:check uses (same name, so either bench reuses the other's).
const clip = join(dir, 'bench-60s-1080p.mp4');
if (only.has('a') && !existsSync(clip)) {
  process.stderr.write(`generating ${clip} …\n`);
  run(ffmpeg, ['-v', 'error', '-y', '-f', 'lavfi', '-i', 'testsrc2=size=1920x1080:rate=30:duration=60', '-f', 'lavfi', '-i', 'sine=frequency=440:duration=60',
    '-c:v', 'libx264', '-preset', 'veryfast', '-pix_fmt', 'yuv420p', '-c:a', 'aac', '-shortest', clip]);
}

// (b) the largest HEIC in the shared data (a 12 MP iPhone photo).
function findHeic(root: string): string | null {
  let best: { p: string; size: number } | null = null;
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (/\.hei[cf]$/i.test(e.name)) {
        const size = statSync(p).size;
        if (!best || size > best.size) best = { p, size };
      }
    }
  };
  if (existsSync(root)) walk(root);
  return (best as { p: string } | null)?.p ?? null;
}
const heic = only.has('b') ? findHeic(shared) : null;

// (c) a signed MP4 padded to 1 GiB with a trailing top-level `free` box (written sparse: no GiB on disk until read).
const GIB = 1024 * 1024 * 1024;
const bigMp4 = join(dir, `c2pa-1gib-${process.pid}.mp4`);
function makeBigMp4(): void {
  const src = readFileSync(join(shared, 'c2pa', 'fixtures', 'video1.mp4'));
  const pad = GIB - src.length;
  const hdr = Buffer.alloc(16);
  hdr.writeUInt32BE(1, 0); // size 1: a 64-bit size follows the type
  hdr.write('free', 4, 'latin1');
  hdr.writeBigUInt64BE(BigInt(pad), 8);
  const fd = openSync(bigMp4, 'w');
  try {
    writeSync(fd, src);
    writeSync(fd, hdr);
    ftruncateSync(fd, GIB);
  } finally {
    closeSync(fd);
  }
}

interface Sample { rssMb: number; nodePeakMb: number; treePeakMb: number; wall: number; cpu: number }

function procStatus(pid: number): Record<string, string> | null {
  try {
    const out: Record<string, string> = {};
    for (const line of readFileSync(`/proc/${pid}/status`, 'utf8').split('\n')) {
      const i = line.indexOf(':');
      if (i > 0) out[line.slice(0, i)] = line.slice(i + 1).trim();
    }
    return out;
  } catch {
    return null;
  }
}
const kb = (v: string | undefined) => (v ? Number(v.split(/\s+/)[0]) : 0);
function children(pid: number): number[] {
  try {
    return readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number);
  } catch {
    return [];
  }
}

/** One cold check under /usr/bin/time, polling /proc meanwhile. */
function measure(args: string[]): Promise<Sample> {
  return new Promise((resolveP, reject) => {
    const t0 = process.hrtime.bigint();
    const p = spawn('/usr/bin/time', ['-f', '%U %S %M', process.execPath, ...args], { stdio: ['ignore', 'ignore', 'pipe'] });
    let err = '';
    p.stderr.on('data', (d: Buffer) => (err += d.toString()));
    let nodePid = 0;
    let nodePeak = 0;
    let treePeak = 0;
    const poll = setInterval(() => {
      if (!p.pid) return;
      nodePid ||= children(p.pid)[0] ?? 0;
      if (!nodePid) return;
      const st = procStatus(nodePid);
      if (st) nodePeak = Math.max(nodePeak, kb(st.VmHWM));
      let sum = 0;
      const stack = [nodePid];
      while (stack.length) {
        const q = stack.pop()!;
        sum += kb(procStatus(q)?.VmRSS);
        stack.push(...children(q));
      }
      treePeak = Math.max(treePeak, sum);
    }, 50);
    p.on('close', (code) => {
      clearInterval(poll);
      const wall = Number(process.hrtime.bigint() - t0) / 1e9;
      if (code !== 0) return reject(new Error(`check failed (${code}): ${err.slice(-800)}`));
      const [u, s, m] = err.trim().split('\n').pop()!.split(/\s+/).map(Number);
      resolveP({ wall, cpu: u + s, rssMb: m / 1024, nodePeakMb: nodePeak / 1024, treePeakMb: treePeak / 1024 });
    });
  });
}

// Registry with one unrelated original, as bench:check, so the match analyzer hashes and queries.
const benchDb = join(dir, 'db', 'bench.db');
mkdirSync(join(dir, 'db'), { recursive: true });
if (!existsSync(benchDb)) {
  const refClip = join(dir, 'bench-ref-10s.mp4');
  run(ffmpeg, ['-v', 'error', '-y', '-f', 'lavfi', '-i', 'mandelbrot=size=640x360:rate=25', '-t', '10', '-c:v', 'libx264', '-pix_fmt', 'yuv420p', refClip]);
  run(process.execPath, ['bin/genproof.js', 'registry', 'add', refClip, '--label', 'original', '--source', 'bench', '--db', benchDb]);
}
const checkArgs = (file: string) => [cli, 'check', file, '--json', '--db', benchDb];

interface Case { id: string; name: string; file: () => string | null; targetMb: number; cleanup?: () => void }
const cases: Case[] = [
  { id: 'a', name: '60 s 1080p H.264, default depth', file: () => clip, targetMb: 450 },
  { id: 'b', name: '12 MP HEIC (4032×3024)', file: () => heic, targetMb: 500 },
  {
    id: 'c', name: '1 GiB MP4 with C2PA manifest', targetMb: 600,
    file: () => (makeBigMp4(), bigMp4),
    cleanup: () => rmSync(bigMp4, { force: true }),
  },
];

const rows: string[][] = [];
try {
  for (const c of cases.filter((x) => only.has(x.id))) {
    const file = c.file();
    if (!file) {
      rows.push([`(${c.id}) ${c.name}`, '–', '–', '–', '–', `≤ ${c.targetMb}`, 'skipped (no input)']);
      continue;
    }
    try {
      const xs: Sample[] = [];
      for (let i = 0; i < runs; i++) xs.push(await measure(checkArgs(file)));
      const worst = xs.reduce((a, b) => (b.nodePeakMb > a.nodePeakMb ? b : a));
      const pass = worst.nodePeakMb <= c.targetMb;
      rows.push([`(${c.id}) ${c.name}`, worst.nodePeakMb.toFixed(0), worst.rssMb.toFixed(0), worst.treePeakMb.toFixed(0),
        `${worst.wall.toFixed(1)} (CPU ${worst.cpu.toFixed(1)})`, `≤ ${c.targetMb}`, pass ? 'pass' : 'FAIL']);
    } finally {
      if (!argv.includes('--keep')) c.cleanup?.();
    }
  }
} finally {
  rmSync(bigMp4, { force: true });
}

const head = ['case', 'node peak RSS MB', 'largest process MB (%M)', 'tree RSS MB', 'wall s', 'target MB', 'result'];
const w = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
const line = (r: string[]) => '| ' + r.map((x, i) => x.padEnd(w[i])).join(' | ') + ' |';
console.log(`cli: ${cli}; runs per case: ${runs} (worst shown); ffmpeg: ${ffmpeg}`);
console.log(line(head));
console.log('|' + w.map((n) => '-'.repeat(n + 2)).join('|') + '|');
for (const r of rows) console.log(line(r));
console.log('\nnode peak = VmHWM of the genproof process (worker threads included); %M = /usr/bin/time, the largest single');
console.log('process (node or a child: ffmpeg, exiftool…); tree = the largest summed RSS of the process tree seen (50 ms polls).');
