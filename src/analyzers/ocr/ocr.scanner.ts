import type { RawImage, Rect } from '../../repositories/ocr.repository.js';
import { detailRegions, detailScale, type ScanPlan } from './frame.sampler.js';
import type { FrameText, TextBox } from './text.tracker.js';

/** The I/O the scanner needs; the analyzer passes the real repositories, tests pass fakes. */
export interface ScanDeps {
  /** Decode video frames at the given times (longer side capped); missing frames are left out. */
  grabFrames(timestamps: number[], maxSide: number): Promise<(RawImage & { timestamp: number })[]>;
  /** Decode a still image (longer side capped); null when it cannot be decoded. */
  decodeImage(maxSide: number): Promise<RawImage | null>;
  /** OCR a region of an image scaled by `scale`; boxes in the image's coordinates. */
  recognize(image: RawImage, region: Rect | undefined, scale: number): Promise<TextBox[]>;
}

export interface ScanResult {
  frames: FrameText[];
  /** Frames decoded. */
  decoded: number;
  /** OCR calls made. */
  ocrCalls: number;
}

/** Decode the planned frames and OCR each: the whole frame downscaled, plus upscaled corners on detail frames. */
export async function scanMedia(plan: ScanPlan, deps: ScanDeps, progress: (f: number) => void = () => undefined): Promise<ScanResult> {
  let images: (RawImage & { timestamp: number | null })[];
  if (plan.timestamps.length === 1 && plan.timestamps[0] === null) {
    const img = await deps.decodeImage(plan.grabMaxSide);
    images = img ? [{ ...img, timestamp: null }] : [];
  } else {
    images = await deps.grabFrames(plan.timestamps.filter((t): t is number => t !== null), plan.grabMaxSide);
  }
  progress(0.2);
  const frames: FrameText[] = [];
  let ocrCalls = 0;
  for (let i = 0; i < images.length; i++) {
    const img = images[i];
    const lines: TextBox[] = [];
    const fullScale = Math.min(1, plan.fullMaxSide / Math.max(img.width, img.height));
    lines.push(...(await deps.recognize(img, undefined, fullScale)));
    ocrCalls++;
    const frameIndex = plan.timestamps.indexOf(img.timestamp);
    if (plan.detailFrames.includes(frameIndex >= 0 ? frameIndex : i)) {
      for (const r of detailRegions(img.width, img.height, plan.bands)) {
        const found = await deps.recognize(img, r, detailScale(r, plan.detailTargetSide));
        lines.push(...found.filter((l) => !cutByCrop(l.box, r, img)));
        ocrCalls++;
      }
    }
    frames.push({ frame: frameIndex >= 0 ? frameIndex : i, timestamp: img.timestamp, width: img.width, height: img.height, lines });
    progress(0.2 + (0.8 * (i + 1)) / images.length);
  }
  return { frames, decoded: images.length, ocrCalls };
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
