import { runTool } from './process.repository.js';
import { toolPaths } from './tools.repository.js';
import { parseFfmpegBanner } from './ffmpeg-banner.js';
import { UnsupportedMediaError } from '../domain/errors.js';
import type { ProbeResult } from './probe.types.js';

export type { ProbeResult, ProbeStream } from './probe.types.js';

/**
 * Run ffprobe on a file. A non-zero exit on a file that looked like media means the file is broken
 * (truncated, corrupt): that is bad input (exit 2), not a tool failure.
 */
export async function ffprobe(path: string, opts: { timeoutMs: number; ffprobePath?: string | null; ffmpegPath?: string | null; signal?: AbortSignal; /** demuxer hint for formats that are hard to probe (mpegts) */ format?: string }): Promise<ProbeResult> {
  const bin = toolPaths({ ffprobePath: opts.ffprobePath }).ffprobe;
  const res = await runTool(
    bin,
    ['-v', 'error', '-hide_banner', ...(opts.format ? ['-f', opts.format] : []), '-print_format', 'json', '-show_format', '-show_streams', path],
    { timeoutMs: opts.timeoutMs, maxStdoutBytes: 8 * 1024 * 1024, tool: 'ffprobe', signal: opts.signal },
  );
  if (res.code === null || res.code > 128) {
    // ffprobe crashed (the static build segfaults on some MPEG-TS files): read the same facts from ffmpeg's banner.
    return ffmpegBannerProbe(path, opts);
  }
  let parsed: ProbeResult | null = null;
  try {
    parsed = JSON.parse(res.stdout.toString('utf8')) as ProbeResult;
  } catch {
    parsed = null;
  }
  if (res.code !== 0 || !parsed || !parsed.streams?.length) {
    const why = res.stderr.split('\n').filter(Boolean).slice(-1)[0]?.replace(/^.*?:\s*/, '') ?? 'no streams';
    throw new UnsupportedMediaError('media_corrupt', `The file cannot be read as media (truncated or corrupt?): ${why}`, { httpStatus: 422 });
  }
  return parsed;
}

/** Fallback probe: `ffmpeg -i FILE` prints the container, duration and streams on stderr. */
async function ffmpegBannerProbe(path: string, opts: { timeoutMs: number; signal?: AbortSignal; format?: string; ffmpegPath?: string | null }): Promise<ProbeResult> {
  const bin = toolPaths({ ffmpegPath: opts.ffmpegPath }).ffmpeg;
  const res = await runTool(bin, ['-hide_banner', '-nostdin', ...(opts.format ? ['-f', opts.format] : []), '-i', path], { timeoutMs: opts.timeoutMs, tool: 'ffmpeg', signal: opts.signal });
  const parsed = parseFfmpegBanner(res.stderr);
  if (!parsed.streams.length) {
    throw new UnsupportedMediaError('media_corrupt', 'The file cannot be read as media (truncated or corrupt?).', { httpStatus: 422 });
  }
  return parsed;
}
