/**
 * Query preprocessing for reposts: find the rectangle that holds the original picture inside a repost frame —
 * black or coloured bars (letterbox, pillarbox, 9:16 canvases), blurred fill around a centred video, and burned-in
 * caption bands that stay still while the video moves. Pure pixel analysis on RGB24 frames (no I/O); several
 * candidate rectangles are returned because each rule can be fooled (a static sky looks like a caption band), and
 * the matcher hashes the full frame and every candidate.
 */

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface RgbFrame {
  rgb: Uint8Array;
  width: number;
  height: number;
}

export interface CropCandidate {
  rect: Rect;
  /** Which rule produced it: solid bars, static bands, blurred fill, or all of them together. */
  reason: 'solid' | 'static' | 'blur' | 'combined';
}

/** Below this spatial standard deviation (luma, 0..255) a row or column is a solid bar. */
const SOLID_STD = 7;
/** Below this temporal standard deviation a row is still (caption band) — only when the picture moves. */
const STATIC_STD = 1.2;
/** A row whose sharpness is under this fraction of the picture's median sharpness is blurred fill. */
const BLUR_RATIO = 0.3;
/** Candidates that keep less than this fraction of a side are rejected. */
const MIN_KEEP = 0.3;

interface LineStats {
  /** Mean over frames of the spatial std of luma along the line. */
  std: Float64Array;
  /** Mean over frames of the mean absolute luma gradient (both axes) along the line. */
  grad: Float64Array;
  /** Mean over the line of the temporal std of luma. */
  temporal: Float64Array;
}

function lumaOf(f: RgbFrame): Float32Array {
  const n = f.width * f.height;
  const out = new Float32Array(n);
  const p = f.rgb;
  for (let i = 0, j = 0; i < n; i++, j += 3) out[i] = 0.299 * p[j] + 0.587 * p[j + 1] + 0.114 * p[j + 2];
  return out;
}

/** Per-row (axis 'y') or per-column (axis 'x') statistics over all frames. */
function lineStats(lumas: Float32Array[], w: number, h: number, axis: 'x' | 'y'): LineStats {
  const lines = axis === 'y' ? h : w;
  const len = axis === 'y' ? w : h;
  const std = new Float64Array(lines);
  const grad = new Float64Array(lines);
  const temporal = new Float64Array(lines);
  const idx = axis === 'y' ? (line: number, k: number) => line * w + k : (line: number, k: number) => k * w + line;
  for (const L of lumas) {
    for (let a = 0; a < lines; a++) {
      let s = 0;
      let s2 = 0;
      let g = 0;
      for (let k = 0; k < len; k++) {
        const i = idx(a, k);
        const v = L[i];
        s += v;
        s2 += v * v;
        const along = k + 1 < len ? Math.abs(L[idx(a, k + 1)] - v) : 0;
        const across = a + 1 < lines ? Math.abs(L[idx(a + 1, k)] - v) : 0;
        g += along + across;
      }
      const m = s / len;
      std[a] += Math.sqrt(Math.max(0, s2 / len - m * m));
      grad[a] += g / len;
    }
  }
  for (let a = 0; a < lines; a++) {
    std[a] /= lumas.length;
    grad[a] /= lumas.length;
  }
  if (lumas.length >= 3) {
    const n = lumas.length;
    for (let a = 0; a < lines; a++) {
      let t = 0;
      for (let k = 0; k < len; k++) {
        const i = idx(a, k);
        let s = 0;
        let s2 = 0;
        for (const L of lumas) {
          s += L[i];
          s2 += L[i] * L[i];
        }
        const m = s / n;
        t += Math.sqrt(Math.max(0, s2 / n - m * m));
      }
      temporal[a] = t / len;
    }
  }
  return { std, grad, temporal };
}

function median(xs: ArrayLike<number>, from: number, to: number): number {
  const a = Array.from({ length: Math.max(0, to - from) }, (_, i) => xs[from + i]).sort((p, q) => p - q);
  return a.length ? a[a.length >> 1] : 0;
}

/** Scan inward from both ends while `isBorder(line)`; returns [start, end) of the kept span. */
function scan(lines: number, isBorder: (a: number) => boolean): [number, number] {
  let s = 0;
  while (s < lines && isBorder(s)) s++;
  let e = lines;
  while (e > s && isBorder(e - 1)) e--;
  return [s, e];
}

/**
 * Candidate content rectangles for a set of frames sampled from one video (or one image). Returns an empty list
 * when nothing looks like a border. Coordinates are in the frames' pixel grid.
 */
export function detectCropCandidates(frames: RgbFrame[]): CropCandidate[] {
  if (!frames.length) return [];
  const { width: w, height: h } = frames[0];
  const same = frames.filter((f) => f.width === w && f.height === h);
  const lumas = same.map(lumaOf);
  const rows = lineStats(lumas, w, h, 'y');
  const cols = lineStats(lumas, w, h, 'x');
  const moving = lumas.length >= 3 && median(rows.temporal, Math.floor(h * 0.3), Math.ceil(h * 0.7)) > 3 * STATIC_STD;
  const sharpRows = median(rows.grad, Math.floor(h * 0.3), Math.ceil(h * 0.7));
  const sharpCols = median(cols.grad, Math.floor(w * 0.3), Math.ceil(w * 0.7));

  const rules: Record<CropCandidate['reason'], { row: (a: number) => boolean; col: (a: number) => boolean } | null> = {
    solid: { row: (a) => rows.std[a] < SOLID_STD, col: (a) => cols.std[a] < SOLID_STD },
    static: moving ? { row: (a) => rows.temporal[a] < STATIC_STD, col: (a) => cols.temporal[a] < STATIC_STD } : null,
    blur:
      sharpRows > 2 && sharpCols > 2
        ? { row: (a) => rows.grad[a] < BLUR_RATIO * sharpRows, col: (a) => cols.grad[a] < BLUR_RATIO * sharpCols }
        : null,
    combined: null,
  };
  const active = (['solid', 'static', 'blur'] as const).filter((k) => rules[k] !== null);
  rules.combined = {
    row: (a) => active.some((k) => rules[k]!.row(a)),
    col: (a) => active.some((k) => rules[k]!.col(a)),
  };

  const out: CropCandidate[] = [];
  const seen = new Set<string>();
  for (const reason of [...active, 'combined'] as const) {
    const rule = rules[reason];
    if (!rule) continue;
    const [y0, y1] = scan(h, rule.row);
    const [x0, x1] = scan(w, rule.col);
    const rect = { x: x0, y: y0, width: x1 - x0, height: y1 - y0 };
    if (rect.width < MIN_KEEP * w || rect.height < MIN_KEEP * h) continue;
    // Ignore slivers: a border of ≤ 1.5 % on every side changes a PDQ hash by a few bits at most.
    if (x0 <= w * 0.015 && w - x1 <= w * 0.015 && y0 <= h * 0.015 && h - y1 <= h * 0.015) continue;
    const key = `${rect.x},${rect.y},${rect.width},${rect.height}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ rect, reason });
  }
  return out;
}

/** Copy a rectangle out of an RGB24 frame. */
export function cropRgb(f: RgbFrame, r: Rect): RgbFrame {
  const out = new Uint8Array(r.width * r.height * 3);
  for (let y = 0; y < r.height; y++) {
    const src = ((r.y + y) * f.width + r.x) * 3;
    out.set(f.rgb.subarray(src, src + r.width * 3), y * r.width * 3);
  }
  return { rgb: out, width: r.width, height: r.height };
}

/** Scale a rectangle found on one frame size to another (e.g. analysis size → hashing size). */
export function scaleRect(r: Rect, from: { width: number; height: number }, to: { width: number; height: number }): Rect {
  const sx = to.width / from.width;
  const sy = to.height / from.height;
  const x = Math.round(r.x * sx);
  const y = Math.round(r.y * sy);
  return { x, y, width: Math.min(to.width - x, Math.round(r.width * sx)), height: Math.min(to.height - y, Math.round(r.height * sy)) };
}
