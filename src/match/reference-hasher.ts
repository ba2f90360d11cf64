import { ValidationError } from '../domain/errors.js';
import type { MediaInfo } from '../domain/media.js';
import type { SessionReads } from '../domain/media-session.js';
import type { Rect, RgbFrame } from '../domain/frame.js';
import { centredCrop, detectCropCandidates, MASK_GREY } from '../repositories/crop.repository.js';
import { readFrames } from '../repositories/frames.repository.js';
import { decodeStillForMatch, encodeThumbnailJpeg, type KeyframeRow } from '../repositories/registry.repository.js';
import { lumaPlane, pdqFromLuma, type LumaView } from '../signals/pdq/pdq.js';
import type { VpdqFrame } from '../signals/vpdq/vpdq.js';
import { HASH_DIM, hashSize, referenceCadence } from './query-hasher.js';

/*
 * References are hashed densely (see referenceCadence): every frame up to 30/s, so a query frame sampled anywhere
 * — after trimming or a frame-rate change — has a reference frame at most ~1/60 s away; crop and mask views at
 * ~15/s, dense because fast motion between a query frame and the nearest view adds distance to the crop error.
 */
/** Keyframe thumbnails kept per reference (the report shows the matched original). */
export const KEYFRAMES = 4;

/**
 * Centred crops hashed for reference frames (kept fraction of width and height). PDQ moves ~25 bits for a 3 %
 * crop, so zoomed-in reposts (an 85 % centre crop is common) only match a reference view cropped about the same;
 * 3 % steps keep every crop from 97 % to 76 % within ~1.5 % of a stored view.
 */
export const REFERENCE_CROPS: readonly number[] = [0.97, 0.94, 0.91, 0.88, 0.85, 0.82, 0.79, 0.76];
/**
 * Caption bands drawn over the top or bottom of a picture hide part of it; queries grey out a detected band and
 * compare with reference pictures whose top/bottom share is greyed out the same way (3 % steps: ~10 bits apart).
 */
export const REFERENCE_MASKS: readonly number[] = [0.07, 0.1, 0.13, 0.16, 0.19, 0.22];
/** Leading frames buffered to find the reference's own letterbox bars. */
const BAR_SAMPLE_FRAMES = 48;

export type ReferenceView = 'full' | 'content' | 'mask-top' | 'mask-bottom';

/**
 * A stored reference hash: a vPDQ frame plus the picture it is of. `crop` is, for `full`/`content`, the kept
 * fraction of a centred crop (1 = all); for `mask-top`/`mask-bottom`, the greyed-out fraction of the height.
 */
export interface RefHash extends VpdqFrame {
  view: ReferenceView;
  crop: number;
}

/** Index key of a view: `full`, `content`, `full@85`, `mask-top@13`… */
export function viewKey(view: ReferenceView, crop: number): string {
  return crop >= 1 ? view : `${view}@${Math.round(crop * 100)}`;
}

/**
 * Hashes reference frames densely: the full frame every frame; when the reference has its own letterbox bars,
 * the picture without them (`content`) too; and centred crops of that picture every `cropEvery` frames.
 */
export class ReferenceHasher {
  private readonly buffered: { f: RgbFrame; index: number; timestamp: number }[] = [];
  private content: Rect | null | undefined = undefined;
  private n = 0;
  private hashed = 0;
  readonly hashes: RefHash[] = [];

  constructor(private readonly cropEvery: number) {}

  /** The reference's picture without its own bars, once decided (null: no bars). */
  get contentRect(): Rect | null {
    return this.content ?? null;
  }

  /** Frames pushed so far. */
  get frames(): number {
    return this.n;
  }

  push(f: RgbFrame, index: number, timestamp: number): void {
    this.n++;
    if (this.content !== undefined) return this.hash(f, index, timestamp);
    this.buffered.push({ f: { ...f, rgb: f.rgb.slice() }, index, timestamp });
    if (this.buffered.length >= BAR_SAMPLE_FRAMES) this.decide();
  }

  /** Hash whatever is still buffered; returns every hash. */
  finish(): RefHash[] {
    if (this.content === undefined) this.decide();
    return this.hashes;
  }

  private decide(): void {
    const sample = this.buffered.filter((_, i) => i % 4 === 0).map((b) => b.f);
    this.content = detectCropCandidates(sample, ['solid'])[0]?.rect ?? null;
    for (const b of this.buffered) this.hash(b.f, b.index, b.timestamp);
    this.buffered.length = 0;
  }

  private hash(f: RgbFrame, frame: number, timestamp: number): void {
    // One luma pass per frame; every view is a rectangle of it (the same hashes as cropping/masking the RGB).
    const plane = lumaPlane(f.rgb, f.width, f.height);
    const add = (r: Rect, view: ReferenceView, crop: number, mask?: LumaView['mask']) => {
      const h = pdqFromLuma({ plane, stride: f.width, ...r, mask });
      this.hashes.push({ frame, timestamp, quality: h.quality, hash: h.hash, view, crop });
    };
    const whole = { x: 0, y: 0, width: f.width, height: f.height };
    add(whole, 'full', 1);
    const content = this.content ?? null;
    if (content) add(content, 'content', 1);
    if (this.hashed++ % this.cropEvery !== 0) return;
    for (const c of REFERENCE_CROPS) add(centredCrop(whole, c), 'full', c);
    // A letterboxed reference: zoomed reposts may crop the bars away (crops of the content) or keep some (above).
    if (content) for (const c of REFERENCE_CROPS) add(centredCrop(content, c), 'content', c);
    const pic = content ?? whole;
    for (const m of REFERENCE_MASKS) {
      const rows = Math.round(pic.height * m);
      add(pic, 'mask-top', m, { from: 0, to: rows, grey: MASK_GREY });
      add(pic, 'mask-bottom', m, { from: pic.height - rows, to: pic.height, grey: MASK_GREY });
    }
  }
}

/** Hash a reference file densely (see ReferenceHasher) and keep a few keyframe thumbnails. */
export async function hashReferenceFile(
  file: string,
  media: MediaInfo,
  opts: SessionReads & { timeoutMs: number; onProgress?: (f: number) => void },
): Promise<{ hashes: RefHash[]; frames: number; keyframes: KeyframeRow[] }> {
  const { timeoutMs } = opts;
  if (media.kind === 'image') {
    const img = await decodeStillForMatch(file, { maxDim: HASH_DIM, timeoutMs, heic: media.container === 'heic', heicPixels: opts.heicPixels, pixels: opts.stillPixels });
    const hasher = new ReferenceHasher(1);
    hasher.push(img, 0, 0);
    const thumb = await encodeThumbnailJpeg(img.rgb, img.width, img.height);
    opts.onProgress?.(1);
    return { hashes: hasher.finish(), frames: 1, keyframes: [{ idx: 0, timestamp: 0, ...thumb }] };
  }
  const fps = media.fps && media.fps > 0 ? media.fps : 30;
  const { everyNth, viewEvery } = referenceCadence(fps);
  const size = hashSize(media.width, media.height);
  const duration = media.duration ?? 0;
  const targets = Array.from({ length: KEYFRAMES }, (_, i) => (duration * (2 * i + 1)) / (2 * KEYFRAMES));
  const hasher = new ReferenceHasher(viewEvery / everyNth);
  const keyframes: KeyframeRow[] = [];
  const source = { probe: opts.probe, ffmpegPath: opts.ffmpegPath, ffprobePath: opts.ffprobePath };
  await readFrames(file, { everyNth, width: size.width, height: size.height, timeoutMs, ...source }, async (f) => {
    hasher.push(f, f.index, f.timestamp);
    const next = keyframes.length;
    if (next < KEYFRAMES && (next === 0 || f.timestamp >= targets[next])) {
      keyframes.push({ idx: next, timestamp: f.timestamp, ...(await encodeThumbnailJpeg(f.rgb, f.width, f.height)) });
    }
    if (duration > 0) opts.onProgress?.(Math.min(1, f.timestamp / duration));
  });
  const hashes = hasher.finish();
  if (!hashes.length) throw new ValidationError('media_corrupt', `No video frame could be decoded from ${file}`);
  opts.onProgress?.(1);
  return { hashes, frames: hasher.frames, keyframes };
}
