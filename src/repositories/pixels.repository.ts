/**
 * Decode still images to RGB24 pixels with sharp (the only place that imports it for hashing).
 */
import { stat } from 'node:fs/promises';
import sharp from 'sharp';
import { ToolError, UnsupportedMediaError, ValidationError } from '../domain/errors.js';

export interface RgbImage {
  /** RGB24, interleaved, row-major, no padding. */
  rgb: Uint8Array;
  width: number;
  height: number;
}

export interface DecodeOptions {
  /**
   * When either side exceeds maxDim, resample to maxDim × maxDim with nearest neighbour, exactly like the
   * PDQ C++ reference tool (CImg `resize(512, 512)`, source pixel floor(x·W/512)). The aspect ratio is not kept:
   * PDQ samples a 64×64 grid anyway. Omit for full resolution.
   */
  maxDim?: number;
  /** Hard limit for decoding (default 60 s). */
  timeoutMs?: number;
  /**
   * Apply the EXIF orientation (default false). The C++ reference (CImg) hashes the stored pixels and ignores
   * the orientation tag, which is what the expected hash files encode.
   */
  autoOrient?: boolean;
  /** Refuse images with more pixels than this (default 100 M). */
  maxPixels?: number;
}

/** Decode an image file to RGB24. Alpha is dropped (not composited), grey is expanded to three channels. */
export async function decodeImageRgb(path: string, opts: DecodeOptions = {}): Promise<RgbImage> {
  try {
    const st = await stat(path);
    if (!st.isFile()) throw new ValidationError('file_not_found', `Not a file: ${path}`);
  } catch (e) {
    if (e instanceof ValidationError) throw e;
    throw new ValidationError('file_not_found', `Cannot read ${path}`, { cause: e });
  }
  const timeoutMs = opts.timeoutMs ?? 60_000;
  const work = (async () => {
    // ignoreIcc: the reference hashes the stored pixel values, without colour management.
    let img = sharp(path, { failOn: 'error', limitInputPixels: opts.maxPixels ?? 100_000_000, animated: false, ignoreIcc: true })
      .timeout({ seconds: Math.max(1, Math.ceil(timeoutMs / 1000)) });
    if (opts.autoOrient) img = img.rotate();
    const { data, info } = await img.removeAlpha().toColourspace('srgb').raw().toBuffer({ resolveWithObject: true });
    return toRgb(new Uint8Array(data.buffer, data.byteOffset, data.length), info.width, info.height, info.channels);
  })();
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new ToolError('tool_timeout', `Decoding ${path} took longer than ${timeoutMs} ms`)), timeoutMs);
  });
  let decoded: RgbImage;
  try {
    decoded = await Promise.race([work, timeout]);
  } catch (e) {
    if (e instanceof ToolError || e instanceof ValidationError) throw e;
    const msg = e instanceof Error ? e.message : String(e);
    if (/timeout/i.test(msg)) throw new ToolError('tool_timeout', `Decoding ${path} timed out`, { cause: e });
    throw new UnsupportedMediaError('media_corrupt', `Cannot decode image ${path}: ${msg}`, { cause: e, httpStatus: 422 });
  } finally {
    clearTimeout(timer);
  }
  const max = opts.maxDim;
  if (max && (decoded.width > max || decoded.height > max)) return resizeNearestSquare(decoded, max);
  return decoded;
}

function toRgb(data: Uint8Array, width: number, height: number, channels: number): RgbImage {
  if (channels === 3) return { rgb: data, width, height };
  const n = width * height;
  const rgb = new Uint8Array(n * 3);
  for (let p = 0; p < n; p++) {
    const s = p * channels;
    const v0 = data[s];
    rgb[p * 3] = v0;
    rgb[p * 3 + 1] = channels >= 3 ? data[s + 1] : v0;
    rgb[p * 3 + 2] = channels >= 3 ? data[s + 2] : v0;
  }
  return { rgb, width, height };
}

/** Nearest-neighbour resample to size × size, CImg's rule: output x reads source floor(x · W / size). */
export function resizeNearestSquare(img: RgbImage, size: number): RgbImage {
  const { rgb, width: W, height: H } = img;
  const xs = new Int32Array(size);
  for (let x = 0; x < size; x++) xs[x] = Math.floor((x * W) / size) * 3;
  const out = new Uint8Array(size * size * 3);
  for (let y = 0; y < size; y++) {
    const row = Math.floor((y * H) / size) * W * 3;
    let o = y * size * 3;
    for (let x = 0; x < size; x++, o += 3) {
      const s = row + xs[x];
      out[o] = rgb[s];
      out[o + 1] = rgb[s + 1];
      out[o + 2] = rgb[s + 2];
    }
  }
  return { rgb: out, width: size, height: size };
}
