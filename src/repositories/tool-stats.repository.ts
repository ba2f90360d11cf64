import { readFileSync } from 'node:fs';

/**
 * Process-wide counts of external tool runs and decodes (for `bench:check` and diagnostics), and CPU time spent
 * per analyzer when analyzers are profiled one after another.
 */
const tools = new Map<string, number>();
const analyzerCpu = new Map<string, number>();

/** Count one run of an external tool or one decode ("ffmpeg", "ffprobe", "exiftool", "decode:sharp"…). */
export function countTool(name: string): void {
  tools.set(name, (tools.get(name) ?? 0) + 1);
}

/** Add counts made elsewhere (a worker thread has its own copy of this module). */
export function mergeToolCounts(counts: Record<string, number>): void {
  for (const [name, n] of Object.entries(counts)) tools.set(name, (tools.get(name) ?? 0) + n);
}

export function recordAnalyzerCpu(name: string, seconds: number): void {
  analyzerCpu.set(name, (analyzerCpu.get(name) ?? 0) + seconds);
}

export function toolStats(): { tools: Record<string, number>; analyzer_cpu_s: Record<string, number> } {
  return { tools: Object.fromEntries(tools), analyzer_cpu_s: Object.fromEntries([...analyzerCpu].map(([k, v]) => [k, Math.round(v * 1000) / 1000])) };
}

const TICKS_PER_S = 100;

/**
 * CPU seconds used so far by this process (all threads) plus its reaped child processes (ffmpeg, ffprobe…), from
 * /proc/self/stat on Linux; only this process elsewhere.
 */
export function cpuSecondsWithChildren(): number {
  const own = process.cpuUsage();
  let children = 0;
  try {
    const stat = readFileSync('/proc/self/stat', 'utf8');
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // fields after the command: state(0) … cutime(13) cstime(14)
    children = (Number(f[13]) + Number(f[14])) / TICKS_PER_S;
  } catch {
    children = 0;
  }
  return (own.user + own.system) / 1e6 + children;
}
