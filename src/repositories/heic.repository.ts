import { readFile } from 'node:fs/promises';
import { UnsupportedMediaError } from '../domain/errors.js';
import { countTool } from './tool-stats.repository.js';

/** Decode HEIC/HEIF with a wasm decoder (sharp's prebuilt binaries cannot). Returns RGBA pixels. */
export async function decodeHeic(path: string, timeoutMs: number): Promise<{ raw: Buffer; width: number; height: number; channels: 4 }> {
  countTool('decode:heic');
  const mod = await import('heic-decode');
  const buffer = await readFile(path);
  let timer: NodeJS.Timeout | undefined;
  try {
    const img = await Promise.race([
      mod.default({ buffer }),
      new Promise<never>((_, rej) => {
        timer = setTimeout(() => rej(new Error(`HEIC decode timed out after ${timeoutMs} ms`)), timeoutMs);
      }),
    ]);
    return { raw: Buffer.from(img.data.buffer, img.data.byteOffset, img.data.byteLength), width: img.width, height: img.height, channels: 4 };
  } catch (e) {
    throw new UnsupportedMediaError('media_corrupt', `The HEIC image cannot be decoded: ${(e as Error).message}`, { cause: e, httpStatus: 422 });
  } finally {
    if (timer) clearTimeout(timer);
  }
}
