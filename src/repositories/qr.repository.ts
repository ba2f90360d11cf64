import { closeSync, openSync, readFileSync, readSync } from 'node:fs';
import { createRequire } from 'node:module';
import sharp from 'sharp';
import { Worker } from 'node:worker_threads';
import type { ReadResult } from 'zxing-wasm/reader';
import { ToolError, UnsupportedMediaError } from '../domain/errors.js';
import { decodeHeic } from './heic.repository.js';
import { inMemoryLane } from './memory-lane.js';
import type { DecodedRgba, DecodedStill } from '../domain/media-session.js';
import { countTool } from './tool-stats.repository.js';

/**
 * Decode every QR code in an image: zxing-wasm (several codes, rotated, inverted, small) on sharp's RGBA pixels,
 * with jsQR as a fallback. The .wasm binary is read from node_modules and handed to the module, so nothing is
 * fetched from a CDN.
 */
export interface DecodedQr {
  text: string;
  /** Corner points in image pixels (of the decoded pass), when known. */
  position?: { x: number; y: number }[];
  decoder: 'zxing' | 'jsqr';
}

const require = createRequire(import.meta.url);

/**
 * The decoders run in a worker thread that is stopped after each image (bench:memory, issue 12): zxing's
 * WebAssembly heap only grows and jsQR leaves ~50 MB of garbage; on the main thread a 12 MP photo's scan kept
 * ~110 MB for the rest of the check, under the OCR pass's peak. Results are the same (same decoders, same pixels).
 */
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const { readFileSync } = require('node:fs');
const { prepareZXingModule, readBarcodes } = require(workerData.reader);
const jsqr = require(workerData.jsqr);
const jsQR = jsqr.default || jsqr;
const bin = readFileSync(workerData.wasm);
const ready = Promise.resolve(prepareZXingModule({ overrides: { wasmBinary: bin.buffer.slice(bin.byteOffset, bin.byteOffset + bin.byteLength) }, fireImmediately: true }));
parentPort.on('message', async (img) => {
  try {
    await ready;
    const zx = (await readBarcodes(img, workerData.options)).map((x) => ({ isValid: x.isValid, text: x.text, position: x.position }));
    let js = null;
    if (!zx.some((x) => x.isValid && x.text)) {
      const j = jsQR(img.data, img.width, img.height, { inversionAttempts: 'attemptBoth' });
      js = j && j.data ? j.data : null;
    }
    parentPort.postMessage({ ok: true, zx, js });
  } catch (e) {
    parentPort.postMessage({ ok: false, message: String((e && e.message) || e) });
  }
});`;

const ZXING_OPTIONS = { formats: ['QRCode', 'MicroQRCode'], maxNumberOfSymbols: 64, tryHarder: true, tryRotate: true, tryInvert: true, tryDownscale: true };

interface ScanReply { ok: boolean; zx?: ReadResult[]; js?: string | null; message?: string }

/** One worker for the passes over one image; `close` stops it (and gives its memory back). */
function qrWorker(): { scan: (img: { data: Uint8ClampedArray; width: number; height: number }) => Promise<ScanReply>; close: () => Promise<void> } {
  const worker = new Worker(WORKER_SOURCE, {
    eval: true,
    execArgv: [],
    workerData: {
      reader: require.resolve('zxing-wasm/reader'),
      wasm: require.resolve('zxing-wasm/reader/zxing_reader.wasm'),
      jsqr: require.resolve('jsqr'),
      options: ZXING_OPTIONS,
    },
  });
  let failed: Error | null = null;
  const waiting = new Set<(r: ScanReply | Error) => void>();
  const fail = (e: Error) => {
    failed ??= e;
    for (const w of waiting) w(failed);
    waiting.clear();
  };
  worker.on('error', (e) => fail(e));
  worker.on('exit', (code) => fail(new Error(`QR decoder exited (${code})`)));
  worker.on('message', (m: ScanReply) => {
    for (const w of waiting) w(m);
    waiting.clear();
  });
  return {
    scan: (img) =>
      new Promise((resolve, reject) => {
        if (failed) return reject(failed);
        waiting.add((r) => (r instanceof Error ? reject(r) : r.ok ? resolve(r) : reject(new Error(r.message))));
        worker.postMessage(img);
      }),
    close: async () => {
      worker.removeAllListeners('exit');
      await worker.terminate();
    },
  };
}

const MAX_SIDE = 2400;

type Source = string | Buffer | { raw: Buffer; width: number; height: number; channels: 1 | 2 | 3 | 4 };

/** HEIC/HEIF by content (ISO-BMFF "ftyp" with a HEIF brand): sharp's prebuilt binaries cannot decode it. */
function isHeif(path: string): boolean {
  try {
    const fd = openSync(path, 'r');
    const b = Buffer.alloc(12);
    readSync(fd, b, 0, 12, 0);
    closeSync(fd);
    return b.toString('latin1', 4, 8) === 'ftyp' && /^(heic|heix|hevc|heim|heis|mif1|msf1)$/.test(b.toString('latin1', 8, 12));
  } catch {
    return false;
  }
}

async function rgba(input: Source, scale = 1): Promise<{ data: Uint8ClampedArray; width: number; height: number }> {
  if (!(typeof input === 'object' && 'raw' in input)) countTool('decode:sharp');
  let img =
    typeof input === 'object' && 'raw' in input
      ? sharp(input.raw, { raw: { width: input.width, height: input.height, channels: input.channels } })
      : sharp(input, { failOn: 'error', limitInputPixels: 200_000_000 }).rotate();
  const meta = await img.metadata();
  const w = meta.autoOrient?.width ?? meta.width ?? 0;
  const h = meta.autoOrient?.height ?? meta.height ?? 0;
  const side = Math.max(w, h);
  if (side > MAX_SIDE) img = img.resize({ width: w >= h ? MAX_SIDE : undefined, height: h > w ? MAX_SIDE : undefined });
  else if (scale !== 1) img = img.resize({ width: Math.round(w * scale), kernel: 'nearest' });
  const { data, info } = await img.flatten({ background: '#ffffff' }).ensureAlpha().raw().toBuffer({ resolveWithObject: true });
  return { data: new Uint8ClampedArray(data.buffer, data.byteOffset, data.length), width: info.width, height: info.height };
}

function fromZxing(r: ReadResult[]): DecodedQr[] {
  return r
    .filter((x) => x.isValid && x.text)
    .map((x) => ({
      text: x.text,
      position: [x.position.topLeft, x.position.topRight, x.position.bottomRight, x.position.bottomLeft].map((p) => ({ x: p.x, y: p.y })),
      decoder: 'zxing' as const,
    }));
}

async function decodeAll(
  original: string | Buffer,
  timeoutMs: number,
  heic: (() => Promise<DecodedRgba>) | undefined,
  pixels: (() => Promise<DecodedStill>) | undefined,
  worker: ReturnType<typeof qrWorker>,
): Promise<DecodedQr[]> {
  const input: Source = pixels ? await pixels() : typeof original === 'string' && isHeif(original) ? await (heic ? heic() : decodeHeic(original, timeoutMs)) : original;
  const out = new Map<string, DecodedQr>();
  const passes = [1];
  for (const scale of passes) {
    const img = await rgba(input, scale);
    const res = await worker.scan(img);
    for (const q of fromZxing(res.zx ?? [])) if (!out.has(q.text)) out.set(q.text, q);
    if (out.size === 0 && Math.max(img.width, img.height) < 800) passes.push(2);
    if (out.size === 0 && res.js) out.set(res.js, { text: res.js, decoder: 'jsqr' });
    if (passes.length > 2) break;
  }
  return [...out.values()];
}

/**
 * Every QR code in the image, deduplicated by payload. Unreadable images → UnsupportedMediaError; a decode that
 * runs past the timeout → ToolError.
 */
export function decodeQrCodes(
  input: string | Buffer,
  opts: Parameters<typeof decodeQrCodesNow>[1] = {},
): Promise<DecodedQr[]> {
  // In the memory lane (memory-lane.ts) beside the OCR pass and C2PA reads; the timeout starts with its turn.
  return inMemoryLane(() => decodeQrCodesNow(input, opts));
}

async function decodeQrCodesNow(
  input: string | Buffer,
  opts: {
    timeoutMs?: number;
    /** The media session's HEIC pixels, decoded once per check. */
    heic?: () => Promise<DecodedRgba>;
    /** The media session's still (any format), decoded once per check; the file is then not read. */
    pixels?: () => Promise<DecodedStill>;
  } = {},
): Promise<DecodedQr[]> {
  const timeoutMs = opts.timeoutMs ?? 30_000;
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new ToolError('tool_timeout', `QR decoding timed out after ${timeoutMs} ms`)), timeoutMs);
  });
  const worker = qrWorker();
  try {
    return await Promise.race([decodeAll(input, timeoutMs, opts.heic, opts.pixels, worker), timeout]);
  } catch (e) {
    if (e instanceof ToolError || e instanceof UnsupportedMediaError) throw e;
    const msg = e instanceof Error ? e.message : String(e);
    if (/unsupported image format|Input file|corrupt|premature|bad|VipsJpeg|pngload|Input buffer/i.test(msg)) {
      throw new UnsupportedMediaError('media_corrupt', `Cannot read the image ${typeof input === 'string' ? input : '(buffer)'}: ${msg}`, { cause: e });
    }
    throw new ToolError('tool_failed', `QR decoding failed: ${msg}`, { cause: e });
  } finally {
    clearTimeout(timer);
    await worker.close();
  }
}
