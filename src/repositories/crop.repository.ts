/**
 * Query preprocessing for reposts: find the rectangle that holds the original picture inside a repost frame —
 * bars (letterbox, pillarbox, 9:16 canvases), blurred fill around a centred video, and burned-in caption bands that
 * stay still while the video moves. Pure pixel analysis on RGB24 frames (no I/O). Several candidate rectangles are
 * returned because each rule can be fooled (a static sky looks like a caption band); the matcher hashes the full
 * frame and every candidate, and each is matched on its own.
 */
import type { Rect, RgbFrame } from '../domain/frame.js';

export type { Rect, RgbFrame } from '../domain/frame.js';

export interface CropCandidate {
  rect: Rect;
  /**
   * Which rule produced it: `solid` bars, `static` caption bands, `aspect` (a centred picture of a common aspect
   * ratio whose edges are visible lines — blurred fill), or all of them together (`combined`).
   */
  reason: 'solid' | 'static' | 'band' | 'aspect' | 'combined';
}

/** A line is a bar when this share of its pixels is within SOLID_TOL of its mean (watermarks in bars are fine). */
const SOLID_FRACTION = 0.93;
const SOLID_TOL = 8;
/** Share of a caption band's lines that keeps the band colour (the rest is text). */
const BAND_SHARE = 0.3;
/** Below this temporal standard deviation (luma) a line is still — only tested when the picture moves. */
const STATIC_STD = 1.2;
/** Candidates that keep less than this fraction of a side are rejected. */
const MIN_KEEP = 0.25;
/** Aspect ratios (width / height) of pictures commonly placed in canvases. */
const ASPECTS = [16 / 9, 4 / 3, 1, 3 / 4, 9 / 16, 1.85, 2.39, 3 / 2, 2 / 3];
/** How far (fraction of the side) an aspect hypothesis's edges are searched for the real boundary line. */
const EDGE_SEARCH = 0.04;

interface LineStats {
  /** Mean luma of the line (over frames). */
  mean: Float64Array;
  /** Share of the line's pixels within SOLID_TOL of the line mean (mean over frames). */
  solid: Float64Array;
  /** Mean absolute difference with the previous line (mean over frames): boundary lines peak. */
  edge: Float64Array;
  /** Mean over the line of the temporal standard deviation of luma. */
  temporal: Float64Array;
  /** Share of the line's pixels within SOLID_TOL of the first (resp. last) line's mean colour (mean over frames). */
  nearFirst: Float64Array;
  nearLast: Float64Array;
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
  const step = axis === 'y' ? 1 : w; // stride along the line
  const lineStride = axis === 'y' ? w : 1; // stride between lines
  const mean = new Float64Array(lines);
  const solid = new Float64Array(lines);
  const edge = new Float64Array(lines);
  const temporal = new Float64Array(lines);
  const nearFirst = new Float64Array(lines);
  const nearLast = new Float64Array(lines);
  const m0 = edgeMargin(lines);
  for (const L of lumas) {
    let first = 0;
    let last = 0;
    for (let k = 0, i = m0 * lineStride, j = (lines - 1 - m0) * lineStride; k < len; k++, i += step, j += step) {
      first += L[i];
      last += L[j];
    }
    first /= len;
    last /= len;
    for (let a = 0; a < lines; a++) {
      const base = a * lineStride;
      let s = 0;
      let e = 0;
      for (let k = 0, i = base; k < len; k++, i += step) {
        s += L[i];
        if (a > 0) e += Math.abs(L[i] - L[i - lineStride]);
      }
      const m = s / len;
      let near = 0;
      let nf = 0;
      let nl = 0;
      for (let k = 0, i = base; k < len; k++, i += step) {
        const v = L[i];
        if (Math.abs(v - m) <= SOLID_TOL) near++;
        if (Math.abs(v - first) <= SOLID_TOL) nf++;
        if (Math.abs(v - last) <= SOLID_TOL) nl++;
      }
      nearFirst[a] += nf / len;
      nearLast[a] += nl / len;
      mean[a] += m;
      solid[a] += near / len;
      edge[a] += e / len;
    }
  }
  for (let a = 0; a < lines; a++) {
    mean[a] /= lumas.length;
    solid[a] /= lumas.length;
    nearFirst[a] /= lumas.length;
    nearLast[a] /= lumas.length;
    edge[a] /= lumas.length;
  }
  if (lumas.length >= 3) {
    const n = lumas.length;
    for (let a = 0; a < lines; a++) {
      let t = 0;
      for (let k = 0, i = a * lineStride; k < len; k++, i += step) {
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
  return { mean, solid, edge, temporal, nearFirst, nearLast };
}

function median(xs: ArrayLike<number>, from: number, to: number): number {
  const a = Array.from({ length: Math.max(0, to - from) }, (_, i) => xs[from + i]).sort((p, q) => p - q);
  return a.length ? a[a.length >> 1] : 0;
}

function quantile(xs: ArrayLike<number>, q: number): number {
  const a = Array.from(xs).sort((p, r) => p - r);
  return a.length ? a[Math.min(a.length - 1, Math.floor(q * a.length))] : 0;
}

/** Like scan() but inside [lo, hi), judging from the lines at lo and hi - 1. */
function scanWithin(lo: number, hi: number, isBorder: (a: number, from: number) => boolean): [number, number] {
  let s = lo;
  while (s < hi && isBorder(s, lo)) s++;
  let e = hi;
  while (e > s && isBorder(e - 1, hi - 1)) e--;
  return [s, e];
}

/** Lines at the very edge that scalers and encoders smear (a bar is judged from the line this far in). */
function edgeMargin(lines: number): number {
  return Math.min(3, Math.floor(lines * 0.01));
}

/**
 * Scan inward from both ends while `isBorder(line, referenceLine)`; returns [start, end) of the kept span. The
 * reference line is edgeMargin() in from the edge, and the smeared lines outside it count as border when it does.
 */
function scan(lines: number, isBorder: (a: number, from: number) => boolean): [number, number] {
  const m0 = edgeMargin(lines);
  const top = m0;
  const bottom = lines - 1 - m0;
  let s = 0;
  if (isBorder(top, top)) s = top;
  while (s < lines && isBorder(s, top)) s++;
  let e = lines;
  if (isBorder(bottom, bottom)) e = bottom + 1;
  while (e > s && isBorder(e - 1, bottom)) e--;
  return [s, e];
}

/** The line in [around ± radius] with the strongest boundary (edge) value, or null when nothing stands out. */
function refineEdge(edge: Float64Array, around: number, radius: number, factor: number): number | null {
  const lo = Math.max(1, Math.floor(around - radius));
  const hi = Math.min(edge.length - 1, Math.ceil(around + radius));
  let best = -1;
  let bestV = -1;
  for (let a = lo; a <= hi; a++) if (edge[a] > bestV) (bestV = edge[a]), (best = a);
  if (best < 0) return null;
  const typical = median(edge, lo, hi + 1);
  return bestV >= factor * typical + 1 ? best : null;
}

/**
 * Whether the boundary at line `at` (between at-1 and at) is a visible line: its edge value stands out against the
 * lines just inside the picture (`inward` = +1 when the picture is after `at`, -1 when before).
 */
function boundary(edge: Float64Array, at: number, inward: 1 | -1): boolean {
  const v = Math.max(edge[at] ?? 0, edge[at + 1] ?? 0, edge[at - 1] ?? 0);
  const inside: number[] = [];
  for (let k = 3; k <= 14; k++) {
    const a = at + inward * k;
    if (a >= 1 && a < edge.length) inside.push(edge[a]);
  }
  inside.sort((p, q) => p - q);
  const typical = inside.length ? inside[inside.length >> 1] : 0;
  return v >= 2 * typical + 3;
}

/** Centred pictures of common aspect ratios whose top/bottom (or left/right) edges are visible boundary lines. */
function aspectCandidates(w: number, h: number, rows: LineStats, cols: LineStats, factor: number): Rect[] {
  const out: Rect[] = [];
  for (const a of ASPECTS) {
    const ch = w / a;
    if (ch < h * 0.9 && ch > h * MIN_KEEP) {
      const top = refineEdge(rows.edge, (h - ch) / 2, h * EDGE_SEARCH, factor);
      const bottom = refineEdge(rows.edge, (h + ch) / 2, h * EDGE_SEARCH, factor);
      if (top !== null && bottom !== null && bottom - top > h * MIN_KEEP) out.push({ x: 0, y: top, width: w, height: bottom - top });
    }
    const cw = h * a;
    if (cw < w * 0.9 && cw > w * MIN_KEEP) {
      const left = refineEdge(cols.edge, (w - cw) / 2, w * EDGE_SEARCH, factor);
      const right = refineEdge(cols.edge, (w + cw) / 2, w * EDGE_SEARCH, factor);
      if (left !== null && right !== null && right - left > w * MIN_KEEP) out.push({ x: left, y: 0, width: right - left, height: h });
    }
  }
  return out;
}

/**
 * Candidate content rectangles for frames sampled from one video (or one image). Returns an empty list when
 * nothing looks like a border. Coordinates are in the frames' pixel grid. `rules` limits the rules used
 * (references use only `solid`: their own letterbox bars).
 */
export function detectCropCandidates(frames: RgbFrame[], rules?: readonly CropCandidate['reason'][]): CropCandidate[] {
  if (!frames.length) return [];
  const { width: w, height: h } = frames[0];
  const lumas = frames.filter((f) => f.width === w && f.height === h).map(lumaOf);
  const rows = lineStats(lumas, w, h, 'y');
  const cols = lineStats(lumas, w, h, 'x');
  const timed = lumas.length >= 3;
  // The picture moves when at least a quarter of its rows change clearly over time.
  const moving = timed && quantile(rows.temporal, 0.75) > 3;
  const use = (r: CropCandidate['reason']) => !rules || rules.includes(r);

  // A bar: (nearly) one colour across the line, the same colour as the outermost line, and still over time.
  const solid = (s: LineStats) => (a: number, from: number) =>
    s.solid[a] >= SOLID_FRACTION && Math.abs(s.mean[a] - s.mean[from]) < SOLID_TOL && s.solid[from] >= SOLID_FRACTION && (!timed || s.temporal[a] < 3);
  const still = (s: LineStats) => (a: number) => s.temporal[a] < STATIC_STD;
  // A caption band: starts with a solid outer line and keeps its colour on at least BAND_SHARE of every line
  // (glyphs cover the rest), and ends on a visible line. Works on still pictures too.
  const band = (s: LineStats) => (a: number, from: number) =>
    s.solid[from] >= SOLID_FRACTION && (from < s.mean.length / 2 ? s.nearFirst[a] : s.nearLast[a]) >= BAND_SHARE;
  const found: CropCandidate[] = [];
  const push = (rect: Rect, reason: CropCandidate['reason']) => found.push({ rect, reason });

  const fromScan = (row: (a: number, from: number) => boolean, col: (a: number, from: number) => boolean, sharp = false): Rect => {
    let [y0, y1] = scan(h, row);
    let [x0, x1] = scan(w, col);
    // Bars end on a visible line; a uniform dim floor that fades into the picture is not a bar.
    if (sharp) {
      if (y0 > 0 && !boundary(rows.edge, y0, 1)) y0 = 0;
      if (y1 < h && !boundary(rows.edge, y1, -1)) y1 = h;
      if (x0 > 0 && !boundary(cols.edge, x0, 1)) x0 = 0;
      if (x1 < w && !boundary(cols.edge, x1, -1)) x1 = w;
    }
    return { x: x0, y: y0, width: x1 - x0, height: y1 - y0 };
  };
  if (use('solid')) push(fromScan(solid(rows), solid(cols), true), 'solid');
  if (use('band')) {
    const b = fromScan(band(rows), band(cols), true);
    push(b, 'band');
    // A caption band above a letterboxed picture: the bars inside the band's remainder go too.
    if (use('combined')) {
      const sr = solid(rows);
      const sc = solid(cols);
      let [y0, y1] = scanWithin(b.y, b.y + b.height, sr);
      let [x0, x1] = scanWithin(b.x, b.x + b.width, sc);
      if (y0 > b.y && !boundary(rows.edge, y0, 1)) y0 = b.y;
      if (y1 < b.y + b.height && !boundary(rows.edge, y1, -1)) y1 = b.y + b.height;
      if (x0 > b.x && !boundary(cols.edge, x0, 1)) x0 = b.x;
      if (x1 < b.x + b.width && !boundary(cols.edge, x1, -1)) x1 = b.x + b.width;
      push({ x: x0, y: y0, width: x1 - x0, height: y1 - y0 }, 'combined');
    }
  }
  if (use('static') && moving) push(fromScan(still(rows), still(cols)), 'static');
  if (use('combined') && moving) {
    const sr = solid(rows);
    const sc = solid(cols);
    push(fromScan((a, f) => sr(a, f) || still(rows)(a), (a, f) => sc(a, f) || still(cols)(a)), 'combined');
  }
  // Averaged over moving frames, only a canvas edge stays a sharp line; a single image has many edges.
  if (use('aspect')) for (const r of aspectCandidates(w, h, rows, cols, timed ? 2.5 : 5)) push(r, 'aspect');

  const out: CropCandidate[] = [];
  const seen = new Set<string>();
  for (const c of found) {
    const { x, y, width, height } = c.rect;
    if (width < MIN_KEEP * w || height < MIN_KEEP * h) continue;
    // Slivers of ≤ 1.5 % on every side change a PDQ hash by a few bits at most.
    if (x <= w * 0.015 && w - x - width <= w * 0.015 && y <= h * 0.015 && h - y - height <= h * 0.015) continue;
    const key = `${x},${y},${width},${height}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(c);
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

/** The centred crop keeping `fraction` of each side of `r`. */
export function centredCrop(r: Rect, fraction: number): Rect {
  const width = Math.max(8, Math.round(r.width * fraction));
  const height = Math.max(8, Math.round(r.height * fraction));
  return { x: r.x + ((r.width - width) >> 1), y: r.y + ((r.height - height) >> 1), width, height };
}

/** The grey that masks hide caption bands with (query and reference alike). */
export const MASK_GREY = 128;

/** A copy of `f` with rows [from, to) filled with MASK_GREY. */
export function maskRows(f: RgbFrame, from: number, to: number): RgbFrame {
  const rgb = f.rgb.slice();
  rgb.fill(MASK_GREY, Math.max(0, from) * f.width * 3, Math.min(f.height, to) * f.width * 3);
  return { rgb, width: f.width, height: f.height };
}
