import type { RawImage, Rect } from '../../repositories/ocr.repository.js';
import { detailIndexes, detailRegions, detailScale, type ScanPlan } from './frame.sampler.js';
import type { FrameText, TextBox } from './text.tracker.js';

/** The I/O the scanner needs; the analyzer passes the real repositories, tests pass fakes. */
export interface ScanDeps {
  /**
   * Decode video frames at (or near: the nearest keyframes, for long clips) the given times, longer side
   * capped; missing frames are left out, so fewer may come back.
   */
  grabFrames(timestamps: number[], maxSide: number): Promise<(RawImage & { timestamp: number })[]>;
  /** Decode a still image (longer side capped); null when it cannot be decoded. */
  decodeImage(maxSide: number): Promise<RawImage | null>;
  /**
   * OCR regions of an image (whole image when `region` is absent), each scaled by `scale`, in one detection
   * pass; returns the lines of each tile, boxes in the image's coordinates.
   */
  recognize(image: RawImage, tiles: { region?: Rect; scale: number }[]): Promise<TextBox[][]>;
  /** Runs the recognition passes (all of them, once the images are decoded); default: at once. */
  exclusive?: <T>(fn: () => Promise<T>) => Promise<T>;
}

export interface ScanResult {
  frames: FrameText[];
  /** Frames decoded. */
  decoded: number;
  /** OCR detection passes made. */
  ocrCalls: number;
}

type Decoded = RawImage & { timestamp: number | null };

/** Decode the planned frames and OCR each: the whole frame downscaled, plus upscaled corners on detail frames. */
export async function scanMedia(plan: ScanPlan, deps: ScanDeps, progress: (f: number) => void = () => undefined): Promise<ScanResult> {
  const still = plan.timestamps.length === 1 && plan.timestamps[0] === null;
  let images: (Decoded | null)[];
  if (still) {
    const img = await deps.decodeImage(plan.grabMaxSide);
    images = img ? [{ ...img, timestamp: null }] : [];
  } else {
    images = await deps.grabFrames(plan.timestamps.filter((t): t is number => t !== null), plan.grabMaxSide);
  }
  progress(0.15);
  // The decoder may return a different number of frames than planned (sparse keyframes): pick detail frames anew.
  const detail = images.length === plan.timestamps.length ? plan.detailFrames : detailIndexes(plan.detailMode, images.length);
  const exclusive = deps.exclusive ?? (<T>(fn: () => Promise<T>) => fn());
  const { frames, ocrCalls } = images.length === 0 ? { frames: [], ocrCalls: 0 } : await exclusive(async () => {
    const frames: FrameText[] = [];
    let ocrCalls = 0;
    for (let i = 0; i < images.length; i++) {
      const img = images[i]!;
      images[i] = null; // a full-size frame (6 MB at 1080p) is not kept past its own pass
      const fullScale = Math.min(1, plan.fullMaxSide / Math.max(img.width, img.height));
      const [whole] = await deps.recognize(img, [{ scale: fullScale }]);
      ocrCalls++;
      const lines: TextBox[] = [...whole];
      if (detail.includes(i)) {
        const regions = detailRegions(img.width, img.height, plan.bands);
        const found = await deps.recognize(img, regions.map((r) => ({ region: r, scale: detailScale(r, plan.detailTargetSide) })));
        ocrCalls++;
        regions.forEach((r, k) => lines.push(...found[k].filter((l) => !cutByCrop(l.box, r, img))));
      }
      frames.push({ frame: i, timestamp: img.timestamp, width: img.width, height: img.height, lines });
      progress(0.15 + (0.85 * (i + 1)) / images.length);
    }
    return { frames, ocrCalls };
  });
  const decoded = images.length;
  return { frames, decoded, ocrCalls };
}

/**
 * A line touching an edge of the crop that is not an edge of the frame was cut by the crop ("共娱乐" from
 * "仅供娱乐"); the whole-frame pass reads it whole, so drop the fragment.
 */
export function cutByCrop(box: Rect, r: Rect, img: { width: number; height: number }): boolean {
  const m = 3;
  const left = r.x > 0 && box.x <= r.x + m;
  const top = r.y > 0 && box.y <= r.y + m;
  const right = r.x + r.width < img.width && box.x + box.width >= r.x + r.width - m;
  const bottom = r.y + r.height < img.height && box.y + box.height >= r.y + r.height - m;
  return left || top || right || bottom;
}
