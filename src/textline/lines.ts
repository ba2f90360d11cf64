/**
 * From the text detector's binary map to one upright image per text line: the post-processing of PaddleOCR's DB
 * detector as `@gutenye/ocr-common`'s `splitIntoLineImages` does it (minimum-area box of each contour, boxes
 * whose short side is under 3 px dropped, the box grown by area × 1.5 / perimeter with a round-joined polygon
 * offset, the grown polygon's minimum-area box, a perspective crop, tall crops turned a quarter), without
 * opencv.js: that library's wasm runtime cost about 90 MB of resident memory and 0.8 s of CPU to load in every
 * process that read text, for four functions. The polygon offset is js-clipper's, as in the library.
 */
import { createRequire } from 'node:module';
import { findContours } from './contours.js';
import { boxPoints, minAreaRect, polygonArea, polygonPerimeter, type Point } from './rect.js';
import { perspectiveTransform, rotateQuarter, warpPerspectiveCubic, type Rgba } from './warp.js';

const require = createRequire(import.meta.url);

interface ClipperLib {
  ClipperOffset: new () => {
    AddPath(path: { X: number; Y: number }[], join: number, end: number): void;
    Execute(out: { X: number; Y: number }[][], delta: number): void;
  };
  JoinType: { jtRound: number };
  EndType: { etClosedPolygon: number };
}
let clipper: ClipperLib | null = null;

export interface TextLine {
  /** The line's box corners, clockwise from top-left, in the source image's pixels. */
  box: [Point, Point, Point, Point];
  /** The line's pixels, RGBA, upright. */
  image: Rgba;
}

const MIN_SIZE = 3;
const UNCLIP_RATIO = 1.5;

/** The library's ordering of a rectangle's corners: top-left, top-right, bottom-right, bottom-left. */
function miniBox(flat: ArrayLike<number>, traced: boolean): { points: [Point, Point, Point, Point]; side: number } {
  const r = minAreaRect(flat, traced);
  const p = boxPoints(r).sort((a, b) => a[0] - b[0]);
  const [i1, i4] = p[1][1] > p[0][1] ? [0, 1] : [1, 0];
  const [i2, i3] = p[3][1] > p[2][1] ? [2, 3] : [3, 2];
  return { points: [p[i1], p[i2], p[i3], p[i4]], side: Math.min(r.width, r.height) };
}

/** The box grown outwards by area × ratio / perimeter (round joins), as integer points. */
function unclip(box: Point[]): number[] {
  clipper ??= require('js-clipper') as ClipperLib;
  const distance = (Math.abs(polygonArea(box)) * UNCLIP_RATIO) / polygonPerimeter(box);
  const offset = new clipper.ClipperOffset();
  offset.AddPath(
    box.map(([X, Y]) => ({ X, Y })),
    clipper.JoinType.jtRound,
    clipper.EndType.etClosedPolygon,
  );
  const expanded: { X: number; Y: number }[][] = [];
  offset.Execute(expanded, distance);
  return (expanded[0] ?? []).flatMap((p) => [p.X, p.Y]);
}

/**
 * The library's corner ordering, kept as it is: top-left (smallest x + y) and bottom-right (largest x + y), then
 * the other two chosen by comparing their x difference with their y difference (a port of numpy's per-point
 * `diff` that compares across the two points instead). For the boxes above it gives TL, TR, BR, BL; its quirks
 * decide which corners get rounded below, so they are reproduced rather than fixed.
 */
function clockwise(pts: Point[]): Point[] {
  const s = pts.map((p) => p[0] + p[1]);
  const tl = pts[s.indexOf(Math.min(...s))];
  const br = pts[s.indexOf(Math.max(...s))];
  const rest = pts.filter((p) => p !== tl && p !== br);
  const d = [rest[1][0] - rest[0][0], rest[1][1] - rest[0][1]];
  return [tl, rest[d.indexOf(Math.min(...d))], br, rest[d.indexOf(Math.max(...d))]];
}

const dist = (a: Point, b: Point) => Math.hypot(a[0] - b[0], a[1] - b[1]);
const trunc = (n: number) => (n > 0 ? Math.floor(n) : Math.ceil(n));

/** The quadrilateral `box` (TL, TR, BR, BL) cut out of `source` and straightened; tall crops turned a quarter. */
function cropLine(source: Rgba, box: Point[]): Rgba {
  const w = trunc(Math.max(dist(box[0], box[1]), dist(box[2], box[3])));
  const h = trunc(Math.max(dist(box[0], box[3]), dist(box[1], box[2])));
  const target: Point[] = [[0, 0], [w, 0], [w, h], [0, h]];
  const crop = warpPerspectiveCubic(source, perspectiveTransform(target, box), w, h);
  return h / w >= 1.5 ? rotateQuarter(crop) : crop;
}

/**
 * Text lines of `source` (RGBA) found in `mask` (one byte a pixel, non-zero = text; the detector's map at the
 * source's size or a scaled copy of it).
 */
export function splitIntoLines(mask: Uint8Array, maskWidth: number, maskHeight: number, source: Rgba): TextLine[] {
  const out: TextLine[] = [];
  const rx = source.width / maskWidth;
  const ry = source.height / maskHeight;
  const clip = (n: number, max: number) => Math.max(0, Math.min(n, max));
  for (const contour of findContours(mask, maskWidth, maskHeight)) {
    const first = miniBox(contour, true);
    if (first.side < MIN_SIZE) continue;
    const grown = unclip(first.points);
    if (grown.length === 0) continue;
    const second = miniBox(grown, false);
    if (second.side < MIN_SIZE + 2) continue;
    const box = second.points;
    for (const p of box) {
      p[0] *= rx;
      p[1] *= ry;
    }
    // The library rounds and clips the corners in place through its clockwise-ordered view of them, so the crop
    // below reads the rounded corners in the box's own order.
    const ordered = clockwise(box);
    for (const p of ordered) {
      p[0] = clip(Math.round(p[0]), source.width);
      p[1] = clip(Math.round(p[1]), source.height);
    }
    if (trunc(dist(ordered[0], ordered[1])) <= 3 || trunc(dist(ordered[0], ordered[3])) <= 3) continue;
    out.push({ box, image: cropLine(source, box) });
  }
  return out;
}
