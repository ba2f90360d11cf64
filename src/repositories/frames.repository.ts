/**
 * Stream decoded video frames from ffmpeg as RGB24 (area scaling), with a hard timeout and cancellation.
 * ffmpeg is spawned directly: runTool buffers stdout, which is wrong for a stream of raw frames.
 */
import { spawn } from 'node:child_process';
import { AppError, ToolError, UnsupportedMediaError, ValidationError } from '../domain/errors.js';
import type { VideoProbe } from '../domain/media.js';
import { runTool } from './process.repository.js';
import { countTool } from './tool-stats.repository.js';
import { decodeThreadArgs, toolPaths } from './tools.repository.js';

export type { VideoProbe };

export interface VideoFrame {
  /** Frame number in the source (every-Nth sampling keeps source numbers; with `fps`, the resampled number). */
  index: number;
  /** Seconds from the start of the stream. */
  timestamp: number;
  /**
   * Pixels, row-major, a fresh buffer per frame (safe to keep): RGB24 interleaved, or one luma byte per pixel
   * when the frames were read with `gray: true` (then `channels` is 1).
   */
  rgb: Uint8Array;
  width: number;
  height: number;
  channels: 1 | 3;
}

export interface ReadFramesOptions {
  /** Deliver source frames 0, N, 2N… (default 1 = every frame). Ignored when `fps` is set. */
  everyNth?: number;
  /** Resample to this constant frame rate (ffmpeg `fps` filter) instead. */
  fps?: number;
  /**
   * Sparse sampling for query hashing: one frame per `step` seconds of a fixed grid (no drift), the first frame
   * in each grid cell whose source frame number is a multiple of `cadence` (the reference's view cadence), or any
   * frame once a whole cell went by without one. The decoder skips frames nothing refers to (`-skip_frame noref`:
   * B-frames outside the reference pyramid), so far fewer frames are decoded; frame numbers come from each
   * frame's own timestamp (showinfo), not from a count. Overrides `everyNth` and `fps`.
   */
  sparse?: { step: number; cadence: number };
  /** Output size; both default to the (rotation-corrected, filtered) source size. */
  width?: number;
  height?: number;
  /** Extra ffmpeg -vf filters applied first (e.g. a crop), before sampling and scaling. */
  filters?: string[];
  /** Deliver full-range 8-bit luma (ffmpeg `gray`) instead of RGB24: a third of the bytes, for hashing. */
  gray?: boolean;
  /**
   * Skip the decoder's in-loop deblocking filter (`-skip_loop_filter all`): about a fifth less decode work, with
   * pictures that differ only in block-edge smoothing — invisible after the area downscale used for hashing.
   * For sparse query sampling; references are decoded exactly.
   */
  fastDecode?: boolean;
  timeoutMs: number;
  signal?: AbortSignal;
  /** The stream as already probed (the media session's); without it readFrames runs its own ffprobe. */
  probe?: VideoProbe | null;
  /** Configured ffmpeg/ffprobe binaries (default: PATH, then the bundled ones). */
  ffmpegPath?: string | null;
  ffprobePath?: string | null;
}

function rate(s: unknown): number {
  if (typeof s !== 'string') return 0;
  const [n, d] = s.split('/').map(Number);
  const v = d ? n / d : n;
  return Number.isFinite(v) && v > 0 && v < 1000 ? v : 0;
}

/** Size, frame rate, duration and rotation of the first video stream (ffprobe, with a timeout). */
export async function probeVideo(path: string, opts: { timeoutMs: number; signal?: AbortSignal; ffprobePath?: string | null }): Promise<VideoProbe> {
  const { ffprobe } = toolPaths({ ffprobePath: opts.ffprobePath });
  const res = await runTool(
    ffprobe,
    ['-v', 'error', '-select_streams', 'v:0', '-show_entries',
      'stream=width,height,avg_frame_rate,r_frame_rate,nb_frames,duration:stream_tags=rotate:stream_side_data=rotation:format=duration',
      '-of', 'json', path],
    { timeoutMs: opts.timeoutMs, signal: opts.signal, tool: 'ffprobe' },
  );
  let json: { streams?: Record<string, unknown>[]; format?: { duration?: string } };
  try {
    json = JSON.parse(res.stdout.toString('utf8') || '{}');
  } catch (e) {
    throw new ToolError('tool_failed', `ffprobe printed unreadable output for ${path}`, { cause: e });
  }
  const probe = res.code === 0 ? videoProbeFrom(json) : null;
  if (!probe) {
    throw new UnsupportedMediaError('media_unsupported', `No decodable video stream in ${path}${res.stderr ? `: ${res.stderr.trim().split('\n')[0]}` : ''}`, { httpStatus: 422 });
  }
  return probe;
}

/**
 * The first video stream of ffprobe JSON (`-show_streams -show_format`, or `-select_streams v:0`) as a VideoProbe;
 * null when there is none. One reading of the probe for intake's session and for readFrames' own probe.
 */
export function videoProbeFrom(json: { streams?: readonly object[]; format?: { duration?: string } }): VideoProbe | null {
  const s = json.streams?.find((x) => (x as { codec_type?: unknown }).codec_type === undefined || (x as { codec_type?: unknown }).codec_type === 'video') as Record<string, unknown> | undefined;
  if (!s) return null;
  let rotation = 0;
  const tags = s.tags as Record<string, string> | undefined;
  if (tags?.rotate) rotation = Number(tags.rotate);
  const sd = s.side_data_list as { rotation?: number }[] | undefined;
  const r = sd?.find((x) => typeof x.rotation === 'number');
  if (r) rotation = -Number(r.rotation);
  rotation = (((Math.round(rotation / 90) * 90) % 360) + 360) % 360;
  let width = Number(s.width) || 0;
  let height = Number(s.height) || 0;
  if (rotation === 90 || rotation === 270) [width, height] = [height, width];
  const fps = rate(s.avg_frame_rate) || rate(s.r_frame_rate) || 25;
  const dur = Number(json.format?.duration ?? s.duration);
  const nb = Number(s.nb_frames);
  return {
    width, height, fps, rotation,
    duration: Number.isFinite(dur) && dur > 0 ? dur : null,
    frameCount: Number.isInteger(nb) && nb > 0 ? nb : null,
  };
}

/**
 * The select filter of sparse sampling: cell = floor((t − start + ½ frame) / step); a frame is taken when it opens
 * a new cell and its frame number is a multiple of `cadence`, or when a whole cell passed without a take.
 */
export function sparseSelect(step: number, cadence: number, fps: number): string {
  const s = step.toFixed(6);
  const half = (0.5 / fps).toFixed(6);
  const cell = (v: string) => `floor((${v}-start_t+${half})/${s})`;
  const onCadence = `not(mod(round((t-start_t)*${fps.toFixed(6)})\\,${cadence}))`;
  const late = `gte(t-prev_selected_t\\,${(1.5 * step).toFixed(6)})`;
  return `select='gt(if(isnan(prev_selected_t)\\,${onCadence}\\,gt(${cell('t')}\\,${cell('prev_selected_t')})*(${onCadence}+${late}))\\,0)'`;
}

const SIZE_RE = /Stream #0:0.*: Video: rawvideo.*?, (\d{1,5})x(\d{1,5})/;

/**
 * Decode a video and call `onFrame` for each delivered frame, in order. The callback may be async; ffmpeg is
 * paused (pipe back-pressure) while it runs. Resolves with the effective frame rate and the number of frames.
 */
export async function readFrames(
  path: string,
  opts: ReadFramesOptions,
  onFrame: (f: VideoFrame) => void | Promise<void>,
): Promise<{ fps: number; frames: number }> {
  if ((opts.width === undefined) !== (opts.height === undefined)) {
    throw new ValidationError('internal_error', 'readFrames needs both width and height, or neither');
  }
  const started = Date.now();
  const probe = opts.probe ?? (await probeVideo(path, { timeoutMs: opts.timeoutMs, signal: opts.signal, ffprobePath: opts.ffprobePath }));
  const sparse = opts.sparse && opts.sparse.step > 0 ? opts.sparse : null;
  const nth = opts.fps || sparse ? 1 : Math.max(1, Math.floor(opts.everyNth ?? 1));
  const outFps = sparse ? probe.fps : opts.fps ?? probe.fps;
  const vf: string[] = [...(opts.filters ?? [])];
  if (sparse) vf.push(sparseSelect(sparse.step, Math.max(1, Math.round(sparse.cadence)), probe.fps), 'showinfo');
  else if (opts.fps) vf.push(`fps=${opts.fps}`);
  else if (nth > 1) vf.push(`select=not(mod(n\\,${nth}))`);
  const w = opts.width, h = opts.height;
  if (w !== undefined && h !== undefined) {
    if (!(w > 0 && h > 0 && Number.isInteger(w) && Number.isInteger(h))) throw new ValidationError('internal_error', `Bad frame size ${w}x${h}`);
  }
  const pixFmt = opts.gray ? 'gray' : 'rgb24';
  const channels: 1 | 3 = opts.gray ? 1 : 3;
  vf.push(`scale=${w ?? 'iw'}:${h ?? 'ih'}:flags=area`, `format=${pixFmt}`);
  // without an explicit size, the output size is read from ffmpeg's own stream report (it already accounts for
  // rotation and filters); frames are held back until it is known
  let width = w ?? 0;
  let height = h ?? 0;

  const { ffmpeg } = toolPaths({ ffmpegPath: opts.ffmpegPath });
  const args = ['-hide_banner', '-nostdin', ...decodeThreadArgs(), ...(opts.fastDecode ? ['-skip_loop_filter', 'all'] : []), ...(sparse ? ['-skip_frame', 'noref'] : []), '-i', path, '-an', '-sn', '-dn', '-vf', vf.join(','),
    '-vsync', '0', '-f', 'rawvideo', '-pix_fmt', pixFmt, 'pipe:1'];
  const remainingMs = Math.max(1, opts.timeoutMs - (Date.now() - started));

  return new Promise((resolve, reject) => {
    countTool('ffmpeg');
    const child = spawn(ffmpeg, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    let timedOut = false;
    let failed: unknown = null;
    let frames = 0;
    let cur: Uint8Array | null = null;
    let filled = 0;
    let pending: Buffer[] = [];
    let chain: Promise<void> = Promise.resolve();
    let inFlight = 0;

    const kill = () => { if (child.exitCode === null) child.kill('SIGKILL'); };
    const timer = setTimeout(() => { timedOut = true; kill(); }, remainingMs);
    const onAbort = () => kill();
    opts.signal?.addEventListener('abort', onAbort, { once: true });
    if (opts.signal?.aborted) kill(); // aborted while the probe ran: the event has already fired

    // stderr is read by lines: showinfo lines (sparse mode) give each frame's time, and frames wait until their
    // line has been read; every other line is kept for the size report and error messages
    const times: number[] = [];
    const waiting: Uint8Array[] = [];
    let startTime: number | null = null;
    let lastIndex = -1;
    let lineBuf = '';
    const deliver = (rgb: Uint8Array) => {
      if (sparse) {
        waiting.push(rgb);
        flushWaiting(false);
        return;
      }
      emit(rgb, frames * nth);
    };
    const flushWaiting = (atEnd: boolean) => {
      while (waiting.length > 0 && (frames < times.length || atEnd)) {
        const t = times[frames];
        const known = t !== undefined && Number.isFinite(t);
        if (startTime === null && known) startTime = t - Math.max(0, lastIndex + 1) / outFps;
        // a frame without a time (no pts, or its line never came) follows its predecessor by one frame
        const index = known ? Math.max(lastIndex + 1, Math.round((t - startTime!) * outFps)) : lastIndex + 1;
        lastIndex = index;
        emit(waiting.shift()!, index);
      }
    };
    const readInfo = (text: string) => {
      lineBuf += text;
      let nl: number;
      while ((nl = lineBuf.indexOf('\n')) >= 0) {
        const line = lineBuf.slice(0, nl);
        lineBuf = lineBuf.slice(nl + 1);
        const m = /Parsed_showinfo.*?pts_time:\s*(\S+)/.exec(line);
        if (m) times.push(Number(m[1]));
        else if (stderr.length < 256 * 1024) stderr += line + '\n';
      }
      if (lineBuf.length > 64 * 1024) lineBuf = lineBuf.slice(-1024);
      flushWaiting(false);
    };
    const emit = (rgb: Uint8Array, index: number) => {
      frames++;
      const f: VideoFrame = { index, timestamp: index / outFps, rgb, width, height, channels };
      inFlight++;
      if (inFlight === 1) child.stdout.pause();
      chain = chain.then(async () => {
        if (failed) return;
        try { await onFrame(f); } catch (e) { failed = e; kill(); }
      }).finally(() => { inFlight--; if (inFlight === 0 && !failed) child.stdout.resume(); });
    };

    const consume = (chunk: Buffer) => {
      const size = width * height * channels;
      let off = 0;
      while (off < chunk.length) {
        if (!cur) { cur = new Uint8Array(size); filled = 0; }
        const n = Math.min(size - filled, chunk.length - off);
        cur.set(chunk.subarray(off, off + n), filled);
        filled += n;
        off += n;
        if (filled === size) { const done = cur; cur = null; deliver(done); }
      }
    };

    child.stdout.on('data', (c: Buffer) => {
      if (failed) return;
      if (width > 0 && height > 0) consume(c);
      else pending.push(c);
    });
    child.stderr.on('data', (c: Buffer) => {
      readInfo(c.toString('utf8'));
      if (!(width > 0 && height > 0)) {
        const m = SIZE_RE.exec(stderr);
        if (m) {
          width = Number(m[1]);
          height = Number(m[2]);
          const p = pending;
          pending = [];
          for (const b of p) consume(b);
        }
      }
    });
    child.on('error', (e) => {
      clearTimeout(timer);
      reject(new ToolError('tool_failed', `ffmpeg could not be started: ${e.message}`, { cause: e }));
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      opts.signal?.removeEventListener('abort', onAbort);
      readInfo('\n');
      if (!failed) flushWaiting(true);
      chain.then(() => {
        if (failed) return reject(failed instanceof AppError || failed instanceof Error ? failed : new Error(String(failed)));
        if (timedOut) return reject(new ToolError('tool_timeout', `ffmpeg timed out after ${opts.timeoutMs} ms on ${path}`));
        if (opts.signal?.aborted) return reject(new ToolError('aborted', 'frame reading was cancelled'));
        if (code === 0 && pending.length > 0) {
          return reject(new ToolError('tool_failed', `ffmpeg did not report the frame size for ${path}`));
        }
        if (code !== 0) {
          const last = stderr.trim().split('\n').slice(-3).join(' | ');
          if (frames === 0 && /Invalid data|moov atom not found|could not find codec|Error while decoding|does not contain any stream/i.test(stderr)) {
            return reject(new UnsupportedMediaError('media_corrupt', `ffmpeg cannot decode ${path}: ${last}`, { httpStatus: 422 }));
          }
          return reject(new ToolError('tool_failed', `ffmpeg exited with ${code} on ${path}: ${last}`));
        }
        resolve({ fps: outFps, frames });
      }, reject);
    });
  });
}
