import type { VideoFrame } from './frame.js';
import type { MediaInfo, VideoProbe } from './media.js';

/** Decoded HEIC/HEIF pixels (RGBA), as the wasm decoder returns them. */
export interface DecodedRgba {
  raw: Buffer;
  width: number;
  height: number;
  channels: 4;
}

/**
 * One opened media file, shared by every analyzer of a check: what intake learned (probe, hash, tags) and
 * lazily computed reads that run at most once per check, however many analyzers ask. Analyzers read from it
 * instead of going back to the file.
 */
export interface MediaSession {
  readonly media: MediaInfo;
  /** The video stream as intake's ffprobe saw it; null for stills. */
  readonly videoProbe: VideoProbe | null;
  /** exiftool-vendored tags (flat names). Shares one exiftool run with groupedTags. */
  tags(): Promise<Record<string, unknown>>;
  /** exiftool `-G1 -a` tags (group-prefixed names), derived from the same run as tags (see readTagViews). */
  groupedTags(): Promise<Record<string, unknown>>;
  /** HEIC/HEIF pixels decoded once (the wasm decoder is slow and memory-hungry); only for heic/avif containers. */
  heicPixels(): Promise<DecodedRgba>;
  /**
   * Video frames near `timestamps` (longer side ≤ `maxSide`), decoded once per distinct request: the OCR pass and
   * the report's keyframes ask for the same plan and share one decode. Missing frames are left out.
   */
  videoFrames(timestamps: readonly number[], maxSide: number): Promise<VideoFrame[]>;
}
