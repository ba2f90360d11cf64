import type { Config } from '../../config/config.js';
import type { MediaInfo, VideoProbe } from '../../domain/media.js';
import type { VideoFrame } from '../../domain/frame.js';
import type { DecodedRgba, MediaSession } from '../../domain/media-session.js';
import { sampleClip } from '../../repositories/frame-grab.repository.js';
import { readGroupedTags, readTags } from '../../repositories/exif.repository.js';
import { decodeHeic } from '../../repositories/heic.repository.js';

/** A promise-returning function that runs its work once, on first call, and hands every caller the same promise. */
function once<T>(fn: () => Promise<T>): () => Promise<T> {
  let p: Promise<T> | null = null;
  return () => {
    if (!p) {
      p = fn();
      p.catch(() => undefined);
    }
    return p;
  };
}

/**
 * The media session of one check: built by intake from what it already read (probe, tags when it needed them),
 * with the remaining reads done lazily and once.
 */
export function createMediaSession(
  media: MediaInfo,
  config: Config,
  known: { videoProbe?: VideoProbe | null; tags?: Record<string, unknown> } = {},
  signal?: AbortSignal,
): MediaSession {
  const timeoutMs = config.timeouts.exiftoolMs;
  const frameRuns = new Map<string, Promise<VideoFrame[]>>();
  return {
    media,
    videoProbe: known.videoProbe ?? null,
    tags: known.tags ? () => Promise.resolve(known.tags!) : once(() => readTags(media.path, timeoutMs)),
    groupedTags: once(() => readGroupedTags(media.path, timeoutMs)),
    heicPixels: once<DecodedRgba>(() => decodeHeic(media.path, config.timeouts.decodeMs)),
    videoFrames(timestamps, maxSide) {
      const key = `${maxSide}@${timestamps.join(',')}`;
      let run = frameRuns.get(key);
      if (!run) {
        run = sampleClip(media, [...timestamps], { timeoutMs: config.timeouts.decodeMs, ffmpegPath: config.ffmpegPath, signal, maxSide });
        run.catch(() => undefined);
        frameRuns.set(key, run);
      }
      return run;
    },
  };
}
