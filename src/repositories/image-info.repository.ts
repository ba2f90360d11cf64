import sharp from 'sharp';
import { ToolError, UnsupportedMediaError } from '../domain/errors.js';
import type { DecodedStill } from '../domain/media-session.js';
import { countTool } from './tool-stats.repository.js';

export interface ImageHeader {
  width: number;
  height: number;
  pages: number;
  orientation: number | null;
  format: string | null;
}

/** Read an image header with sharp (no full decode). Broken headers are bad input. */
export async function readImageHeader(path: string): Promise<ImageHeader> {
  try {
    const m = await sharp(path, { limitInputPixels: false, failOn: 'none' }).metadata();
    if (!m.width || !m.height) throw new Error('no dimensions');
    return { width: m.width, height: m.height, pages: m.pages ?? 1, orientation: m.orientation ?? null, format: m.format ?? null };
  } catch (e) {
    throw new UnsupportedMediaError('media_corrupt', `The image cannot be read (truncated or corrupt?): ${(e as Error).message}`, { cause: e, httpStatus: 422 });
  }
}

/**
 * Decode a still image once for every analyzer (see MediaSession.stillPixels): full resolution, EXIF orientation
 * applied, sRGB, 8-bit, alpha kept if present, first frame of animated images. As strict as the preview decode it
 * replaces (failOn error, pixel limit), so a corrupt image is still bad input.
 */
export async function decodeStill(path: string, opts: { maxPixels: number; timeoutMs: number }): Promise<DecodedStill> {
  countTool('decode:sharp');
  const work = sharp(path, { limitInputPixels: opts.maxPixels, failOn: 'error', animated: false }).rotate().raw({ depth: 'uchar' }).toBuffer({ resolveWithObject: true });
  try {
    const { data, info } = await decodeWithin(work, path, opts.timeoutMs);
    return { raw: data, width: info.width, height: info.height, channels: info.channels };
  } catch (e) {
    if (e instanceof ToolError) throw e;
    throw new UnsupportedMediaError('media_corrupt', `The image cannot be decoded (truncated or corrupt?): ${(e as Error).message}`, { cause: e, httpStatus: 422 });
  }
}

/**
 * Settle with a decode, or reject with tool_timeout after `timeoutMs` (libvips cannot be interrupted: we stop
 * waiting, and a late failure of `work` is ignored).
 */
export async function decodeWithin<T>(work: Promise<T>, path: string, timeoutMs: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  work.catch(() => undefined);
  try {
    return await Promise.race([
      work,
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new ToolError('tool_timeout', `Decoding ${path} took longer than ${timeoutMs} ms`)), timeoutMs);
      }),
    ]);
  } finally {
    clearTimeout(timer);
  }
}

/** The session's still scaled so its longer side is ≤ maxSide (never enlarged), alpha dropped: what OCR reads. */
export async function scaleStill(still: DecodedStill, maxSide: number): Promise<{ width: number; height: number; channels: 3; data: Buffer }> {
  const { data, info } = await sharp(still.raw, { raw: { width: still.width, height: still.height, channels: still.channels } })
    .resize(maxSide, maxSide, { fit: 'inside', withoutEnlargement: true })
    .removeAlpha()
    .raw()
    .toBuffer({ resolveWithObject: true });
  return { width: info.width, height: info.height, channels: info.channels as 3, data };
}

/**
 * Decode an image fully (bounded by maxPixels) to verify it is intact, and return a JPEG preview for reports.
 */
export async function imagePreviewJpeg(input: string | { raw: Buffer; width: number; height: number; channels: 1 | 2 | 3 | 4 }, maxPixels: number, maxDim = 640): Promise<Buffer> {
  if (typeof input === 'string') countTool('decode:sharp');
  const s =
    typeof input === 'string'
      ? sharp(input, { limitInputPixels: maxPixels, failOn: 'error' })
      : sharp(input.raw, { raw: { width: input.width, height: input.height, channels: input.channels } });
  try {
    return await s.rotate().resize({ width: maxDim, height: maxDim, fit: 'inside', withoutEnlargement: true }).jpeg({ quality: 80 }).toBuffer();
  } catch (e) {
    throw new UnsupportedMediaError('media_corrupt', `The image cannot be decoded (truncated or corrupt?): ${(e as Error).message}`, { cause: e, httpStatus: 422 });
  }
}
