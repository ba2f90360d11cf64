import { ToolError, UnsupportedMediaError } from '../domain/errors.js';
import { runTool } from './process.repository.js';
import { toolPaths } from './tools.repository.js';

/** One decoded video frame as packed RGB (3 bytes per pixel, rows top to bottom). */
export interface RgbFrame {
  /** Presentation time in seconds of the requested seek point. */
  timestamp: number;
  width: number;
  height: number;
  data: Buffer;
}

export interface GrabOptions {
  /** Per-frame timeout for the ffmpeg call. */
  timeoutMs: number;
  /** Scale so the longer side is at most this many pixels (never upscales). */
  maxSide?: number;
  ffmpegPath?: string | null;
  signal?: AbortSignal;
  /** ffmpeg processes run at once (default 2). */
  concurrency?: number;
}

/**
 * Decode one frame at `timestamp` (input seeking: ffmpeg jumps to the keyframe before it, so this is cheap
 * even in long files). Rotation metadata is applied by ffmpeg's autorotate. Returns null when the file
 * has no frame at that time (seek past the end); throws ToolError when ffmpeg fails or times out.
 */
export async function grabFrame(path: string, timestamp: number, opts: GrabOptions): Promise<RgbFrame | null> {
  const ffmpeg = toolPaths({ ffmpegPath: opts.ffmpegPath }).ffmpeg;
  const m = Math.max(16, Math.round(opts.maxSide ?? 100_000));
  // Cap the longer side (after autorotate), keep the aspect ratio and even dimensions, never upscale.
  const scale = `scale='if(gte(iw,ih),min(iw,${m}),-2)':'if(gte(iw,ih),-2,min(ih,${m}))':flags=bilinear`;
  const args = [
    '-hide_banner', '-loglevel', 'error', '-nostdin',
    '-ss', Math.max(0, timestamp).toFixed(3), '-i', path,
    '-map', '0:v:0', '-frames:v', '1', '-vf', scale,
    '-pix_fmt', 'rgb24', '-c:v', 'ppm', '-f', 'image2pipe', 'pipe:1',
  ];
  const res = await runTool(ffmpeg, args, { timeoutMs: opts.timeoutMs, signal: opts.signal, tool: 'ffmpeg' });
  if (res.code !== 0) {
    if (/Invalid data|moov atom not found|could not find codec|does not contain any stream|matches no streams/i.test(res.stderr)) {
      throw new UnsupportedMediaError('media_unreadable', `ffmpeg cannot decode ${path}: ${lastLine(res.stderr)}`);
    }
    throw new ToolError('ffmpeg_failed', `ffmpeg failed to decode a frame at ${timestamp.toFixed(2)} s: ${lastLine(res.stderr)}`);
  }
  if (res.stdout.length === 0) return null;
  const img = parsePpm(res.stdout);
  return img ? { timestamp, ...img } : null;
}

/** Parse a binary PPM (P6, maxval 255) as ffmpeg writes it. */
export function parsePpm(buf: Buffer): { width: number; height: number; data: Buffer } | null {
  const fields: string[] = [];
  let i = 0;
  while (fields.length < 4 && i < Math.min(buf.length, 256)) {
    while (i < buf.length && /\s/.test(String.fromCharCode(buf[i]))) i++;
    if (buf[i] === 0x23) {
      while (i < buf.length && buf[i] !== 0x0a) i++;
      continue;
    }
    let tok = '';
    while (i < buf.length && !/\s/.test(String.fromCharCode(buf[i]))) tok += String.fromCharCode(buf[i++]);
    fields.push(tok);
  }
  i++; // the single whitespace after maxval
  if (fields[0] !== 'P6' || fields[3] !== '255') return null;
  const width = Number(fields[1]);
  const height = Number(fields[2]);
  const n = width * height * 3;
  if (!(width > 0 && height > 0) || buf.length < i + n) return null;
  return { width, height, data: buf.subarray(i, i + n) };
}

/**
 * Decode frames at several timestamps, `concurrency` ffmpeg processes at a time. Missing frames (past the
 * end) are skipped; the result is in timestamp order.
 */
export async function grabFrames(
  path: string,
  timestamps: number[],
  opts: GrabOptions,
): Promise<RgbFrame[]> {
  const out: (RgbFrame | null)[] = new Array(timestamps.length).fill(null);
  let next = 0;
  const worker = async () => {
    while (next < timestamps.length) {
      const i = next++;
      out[i] = await grabFrame(path, timestamps[i], opts);
    }
  };
  const n = Math.max(1, Math.min(opts.concurrency ?? 2, timestamps.length));
  await Promise.all(Array.from({ length: n }, worker));
  return out.filter((f): f is RgbFrame => f !== null);
}

function lastLine(s: string): string {
  const lines = s.trim().split('\n');
  return (lines[lines.length - 1] ?? '').slice(0, 300);
}
