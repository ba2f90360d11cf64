/**
 * Run one mutant through `genproof check --json` under /usr/bin/time (peak RSS of the largest process in the
 * tree: node, ffmpeg, exiftool) with a wall-clock cap, and classify what happened.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { basename, join } from 'node:path';

export interface RunResult {
  exit: number | null;
  signal: string | null;
  ms: number;
  peakRssKb: number | null;
  hang: boolean;
  crash: string | null;
  errorCode: string | null;
  leftovers: string[];
}

export interface RunEnv {
  node: string;
  bin: string;
  /** Check timeout given to genproof; the harness kills at timeout + graceMs. */
  timeoutMs: number;
  graceMs: number;
  dbPath: string;
  fromSource: boolean;
}

/** Shell-quote bytes as a printf format (octal escapes): the only way to pass a non-UTF-8 argv from Node. */
function printfArg(name: Buffer): string {
  return `"$(printf '${[...name].map((b) => `\\${b.toString(8).padStart(3, '0')}`).join('')}')"`;
}

const STACK = /^\s+at .+(:\d+:\d+\)?|\(native\))$/m;

export async function runOne(target: string | Buffer, cwd: string, tmpDir: string, env: RunEnv): Promise<RunResult> {
  rmSync(tmpDir, { recursive: true, force: true });
  mkdirSync(tmpDir, { recursive: true });
  const timeFile = join(cwd, `.time-${basename(tmpDir)}`);
  const fmt = 'GPT %M %e %x';
  const childEnv: NodeJS.ProcessEnv = {
    ...process.env,
    TMPDIR: tmpDir, LANG: 'en_US.UTF-8', GENPROOF_DB: env.dbPath,
    GENPROOF_TIMEOUTS__CHECK_MS: String(env.timeoutMs), GENPROOF_CHECK__DEPTH: 'fast',
    NODE_OPTIONS: '--max-old-space-size=1536',
  };
  if (env.fromSource) childEnv.GENPROOF_FROM_SOURCE = '1';
  else delete childEnv.GENPROOF_FROM_SOURCE;
  const args = typeof target === 'string'
    ? ['/usr/bin/time', ['-f', fmt, '-o', timeFile, env.node, env.bin, 'check', basename(target), '--json']] as const
    : ['/bin/sh', ['-c', `exec /usr/bin/time -f '${fmt}' -o '${timeFile}' '${env.node}' '${env.bin}' check ${printfArg(Buffer.from(target.subarray(target.lastIndexOf(0x2f) + 1)))} --json`]] as const;
  const t0 = Date.now();
  const child = spawn(args[0], [...args[1]], { cwd, env: childEnv, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (c) => { if (stdout.length < 4_000_000) stdout += c; });
  child.stderr.on('data', (c) => { if (stderr.length < 200_000) stderr += c; });
  let hang = false;
  const timer = setTimeout(() => {
    hang = true;
    try { process.kill(-child.pid!, 'SIGKILL'); } catch { /* already gone */ }
  }, env.timeoutMs + env.graceMs);
  const [code, sig] = await new Promise<[number | null, NodeJS.Signals | null]>((r) => child.on('close', (c, s) => r([c, s])));
  clearTimeout(timer);
  const ms = Date.now() - t0;
  // Anything still running in the group after the CLI returned (an orphaned ffmpeg) is a leak too: kill it.
  try { process.kill(-child.pid!, 'SIGKILL'); } catch { /* none left: good */ }
  let timeOut = '';
  try { timeOut = readFileSync(timeFile, 'utf8'); } catch { /* killed before time wrote it */ }
  rmSync(timeFile, { force: true });
  const m = /GPT (\d+) ([\d.]+) (-?\d+)/.exec(timeOut);
  const termSig = /terminated by signal (\d+)/.exec(timeOut);
  const exit = m ? Number(m[3]) : code;
  const signal = termSig ? `SIG#${termSig[1]}` : sig;
  let errorCode: string | null = null;
  let crash: string | null = null;
  let parsed: { error?: { code?: string } } | null = null;
  try { parsed = JSON.parse(stdout); } catch { /* judged below */ }
  errorCode = parsed?.error?.code ?? null;
  if (hang) crash = null;
  else if (signal) crash = `signal ${signal}`;
  else if (exit !== 0 && exit !== 2 && exit !== 3) crash = `exit ${exit}: ${stderr.trim().split('\n').pop()?.slice(0, 160) ?? ''}`;
  else if (STACK.test(stderr)) crash = `stack trace: ${stderr.split('\n').find((l) => /Error/.test(l))?.slice(0, 160) ?? ''}`;
  else if (/internal error/i.test(stderr) || errorCode === 'internal_error') crash = `internal error: ${stderr.trim().slice(0, 160)}`;
  else if (!parsed) crash = `no JSON on stdout (exit ${exit}): ${stdout.slice(0, 80)}`;
  else if (exit !== 0 && !errorCode) crash = `exit ${exit} without an error code`;
  let leftovers: string[] = [];
  // tsx's own compile cache (runs from source only) is not something genproof left behind.
  try { leftovers = readdirSync(tmpDir).filter((n) => !/^tsx-\d+$/.test(n)); } catch { /* removed */ }
  rmSync(tmpDir, { recursive: true, force: true });
  return { exit, signal: signal ?? null, ms, peakRssKb: m ? Number(m[1]) : null, hang, crash, errorCode, leftovers };
}
