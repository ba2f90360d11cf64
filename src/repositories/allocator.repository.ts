import { createRequire } from 'node:module';
import type { Config } from '../config/config.js';

const require = createRequire(import.meta.url);

/** glibc mallopt parameter numbers (malloc.h). */
const M_TRIM_THRESHOLD = -1;
const M_MMAP_THRESHOLD = -3;
const M_ARENA_MAX = -8;

/** config.memory's malloc settings (see config.ts): arenas, 0 = glibc's default; mmap threshold, 0 = glibc's sliding one. */
export type MallocSettings = Pick<Config['memory'], 'mallocArenaMax' | 'mallocMmapThresholdBytes'>;

let applied: string | null = null;

/**
 * Tune glibc's malloc for this process (config memory.malloc*; Linux with glibc only). A check runs native code on
 * many threads: libvips' pool, onnxruntime's intra-op threads and the worker threads (query hashing, the HEIC
 * decoder, the QR scanner, the C2PA reader). With glibc's defaults:
 * - each thread that allocates gets its own arena, and what it frees stays in that arena for its later use, so one
 *   step's big transient buffers stayed resident beside the next step's;
 * - the mmap threshold slides up to the largest block freed (up to 32 MiB), so after one 6 MB frame was freed every
 *   later frame, canvas and decoder buffer came from the heap, which keeps its free space.
 * bench:memory, one run each (other work on the machine): 12 MP HEIC 497 MB with the defaults, 495 with two arenas,
 * 455–459 with two arenas and a fixed threshold; 60 s clip 458 → 436–443 → 420–440 MB.
 * mallopt is called through koffi (a prebuilt FFI from the npm registry), before the analyzers load: the arena cap
 * applies to threads that have not allocated yet. Where there is no glibc (macOS, musl) nothing changes and it
 * returns false.
 */
export function tuneMalloc({ mallocArenaMax: arenaMax, mallocMmapThresholdBytes: mmapThreshold }: MallocSettings): boolean {
  if (process.platform !== 'linux' || (arenaMax <= 0 && mmapThreshold <= 0)) return false;
  const key = `${arenaMax}/${mmapThreshold}`;
  if (applied === key) return true;
  try {
    const koffi = require('koffi') as { load(name: string): { func(sig: string): (param: number, value: number) => number } };
    const mallopt = koffi.load('libc.so.6').func('int mallopt(int param, int value)');
    let ok = true;
    if (arenaMax > 0) ok = mallopt(M_ARENA_MAX, arenaMax) === 1 && ok;
    if (mmapThreshold > 0) {
      ok = mallopt(M_MMAP_THRESHOLD, mmapThreshold) === 1 && ok;
      // Free space at the top of the heap beyond twice that goes back to the system too (glibc's own ratio).
      ok = mallopt(M_TRIM_THRESHOLD, 2 * mmapThreshold) === 1 && ok;
    }
    if (ok) applied = key;
    return ok;
  } catch {
    return false;
  }
}
