/**
 * Where to look for visible marks, by scan depth. Marks are persistent (they sit on every frame), so a few
 * frames spread over the clip find them; the spacing is short enough that a mark which jumps every few
 * seconds (Sora 2, TikTok) is seen in more than one place. Small corner text is read from corner crops
 * upscaled before OCR; the whole frame is read downscaled.
 */
export type ScanDepth = 'fast' | 'default' | 'deep';

export interface Region {
  name: string;
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface ScanPlan {
  /** Seek times in seconds; one `null` entry for a still image. */
  timestamps: (number | null)[];
  /** Longer side of decoded frames (never upscaled beyond the source). */
  grabMaxSide: number;
  /** Longer side at which the whole frame is OCR'd. */
  fullMaxSide: number;
  /** Indexes (into timestamps) of the frames whose corners and bands are also read, upscaled. */
  detailFrames: number[];
  /** How detail frames are chosen, to choose again when the decoder returns another number of frames. */
  detailMode: DetailMode;
  /** Read the top and bottom bands too (subtitle-size text). */
  bands: boolean;
  /** Corner crops are upscaled so their longer side is about this many pixels (at most 3×). */
  detailTargetSide: number;
}

export type DetailMode = 'one' | 'three' | 'alternate';

const SETTINGS: Record<ScanDepth, { frames: (d: number) => number; grab: number; full: number; detail: DetailMode; bands: boolean; target: number }> = {
  fast: { frames: () => 3, grab: 1280, full: 800, detail: 'one', bands: false, target: 640 },
  default: { frames: (d) => (d <= 15 ? 6 : 8), grab: 1920, full: 960, detail: 'three', bands: false, target: 720 },
  deep: { frames: (d) => Math.min(16, Math.max(10, Math.ceil(d / 3))), grab: 1920, full: 1280, detail: 'alternate', bands: true, target: 960 },
};

export function planScan(media: { kind: 'video' | 'image'; duration: number | null }, depth: ScanDepth): ScanPlan {
  const s = SETTINGS[depth];
  const base = { grabMaxSide: s.grab, fullMaxSide: s.full, bands: s.bands, detailTargetSide: s.target, detailMode: s.detail };
  if (media.kind === 'image' || !media.duration || media.duration <= 0) {
    return { ...base, timestamps: media.kind === 'image' ? [null] : [0], detailFrames: [0] };
  }
  const d = media.duration;
  // Very short clips cannot hold many distinct frames; at least ~0.25 s apart.
  const n = Math.max(1, Math.min(s.frames(d), Math.floor(d / 0.25)));
  const timestamps = Array.from({ length: n }, (_, i) => Math.min(d - 0.05, (d * (i + 0.5)) / n)).map((t) => Math.max(0, Number(t.toFixed(3))));
  const detailFrames = detailIndexes(s.detail, n);
  return { ...base, timestamps, detailFrames };
}

/** Which of `n` frames get the detail pass: the middle one, first/middle/last, or every other one. */
export function detailIndexes(mode: DetailMode, n: number): number[] {
  if (n <= 0) return [];
  if (mode === 'alternate') return Array.from({ length: n }, (_, i) => i).filter((i) => i % 2 === 0);
  if (mode === 'one') return [Math.floor(n / 2)];
  return [...new Set([0, Math.floor(n / 2), n - 1])];
}

/**
 * Corner crops (a third of the width, a fifth of the height — where watermarks and platform handles sit)
 * and, when asked, the top and bottom bands (full width).
 */
export function detailRegions(width: number, height: number, bands: boolean): Region[] {
  const cw = Math.round(width * 0.34);
  const ch = Math.round(height * 0.2);
  const out: Region[] = [
    { name: 'top-left', x: 0, y: 0, width: cw, height: ch },
    { name: 'top-right', x: width - cw, y: 0, width: cw, height: ch },
    { name: 'bottom-left', x: 0, y: height - ch, width: cw, height: ch },
    { name: 'bottom-right', x: width - cw, y: height - ch, width: cw, height: ch },
  ];
  if (bands) {
    const bh = Math.round(height * 0.18);
    out.push({ name: 'top', x: 0, y: 0, width, height: bh }, { name: 'bottom', x: 0, y: height - bh, width, height: bh });
  }
  return out;
}

/** Scale for a detail crop: upscale small crops up to `target` px on the longer side, at most 3×, never down. */
export function detailScale(region: { width: number; height: number }, target: number): number {
  return Math.max(1, Math.min(3, target / Math.max(region.width, region.height)));
}
