import sharp from 'sharp';
import { UnsupportedMediaError } from '../domain/errors.js';
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
 * Decode an image fully (bounded by maxPixels) to verify it is intact, and return a JPEG preview for reports.
 */
export async function imagePreviewJpeg(input: string | { raw: Buffer; width: number; height: number; channels: 3 | 4 }, maxPixels: number, maxDim = 640): Promise<Buffer> {
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
