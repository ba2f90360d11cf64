import type { Config } from '../../config/config.js';
import type { MediaInfo, VideoProbe } from '../../domain/media.js';
import type { VideoFrame } from '../../domain/frame.js';
import type { DecodedRgba, DecodedStill, MediaSession } from '../../domain/media-session.js';
import type { TagViews } from '../../repositories/exif.repository.js';

// The readers load on first use (sharp, exiftool-vendored and the HEIC decoder cost ~150 ms of start-up together):
// a process that only probes and decodes a video, like `genproof hash`, never loads them.
const frameGrab = () => import('../../repositories/frame-grab.repository.js');
const exif = () => import('../../repositories/exif.repository.js');
const heic = () => import('../../repositories/heic.repository.js');
const imageInfo = () => import('../../repositories/image-info.repository.js');

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
  known: { videoProbe?: VideoProbe | null; tagViews?: TagViews } = {},
  signal?: AbortSignal,
): MediaSession {
  const timeoutMs = config.timeouts.exiftoolMs;
  const heicPixels = once<DecodedRgba>(() => heic().then((m) => m.decodeHeic(media.path, config.timeouts.decodeMs)));
  const frameRuns = new Map<string, Promise<VideoFrame[]>>();
  // one exiftool run gives both the flat and the grouped tags
  const views = known.tagViews ? () => Promise.resolve(known.tagViews!) : once(() => exif().then((m) => m.readTagViews(media.path, timeoutMs)));
  return {
    media,
    videoProbe: known.videoProbe ?? null,
    tags: () => views().then((v) => v.tags),
    groupedTags: () => views().then((v) => v.grouped),
    heicPixels,
    stillPixels: once<DecodedStill>(() =>
      media.kind !== 'image'
        ? Promise.reject(new Error('stillPixels is for images'))
        : media.container === 'heic'
          ? heicPixels()
          : imageInfo().then((m) => m.decodeStill(media.path, { maxPixels: config.limits.maxPixels, timeoutMs: config.timeouts.decodeMs })),
    ),
    videoFrames(timestamps, maxSide, callSignal) {
      const key = `${maxSide}@${timestamps.join(',')}`;
      let run = frameRuns.get(key);
      if (!run) {
        const stop = signal && callSignal ? AbortSignal.any([signal, callSignal]) : signal ?? callSignal;
        run = frameGrab().then((m) => m.sampleClip(media, [...timestamps], { timeoutMs: config.timeouts.decodeMs, ffmpegPath: config.ffmpegPath, signal: stop, maxSide }));
        // Shared while the decode runs (the report's keyframes and the OCR pass ask for it as the check starts),
        // then forgotten: the session does not keep ~50 MB of full-size frames for the rest of the check, each
        // consumer frees them when done with them. A later request decodes again.
        const forget = () => {
          if (frameRuns.get(key) === run) frameRuns.delete(key);
        };
        run.then(forget, forget);
        frameRuns.set(key, run);
      }
      return run;
    },
  };
}
