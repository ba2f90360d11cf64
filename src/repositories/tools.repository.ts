import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
let cache: { ffmpeg: string; ffprobe: string } | null = null;

function onPath(name: string): string | null {
  try {
    const out = execFileSync('sh', ['-c', `command -v ${name}`], { encoding: 'utf8', timeout: 5000 }).trim();
    return out || null;
  } catch {
    return null;
  }
}

/**
 * Resolve ffmpeg/ffprobe: the configured path (config ffmpegPath / ffprobePath — env FFMPEG_PATH etc. are read
 * by the config, not here), then a system binary on PATH, then the binaries shipped in
 * @ffmpeg-installer/@ffprobe-installer.
 */
export function toolPaths(overrides: { ffmpegPath?: string | null; ffprobePath?: string | null } = {}): {
  ffmpeg: string;
  ffprobe: string;
} {
  if (!cache) {
    const ffmpeg = onPath('ffmpeg') ?? (require('@ffmpeg-installer/ffmpeg') as { path: string }).path;
    const ffprobe = onPath('ffprobe') ?? (require('@ffprobe-installer/ffprobe') as { path: string }).path;
    cache = { ffmpeg, ffprobe };
  }
  return {
    ffmpeg: overrides.ffmpegPath || cache.ffmpeg,
    ffprobe: overrides.ffprobePath || cache.ffprobe,
  };
}
