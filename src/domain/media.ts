/** What intake learned about a file, by content (never by extension). */
export type MediaKind = 'video' | 'image';

/** Container / format families recognised by content sniffing. */
export type ContainerFormat =
  | 'mp4' | 'mov' | 'm4v' | '3gp' | 'avi' | 'mts' | 'mkv' | 'webm' | 'gif'
  | 'jpeg' | 'png' | 'webp' | 'heic' | 'avif' | 'tiff';

export interface StreamInfo {
  index: number;
  type: 'video' | 'audio' | 'data' | 'subtitle' | 'attachment' | 'other';
  codec: string | null;
  /** handler_name / codec_tag_string of data tracks, e.g. "GoPro MET" for GPMF telemetry. */
  handler: string | null;
}

export interface MediaInfo {
  path: string;
  kind: MediaKind;
  container: ContainerFormat;
  mime: string;
  sizeBytes: number;
  sha256: string;
  width: number;
  height: number;
  /** Seconds; null for still images. Animated GIFs are videos. */
  duration: number | null;
  fps: number | null;
  frameCount: number | null;
  videoCodec: string | null;
  audioCodec: string | null;
  /** Display rotation in degrees (0/90/180/270). */
  rotation: number;
  streams: StreamInfo[];
  /** Format-level tags as ffprobe reports them (encoder, creation_time, handler…). */
  formatTags: Record<string, string>;
}

/** The public `media` object in check JSON. */
export interface MediaSummary {
  kind: MediaKind;
  duration: number | null;
  width: number;
  height: number;
  fps: number | null;
  container: string;
}

export function summarizeMedia(m: MediaInfo): MediaSummary {
  return { kind: m.kind, duration: m.duration, width: m.width, height: m.height, fps: m.fps, container: m.container };
}

/** What frame reading needs to know about a video stream (from the one ffprobe intake runs). */
export interface VideoProbe {
  /** Display size (rotation applied). */
  width: number;
  height: number;
  /** Frames per second of the video stream (avg_frame_rate, else r_frame_rate, else 25). */
  fps: number;
  /** Seconds, or null when unknown. */
  duration: number | null;
  frameCount: number | null;
  rotation: number;
}
