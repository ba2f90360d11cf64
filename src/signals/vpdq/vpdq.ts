/**
 * vPDQ (ThreatExchange): PDQ of video frames sampled every N frames, the ThreatExchange line format, and
 * matching with coverage both ways plus time-aligned segments.
 */
import { availableParallelism } from 'node:os';
import { ValidationError } from '../../domain/errors.js';
import { probeVideo, readFrames, type VideoProbe } from '../../repositories/frames.repository.js';
import { pdqFromHex, pdqToHex } from '../pdq/pdq.js';
import { PdqPool } from '../pdq/pdq.pool.js';
import { alignSegments, type AlignedSegment } from './vpdq.align.js';
import { matchPairs } from './vpdq.pairs.js';

export interface VpdqFrame {
  frame: number;
  quality: number;
  /** 32-byte PDQ hash. */
  hash: Uint8Array;
  /** Seconds. */
  timestamp: number;
}

export interface VpdqHashOptions {
  /** One hash every this many seconds of video (N = round(s × fps) frames); 0 = every frame. */
  secondsPerHash: number;
  /** Extra ffmpeg filters applied first (e.g. a crop). */
  filters?: string[];
  /** Decode size (default: native, like the vPDQ reference). */
  width?: number;
  height?: number;
  /**
   * Hash ffmpeg's full-range luma plane (default true: a third of the bytes through the pipe and no RGB
   * conversion) instead of 0.299R + 0.587G + 0.114B of RGB24 frames; both give the same hash within a few bits.
   */
  gray?: boolean;
  /**
   * Worker threads hashing next to the main thread (default: one per spare core, at most 3, when at least one
   * frame in five is hashed and 60+ frames are; 0 hashes on the main thread only). Sparser sampling leaves the main
   * thread idle between frames, and a worker (its own V8 heap and modules, copies of every frame) only takes CPU
   * from ffmpeg: at 1 hash/s on a 139 s 768×432 clip, 2.33–2.42 s in-process without a worker, 2.44–2.57 s with
   * one (measured with the scalar PDQ, before the WebAssembly box filter made hashing ~6× cheaper).
   */
  workers?: number;
  timeoutMs: number;
  signal?: AbortSignal;
  /** The stream as intake already probed it (skips a second ffprobe). */
  probe?: VideoProbe | null;
  /** Configured ffmpeg/ffprobe binaries (default: PATH, then the bundled ones). */
  ffmpegPath?: string | null;
  ffprobePath?: string | null;
  /** Called with the fraction done (0..1) as frames are hashed. */
  onProgress?: (f: number) => void;
}

let mainOnly: PdqPool | null = null;
/** A pool without workers: hashes on the calling thread. */
function fallbackPool(): PdqPool {
  return (mainOnly ??= new PdqPool(0));
}

/** vPDQ hashes of a video file, one per sampled frame, at the native resolution unless a size is given. */
export async function vpdqHashFile(path: string, opts: VpdqHashOptions): Promise<{ fps: number; duration: number; frames: VpdqFrame[] }> {
  if (!(opts.secondsPerHash >= 0)) throw new ValidationError('bad_usage', `secondsPerHash must be >= 0, got ${opts.secondsPerHash}`);
  const started = Date.now();
  const probe = opts.probe ?? (await probeVideo(path, { timeoutMs: opts.timeoutMs, signal: opts.signal, ffprobePath: opts.ffprobePath }));
  const everyNth = opts.secondsPerHash === 0 ? 1 : Math.max(1, Math.round(opts.secondsPerHash * probe.fps));
  const expected = probe.frameCount ?? (probe.duration ? Math.round(probe.duration * probe.fps) : 0);
  const sampledFrames = expected > 0 ? Math.ceil(expected / everyNth) : 0;
  const nWorkers = opts.workers ?? (sampledFrames >= 60 && everyNth < 5 ? Math.min(3, Math.max(0, availableParallelism() - 1)) : 0);
  const pool = nWorkers > 0 ? new PdqPool(nWorkers) : null;
  const hasher = pool ?? fallbackPool();
  const results: (VpdqFrame | Promise<VpdqFrame>)[] = [];
  let res: { fps: number; frames: number };
  let frames: VpdqFrame[];
  try {
    res = await readFrames(
      path,
      {
        everyNth, filters: opts.filters, width: opts.width, height: opts.height, signal: opts.signal,
        gray: opts.gray ?? true, timeoutMs: Math.max(1, opts.timeoutMs - (Date.now() - started)),
        probe, ffmpegPath: opts.ffmpegPath,
      },
      (f) => {
        const meta = { frame: f.index, timestamp: f.timestamp };
        const h = hasher.submit(f.rgb, f.width, f.height, f.channels);
        if (h instanceof Promise) {
          const p = h.then((x) => ({ ...meta, quality: x.quality, hash: x.hash }));
          p.catch(() => {}); // awaited below; avoid an unhandled rejection if reading fails first
          results.push(p);
        } else {
          results.push({ ...meta, quality: h.quality, hash: h.hash });
        }
        if (opts.onProgress && expected > 0) opts.onProgress(Math.min(1, (f.index + 1) / expected));
      },
    );
    frames = await Promise.all(results);
  } finally {
    await pool?.close();
  }
  opts.onProgress?.(1);
  const duration = probe.duration ?? (frames.length ? (frames[frames.length - 1].frame + 1) / res.fps : 0);
  return { fps: res.fps, duration, frames };
}

/** ThreatExchange vPDQ lines: `frameNumber,quality,pdqHex,timestamp` (timestamp with 3 decimals). */
export function formatVpdqLines(frames: readonly VpdqFrame[]): string {
  let s = '';
  for (const f of frames) s += `${f.frame},${f.quality},${pdqToHex(f.hash)},${f.timestamp.toFixed(3)}\n`;
  return s;
}

/**
 * Parse vPDQ lines (4 fields, or the 3-field `frame,quality,hex` variant whose timestamp is unknown: it is then
 * taken as frame / fallbackFps, default 30). Blank lines and `#` comments are skipped; anything else malformed
 * throws ValidationError (`vpdq_bad_line`) naming the line.
 */
export function parseVpdqLines(text: string, fallbackFps = 30): VpdqFrame[] {
  const out: VpdqFrame[] = [];
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i].trim();
    if (!line || line.startsWith('#')) continue;
    const parts = line.split(',').map((p) => p.trim());
    const bad = (why: string) => new ValidationError('invalid_hash_list', `vPDQ line ${i + 1} ${why}: ${JSON.stringify(line.slice(0, 120))}`);
    if (parts.length !== 3 && parts.length !== 4) throw bad('must have 3 or 4 comma-separated fields');
    const frame = Number(parts[0]);
    const quality = Number(parts[1]);
    if (!Number.isInteger(frame) || frame < 0) throw bad('has a bad frame number');
    if (!Number.isFinite(quality) || quality < 0 || quality > 100) throw bad('has a bad quality');
    let hash: Uint8Array;
    try {
      hash = pdqFromHex(parts[2]);
    } catch {
      throw bad('has a bad PDQ hash');
    }
    let timestamp = frame / fallbackFps;
    if (parts.length === 4) {
      timestamp = Number(parts[3]);
      if (!Number.isFinite(timestamp) || timestamp < 0) throw bad('has a bad timestamp');
    }
    out.push({ frame, quality, hash, timestamp });
  }
  return out;
}

export interface VpdqMatchOptions {
  /** Max Hamming distance for two frames to match (default 31). */
  distance?: number;
  /** Frames below this quality are dropped on both sides (default 50). */
  quality?: number;
  /** Max drift (s) of the query→reference time offset inside one segment (default 0.5). */
  offsetTolerance?: number;
  /** Max gap (s) between matched query frames inside one segment (default max(2 s, 3 × query hash interval)). */
  maxGap?: number;
}

export interface VpdqMatchResult {
  /** Fraction of the (filtered, deduplicated) query hashes with a reference frame within the distance. */
  queryCoverage: number;
  /** Fraction of the (filtered, deduplicated) reference hashes matched by some query hash. */
  referenceCoverage: number;
  /** Smallest distance seen between any query and reference frame (257 when nothing was comparable). */
  minDistance: number;
  segments: AlignedSegment[];
}

/** Keep frames of sufficient quality whose hash was not seen before (first occurrence wins). */
export function dedupeFrames(frames: readonly VpdqFrame[], minQuality: number): VpdqFrame[] {
  const seen = new Set<string>();
  const out: VpdqFrame[] = [];
  for (const f of frames) {
    if (f.quality < minQuality) continue;
    const k = pdqToHex(f.hash);
    if (seen.has(k)) continue;
    seen.add(k);
    out.push(f);
  }
  return out;
}

/**
 * Compare two vPDQ hash lists the ThreatExchange way (quality filter, dedupe, a frame matches when a frame on
 * the other side is within `distance`), and align the matches in time: segments are runs of query frames whose
 * reference counterparts keep a consistent time offset, so frame-rate changes and trimming do not matter.
 */
export function matchVpdq(query: readonly VpdqFrame[], reference: readonly VpdqFrame[], opts: VpdqMatchOptions = {}): VpdqMatchResult {
  const maxD = opts.distance ?? 31;
  const minQ = opts.quality ?? 50;
  const q = dedupeFrames(query, minQ);
  const r = dedupeFrames(reference, minQ);
  if (q.length === 0 || r.length === 0) return { queryCoverage: 0, referenceCoverage: 0, minDistance: 257, segments: [] };
  const { pairs, queryMatched, referenceMatched, minDistance } = matchPairs(q, r, maxD);
  const segments = alignSegments(q, r, { pairs }, { offsetTolerance: opts.offsetTolerance, maxGap: opts.maxGap });
  return {
    queryCoverage: queryMatched / q.length,
    referenceCoverage: referenceMatched / r.length,
    minDistance,
    segments,
  };
}

export type { AlignedSegment };
