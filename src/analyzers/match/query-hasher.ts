import type { MediaInfo } from '../../domain/media.js';
import { cropRgb, detectCropCandidates, type CropCandidate, type Rect, type RgbFrame } from '../../repositories/crop.repository.js';
import { readFrames } from '../../repositories/frames.repository.js';
import { decodeStillForMatch } from '../../repositories/registry.repository.js';
import { pdqDihedralFromRgb, pdqFromRgb } from '../../signals/pdq/pdq.js';
import type { VpdqFrame } from '../../signals/vpdq/vpdq.js';

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

export interface QueryHashOptions {
  /** Seconds between query hashes (default 1; short clips get at least 6 hashes, at most 5/s). */
  secondsPerHash?: number;
  timeoutMs: number;
  signal?: AbortSignal;
  onProgress?: (fraction: number) => void;
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
  return Math.max(1, Math.round(rate / perSecond));
}

class VariantCollector {
  readonly variants = new Map<string, QueryVariant>();

  push(crop: CropCandidate | null, frame: RgbFrame, index: number, timestamp: number): void {
    const d = pdqDihedralFromRgb(frame.rgb, frame.width, frame.height);
    for (const t of DIHEDRAL_KEYS) {
      const key = `${crop ? `crop:${crop.reason}` : 'full'}/${t}`;
      let v = this.variants.get(key);
      if (!v) this.variants.set(key, (v = { key, crop, transform: t, frames: [] }));
      v.frames.push({ frame: index, quality: d[t].quality, hash: d[t].hash, timestamp });
    }
  }
}

function hashFrame(c: VariantCollector, crops: CropCandidate[], f: RgbFrame, index: number, timestamp: number): void {
  c.push(null, f, index, timestamp);
  for (const crop of crops) c.push(crop, cropRgb(f, crop.rect), index, timestamp);
}

/**
 * Hash a query for matching: ~1 frame per second (videos) or the image, the full frame plus every candidate crop
 * (bars, blurred fill, caption bands), each under the 8 dihedral transforms (flipped reposts).
 */
export async function hashQuery(path: string, media: MediaInfo, opts: QueryHashOptions): Promise<QueryHashes> {
  const collector = new VariantCollector();
  if (media.kind === 'image') {
    const img = await decodeStillForMatch(path, { maxDim: HASH_DIM, timeoutMs: opts.timeoutMs, heic: media.container === 'heic' });
    const frame = { rgb: img.rgb, width: img.width, height: img.height };
    const crops = detectCropCandidates([frame]);
    hashFrame(collector, crops, frame, 0, 0);
    opts.onProgress?.(1);
    return { kind: 'image', duration: 0, frameSize: { width: img.width, height: img.height }, crops, variants: [...collector.variants.values()] };
  }
  const size = hashSize(media.width, media.height);
  const everyNth = queryEveryNth(media.fps, media.duration, opts.secondsPerHash ?? 1);
  const buffered: { f: RgbFrame; index: number; timestamp: number }[] = [];
  let crops: CropCandidate[] | null = null;
  const decide = () => {
    crops = detectCropCandidates(buffered.map((b) => b.f));
    for (const b of buffered) hashFrame(collector, crops, b.f, b.index, b.timestamp);
    buffered.length = 0;
  };
  await readFrames(path, { everyNth, width: size.width, height: size.height, timeoutMs: opts.timeoutMs, signal: opts.signal }, (fr) => {
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

/**
 * Centred crops hashed for reference frames (kept fraction of width and height). PDQ moves ~25 bits for a 3 %
 * crop, so zoomed-in reposts (a 85 % centre crop is common) only match a reference view cropped about the same;
 * 3 % steps keep every crop from 97 % to 76 % within ~1.5 % of a stored view.
 */
export const REFERENCE_CROPS: readonly number[] = [0.97, 0.94, 0.91, 0.88, 0.85, 0.82, 0.79, 0.76];

/** A reference frame hash (no dihedral: queries carry the transforms). */
export function referenceHash(f: RgbFrame): { hash: Uint8Array; quality: number } {
  return pdqFromRgb(f.rgb, f.width, f.height);
}

/** Hashes of the centred crops of a reference frame (see REFERENCE_CROPS). */
export function referenceCropHashes(f: RgbFrame): { crop: number; hash: Uint8Array; quality: number }[] {
  return REFERENCE_CROPS.map((c) => {
    const w = Math.max(8, Math.round(f.width * c));
    const h = Math.max(8, Math.round(f.height * c));
    const sub = cropRgb(f, { x: (f.width - w) >> 1, y: (f.height - h) >> 1, width: w, height: h });
    return { crop: c, ...pdqFromRgb(sub.rgb, sub.width, sub.height) };
  });
}

export type { Rect };
