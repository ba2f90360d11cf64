/**
 * Small generated media for registry/match tests: ffmpeg lavfi sources and repost transforms of shared originals,
 * cached under os.tmpdir() by a hash of the recipe so repeated runs are quick.
 */
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, renameSync } from 'node:fs';
import { setPriority, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { toolPaths } from '../../src/repositories/tools.repository.js';

const run = promisify(execFile);
export const CACHE_DIR = process.env.GENPROOF_FIXTURE_CACHE ?? join(tmpdir(), 'genproof-match-fixtures-v1');
export const SHARED = resolve(import.meta.dirname, '../../../shared/data');

/**
 * Run ffmpeg with `args` (output path last, given as OUT) unless the cached output exists; returns the path.
 * `nice` lowers the ffmpeg process's CPU priority (fixtures made ahead of time, off the critical path).
 */
export async function ffmpegCached(name: string, args: string[], ext = 'mp4', nice = 0): Promise<string> {
  mkdirSync(CACHE_DIR, { recursive: true });
  const key = createHash('sha256').update(JSON.stringify(args)).digest('hex').slice(0, 12);
  const out = join(CACHE_DIR, `${name}-${key}.${ext}`);
  if (existsSync(out)) return out;
  const tmp = `${out}.${process.pid}.tmp.${ext}`;
  const { ffmpeg } = toolPaths();
  const job = run(ffmpeg, ['-hide_banner', '-loglevel', 'error', '-y', ...args.map((a) => (a === 'OUT' ? tmp : a))], { timeout: 120_000 });
  if (nice && job.child.pid) {
    try {
      setPriority(job.child.pid, nice);
    } catch {
      // priority is an optimisation only
    }
  }
  await job;
  renameSync(tmp, out);
  return out;
}

const X264 = ['-c:v', 'libx264', '-preset', 'ultrafast', '-pix_fmt', 'yuv420p', '-an'];

/** A synthetic clip from a lavfi source (e.g. `testsrc2`, `mandelbrot`, `life`, `cellauto`). */
export function lavfiClip(name: string, src: string, opts: { seconds?: number; size?: string; rate?: number } = {}): Promise<string> {
  const { seconds = 4, size = '320x240', rate = 25 } = opts;
  const sep = src.includes('=') ? ':' : '=';
  return ffmpegCached(name, ['-f', 'lavfi', '-i', `${src}${sep}size=${size}:rate=${rate}`, '-t', String(seconds), ...X264, '-crf', '20', 'OUT']);
}

/** A still image (PNG) from a lavfi source. */
export function lavfiImage(name: string, src: string, size = '320x240'): Promise<string> {
  const sep = src.includes('=') ? ':' : '=';
  return ffmpegCached(name, ['-f', 'lavfi', '-i', `${src}${sep}size=${size}`, '-frames:v', '1', 'OUT'], 'png');
}

/** One frame of a video as PNG, at `seconds`. */
export function frameAt(name: string, video: string, seconds: number): Promise<string> {
  return ffmpegCached(name, ['-ss', String(seconds), '-i', video, '-frames:v', '1', 'OUT'], 'png');
}

/**
 * The repost transform family. Each entry is an ffmpeg -vf chain (plus output options) applied to the first
 * `seconds` of an original. Bands are drawn with drawbox so no fonts are needed.
 */
export interface Transform {
  name: string;
  vf: string;
  /** Extra input options (e.g. trimming with -ss). */
  pre?: string[];
  /** Extra output options (e.g. -r, -crf). */
  post?: string[];
}

/** Black boxes standing in for the words of a caption (about half the band's width, like real text). */
const WORDS = (y: string, hExpr: string) =>
  [[0.08, 0.14], [0.26, 0.2], [0.5, 0.12], [0.66, 0.16]]
    .map(([x, w]) => `drawbox=x=iw*${x}:y=${y}:w=iw*${w}:h=${hExpr}:color=black:t=fill`)
    .join(',');
/** A caption band drawn over the top or bottom of the picture (covering it). */
const BAND = (pos: 'top' | 'bottom', frac: number) =>
  `drawbox=x=0:y=${pos === 'top' ? '0' : `ih-ih*${frac}`}:w=iw:h=ih*${frac}:color=white:t=fill,` +
  WORDS(pos === 'top' ? `ih*${frac / 3}` : `ih-ih*${(2 * frac) / 3}`, `ih*${frac / 3}`);
const EVEN = 'scale=trunc(iw/2)*2:trunc(ih/2)*2';
/** Put the picture in a 9:16 canvas (720x1280) with black bars. */
const IN_916_BLACK = 'scale=720:1280:force_original_aspect_ratio=decrease,pad=720:1280:(ow-iw)/2:(oh-ih)/2:black';
/** Put the picture in a 9:16 canvas with a blurred, zoomed copy of itself as fill. */
const IN_916_BLUR =
  'split[a][b];[a]scale=720:1280:force_original_aspect_ratio=increase,crop=720:1280,boxblur=20:2[bg];' +
  '[b]scale=720:1280:force_original_aspect_ratio=decrease[fg];[bg][fg]overlay=(W-w)/2:(H-h)/2';

export const TRANSFORMS: Transform[] = [
  { name: 'reencode_640_crf30', vf: `scale=640:-2`, post: ['-crf', '30'] },
  { name: 'heavy_reencode_crf42_360p', vf: `scale=-2:360`, post: ['-crf', '42'] },
  { name: 'crop90', vf: `crop=iw*0.9:ih*0.9,${EVEN}` },
  { name: 'crop85_hflip', vf: `crop=iw*0.85:ih*0.85,hflip,${EVEN}` },
  { name: 'hflip', vf: 'hflip' },
  { name: 'letterbox_916', vf: IN_916_BLACK },
  { name: 'pillarbox_169', vf: `scale=1280:720:force_original_aspect_ratio=decrease,pad=1280:720:(ow-iw)/2:(oh-ih)/2:black` },
  { name: 'blurfill_916', vf: IN_916_BLUR },
  { name: 'band_pad_top', vf: `pad=iw:ih+trunc(ih*0.16/2)*2:0:oh-ih:white,${WORDS('ih*0.04', 'ih*0.05')}` },
  { name: 'band_pad_bottom_black', vf: `pad=iw:ih+trunc(ih*0.2/2)*2:0:0:black,${WORDS('ih*0.88', 'ih*0.06').replace(/color=black/g, 'color=white')}` },
  { name: 'band_overlay_bottom', vf: BAND('bottom', 0.12) },
  { name: 'brightness_contrast', vf: 'eq=brightness=0.12:contrast=1.25:saturation=1.4' },
  { name: 'grayscale', vf: 'hue=s=0' },
  { name: 'fps24_trim1s', vf: 'fps=24', pre: ['-ss', '1'] },
  { name: 'fps15_trim_end', vf: 'fps=15', post: ['-t', '2.5'] },
  { name: 'combo_916_blur_band_flip', vf: `hflip,${IN_916_BLUR},${BAND('top', 0.1)}` },
  { name: 'combo_letterbox_eq_reencode', vf: `eq=brightness=0.08:saturation=1.3,${IN_916_BLACK},scale=360:640`, post: ['-crf', '36'] },
  { name: 'combo_crop_band_fps', vf: `crop=iw*0.9:ih*0.9,${EVEN},pad=iw:ih+trunc(ih*0.14/2)*2:0:0:white,fps=20`, pre: ['-ss', '0.5'] },
];

/** Apply a transform to the first `seconds` of `original` (`nice`: see ffmpegCached). */
export function applyTransform(original: string, t: Transform, seconds = 5, nice = 0): Promise<string> {
  const base = original.split('/').pop()!.replace(/\.[^.]+$/, '');
  const complex = t.vf.includes('[');
  return ffmpegCached(`${base}__${t.name}`, [
    ...(t.pre ?? []),
    '-i', original,
    '-t', String(seconds),
    ...(complex ? ['-filter_complex', `[0:v]${t.vf}[out]`, '-map', '[out]'] : ['-vf', t.vf]),
    ...X264,
    '-crf', '23',
    ...(t.post ?? []),
    '-map_metadata', '-1',
    'OUT',
  ], 'mp4', nice);
}

/** Container duration in seconds (ffprobe), or 0 when there is none (a still, an unreadable file). */
export async function probeDuration(file: string): Promise<number> {
  const { ffprobe } = toolPaths();
  const { stdout } = await run(ffprobe, ['-v', 'error', '-show_entries', 'format=duration', '-of', 'csv=p=0', file], { timeout: 60_000 }).catch(() => ({ stdout: '' }));
  return Number(stdout.trim()) || 0;
}
