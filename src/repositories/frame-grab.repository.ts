import sharp from 'sharp';
import { ToolError, UnsupportedMediaError } from '../domain/errors.js';
import type { VideoFrame } from '../domain/frame.js';
import { runTool } from './process.repository.js';
import { decodeThreadArgs, toolPaths } from './tools.repository.js';
import { countTool } from './tool-stats.repository.js';


/** ffmpeg's words for input it cannot decode at all. */
const UNDECODABLE_RE = /Invalid data|moov atom not found|could not find codec|does not contain any stream|matches no streams/i;
/** …and for a stream that ended (or never started) before a frame decoded. */
const NO_FRAME_BEFORE_EOF_RE = /Cannot determine format of input stream/i;

export interface GrabOptions {
  /** Per-frame timeout for the ffmpeg call. */
  timeoutMs: number;
  /** Scale so the longer side is at most this many pixels (never upscales). */
  maxSide?: number;
  ffmpegPath?: string | null;
  signal?: AbortSignal;
  /** ffmpeg processes run at once (default 2). */
  concurrency?: number;
  /** Return the keyframe at or before the seek point instead of decoding up to it (one decoded frame per seek). */
  keyframeSeek?: boolean;
}

/**
 * Decode one frame at `timestamp` (input seeking: ffmpeg jumps to the keyframe before it, so this is cheap
 * even in long files). Rotation metadata is applied by ffmpeg's autorotate. Returns null when the file
 * has no frame at that time (seek past the end); throws ToolError when ffmpeg fails or times out.
 */
export async function grabFrame(path: string, timestamp: number, opts: GrabOptions): Promise<VideoFrame | null> {
  const ffmpeg = toolPaths({ ffmpegPath: opts.ffmpegPath }).ffmpeg;
  const m = Math.max(16, Math.round(opts.maxSide ?? 100_000));
  // Cap the longer side (after autorotate), keep the aspect ratio and even dimensions, never upscale.
  const scale = `scale='if(gte(iw,ih),min(iw,${m}),-2)':'if(gte(iw,ih),-2,min(ih,${m}))':flags=bilinear`;
  const args = [
    '-hide_banner', '-loglevel', 'error', '-nostdin',
    ...(opts.keyframeSeek ? ['-noaccurate_seek'] : []),
    '-ss', Math.max(0, timestamp).toFixed(3), '-i', path,
    '-map', '0:v:0', '-frames:v', '1', '-vf', scale,
    '-pix_fmt', 'rgb24', '-c:v', 'ppm', '-f', 'image2pipe', 'pipe:1',
  ];
  const res = await runTool(ffmpeg, args, { timeoutMs: opts.timeoutMs, signal: opts.signal, tool: 'ffmpeg' });
  if (res.code !== 0) {
    if (UNDECODABLE_RE.test(res.stderr)) {
      throw new UnsupportedMediaError('media_corrupt', `ffmpeg cannot decode ${path}: ${lastLine(res.stderr)}`);
    }
    throw new ToolError('tool_failed', `ffmpeg failed to decode a frame at ${timestamp.toFixed(2)} s: ${lastLine(res.stderr)}`);
  }
  if (res.stdout.length === 0) return null;
  const img = parsePpm(res.stdout);
  return img ? { timestamp, width: img.width, height: img.height, rgb: img.data } : null;
}

/** The header of a binary PPM (P6, maxval 255) at `offset`: size and where the pixels start; null if not (yet) one. */
function ppmHeader(buf: Buffer, offset = 0): { width: number; height: number; start: number } | null {
  const fields: string[] = [];
  let i = offset;
  const isSpace = (b: number) => b === 0x20 || b === 0x0a || b === 0x0d || b === 0x09;
  while (fields.length < 4 && i < Math.min(buf.length, offset + 256)) {
    while (i < buf.length && isSpace(buf[i])) i++;
    if (buf[i] === 0x23) {
      while (i < buf.length && buf[i] !== 0x0a) i++;
      continue;
    }
    let tok = '';
    while (i < buf.length && !isSpace(buf[i])) tok += String.fromCharCode(buf[i++]);
    fields.push(tok);
  }
  if (i >= buf.length) return null; // the single whitespace after maxval is not here yet
  i++;
  if (fields[0] !== 'P6' || fields[3] !== '255') return null;
  const width = Number(fields[1]);
  const height = Number(fields[2]);
  if (!(width > 0 && height > 0)) return null;
  return { width, height, start: i };
}

/** Parse a binary PPM (P6, maxval 255) as ffmpeg writes it, starting at `offset`; `end` is where it stops. */
export function parsePpm(buf: Buffer, offset = 0): { width: number; height: number; data: Buffer; end: number } | null {
  const h = ppmHeader(buf, offset);
  if (!h) return null;
  const n = h.width * h.height * 3;
  if (buf.length < h.start + n) return null;
  return { width: h.width, height: h.height, data: buf.subarray(h.start, h.start + n), end: h.start + n };
}

/**
 * PPM frames parsed as ffmpeg's output arrives: each frame's pixels are copied into a buffer of their own as the
 * pipe delivers them, so the stream's chunks are dropped at once instead of all being kept and joined (a 60 s
 * 1080p clip's OCR frames held ~70 MB twice over, and the joined chunks stayed in the allocator afterwards).
 */
export class PpmStream {
  readonly frames: { width: number; height: number; data: Buffer }[] = [];
  private head: Buffer = Buffer.alloc(0);
  private cur: { width: number; height: number; data: Buffer; filled: number } | null = null;
  /** The stream stopped being a PPM sequence; what came after is ignored. */
  broken = false;

  push(chunk: Buffer): void {
    let c: Buffer = chunk;
    while (c.length > 0 && !this.broken) {
      if (this.cur) {
        const take = Math.min(c.length, this.cur.data.length - this.cur.filled);
        c.copy(this.cur.data, this.cur.filled, 0, take);
        this.cur.filled += take;
        c = c.subarray(take);
        if (this.cur.filled === this.cur.data.length) {
          this.frames.push({ width: this.cur.width, height: this.cur.height, data: this.cur.data });
          this.cur = null;
        }
        continue;
      }
      this.head = this.head.length ? Buffer.concat([this.head, c]) : c;
      c = Buffer.alloc(0);
      const h = ppmHeader(this.head);
      if (!h) {
        // a header is a few dozen bytes: more than 256 without one is not a PPM stream
        if (this.head.length > 256) this.broken = true;
        continue;
      }
      this.cur = { width: h.width, height: h.height, data: Buffer.allocUnsafe(h.width * h.height * 3), filled: 0 };
      c = this.head.subarray(h.start);
      this.head = Buffer.alloc(0);
    }
  }

  /** Bytes received that did not make a whole frame (a cut-off stream). */
  get pending(): number {
    return this.head.length + (this.cur?.filled ?? 0);
  }
}

export interface SampleOptions extends GrabOptions {
  /** Minimum time between two returned frames, seconds. */
  spacing: number;
  /** First time to return a frame at (sequential mode). */
  start?: number;
  /** Decode keyframes only: cheap on any length, but as sparse as the file's keyframes. */
  keyframesOnly: boolean;
  maxFrames: number;
}

/**
 * One ffmpeg pass that returns frames at least `spacing` seconds apart (select filter), with their real
 * timestamps (showinfo). With `keyframesOnly` the decoder skips every non-key frame, so a 60 s 1080p clip
 * costs a few decoded frames instead of a decode per seek from the preceding keyframe.
 */
export async function sampleFrames(path: string, opts: SampleOptions): Promise<VideoFrame[]> {
  const ffmpeg = toolPaths({ ffmpegPath: opts.ffmpegPath }).ffmpeg;
  const m = Math.max(16, Math.round(opts.maxSide ?? 100_000));
  const scale = `scale='if(gte(iw,ih),min(iw,${m}),-2)':'if(gte(iw,ih),-2,min(ih,${m}))':flags=bilinear`;
  const gap = `isnan(prev_selected_t)+gte(t-prev_selected_t\\,${opts.spacing.toFixed(3)})`;
  const expr = opts.start && opts.start > 0 ? `gte(t\\,${opts.start.toFixed(3)})*(${gap})` : gap;
  const args = [
    '-hide_banner', '-loglevel', 'info', '-nostdin',
    ...decodeThreadArgs(),
    ...(opts.keyframesOnly ? ['-skip_frame', 'nokey'] : []),
    '-i', path, '-map', '0:v:0', '-an', '-sn',
    '-vf', `select='${expr}',showinfo,${scale}`, '-vsync', 'vfr', '-frames:v', String(opts.maxFrames),
    '-pix_fmt', 'rgb24', '-c:v', 'ppm', '-f', 'image2pipe', 'pipe:1',
  ];
  const ppm = new PpmStream();
  const res = await runTool(ffmpeg, args, {
    timeoutMs: opts.timeoutMs,
    signal: opts.signal,
    tool: 'ffmpeg',
    maxStdoutBytes: opts.maxFrames * (m * m * 3 + 64) + 1024,
    onStdout: (chunk) => ppm.push(chunk),
  });
  if (res.code !== 0) {
    // No frame at all before the end of the stream (an init segment without samples, a video track cut off):
    // the video cannot be decoded, as the keyframe step used to report before the session shared its frames.
    if (ppm.frames.length === 0 && ppm.pending === 0 && (UNDECODABLE_RE.test(res.stderr) || NO_FRAME_BEFORE_EOF_RE.test(res.stderr))) {
      throw new UnsupportedMediaError('media_corrupt', `No frame of the video could be decoded (truncated or corrupt?): ${lastLine(res.stderr)}`, { httpStatus: 422 });
    }
    throw new ToolError('tool_failed', `ffmpeg failed to sample frames: ${lastLine(res.stderr)}`);
  }
  const times = [...res.stderr.matchAll(/Parsed_showinfo[^\n]*?pts_time:\s*(-?[\d.]+)/g)].map((x) => Number(x[1]));
  return ppm.frames.map((img, i) => ({ timestamp: times[i] ?? NaN, width: img.width, height: img.height, rgb: img.data }));
}

/**
 * Decode frames at several timestamps, `concurrency` ffmpeg processes at a time. Missing frames (past the
 * end) are skipped; the result is in timestamp order.
 */
export async function grabFrames(
  path: string,
  timestamps: number[],
  opts: GrabOptions,
): Promise<VideoFrame[]> {
  const out: (VideoFrame | null)[] = new Array(timestamps.length).fill(null);
  let next = 0;
  const worker = async () => {
    while (next < timestamps.length) {
      const i = next++;
      out[i] = await grabFrame(path, timestamps[i], opts);
    }
  };
  const n = Math.max(1, Math.min(opts.concurrency ?? 2, timestamps.length));
  await Promise.all(Array.from({ length: n }, worker));
  return out.filter((f): f is VideoFrame => f !== null);
}

/** Clips up to this long are decoded in one sequential pass (cheaper than seeking into one long GOP). */
const SEQUENTIAL_MAX_S = 20;
/** Beyond this, frames come from keyframe seeks rather than one pass over the file. */
const KEYFRAME_SEEK_MIN_S = 600;

/**
 * Frames near the planned times (OCR sampling, report keyframes), as cheaply as the file allows. Short clips: one sequential pass that keeps
 * frames `spacing` apart. Longer clips: keyframes only, `spacing` apart (a few decoded frames for any
 * length); when the file's keyframes are too sparse for that, exact seeks fill the gaps.
 */
export async function sampleClip(media: { path: string; duration: number | null }, timestamps: number[], opts: GrabOptions): Promise<VideoFrame[]> {
  const n = timestamps.length;
  const d = media.duration ?? 0;
  if (n === 0) return [];
  const spacing = n > 1 ? (timestamps[1] - timestamps[0]) * 0.9 : Math.max(1, d);
  if (d <= SEQUENTIAL_MAX_S) {
    const got = await sampleFrames(media.path, { ...opts, spacing, start: timestamps[0], keyframesOnly: false, maxFrames: n });
    if (got.length >= Math.min(n, 2)) return got;
    const seeks = await grabFrames(media.path, timestamps, opts);
    if (seeks.length > got.length) return seeks;
    if (got.length) return got;
    // The container may be longer than its video track (audio runs on): take the first frame.
    return sampleFrames(media.path, { ...opts, spacing, keyframesOnly: false, maxFrames: 1 });
  }
  if (d > KEYFRAME_SEEK_MIN_S) {
    // Very long files: a keyframe pass would still read every packet; jump to the keyframe before each time.
    return grabFrames(media.path, timestamps, { ...opts, keyframeSeek: true });
  }
  const keys = await sampleFrames(media.path, { ...opts, spacing, keyframesOnly: true, maxFrames: n + 1 });
  if (keys.length >= Math.ceil(n / 2)) return keys.slice(0, n);
  const missing = timestamps.filter((t) => !keys.some((k) => Math.abs(k.timestamp - t) < spacing / 2));
  const extra = await grabFrames(media.path, missing.slice(0, n - keys.length), opts);
  return [...keys, ...extra].sort((a, b) => a.timestamp - b.timestamp);
}

function lastLine(s: string): string {
  const lines = s.trim().split('\n');
  return (lines[lines.length - 1] ?? '').slice(0, 300);
}

/**
 * Decode a still image file to RGB (EXIF orientation applied), longer side capped at `maxSide`. Null if sharp
 * cannot read it or does not finish within `timeoutMs` (libvips cannot be interrupted; we stop waiting).
 */
export async function decodeImageFile(path: string, maxSide: number, timeoutMs: number): Promise<{ width: number; height: number; channels: 3; data: Buffer } | null> {
  let timer: NodeJS.Timeout | undefined;
  countTool('decode:sharp');
  const decode = sharp(path, { limitInputPixels: 200_000_000, animated: false })
    .rotate()
    .resize(maxSide, maxSide, { fit: 'inside', withoutEnlargement: true })
    .removeAlpha()
    .raw()
    .toBuffer({ resolveWithObject: true });
  try {
    const { data, info } = await Promise.race([
      decode,
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error('timeout')), timeoutMs);
      }),
    ]);
    return { width: info.width, height: info.height, channels: 3, data };
  } catch {
    decode.catch(() => undefined);
    return null;
  } finally {
    if (timer) clearTimeout(timer);
  }
}
