import { writeFile } from 'node:fs/promises';
import sharp from 'sharp';
import { join } from 'node:path';
import type { MediaInfo } from '../domain/media.js';
import type { VideoFrame } from '../domain/frame.js';
import type { DecodedRgba, DecodedStill } from '../domain/media-session.js';
import { UnsupportedMediaError } from '../domain/errors.js';
import type { Keyframe } from '../domain/report.js';
import { decodeHeic } from './heic.repository.js';
import { imagePreviewJpeg } from './image-info.repository.js';
import { runTool } from './process.repository.js';
import { toolPaths } from './tools.repository.js';

/** Evenly spaced timestamps inside a clip, avoiding the very first and last frames. */
export function keyframeTimes(duration: number | null, count: number): number[] {
  if (!duration || duration <= 0 || count <= 0) return [0];
  if (count === 1) return [duration / 2];
  const out: number[] = [];
  for (let i = 0; i < count; i++) out.push(Math.round(((duration * (i + 0.5)) / count) * 1000) / 1000);
  return out;
}

/**
 * Extract keyframes as full-resolution JPEGs into `dir` (one ffmpeg seek each, so cost does not grow with clip length).
 * Images produce one preview. A file that cannot be decoded is bad input.
 */
export async function extractKeyframes(
  media: MediaInfo,
  dir: string,
  opts: {
    count: number; timeoutMs: number; maxPixels: number; ffmpegPath?: string | null; signal?: AbortSignal;
    /** The media session's HEIC pixels (decoded once per check). */
    heic?: () => Promise<DecodedRgba>;
    /** The media session's still, decoded once per check (any image format): the preview is encoded from it. */
    pixels?: () => Promise<DecodedStill>;
  },
): Promise<Keyframe[]> {
  if (media.kind === 'image') {
    const input = opts.pixels ? await opts.pixels() : media.container === 'heic' ? await (opts.heic ? opts.heic() : decodeHeic(media.path, opts.timeoutMs)) : media.path;
    // Full resolution (bounded by the pixel limit intake already enforced): keyframes feed reverse image search.
    const jpeg = await imagePreviewJpeg(input, opts.maxPixels, 100_000);
    const path = join(dir, 'frame-0.jpg');
    await writeFile(path, jpeg);
    return [{ index: 0, timestamp: 0, path }];
  }
  const ffmpeg = toolPaths({ ffmpegPath: opts.ffmpegPath }).ffmpeg;
  const times = keyframeTimes(media.duration, opts.count);
  const frames: Keyframe[] = [];
  for (let i = 0; i < times.length; i++) {
    // A seek past the last decodable frame of a very short clip yields nothing: fall back to the first frame.
    const seek = i === times.length - 1 && frames.length === 0 ? [] : ['-ss', String(times[i])];
    const res = await runTool(
      ffmpeg,
      ['-v', 'error', '-nostdin', ...seek, '-i', media.path, '-frames:v', '1', '-an', '-sn',
       // Full resolution, square pixels, JPEG-safe range: keyframes are downloaded for reverse image search.
       '-vf', "scale='trunc(iw*sar/2)*2':'trunc(ih/2)*2',setsar=1,format=yuvj420p", '-f', 'image2pipe', '-c:v', 'mjpeg', '-q:v', '3', 'pipe:1'],
      { timeoutMs: opts.timeoutMs, tool: 'ffmpeg', signal: opts.signal, maxStdoutBytes: 16 * 1024 * 1024 },
    );
    if (res.stdout.length === 0) {
      if (i === 0 && frames.length === 0 && res.code !== 0)
        throw new UnsupportedMediaError('media_corrupt', `The video cannot be decoded (truncated or corrupt?): ${res.stderr.trim().split('\n').pop() ?? ''}`, { httpStatus: 422 });
      continue;
    }
    const path = join(dir, `frame-${frames.length}.jpg`);
    await writeFile(path, res.stdout);
    frames.push({ index: frames.length, timestamp: seek.length ? times[i] : 0, path });
  }
  if (frames.length === 0)
    throw new UnsupportedMediaError('media_corrupt', 'No frame of the video could be decoded (truncated or corrupt?).', { httpStatus: 422 });
  return frames;
}

/**
 * Report keyframes cut from frames another pass already decoded (the OCR sample): up to `count`, evenly chosen,
 * written as JPEGs into `dir`. No decode of its own.
 */
export async function keyframesFromFrames(frames: readonly VideoFrame[], dir: string, count: number): Promise<Keyframe[]> {
  const n = Math.min(count, frames.length);
  const picked = Array.from({ length: Math.max(0, n) }, (_, i) => frames[n === 1 ? 0 : Math.round((i * (frames.length - 1)) / (n - 1))]);
  const out: Keyframe[] = [];
  for (const f of picked) {
    const path = join(dir, `frame-${out.length}.jpg`);
    const jpeg = await sharp(f.rgb, { raw: { width: f.width, height: f.height, channels: 3 } }).jpeg({ quality: 90 }).toBuffer();
    await writeFile(path, jpeg);
    out.push({ index: out.length, timestamp: Math.round(f.timestamp * 1000) / 1000, path });
  }
  return out;
}
