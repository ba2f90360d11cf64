import type { Worker } from 'node:worker_threads';
import { appErrorFrom, ToolError, type AppErrorData } from '../domain/errors.js';
import type { MediaInfo } from '../domain/media.js';
import type { SessionReads } from '../domain/media-session.js';
import { centredCrop, detectCropCandidates, MASK_GREY, type CropCandidate, type Rect, type RgbFrame } from '../repositories/crop.repository.js';
import { readFrames } from '../repositories/frames.repository.js';
import { mergeToolCounts } from '../repositories/tool-stats.repository.js';
import { toolPaths } from '../repositories/tools.repository.js';
import { spawnModuleWorker } from '../signals/module-worker.js';
import { lumaPlane, pdqDihedralFromLuma, type Dihedral, type LumaView, type PdqHash } from '../signals/pdq/pdq.js';
import type { VpdqFrame } from '../signals/vpdq/vpdq.js';

/** Longest side frames are decoded at before hashing (PDQ reduces to 64×64; the C++ tool resizes to 512). */
export const HASH_DIM = 512;
/** How many leading query frames are buffered to decide the crop. */
const CROP_SAMPLE_FRAMES = 24;

export type DihedralKey = 'original' | 'rotate90' | 'rotate180' | 'rotate270' | 'flipX' | 'flipY' | 'flipPlus1' | 'flipMinus1';
export const DIHEDRAL_KEYS: readonly DihedralKey[] = ['original', 'flipX', 'flipY', 'rotate180', 'rotate90', 'rotate270', 'flipPlus1', 'flipMinus1'];

/** One way of looking at the query: a crop (or the full frame) under one dihedral transform. */
export interface QueryVariant {
  key: string;
  crop: CropCandidate | null;
  transform: DihedralKey;
  frames: VpdqFrame[];
}

export interface QueryHashes {
  kind: 'image' | 'video';
  duration: number;
  frameSize: { width: number; height: number };
  crops: CropCandidate[];
  variants: QueryVariant[];
}

/** What the media session already knows (see SessionReads) plus the query's own settings. */
export interface QueryHashOptions extends SessionReads {
  /** Seconds between query hashes (default 1; short clips get at least 6 hashes, at most 5/s). */
  secondsPerHash?: number;
  timeoutMs: number;
  signal?: AbortSignal;
  onProgress?: (fraction: number) => void;
  /** Hash a video on the calling thread instead of a worker thread. */
  inThread?: boolean;
}

/** Decode size with the longest side ≤ HASH_DIM and even dimensions (ffmpeg scalers want them even). */
export function hashSize(width: number, height: number, maxDim = HASH_DIM): { width: number; height: number } {
  const s = Math.min(1, maxDim / Math.max(width, height));
  const even = (v: number) => Math.max(2, Math.round((v * s) / 2) * 2);
  return { width: even(width), height: even(height) };
}

/**
 * Query sampling: every Nth source frame for ~1 hash/s, at least 6 hashes for short clips, never more than 5/s.
 * Source frames (not an fps filter) keep exact timestamps.
 */
export function queryEveryNth(fps: number | null, duration: number | null, secondsPerHash = 1): number {
  const rate = fps && fps > 0 ? fps : 30;
  let perSecond = 1 / secondsPerHash;
  if (duration && duration > 0) perSecond = Math.min(5, Math.max(perSecond, 6 / duration));
  // A multiple of the reference view cadence: an untrimmed repost at the same frame rate then samples exactly the
  // frames whose crop/mask views were hashed (fast motion makes neighbouring frames differ).
  const { viewEvery } = referenceCadence(rate);
  return Math.max(viewEvery, Math.round(rate / perSecond / viewEvery) * viewEvery);
}

/**
 * Reference sampling at a frame rate: full frames every `everyNth` source frames (≤ 30/s), crop and mask views
 * every `viewEvery` source frames (≈ 15/s). Shared by reference hashing and query sampling.
 */
export function referenceCadence(fps: number): { everyNth: number; viewEvery: number } {
  const everyNth = Math.max(1, Math.floor(fps / 30));
  return { everyNth, viewEvery: everyNth * Math.max(1, Math.round(fps / 15 / everyNth)) };
}

/**
 * Slight extra zooms of every query picture. Reference crop views are 3 % apart and PDQ moves ~8 bits per 1 % of
 * crop, so a query also hashed at 98.5 % lands within ~0.75 % of some reference view.
 */
const QUERY_ZOOMS: readonly number[] = [1, 0.985];

class VariantCollector {
  readonly variants = new Map<string, QueryVariant>();

  push(name: string, crop: CropCandidate | null, d: Record<Dihedral, PdqHash>, index: number, timestamp: number): void {
    for (const t of DIHEDRAL_KEYS) {
      const key = `${name}/${t}`;
      let v = this.variants.get(key);
      if (!v) this.variants.set(key, (v = { key, crop, transform: t, frames: [] }));
      v.frames.push({ frame: index, quality: d[t].quality, hash: d[t].hash, timestamp });
    }
  }
}

function hashFrame(c: VariantCollector, crops: CropCandidate[], f: RgbFrame, index: number, timestamp: number): void {
  const full = { x: 0, y: 0, width: f.width, height: f.height };
  const pictures: [string, CropCandidate | null, Rect][] = [['full', null, full], ...crops.map((k, i): [string, CropCandidate, Rect] => [`crop${i}:${k.reason}`, k, k.rect])];
  // One luma pass per frame; every crop, zoom and mask is hashed from it (the same hashes as cutting the RGB).
  const plane = lumaPlane(f.rgb, f.width, f.height);
  const hash = (r: Rect, mask?: LumaView['mask']) => pdqDihedralFromLuma({ plane, stride: f.width, ...r, mask });
  // A caption band over the picture: grey it out (the reference has greyed-out views) instead of cropping it.
  for (const [i, k] of crops.entries()) {
    if (k.reason === 'solid' || k.reason === 'aspect') continue;
    const top = k.rect.y;
    const bottom = f.height - k.rect.y - k.rect.height;
    if ((top > 0) === (bottom > 0) || Math.max(top, bottom) > f.height * 0.3) continue;
    const mask = top > 0 ? { from: 0, to: top, grey: MASK_GREY } : { from: f.height - bottom, to: f.height, grey: MASK_GREY };
    c.push(`mask${i}:${k.reason}`, k, hash(full, mask), index, timestamp);
  }
  for (const [name, crop, rect] of pictures) {
    for (const z of QUERY_ZOOMS) {
      c.push(z === 1 ? name : `${name}~${Math.round(z * 1000) / 10}`, crop, hash(z === 1 ? rect : centredCrop(rect, z)), index, timestamp);
    }
  }
}

/**
 * Hash a query for matching: ~1 frame per second (videos) or the image, the full frame plus every candidate crop
 * (bars, blurred fill, caption bands), each under the 8 dihedral transforms (flipped reposts).
 */
export async function hashQuery(path: string, media: MediaInfo, opts: QueryHashOptions): Promise<QueryHashes> {
  if (media.kind === 'video') {
    const early = takePrefetched(path, opts);
    if (early) return early;
    return opts.inThread ? hashVideoQuery(path, media, opts) : hashVideoQueryInWorker(path, media, opts);
  }
  // loaded here: the video worker imports this module and needs neither sharp nor the registry's database code
  const { decodeStillForMatch } = await import('../repositories/registry.repository.js');
  const img = await decodeStillForMatch(path, { maxDim: HASH_DIM, timeoutMs: opts.timeoutMs, heic: media.container === 'heic', heicPixels: opts.heicPixels, pixels: opts.stillPixels });
  const frame = { rgb: img.rgb, width: img.width, height: img.height };
  const crops = detectCropCandidates([frame]);
  const collector = new VariantCollector();
  hashFrame(collector, crops, frame, 0, 0);
  opts.onProgress?.(1);
  return { kind: 'image', duration: 0, frameSize: { width: img.width, height: img.height }, crops, variants: [...collector.variants.values()] };
}

/** The time a query's hashing may take: the decode timeout, or two seconds per second of video when longer. */
export function queryTimeoutMs(decodeMs: number, duration: number | null): number {
  return Math.max(decodeMs, (duration ?? 0) * 2000);
}

interface Prefetched {
  run: Promise<QueryHashes>;
  stop: AbortController;
  /** Where the run's progress goes: set by the hashQuery that takes the run over. */
  listener: { progress: ((f: number) => void) | null };
}
const prefetched = new Map<string, Prefetched>();

/**
 * Start hashing a video query before it is asked for: a one-check CLI process calls this right after intake, so the
 * match decode runs on the worker while the analyzers' modules are still loading on the main thread. The next
 * hashQuery of the same path takes the run over (its signal and progress then apply); cancelPrefetchedQueries stops
 * runs nobody took (an empty registry, an invalid post).
 */
export function prefetchVideoQuery(path: string, media: MediaInfo, opts: Pick<QueryHashOptions, 'timeoutMs' | 'probe' | 'ffmpegPath' | 'ffprobePath'>): void {
  if (media.kind !== 'video' || prefetched.has(path)) return;
  const stop = new AbortController();
  const listener: Prefetched['listener'] = { progress: null };
  const run = hashVideoQueryInWorker(path, media, { ...opts, signal: stop.signal, onProgress: (f) => listener.progress?.(f) });
  run.catch(() => undefined);
  prefetched.set(path, { run, stop, listener });
}

export function cancelPrefetchedQueries(): void {
  for (const e of prefetched.values()) e.stop.abort();
  prefetched.clear();
}

function takePrefetched(path: string, opts: QueryHashOptions): Promise<QueryHashes> | null {
  const e = prefetched.get(path);
  if (!e) return null;
  prefetched.delete(path);
  e.listener.progress = opts.onProgress ?? null;
  if (opts.signal?.aborted) e.stop.abort();
  else opts.signal?.addEventListener('abort', () => e.stop.abort(), { once: true });
  return e.run;
}

/** What a video query needs, as plain data (the worker gets a copy). */
export interface VideoQueryJob {
  path: string;
  media: MediaInfo;
  opts: Pick<QueryHashOptions, 'secondsPerHash' | 'timeoutMs' | 'probe' | 'ffmpegPath' | 'ffprobePath'>;
}

/**
 * hashQuery of a video on a worker thread: the decode reads ffmpeg's pipe and hashes each frame (~40 PDQ views) on
 * that thread, so a check's main thread, busy with OCR and the other analyzers, no longer stalls ffmpeg on a full
 * pipe. A worker that cannot start or dies runs the same work here instead; an error the work raised (a timeout, a
 * corrupt file) comes back as the same error class.
 */
function hashVideoQueryInWorker(path: string, media: MediaInfo, opts: QueryHashOptions): Promise<QueryHashes> {
  const job: VideoQueryJob = {
    path, media,
    // the binary resolved here: the worker would otherwise look for ffmpeg on PATH again in its own copy of the module
    opts: { secondsPerHash: opts.secondsPerHash, timeoutMs: opts.timeoutMs, probe: opts.probe, ffmpegPath: toolPaths({ ffmpegPath: opts.ffmpegPath }).ffmpeg, ffprobePath: opts.ffprobePath },
  };
  const inThread = () => hashVideoQuery(path, media, opts);
  if (opts.signal?.aborted) return inThread(); // it rejects at once
  let worker: Worker;
  try {
    worker = spawnModuleWorker(import.meta.url, 'query.worker', { workerData: job });
  } catch {
    return inThread();
  }
  return new Promise<QueryHashes>((resolve, reject) => {
    let settled = false;
    const onAbort = () => worker.postMessage('abort');
    opts.signal?.addEventListener('abort', onAbort, { once: true });
    const settle = (f: () => void) => {
      if (settled) return;
      settled = true;
      opts.signal?.removeEventListener('abort', onAbort);
      void worker.terminate(); // its ffmpeg has exited: the job settled
      f();
    };
    worker.on('message', (m: { progress?: number; result?: QueryHashes; error?: AppErrorData; tools?: Record<string, number> }) => {
      if (m.tools) mergeToolCounts(m.tools); // the worker's ffmpeg run, counted in its own copy of the module
      if (m.progress !== undefined) opts.onProgress?.(m.progress);
      else if (m.result) settle(() => resolve(m.result!));
      else if (m.error) settle(() => reject(appErrorFrom(m.error!)));
    });
    const fallBack = () => settle(() => {
      if (opts.signal?.aborted) reject(abortedError());
      else inThread().then(resolve, reject);
    });
    worker.on('error', fallBack);
    worker.on('exit', fallBack);
  });
}

const abortedError = () => new ToolError('tool_failed', 'Matching was aborted.');

/** hashQuery of a video on the calling thread. */
export async function hashVideoQuery(path: string, media: MediaInfo, opts: QueryHashOptions): Promise<QueryHashes> {
  if (opts.signal?.aborted) throw abortedError();
  const collector = new VariantCollector();
  const size = hashSize(media.width, media.height);
  const everyNth = queryEveryNth(media.fps, media.duration, opts.secondsPerHash ?? 1);
  const buffered: { f: RgbFrame; index: number; timestamp: number }[] = [];
  let crops: CropCandidate[] | null = null;
  const decide = () => {
    crops = detectCropCandidates(buffered.map((b) => b.f));
    for (const b of buffered) hashFrame(collector, crops, b.f, b.index, b.timestamp);
    buffered.length = 0;
  };
  const source = { probe: opts.probe, ffmpegPath: opts.ffmpegPath, ffprobePath: opts.ffprobePath };
  // About every Nth source frame, on a fixed time grid, from the frames the decoder cannot skip (B-frames no other
  // frame refers to are never decoded: on typical H.264 that is half the decode). Only frames whose number is a
  // multiple of the reference's crop/mask view cadence are taken, so an untrimmed repost at the same frame rate
  // still samples exactly frames the reference hashed every view of (an earlier try that took any I/P frame put a
  // third of the query frames between views: demo repost coverage 1 -> 0.67).
  const fps = media.fps && media.fps > 0 ? media.fps : 30;
  const sparse = { step: everyNth / fps, cadence: referenceCadence(fps).viewEvery };
  await readFrames(path, { sparse, width: size.width, height: size.height, fastDecode: true, timeoutMs: opts.timeoutMs, signal: opts.signal, ...source }, (fr) => {
    const f = { rgb: fr.rgb, width: fr.width, height: fr.height };
    if (crops === null) {
      buffered.push({ f: { ...f, rgb: fr.rgb.slice() }, index: fr.index, timestamp: fr.timestamp });
      if (buffered.length >= CROP_SAMPLE_FRAMES) decide();
    } else {
      hashFrame(collector, crops, f, fr.index, fr.timestamp);
    }
    if (media.duration) opts.onProgress?.(Math.min(1, fr.timestamp / media.duration));
  });
  if (crops === null) decide();
  opts.onProgress?.(1);
  return {
    kind: 'video',
    duration: media.duration ?? 0,
    frameSize: size,
    crops: crops ?? [],
    variants: [...collector.variants.values()],
  };
}

export type { Rect };
