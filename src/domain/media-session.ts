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
 * A still image decoded once for every analyzer of a check: full resolution, EXIF orientation applied, embedded
 * ICC profile converted to sRGB, 8 bits per channel, the source's channels (alpha kept when the image has it).
 * Analyzers derive the sizes they need from it.
 */
export interface DecodedStill {
  raw: Buffer;
  width: number;
  height: number;
  channels: 1 | 2 | 3 | 4;
}

/** What a hasher takes from the media session instead of re-reading the file, and the configured tool paths. */
export interface SessionReads {
  /** The video probe intake already ran (no second ffprobe). */
  probe?: VideoProbe | null;
  /** HEIC pixels decoded once. */
  heicPixels?: () => Promise<DecodedRgba>;
  /** The still decoded once (any image format): hashed from it, so queries and references of a file agree. */
  stillPixels?: () => Promise<DecodedStill>;
  ffmpegPath?: string | null;
  ffprobePath?: string | null;
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
   * A still image decoded once (the HEIC pixels for HEIC); OCR, QR scanning, match hashing (the scam poster lookup
   * too) and the preview keyframe all read it. Rejects with media_corrupt for an undecodable image. Images only.
   */
  stillPixels(): Promise<DecodedStill>;
  /**
   * Video frames near `timestamps` (longer side ≤ `maxSide`), decoded once per distinct request: the OCR pass and
   * the report's keyframes ask for the same plan and share one decode. Missing frames are left out. The decode
   * stops when the session's signal or the first asker's `signal` aborts (a session opened before the check's
   * deadline existed, as the CLI's early one is, gets the deadline this way).
   */
  videoFrames(timestamps: readonly number[], maxSide: number, signal?: AbortSignal): Promise<VideoFrame[]>;
}

/** The part of a session a caller may hand to match, poster lookup or QR scanning of a file it already opened. */
export type SessionHint = Pick<MediaSession, 'videoProbe' | 'heicPixels'> & Partial<Pick<MediaSession, 'stillPixels'>>;
