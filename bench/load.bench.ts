/**
 * Load on loopback, bounded in count and time: `npm run bench:load`.
 *   A. 1,000 scam checks (POST /api/scam, JSON) from 20 concurrent clients;
 *   B. 50 media uploads (POST /api/checks, multipart, small generated clips) from 20 concurrent clients, then
 *      waits (≤ BENCH_WAIT_S, default 600 s) for the queued checks to finish;
 *   C. the rate limit as shipped: 100 POSTs from one client against a server with the default limit → 429s.
 * A and B run against a server whose per-client limit is raised (BENCH_POSTS_PER_MINUTE, default 5,000) because
 * autocannon's 20 connections are one loopback client. The server is a separate `genproof serve` process (its
 * own peak RSS, from /proc), with a private TMPDIR (temp files counted after a graceful stop).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { runTool } from '../src/repositories/process.repository.js';
import { toolPaths } from '../src/repositories/tools.repository.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const work = mkdtempSync(join(tmpdir(), 'genproof-load-'));
const WAIT_S = Number(process.env.BENCH_WAIT_S ?? 600);

interface Server { child: ChildProcess; url: string; tmp: string; peakRssMb(): number; stop(): Promise<void> }

async function serve(name: string, env: Record<string, string>): Promise<Server> {
  const tmp = join(work, `tmp-${name}`);
  rmSync(tmp, { recursive: true, force: true });
  mkdirSync(tmp);
  const child = spawn(process.execPath, [join(ROOT, 'bin', 'genproof.js'), 'serve', '--port', '0', '--concurrency', '2'], {
    cwd: work, env: { ...process.env, TMPDIR: tmp, GENPROOF_DB: join(work, `${name}.db`), ...env }, stdio: ['ignore', 'ignore', 'pipe'],
  });
  let err = '';
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start in 120 s: ${err}`)), 120_000);
    child.stderr!.on('data', (c) => {
      err += c;
      const m = /serving the desk on (http:\/\/\S+)/.exec(err);
      if (m) { clearTimeout(timer); resolve(m[1]); }
    });
    child.on('close', () => reject(new Error(`server exited: ${err}`)));
  });
  let peak = 0;
  const sample = () => {
    try { peak = Math.max(peak, Number(/VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'))?.[1] ?? 0)); } catch { /* gone */ }
  };
  const timer = setInterval(sample, 250);
  return {
    child, url, tmp, peakRssMb: () => { sample(); return Math.round(peak / 1024); },
    stop: async () => {
      sample();
      clearInterval(timer);
      child.kill('SIGTERM');
      await new Promise((r) => (child.exitCode !== null ? r(null) : child.on('close', r)));
    },
  };
}

interface Phase { name: string; sent: number; ok: number; r429: number; otherErrors: number; p50: number; p95: number; seconds: number }

function pct(xs: number[], p: number): number {
  if (!xs.length) return 0;
  const s = [...xs].sort((a, b) => a - b);
  return Math.round(s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)]);
}

async function blast(name: string, opts: autocannon.Options): Promise<Phase> {
  const times: number[] = [];
  const codes = new Map<number, number>();
  let errors = 0;
  const t0 = Date.now();
  const inst = autocannon({ ...opts, timeout: 120 });
  inst.on('response', (_client: unknown, status: number, _bytes: number, ms: number) => {
    times.push(ms);
    codes.set(status, (codes.get(status) ?? 0) + 1);
  });
  inst.on('reqError', () => { errors++; });
  const result = await inst;
  errors += result.errors + result.timeouts;
  const ok = [...codes].filter(([c]) => c >= 200 && c < 300).reduce((s, [, n]) => s + n, 0);
  const r429 = codes.get(429) ?? 0;
  const other = [...codes].filter(([c]) => c >= 300 && c !== 429).reduce((s, [, n]) => s + n, 0);
  return { name, sent: times.length, ok, r429, otherErrors: other + errors, p50: pct(times, 50), p95: pct(times, 95), seconds: Math.round((Date.now() - t0) / 100) / 10 };
}

function multipart(file: Buffer, name: string, caption: string): { body: Buffer; type: string } {
  const b = 'genproofloadboundary';
  const body = Buffer.concat([
    Buffer.from(`--${b}\r\nContent-Disposition: form-data; name="caption"\r\n\r\n${caption}\r\n`),
    Buffer.from(`--${b}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: video/mp4\r\n\r\n`), file,
    Buffer.from(`\r\n--${b}--\r\n`),
  ]);
  return { body, type: `multipart/form-data; boundary=${b}` };
}

async function pollDone(url: string, ids: string[], deadline: number): Promise<{ done: number; failed: number; pending: number }> {
  const left = new Set(ids);
  let failed = 0;
  while (left.size && Date.now() < deadline) {
    for (const id of [...left]) {
      const s = (await (await fetch(`${url}/api/checks/${id}`)).json()) as { status: string };
      if (s.status === 'done') left.delete(id);
      else if (s.status === 'failed') { left.delete(id); failed++; }
    }
    if (left.size) await new Promise((r) => setTimeout(r, 2000));
  }
  return { done: ids.length - left.size - failed, failed, pending: left.size };
}

const clip = join(work, 'clip.mp4');
const r = await runTool(toolPaths().ffmpeg, ['-v', 'error', '-y', '-f', 'lavfi', '-i', 'testsrc2=size=320x240:rate=15:duration=2', '-c:v', 'libx264', '-preset', 'veryfast', '-pix_fmt', 'yuv420p', clip], { timeoutMs: 60_000 });
if (r.code !== 0) throw new Error(`ffmpeg: ${r.stderr}`);

const phases: Phase[] = [];
const big = await serve('load', { GENPROOF_API__POSTS_PER_MINUTE: process.env.BENCH_POSTS_PER_MINUTE ?? '5000' });
let upload: { done: number; failed: number; pending: number } = { done: 0, failed: 0, pending: 0 };
let peakLoad = 0;
try {
  const scamBody = JSON.stringify({ text: '内部消息！跟着老师炒币，稳赚不赔，日收益30%，加微信 abc123 领取名额 http://bit.ly/x', urls: ['http://bit.ly/x', 'https://paypa1.com/login'] });
  phases.push(await blast('A scam checks', { url: `${big.url}/api/scam`, method: 'POST', connections: 20, amount: 1000, headers: { 'content-type': 'application/json' }, body: scamBody }));
  const mp = multipart(readFileSync(clip), 'clip.mp4', 'This clip was generated by Sora');
  const ids: string[] = [];
  // autocannon hands each response body to onResponse: collect the accepted check ids to wait for them.
  const onResponse = (status: number, body: string) => {
    if (status === 202) ids.push((JSON.parse(body) as { id: string }).id);
  };
  phases.push(await blast('B media uploads', {
    url: `${big.url}/api/checks`, connections: 20, amount: 50,
    requests: [{ method: 'POST', headers: { 'content-type': mp.type }, body: mp.body as unknown as string, onResponse }],
  }));
  if (ids.length) upload = await pollDone(big.url, ids, Date.now() + WAIT_S * 1000);
  peakLoad = big.peakRssMb();
} finally {
  await big.stop();
}
// tsx (when run from source) keeps its compile cache in TMPDIR: not a genproof file.
const leftLoad = readdirSync(big.tmp).filter((f) => !f.startsWith('tsx-'));

const limited = await serve('limit', {});
try {
  phases.push(await blast('C default limit, 1 client', { url: `${limited.url}/api/scam`, method: 'POST', connections: 5, amount: 100, headers: { 'content-type': 'application/json' }, body: JSON.stringify({ text: 'hello' }) }));
} finally {
  await limited.stop();
}

const head = ['phase', 'sent', '2xx', '429', 'other errors', 'p50 ms', 'p95 ms', 'wall s'];
const rows = phases.map((p) => [p.name, p.sent, p.ok, p.r429, p.otherErrors, p.p50, p.p95, p.seconds].map(String));
const w = head.map((_, i) => Math.max(head[i].length, ...rows.map((x) => x[i].length)));
const line = (x: string[]) => `| ${x.map((c, i) => c.padEnd(w[i])).join(' | ')} |`;
console.log(`bench:load on loopback (server: genproof serve, concurrency 2${process.env.GENPROOF_FROM_SOURCE ? ', tsx' : ''})`);
console.log([line(head), line(w.map((n) => '-'.repeat(n))), ...rows.map(line)].join('\n'));
console.log(`queued media checks finished: ${upload.done} done, ${upload.failed} failed, ${upload.pending} still pending after ${WAIT_S} s`);
console.log(`server peak RSS (VmHWM): ${peakLoad} MB; temp files left after a graceful stop: ${leftLoad.length}${leftLoad.length ? ` (${leftLoad.join(', ')})` : ''}`);
const unintended = phases.reduce((s, p) => s + p.otherErrors, 0) + phases.slice(0, 2).reduce((s, p) => s + p.r429, 0);
const limitOk = phases[2].r429 > 0 && phases[2].ok >= 60;
console.log(`errors other than the intended 429s: ${unintended}; default limit enforced: ${limitOk ? 'yes' : 'NO'}`);
rmSync(work, { recursive: true, force: true });
process.exitCode = unintended === 0 && limitOk && leftLoad.length === 0 ? 0 : 1;
