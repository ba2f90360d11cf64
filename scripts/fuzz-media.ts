/**
 * Media fuzzing: `npm run fuzz:media -- --n 500 --seed S [--timeout-ms 60000] [--jobs 2] [--keep] [--json OUT]`.
 * Mutants of the real files in ../shared/data go through `genproof check --json` (compiled dist when present,
 * else tsx) with a wall-clock cap; the table shows exit codes by class, crashes (exit not 0/2/3, a signal, a
 * stack trace), hangs (past the check timeout + 5 s), peak RSS against the documented limit, and temp files left.
 * Exit status 1 when any crash, hang, leak or memory overrun was seen.
 */
import { appendFileSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ffmpegInstaller from '@ffmpeg-installer/ffmpeg';
import { collectSeeds, materialize, planMutants, type Mutant } from './fuzz/corpus.js';
import { runOne, type RunResult } from './fuzz/runner.js';

/** Documented limit (README "Hostile input"): peak RSS of any one process of a check. */
export const PEAK_RSS_LIMIT_MB = 2048;

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');

export interface FuzzOptions {
  n: number; seed: number; timeoutMs: number; jobs: number; keep: boolean; shared: string; quiet?: boolean;
  /** Re-run only these mutant indexes of the (n, seed) plan, e.g. to reproduce a finding. */
  only?: number[];
  /** Called as each run finishes (the CLI appends it to --json as a JSON line, so a stopped run keeps its results). */
  onRecord?: (r: FuzzRecord) => void;
}
export interface FuzzRecord { mutant: Omit<Mutant, 'data' | 'name'> & { name: string }; result: RunResult }

function arg(name: string, def: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] ? process.argv[i + 1] : def;
}

let startupMs = 0;

export async function fuzz(o: FuzzOptions): Promise<{ records: FuzzRecord[]; table: string; failures: number }> {
  const work = mkdtempSync(join(tmpdir(), 'gpfuzz-'));
  const fromSource = !existsSync(join(ROOT, 'dist', 'bin', 'cli.js'));
  const seeds = collectSeeds(o.shared, work, ffmpegInstaller.path);
  if (seeds.length === 0) throw new Error(`no media seeds under ${o.shared}`);
  const all = planMutants(o.n, o.seed, seeds);
  const mutants = o.only ? all.filter((m) => o.only!.includes(m.index)) : all;
  const env = { node: process.execPath, bin: join(ROOT, 'bin', 'genproof.js'), timeoutMs: o.timeoutMs, graceMs: 5000, dbPath: join(work, 'fuzz.db'), fromSource };
  const log = (s: string) => { if (!o.quiet) process.stderr.write(s); };
  // The check timeout starts once the CLI is up; on a loaded machine start-up alone can take 20 s. A hang is a
  // run still alive at timeout + 5 s + the start-up time of a trivial run (measured here, reported in the table).
  mkdirSync(join(work, 'probe'), { recursive: true });
  const probe = await runOne(join(work, 'probe', 'missing.mp4'), join(work, 'probe'), join(work, 'tmp-probe'), { ...env, graceMs: 120_000 });
  env.graceMs = 5000 + probe.ms;
  startupMs = probe.ms;
  log(`fuzz: ${mutants.length} mutants of ${seeds.length} seeds, seed ${o.seed}, ${fromSource ? 'tsx (no dist)' : 'dist'}, ${o.jobs} at once, work dir ${work}\n`);
  const records: FuzzRecord[] = [];
  let next = 0;
  async function worker(slot: number) {
    for (;;) {
      const i = next++;
      if (i >= mutants.length) return;
      const m = mutants[i];
      const dir = join(work, `run-${slot}`);
      rmSync(dir, { recursive: true, force: true });
      mkdirSync(dir, { recursive: true });
      const target = (() => { try { return materialize(m, dir); } catch (e) { return e as Error; } })();
      if (target instanceof Error) { log(`  #${i} ${m.cls}: could not create (${target.message}); skipped\n`); continue; }
      const result = await runOne(target, dir, join(work, `tmp-${slot}`), env);
      const name = typeof m.name === 'string' ? m.name : `<${m.name.length} bytes, non-UTF-8>`;
      const rec = { mutant: { index: m.index, cls: m.cls, seed: m.seed, detail: m.detail, special: m.special, name }, result };
      records.push(rec);
      o.onRecord?.(rec);
      const bad = result.crash || result.hang || result.leftovers.length || (result.peakRssKb ?? 0) > PEAK_RSS_LIMIT_MB * 1024;
      log(`  #${i} ${m.cls.padEnd(14)} exit ${String(result.exit).padEnd(4)} ${result.errorCode ?? ''} ${(result.ms / 1000).toFixed(1)}s ${Math.round((result.peakRssKb ?? 0) / 1024)}MB${bad ? `  <-- ${result.crash ?? (result.hang ? 'HANG' : result.leftovers.length ? `LEFT ${result.leftovers.join(',')}` : 'RSS')} [${m.seed ?? ''} ${m.detail}]` : ''}\n`);
      rmSync(dir, { recursive: true, force: true });
    }
  }
  await Promise.all(Array.from({ length: o.jobs }, (_, s) => worker(s)));
  if (!o.keep) rmSync(work, { recursive: true, force: true });
  records.sort((a, b) => a.mutant.index - b.mutant.index);
  return { records, ...tabulate(records, o) };
}


export function tabulate(records: FuzzRecord[], o: Pick<FuzzOptions, 'n' | 'seed' | 'timeoutMs'>): { table: string; failures: number } {
  const classes = [...new Set(records.map((r) => r.mutant.cls))];
  const rows = classes.map((cls) => {
    const rs = records.filter((r) => r.mutant.cls === cls);
    const count = (f: (r: RunResult) => boolean) => rs.filter((r) => f(r.result)).length;
    const peak = Math.max(0, ...rs.map((r) => r.result.peakRssKb ?? 0));
    const codes = new Map<string, number>();
    for (const r of rs) if (r.result.errorCode) codes.set(r.result.errorCode, (codes.get(r.result.errorCode) ?? 0) + 1);
    return [cls, rs.length, count((r) => r.exit === 0), count((r) => r.exit === 2), count((r) => r.exit === 3), count((r) => !!r.crash), count((r) => r.hang),
      `${Math.round(peak / 1024)}`, count((r) => r.leftovers.length > 0), Math.round(Math.max(...rs.map((r) => r.result.ms)) / 100) / 10,
      [...codes].sort((a, b) => b[1] - a[1]).slice(0, 3).map(([c, n]) => `${c}×${n}`).join(' ')];
  });
  const head = ['class', 'runs', 'exit 0', 'exit 2', 'exit 3', 'crash', 'hang', 'peak RSS MB', 'leaks', 'max s', 'top error codes'];
  const all = [head, ...rows.map((r) => r.map(String))];
  const widths = head.map((_, i) => Math.max(...all.map((r) => r[i].length)));
  const line = (r: string[]) => `| ${r.map((c, i) => c.padEnd(widths[i])).join(' | ')} |`;
  const tot = (i: number) => rows.reduce((s, r) => s + Number(r[i]), 0);
  const peakAll = Math.max(0, ...rows.map((r) => Number(r[7])));
  const failures = tot(5) + tot(6) + tot(8) + (peakAll > PEAK_RSS_LIMIT_MB ? 1 : 0);
  const table = [
    `fuzz:media n=${records.length} seed=${o.seed} check timeout=${o.timeoutMs} ms; hang = alive past timeout + 5 s + CLI start-up (${(startupMs / 1000).toFixed(1)} s measured); RSS limit=${PEAK_RSS_LIMIT_MB} MB`,
    line(head), line(widths.map((w) => '-'.repeat(w))), ...rows.map((r) => line(r.map(String))),
    line(['total', String(tot(1)), String(tot(2)), String(tot(3)), String(tot(4)), String(tot(5)), String(tot(6)), String(peakAll), String(tot(8)), '', '']),
    ...records.filter((r) => r.result.crash || r.result.hang || r.result.leftovers.length)
      .map((r) => `  ! #${r.mutant.index} ${r.mutant.cls} ${r.mutant.detail} (${r.mutant.seed ?? r.mutant.name}): ${r.result.crash ?? (r.result.hang ? 'hang' : `left ${r.result.leftovers.join(', ')}`)}`),
  ].join('\n');
  return { table, failures };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const out = arg('json', '');
  if (out) writeFileSync(out, '');
  const done: FuzzRecord[] = [];
  const opts: FuzzOptions = {
    n: Number(arg('n', '500')), seed: Number(arg('seed', String(Date.now() % 100_000))), timeoutMs: Number(arg('timeout-ms', '60000')),
    only: arg('only', '') ? arg('only', '').split(',').map(Number) : undefined,
    jobs: Number(arg('jobs', '2')), keep: process.argv.includes('--keep'), shared: arg('shared', join(ROOT, '..', 'shared', 'data')),
    onRecord: (r) => { done.push(r); if (out) appendFileSync(out, JSON.stringify(r) + '\n'); },
  };
  // Stopped early (SIGINT/SIGTERM): print the table of the runs that finished.
  for (const sig of ['SIGINT', 'SIGTERM'] as const) {
    process.once(sig, () => {
      process.stdout.write(`STOPPED after ${done.length} of ${opts.n} runs\n${tabulate([...done].sort((a, b) => a.mutant.index - b.mutant.index), opts).table}\n`);
      process.exit(130);
    });
  }
  const { table, failures } = await fuzz(opts);
  process.stdout.write(table + '\n');
  process.exitCode = failures ? 1 : 0;
}
