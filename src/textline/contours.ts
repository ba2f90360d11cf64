/**
 * The point sets OpenCV's `findContours(mask, RETR_LIST, CHAIN_APPROX_SIMPLE)` returns, as far as anything
 * downstream of the text detector reads them: the text-line step only takes each contour's minimum-area rectangle,
 * and that depends only on the contour's convex hull. So instead of following borders pixel by pixel (Suzuki &
 * Abe, what OpenCV does), we find, in one pass over row runs:
 *   - each 8-connected component of foreground pixels: its outer border has the hull of the whole component;
 *   - each hole: a 4-connected component of background pixels that does not reach the image edge. Its border
 *     (followed with 8-connectivity, as OpenCV does) is the set of foreground pixels 4-adjacent to the hole.
 * A contour comes back as the leftmost and rightmost of its border pixels on every row it spans: the same convex
 * hull as the full border. OpenCV pads the image with one zero pixel on every side, so foreground touching the
 * edge is an ordinary component and background touching the edge is never a hole; so here.
 */

/** One contour's hull-relevant points as flat [x0, y0, x1, y1, …], rows top to bottom. */
export type ContourPoints = number[];

interface Run {
  y: number;
  a: number; // first column
  b: number; // last column
}

/** Union-find over run indices (path halving). */
function find(parent: Int32Array, i: number): number {
  while (parent[i] !== i) {
    parent[i] = parent[parent[i]];
    i = parent[i];
  }
  return i;
}
function union(parent: Int32Array, i: number, j: number): void {
  const a = find(parent, i);
  const b = find(parent, j);
  if (a !== b) parent[a < b ? b : a] = a < b ? a : b; // the earlier run is the root: components keep raster order
}

/** Maximal runs of pixels where `on(mask[i])` holds, row by row, and the index of each row's first run. */
function runs(mask: Uint8Array, width: number, height: number, fg: boolean): { list: Run[]; rowStart: Int32Array } {
  const list: Run[] = [];
  const rowStart = new Int32Array(height + 1);
  for (let y = 0; y < height; y++) {
    rowStart[y] = list.length;
    const row = y * width;
    let x = 0;
    while (x < width) {
      if ((mask[row + x] !== 0) !== fg) {
        x++;
        continue;
      }
      const a = x;
      while (x < width && (mask[row + x] !== 0) === fg) x++;
      list.push({ y, a, b: x - 1 });
    }
  }
  rowStart[height] = list.length;
  return { list, rowStart };
}

/**
 * Join each run with the runs of the row above that touch it: overlapping columns for 4-connectivity, columns
 * one apart (diagonal neighbours) too for 8-connectivity. Returns the root run of every run.
 */
function connect(list: Run[], rowStart: Int32Array, height: number, reach: 0 | 1): Int32Array {
  const parent = new Int32Array(list.length);
  for (let i = 0; i < parent.length; i++) parent[i] = i;
  for (let y = 1; y < height; y++) {
    let j = rowStart[y - 1];
    const jEnd = rowStart[y];
    for (let i = rowStart[y]; i < rowStart[y + 1]; i++) {
      const r = list[i];
      while (j < jEnd && list[j].b + reach < r.a) j++;
      for (let k = j; k < jEnd && list[k].a - reach <= r.b; k++) union(parent, i, k);
    }
  }
  for (let i = 0; i < parent.length; i++) parent[i] = find(parent, i);
  return parent;
}

/** Per contour, the leftmost and rightmost point on each row, gathered in a map keyed by row. */
class RowExtremes {
  private readonly rows = new Map<number, [number, number]>();
  add(x: number, y: number): void {
    const e = this.rows.get(y);
    if (!e) this.rows.set(y, [x, x]);
    else if (x < e[0]) e[0] = x;
    else if (x > e[1]) e[1] = x;
  }
  points(): ContourPoints {
    const out: number[] = [];
    for (const y of [...this.rows.keys()].sort((p, q) => p - q)) {
      const [l, r] = this.rows.get(y)!;
      out.push(l, y);
      if (r !== l) out.push(r, y);
    }
    return out;
  }
}

/**
 * The contours of a binary mask (non-zero = foreground, one byte a pixel): every component's outer border, then
 * every hole's border, each in raster order of its first pixel.
 */
export function findContours(mask: Uint8Array, width: number, height: number): ContourPoints[] {
  if (mask.length < width * height) throw new RangeError(`mask has ${mask.length} bytes for ${width}×${height}`);
  const out: ContourPoints[] = [];

  // Outer borders: 8-connected foreground components. Every run's two ends are on its row's extremes candidates.
  const fg = runs(mask, width, height, true);
  const fgRoot = connect(fg.list, fg.rowStart, height, 1);
  const comps = new Map<number, RowExtremes>();
  fg.list.forEach((r, i) => {
    let c = comps.get(fgRoot[i]);
    if (!c) comps.set(fgRoot[i], (c = new RowExtremes()));
    c.add(r.a, r.y);
    c.add(r.b, r.y);
  });
  for (const c of comps.values()) out.push(c.points());

  // Holes: 4-connected background components that reach no image edge.
  const bg = runs(mask, width, height, false);
  const bgRoot = connect(bg.list, bg.rowStart, height, 0);
  const open = new Set<number>();
  bg.list.forEach((r, i) => {
    if (r.y === 0 || r.y === height - 1 || r.a === 0 || r.b === width - 1) open.add(bgRoot[i]);
  });
  const holes = new Map<number, RowExtremes>();
  const onAt = (x: number, y: number) => mask[y * width + x] !== 0;
  bg.list.forEach((r, i) => {
    const root = bgRoot[i];
    if (open.has(root)) return;
    let h = holes.get(root);
    if (!h) holes.set(root, (h = new RowExtremes()));
    // the runs are maximal and inside the image: both ends are bordered by foreground on this row
    h.add(r.a - 1, r.y);
    h.add(r.b + 1, r.y);
    // above and below: the foreground pixels over the run's columns, only the outermost of each side matter
    for (const y of [r.y - 1, r.y + 1]) {
      let x = r.a;
      while (x <= r.b && !onAt(x, y)) x++;
      if (x > r.b) continue;
      h.add(x, y);
      let z = r.b;
      while (z > x && !onAt(z, y)) z--;
      h.add(z, y);
    }
  });
  for (const h of holes.values()) out.push(h.points());
  return out;
}
