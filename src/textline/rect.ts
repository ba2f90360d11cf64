/**
 * Convex hull and minimum-area enclosing rectangle of a point set (what OpenCV's `minAreaRect` computes), by
 * rotating calipers over the hull's edges: the minimum rectangle has a side on some hull edge.
 */

export type Point = [number, number];

/**
 * Andrew's monotone chain over flat [x0, y0, x1, y1, …]; the indices (into the point list) of the hull's
 * vertices, counter-clockwise in y-up terms, no repeated or collinear points.
 */
export function convexHullIndices(flat: ArrayLike<number>): number[] {
  const idx: number[] = [];
  for (let i = 0; i + 1 < flat.length; i += 2) idx.push(i / 2);
  const X = (i: number) => flat[2 * i];
  const Y = (i: number) => flat[2 * i + 1];
  idx.sort((p, q) => X(p) - X(q) || Y(p) - Y(q) || p - q);
  const uniq = idx.filter((p, k) => k === 0 || X(p) !== X(idx[k - 1]) || Y(p) !== Y(idx[k - 1]));
  if (uniq.length < 3) return uniq;
  const cross = (o: number, a: number, b: number) => (X(a) - X(o)) * (Y(b) - Y(o)) - (Y(a) - Y(o)) * (X(b) - X(o));
  const chain = (order: number[]) => {
    const out: number[] = [];
    for (const p of order) {
      while (out.length >= 2 && cross(out[out.length - 2], out[out.length - 1], p) <= 0) out.pop();
      out.push(p);
    }
    return out.slice(0, -1);
  };
  return chain(uniq).concat(chain([...uniq].reverse()));
}

/** A rotated rectangle as OpenCV's `RotatedRect`: float32 centre, sides and angle in degrees. */
export interface RotatedRect {
  cx: number;
  cy: number;
  width: number;
  height: number;
  angle: number;
}

/**
 * The hull in the order OpenCV's `minAreaRect` sees it, which decides which of several equal-area rectangles comes
 * out and how its float32 corners round. A traced contour (`traced`) starts at its topmost, then leftmost point
 * (where border following starts) and runs down the left side first. Any other polygon (the grown box) keeps
 * convexHullIndices' direction, turned to start where the input's indices do: at the lowest index when they
 * ascend along the hull, at the highest when they descend (OpenCV's `convexHull` shifts its output so).
 * Checked against opencv.js 4.9 on 276 detector maps of the shared media: all 733 boxes the same (see
 * test/textline/textline.test.ts).
 */
function hullInOpenCvOrder(flat: ArrayLike<number>, traced: boolean): Point[] {
  const h = convexHullIndices(flat);
  const n = h.length;
  let start = 0;
  if (traced) {
    h.reverse();
    for (let i = 1; i < n; i++) {
      const [x, y, sx, sy] = [flat[2 * h[i]], flat[2 * h[i] + 1], flat[2 * h[start]], flat[2 * h[start] + 1]];
      if (y < sy || (y === sy && x < sx)) start = i;
    }
  } else if (n >= 3) {
    let rises = 0;
    for (let i = 0; i < n; i++) if (h[(i + 1) % n] > h[i]) rises++;
    let min = 0;
    let max = 0;
    for (let i = 1; i < n; i++) {
      if (h[i] < h[min]) min = i;
      if (h[i] > h[max]) max = i;
    }
    if (rises === n - 1) start = min; // ascending all the way round but for the wrap
    else if (rises === 1) start = max; // descending
  }
  const out: Point[] = [];
  for (let k = 0; k < n; k++) {
    const i = h[(start + k) % n];
    out.push([flat[2 * i], flat[2 * i + 1]]);
  }
  return out;
}

/**
 * The smallest-area rectangle around the points (flat [x0, y0, …]), computed as OpenCV's `minAreaRect` does:
 * rotating calipers in float32 over the hull, the last of equal areas kept, so the same rectangle comes out when
 * several have the same area (a small square blob) and the corners carry the same float32 rounding. `traced`:
 * the points are a traced contour's (see hullInOpenCvOrder).
 */
export function minAreaRect(flat: ArrayLike<number>, traced = false): RotatedRect {
  const f = Math.fround;
  const pts = hullInOpenCvOrder(flat, traced);
  const n = pts.length;
  if (n === 0) throw new RangeError('minAreaRect of no points');
  if (n === 1) return { cx: f(pts[0][0]), cy: f(pts[0][1]), width: 0, height: 0, angle: 0 };
  if (n === 2) {
    const dx = pts[1][0] - pts[0][0];
    const dy = pts[1][1] - pts[0][1];
    return {
      cx: f(f(pts[0][0] + pts[1][0]) * 0.5),
      cy: f(f(pts[0][1] + pts[1][1]) * 0.5),
      width: f(Math.sqrt(dx * dx + dy * dy)),
      height: 0,
      angle: f((f(Math.atan2(dy, dx)) * 180) / Math.PI),
    };
  }
  const vx = new Float32Array(n);
  const vy = new Float32Array(n);
  const inv = new Float32Array(n);
  let left = 0;
  let bottom = 0;
  let right = 0;
  let top = 0;
  let [leftX, topY] = pts[0];
  let rightX = leftX;
  let bottomY = topY;
  for (let i = 0; i < n; i++) {
    const p0 = pts[i];
    if (p0[0] < leftX) (leftX = p0[0]), (left = i);
    if (p0[0] > rightX) (rightX = p0[0]), (right = i);
    if (p0[1] > topY) (topY = p0[1]), (top = i);
    if (p0[1] < bottomY) (bottomY = p0[1]), (bottom = i);
    const p = pts[(i + 1) % n];
    const dx = p[0] - p0[0];
    const dy = p[1] - p0[1];
    vx[i] = dx;
    vy[i] = dy;
    inv[i] = 1 / Math.sqrt(dx * dx + dy * dy);
  }
  let orientation = 0;
  {
    let ax = vx[n - 1];
    let ay = vy[n - 1];
    for (let i = 0; i < n; i++) {
      const c = ax * vy[i] - ay * vx[i];
      if (c !== 0) {
        orientation = c > 0 ? 1 : -1;
        break;
      }
      ax = vx[i];
      ay = vy[i];
    }
  }
  let a = orientation;
  let b = 0;
  const seq = [bottom, right, top, left];
  let minArea = Infinity;
  let best = { left: 0, a: 0, width: 0, b: 0, height: 0, bottom: 0 };
  for (let k = 0; k < n; k++) {
    const dp = [
      f(f(a * vx[seq[0]]) + f(b * vy[seq[0]])),
      f(f(-b * vx[seq[1]]) + f(a * vy[seq[1]])),
      f(f(-a * vx[seq[2]]) - f(b * vy[seq[2]])),
      f(f(b * vx[seq[3]]) - f(a * vy[seq[3]])),
    ];
    let main = 0;
    let maxcos = f(dp[0] * inv[seq[0]]);
    for (let j = 1; j < 4; j++) {
      const c = f(dp[j] * inv[seq[j]]);
      if (c > maxcos) (maxcos = c), (main = j);
    }
    const pi = seq[main];
    const lx = f(vx[pi] * inv[pi]);
    const ly = f(vy[pi] * inv[pi]);
    if (main === 0) (a = lx), (b = ly);
    else if (main === 1) (a = ly), (b = -lx);
    else if (main === 2) (a = -lx), (b = -ly);
    else (a = -ly), (b = lx);
    seq[main] = (seq[main] + 1) % n;
    let dx = f(pts[seq[1]][0] - pts[seq[3]][0]);
    let dy = f(pts[seq[1]][1] - pts[seq[3]][1]);
    const width = f(f(dx * a) + f(dy * b));
    dx = f(pts[seq[2]][0] - pts[seq[0]][0]);
    dy = f(pts[seq[2]][1] - pts[seq[0]][1]);
    const height = f(f(-dx * b) + f(dy * a));
    const area = f(width * height);
    if (area <= minArea) {
      minArea = area;
      best = { left: seq[3], a, width, b, height, bottom: seq[0] };
    }
  }
  const A1 = best.a;
  const B1 = best.b;
  const A2 = -best.b;
  const B2 = best.a;
  const C1 = f(f(A1 * pts[best.left][0]) + f(pts[best.left][1] * B1));
  const C2 = f(f(A2 * pts[best.bottom][0]) + f(pts[best.bottom][1] * B2));
  const idet = f(1 / f(f(A1 * B2) - f(A2 * B1)));
  const px = f(f(f(C1 * B2) - f(C2 * B1)) * idet);
  const py = f(f(f(A1 * C2) - f(A2 * C1)) * idet);
  const v1x = f(A1 * best.width);
  const v1y = f(B1 * best.width);
  const v2x = f(A2 * best.height);
  const v2y = f(B2 * best.height);
  return {
    cx: f(px + f(f(v1x + v2x) * 0.5)),
    cy: f(py + f(f(v1y + v2y) * 0.5)),
    width: f(Math.sqrt(v1x * v1x + v1y * v1y)),
    height: f(Math.sqrt(v2x * v2x + v2y * v2y)),
    angle: f((f(Math.atan2(v1y, v1x)) * 180) / Math.PI),
  };
}

/** The corners of a rotated rectangle, in the order and arithmetic of the text-line library's `boxPoints`. */
export function boxPoints(r: RotatedRect): [Point, Point, Point, Point] {
  const theta = (r.angle * Math.PI) / 180;
  const cos = Math.cos(theta);
  const sin = Math.sin(theta);
  const dx = r.width * 0.5;
  const dy = r.height * 0.5;
  return [
    [r.cx - dx * cos + dy * sin, r.cy - dx * sin - dy * cos],
    [r.cx + dx * cos + dy * sin, r.cy + dx * sin - dy * cos],
    [r.cx + dx * cos - dy * sin, r.cy + dx * sin + dy * cos],
    [r.cx - dx * cos - dy * sin, r.cy - dx * sin + dy * cos],
  ];
}

/** Signed area of a polygon (shoelace), the sign of the library's formula (positive when clockwise in y-down). */
export function polygonArea(poly: Point[]): number {
  let area = 0;
  let b = poly[poly.length - 1];
  for (const a of poly) {
    area += b[1] * a[0] - b[0] * a[1];
    b = a;
  }
  return area / 2;
}

export function polygonPerimeter(poly: Point[]): number {
  let len = 0;
  let b = poly[poly.length - 1];
  for (const a of poly) {
    len += Math.hypot(b[0] - a[0], b[1] - a[1]);
    b = a;
  }
  return len;
}
