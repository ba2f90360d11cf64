import { createHash } from 'node:crypto';
import { open, stat } from 'node:fs/promises';
import type { Config } from '../../config/config.js';
import { UnsupportedMediaError, ValidationError } from '../../domain/errors.js';
import type { MediaInfo, StreamInfo } from '../../domain/media.js';
import type { MediaSession } from '../../domain/media-session.js';
import type { TagViews } from '../../repositories/exif.repository.js';
import { ffprobe, type ProbeResult } from '../../repositories/ffprobe.repository.js';
import { videoProbeFrom } from '../../repositories/frames.repository.js';
import { sniffMedia } from '../../repositories/sniff.js';
import { checkBmffStructure } from '../../repositories/bmff.repository.js';
import { createMediaSession } from './media-session.js';

/**
 * SHA-256 of a file, read through one reused 1 MiB buffer: a read stream hands out a new 64 KiB buffer per read,
 * so hashing a 40 MB clip left 40 MB for the garbage collector (1 GiB for a 1 GiB file) while the check's other
 * steps were reaching their peak.
 */
async function sha256File(path: string): Promise<string> {
  const h = createHash('sha256');
  const fh = await open(path, 'r');
  try {
    const buf = Buffer.allocUnsafe(1024 * 1024);
    for (;;) {
      const { bytesRead } = await fh.read(buf, 0, buf.length, null);
      if (bytesRead === 0) break;
      h.update(buf.subarray(0, bytesRead));
    }
  } finally {
    await fh.close();
  }
  return h.digest('hex');
}

function rate(s: string | undefined): number | null {
  if (!s) return null;
  const [a, b] = s.split('/').map(Number);
  if (!Number.isFinite(a) || !b) return null;
  const r = a / b;
  return r > 0 && r < 1000 ? Math.round(r * 1000) / 1000 : null;
}

function streamType(t: string | undefined): StreamInfo['type'] {
  return t === 'video' || t === 'audio' || t === 'data' || t === 'subtitle' || t === 'attachment' ? t : 'other';
}

/** Interpret ffprobe output as MediaInfo fields (pure). */
export function videoFieldsFromProbe(p: ProbeResult): Omit<MediaInfo, 'path' | 'kind' | 'container' | 'mime' | 'sizeBytes' | 'sha256'> {
  const v = p.streams.find((s) => s.codec_type === 'video' && (s.width ?? 0) > 0);
  if (!v) throw new UnsupportedMediaError('media_unsupported', 'The file has no video stream (audio only or unreadable).', { httpStatus: 422 });
  const a = p.streams.find((s) => s.codec_type === 'audio');
  // Display matrix side data says -90 for a clip shown rotated 90° clockwise (the old `rotate=90` tag).
  const sideRot = v.side_data_list?.find((d) => d.rotation !== undefined)?.rotation;
  const rot = sideRot !== undefined ? -Number(sideRot) : Number(v.tags?.rotate ?? 0);
  const rotation = ((Math.round(rot / 90) * 90) % 360 + 360) % 360;
  const durRaw = Number(p.format.duration ?? v.duration);
  const fps = rate(v.avg_frame_rate) ?? rate(v.r_frame_rate);
  const nb = Number(v.nb_frames);
  // Report display dimensions: a phone clip stored 568×320 with a 90° rotation is shown 320×568.
  const swap = rotation === 90 || rotation === 270;
  return {
    width: (swap ? v.height : v.width) ?? 0,
    height: (swap ? v.width : v.height) ?? 0,
    duration: Number.isFinite(durRaw) && durRaw > 0 ? Math.round(durRaw * 1000) / 1000 : null,
    fps,
    frameCount: Number.isFinite(nb) && nb > 0 ? nb : null,
    videoCodec: v.codec_name ?? null,
    audioCodec: a?.codec_name ?? null,
    rotation,
    streams: p.streams.map((s) => ({
      index: s.index,
      type: streamType(s.codec_type),
      codec: s.codec_name && s.codec_name !== 'unknown' ? s.codec_name : (s.codec_tag_string ?? null),
      handler: s.tags?.handler_name?.trim() || s.codec_tag_string || null,
    })),
    formatTags: p.format.tags ?? {},
  };
}

/**
 * Recognise and probe a media file, by content. Throws ValidationError/UnsupportedMediaError (exit 2) for
 * missing, empty, unrecognised, oversized or broken files; ToolError (exit 3) when a tool fails on valid input.
 */
export async function intakeFile(path: string, config: Config, signal?: AbortSignal): Promise<MediaInfo> {
  return (await openMedia(path, config, signal)).media;
}

/**
 * Intake, keeping what it read: the media session every analyzer of a check shares (probe, tags, pixels read
 * once). Same errors as intakeFile.
 */
export async function openMedia(path: string, config: Config, signal?: AbortSignal): Promise<MediaSession> {
  let st;
  try {
    st = await stat(path);
  } catch {
    throw new ValidationError('file_not_found', `File not found: ${path}`);
  }
  if (!st.isFile()) throw new ValidationError('file_not_found', `Not a regular file: ${path}`);
  if (st.size === 0) throw new UnsupportedMediaError('empty_file', `The file is empty: ${path}`, { httpStatus: 422 });
  if (st.size > config.limits.maxFileBytes)
    throw new UnsupportedMediaError('file_too_large', `The file is ${st.size} bytes; the limit is ${config.limits.maxFileBytes} bytes.`, { httpStatus: 413 });

  const fh = await open(path, 'r');
  const head = Buffer.alloc(Math.min(8192, st.size));
  try {
    await fh.read(head, 0, head.length, 0);
  } finally {
    await fh.close();
  }
  const sniffed = sniffMedia(head);
  if (!sniffed)
    throw new UnsupportedMediaError(
      'media_unsupported',
      'Not a recognised video or image (checked by content, not by file name). Supported: mp4/mov/m4v/3gp/avi/mts/mkv/webm/gif/jpeg/png/webp/heic/avif.',
    );
  if (['mp4', 'mov', 'm4v', '3gp', 'heic', 'avif'].includes(sniffed.container)) {
    const bmff = await checkBmffStructure(path, st.size);
    if (!bmff.ok) throw new UnsupportedMediaError('media_corrupt', `The file is truncated or corrupt: ${bmff.problem}.`, { httpStatus: 422 });
  }
  const sha256 = await sha256File(path);
  const base = { path, kind: sniffed.kind, container: sniffed.container, mime: sniffed.mime, sizeBytes: st.size, sha256 };

  if (sniffed.kind === 'image') {
    let width: number;
    let height: number;
    let orientation: number | null = null;
    let tagViews: TagViews | undefined;
    if (sniffed.container === 'heic') {
      tagViews = await (await import('../../repositories/exif.repository.js')).readTagViews(path, config.timeouts.exiftoolMs);
      const t = tagViews.tags;
      width = Number(t.ImageWidth ?? 0);
      height = Number(t.ImageHeight ?? 0);
      orientation = typeof t.Orientation === 'number' ? t.Orientation : null;
      if (!width || !height) throw new UnsupportedMediaError('media_corrupt', 'The HEIC image has no readable dimensions (truncated or corrupt?).', { httpStatus: 422 });
    } else {
      const h = await (await import('../../repositories/image-info.repository.js')).readImageHeader(path); // sharp loads for images only
      width = h.width;
      height = h.height;
      orientation = h.orientation;
    }
    if (width * height > config.limits.maxPixels)
      throw new UnsupportedMediaError('file_too_large', `The image is ${width}×${height} pixels; the limit is ${config.limits.maxPixels} pixels.`, { httpStatus: 413 });
    const rotation = orientation === 6 ? 90 : orientation === 8 ? 270 : orientation === 3 ? 180 : 0;
    const media: MediaInfo = { ...base, width, height, duration: null, fps: null, frameCount: null, videoCodec: null, audioCodec: null, rotation, streams: [], formatTags: {} };
    return createMediaSession(media, config, { tagViews }, signal);
  }

  const probe = await ffprobe(path, { timeoutMs: config.timeouts.probeMs, ffprobePath: config.ffprobePath, ffmpegPath: config.ffmpegPath, signal, format: sniffed.container === 'mts' ? 'mpegts' : undefined });
  const fields = videoFieldsFromProbe(probe);
  if (fields.width * fields.height > config.limits.maxPixels)
    throw new UnsupportedMediaError('file_too_large', `The video is ${fields.width}×${fields.height}; the limit is ${config.limits.maxPixels} pixels.`, { httpStatus: 413 });
  if (fields.duration !== null && fields.duration > config.limits.maxDurationSeconds)
    throw new UnsupportedMediaError('file_too_large', `The video lasts ${fields.duration} s; the limit is ${config.limits.maxDurationSeconds} s.`, { httpStatus: 413 });
  return createMediaSession({ ...base, ...fields }, config, { videoProbe: videoProbeFrom(probe) }, signal);
}
