/**
 * Corpus JSON comparison of two genproof checkouts (issue 12's acceptance: "every verdict unchanged by the
 * refactor itself"): `npm run compare:corpus -- --before ../before/bin/genproof.js [--after bin/genproof.js]
 * [--out DIR] [--corpus DIR] [--only REGEX] [--resume] [--timeout-ms N] [--nice N]`.
 *
 * Every media file under <corpus>/media, <corpus>/c2pa/fixtures and <corpus>/pdq/videos (corpus defaults to
 * ../shared/data next to this checkout) goes through `genproof --db <fresh> --json --quiet check FILE` on each
 * side, one process at a time, niced (default 15), with GENPROOF_FROM_SOURCE=1 (both sides run their sources
 * through tsx), no other GENPROOF_* variables and an empty working directory (no genproof.config.json). No
 * caption, URL or date is passed, so only media-derived results are compared:
 *   exit code and error.code, verdict quadrant / is_ai / confidence, generator, provenance state and codes,
 *   evidence (analyzer, code, direction, weight; as a sorted multiset), matches, media, keyframes.
 * timings_ms (and provenance.read_ms) are ignored, and so is any key only one side has (listed once in the summary).
 * Each side's JSON is saved under OUT/before and OUT/after (with .meta.json: exit code, stderr tail, wall ms);
 * --resume reuses saved runs, so a stopped comparison continues where it stopped. The table goes to stdout and
 * OUT/summary.md; the exit status is 1 when any file differs.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const MEDIA_EXT = /\.(jpe?g|png|webp|gif|avif|heic|heif|tiff?|dng|mp4|m4s|m4v|mov|avi|mkv|webm|wav|mp3|m4a)$/i;
const SIDES = ['before', 'after'] as const;
type Side = (typeof SIDES)[number];

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}
const flag = (name: string): boolean => process.argv.includes(`--${name}`);

const beforeBin = arg('before');
if (!beforeBin) {
  console.error('usage: compare-corpus --before <before/bin/genproof.js> [--after bin/genproof.js] [--out DIR] [--corpus DIR] [--only REGEX] [--resume] [--timeout-ms N] [--nice N]');
  process.exit(2);
}
const bins: Record<Side, string> = { before: resolve(beforeBin), after: resolve(arg('after') ?? join(ROOT, 'bin', 'genproof.js')) };
const corpus = resolve(arg('corpus') ?? join(ROOT, '..', 'shared', 'data'));
const out = resolve(arg('out') ?? join(tmpdir(), 'genproof-compare-corpus'));
const only = arg('only') ? new RegExp(arg('only')!) : null;
const timeoutMs = Number(arg('timeout-ms') ?? 600_000);
const niceLevel = Number(arg('nice') ?? 15);
const resume = flag('resume');

function listMedia(dir: string): string[] {
  if (!existsSync(dir)) return [];
  const found: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) found.push(...listMedia(p));
    else if (MEDIA_EXT.test(name)) found.push(p);
  }
  return found;
}
const files = ['media', 'c2pa/fixtures', 'pdq/videos']
  .flatMap((d) => listMedia(join(corpus, d)))
  .filter((f) => !only || only.test(relative(corpus, f)));

const env: NodeJS.ProcessEnv = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('GENPROOF_')));
env.GENPROOF_FROM_SOURCE = '1';
env.LANG = 'C.UTF-8';
const work = mkdtempSync(join(tmpdir(), 'genproof-compare-'));

function run(bin: string, args: string[]): { status: number | null; stdout: string; stderr: string; ms: number } {
  const t0 = Date.now();
  const cmd = niceLevel > 0 ? 'nice' : process.execPath;
  const full = niceLevel > 0 ? ['-n', String(niceLevel), process.execPath, bin, ...args] : [bin, ...args];
  const r = spawnSync(cmd, full, { cwd: work, env, encoding: 'utf8', maxBuffer: 256 << 20, timeout: timeoutMs, killSignal: 'SIGKILL' });
  return { status: r.status, stdout: r.stdout ?? '', stderr: (r.stderr ?? '') + (r.error ? `\n${r.error.message}` : ''), ms: Date.now() - t0 };
}

/** Flags differ between commits: pass a global flag only when the side's --help lists it. */
function globalFlags(side: Side): string[] {
  const help = run(bins[side], ['--help']).stdout;
  for (const f of ['--db', '--json']) if (!help.includes(f)) throw new Error(`${side}: --help lists no ${f}`);
  return help.includes('--quiet') ? ['--quiet'] : [];
}
const extraFlags: Record<Side, string[]> = { before: globalFlags('before'), after: globalFlags('after') };

interface Saved { status: number | null; json: any; stderr: string; ms: number }
function check(side: Side, file: string): Saved {
  const base = join(out, side, relative(corpus, file));
  mkdirSync(dirname(base), { recursive: true });
  if (resume && existsSync(`${base}.meta.json`)) {
    const meta = JSON.parse(readFileSync(`${base}.meta.json`, 'utf8'));
    return { ...meta, json: existsSync(`${base}.json`) ? JSON.parse(readFileSync(`${base}.json`, 'utf8')) : null };
  }
  const db = join(work, `${side}-${Date.now()}.db`); // never created before the run: no registry
  const r = run(bins[side], ['--db', db, '--json', ...extraFlags[side], 'check', file]);
  rmSync(db, { force: true });
  let json: any = null;
  try { json = JSON.parse(r.stdout); } catch { /* no JSON: compared through the exit code */ }
  if (json) writeFileSync(`${base}.json`, JSON.stringify(json, null, 1));
  const meta = { status: r.status, stderr: r.stderr.slice(-4000), ms: r.ms };
  writeFileSync(`${base}.meta.json`, JSON.stringify(meta, null, 1));
  return { ...meta, json };
}

/** Keys (paths; list items as [] or [code]) present on one side only, over the whole corpus. */
const onlyIn: Record<Side, Map<string, number>> = { before: new Map(), after: new Map() };
function keyPaths(v: unknown, path: string, acc: Set<string>): void {
  // list items with a code (evidence) are told apart by it, so a new item shows as one key, not as its fields
  if (Array.isArray(v)) v.forEach((x) => { const p = `${path}[${typeof x?.code === 'string' ? x.code : ''}]`; acc.add(p); keyPaths(x, p, acc); });
  else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) { acc.add(`${path}.${k}`); keyPaths(x, `${path}.${k}`, acc); }
}
function noteKeys(a: any, b: any): void {
  if (!a || !b || a.error || b.error) return; // a failed check has no report to compare keys with
  const ka = new Set<string>(); const kb = new Set<string>();
  keyPaths(a, '', ka); keyPaths(b, '', kb);
  // only the top of a one-sided subtree
  const top = (s: Set<string>, other: Set<string>) => {
    const one = [...s].filter((k) => !other.has(k));
    return one.filter((k) => !one.some((p) => k.startsWith(`${p}.`) || k.startsWith(`${p}[`)));
  };
  for (const k of top(ka, kb)) onlyIn.before.set(k, (onlyIn.before.get(k) ?? 0) + 1);
  for (const k of top(kb, ka)) onlyIn.after.set(k, (onlyIn.after.get(k) ?? 0) + 1);
}

const IGNORED = new Set(['timings_ms', 'read_ms']);
/** Drop ignored keys and keys the other side lacks, recursively (arrays element by element). */
function common(a: any, b: any): [any, any] {
  if (Array.isArray(a) && Array.isArray(b)) {
    const pairs = Array.from({ length: Math.max(a.length, b.length) }, (_, i) => (i < a.length && i < b.length ? common(a[i], b[i]) : [a[i], b[i]]));
    return [pairs.slice(0, a.length).map((p) => p[0]), pairs.slice(0, b.length).map((p) => p[1])];
  }
  if (a && b && typeof a === 'object' && typeof b === 'object' && !Array.isArray(a) && !Array.isArray(b)) {
    const ra: any = {}; const rb: any = {};
    for (const k of Object.keys(a)) if (k in b && !IGNORED.has(k)) [ra[k], rb[k]] = common(a[k], b[k]);
    return [ra, rb];
  }
  return [a, b];
}
const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
const short = (v: unknown) => { const s = JSON.stringify(v) ?? 'undefined'; return s.length > 70 ? `${s.slice(0, 67)}...` : s; };

function fields(s: Saved): Record<string, unknown> {
  const j = s.json ?? {};
  const ev = (j.evidence ?? []).map((e: any) => `${e.analyzer}/${e.code}/${e.direction}/${e.weight}`).sort();
  const p = j.provenance ?? {};
  return {
    exit: s.status,
    error: j.error?.code,
    quadrant: j.verdict?.quadrant, is_ai: j.verdict?.is_ai, confidence: j.verdict?.confidence,
    generator: j.generator,
    'provenance.state': p.state,
    'provenance.codes': p.codes, 'provenance.ingredient_codes': p.ingredient_codes,
    'provenance.identity_codes': p.identity_codes, 'provenance.informational_codes': p.informational_codes,
    evidence: ev,
    matches: j.matches, media: j.media, keyframes: j.keyframes,
  };
}

function diff(a: Saved, b: Saved): string[] {
  noteKeys(a.json, b.json);
  const [ca, cb] = common(a.json, b.json);
  const fa = fields({ ...a, json: ca }); const fb = fields({ ...b, json: cb });
  const out: string[] = [];
  for (const k of Object.keys(fa)) {
    if (same(fa[k], fb[k])) continue;
    if (k === 'evidence') {
      const ea = fa[k] as string[]; const eb = fb[k] as string[];
      const gone = ea.filter((x) => !eb.includes(x)); const added = eb.filter((x) => !ea.includes(x));
      out.push(`evidence ${gone.map((x) => `-${x}`).concat(added.map((x) => `+${x}`)).join(' ')}`);
    } else if (k === 'media' || k === 'generator' || k === 'matches' || k === 'keyframes') {
      const oa: any = fa[k] ?? {}; const ob: any = fb[k] ?? {};
      if (Array.isArray(oa) || Array.isArray(ob)) out.push(`${k} ${short(oa)} -> ${short(ob)}`);
      else for (const sub of new Set([...Object.keys(oa), ...Object.keys(ob)])) if (!same(oa[sub], ob[sub])) out.push(`${k}.${sub} ${short(oa[sub])} -> ${short(ob[sub])}`);
    } else out.push(`${k} ${short(fa[k])} -> ${short(fb[k])}`);
  }
  return out;
}

mkdirSync(out, { recursive: true });
console.log(`before: ${bins.before}\nafter:  ${bins.after}\ncorpus: ${corpus} (${files.length} files)\nout:    ${out}\n`);
const rows: { file: string; result: string; what: string }[] = [];
const failing: Record<Side, number> = { before: 0, after: 0 };
for (const file of files) {
  const rel = relative(corpus, file);
  const a = check('before', file); const b = check('after', file);
  if (a.status !== 0) failing.before++;
  if (b.status !== 0) failing.after++;
  const d = diff(a, b);
  const row = { file: rel, result: d.length ? 'DIFFERENT' : 'same', what: d.join('; ') };
  rows.push(row);
  console.log(`${row.result.padEnd(9)} ${rel}${d.length ? `\n          ${row.what}` : ''}  (${a.ms} / ${b.ms} ms)`);
}
rmSync(work, { recursive: true, force: true });

const nDiff = rows.filter((r) => r.result !== 'same').length;
const keyList = (m: Map<string, number>) => [...m].sort().map(([k, n]) => `  ${k} (${n} files)`).join('\n') || '  (none)';
const summary = [
  `# Corpus comparison\n\nbefore: ${bins.before}\nafter: ${bins.after}\ncorpus: ${corpus}\n`,
  `files: ${rows.length}, same: ${rows.length - nDiff}, different: ${nDiff}; non-zero exit: before ${failing.before}, after ${failing.after}\n`,
  '| file | result | what differs |', '|---|---|---|',
  ...rows.map((r) => `| ${r.file} | ${r.result} | ${r.what.replace(/\|/g, '\\|')} |`),
  `\nKeys only in before (ignored):\n${keyList(onlyIn.before)}`,
  `\nKeys only in after (ignored):\n${keyList(onlyIn.after)}\n`,
].join('\n');
writeFileSync(join(out, 'summary.md'), summary);
console.log(`\n${summary}`);
process.exitCode = nDiff ? 1 : 0;
