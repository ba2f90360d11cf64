import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';

const require = createRequire(import.meta.url);
const found = new Map<'ffmpeg' | 'ffprobe', string>();

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
  // each looked up once per thread, and only when no path was configured for it (a worker thread given the
  // path does not search PATH again)
  const lookUp = (name: 'ffmpeg' | 'ffprobe', pkg: string): string => {
    let p = found.get(name);
    if (p === undefined) found.set(name, (p = onPath(name) ?? (require(pkg) as { path: string }).path));
    return p;
  };
  return {
    get ffmpeg() {
      return overrides.ffmpegPath || lookUp('ffmpeg', '@ffmpeg-installer/ffmpeg');
    },
    get ffprobe() {
      return overrides.ffprobePath || lookUp('ffprobe', '@ffprobe-installer/ffprobe');
    },
  };
}

/**
 * Decoder threads for a full ffmpeg decode (`-threads N` before `-i`): one per core, at most 16. ffmpeg's own
 * default for frame threading is one more than the cores, and on this project's 2-core bench machine that extra
 * thread made decoding slower, not faster (60 s 1080p H.264 to null: 3.80–3.88 s with 3 threads, 3.33–3.37 s with 2;
 * the 139 s 768×432 bench:vpdq clip: 1.91–1.98 s with 3, 1.64–1.82 s with 2).
 */
export function decodeThreadArgs(): string[] {
  return ['-threads', String(Math.max(1, Math.min(16, availableParallelism())))];
}
