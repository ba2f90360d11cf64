import type { Config } from '../../config/config.js';
import type { Claim } from '../../domain/claim.js';
import { ToolError } from '../../domain/errors.js';
import { evidence } from '../../domain/evidence.js';
import type { MediaInfo } from '../../domain/media.js';
import type { MediaSession } from '../../domain/media-session.js';
import type { Post } from '../../domain/post.js';
import { decodeImageFile, grabFrame, sampleClip } from '../../repositories/frame-grab.repository.js';
import { decodeHeic } from '../../repositories/heic.repository.js';
import { inMemoryLane } from '../../repositories/memory-lane.js';
import { scaleStill } from '../../repositories/image-info.repository.js';
import { recognizeTiles } from '../../repositories/ocr.repository.js';
import type { Analyzer, AnalyzerContext, AnalyzerOutput } from '../analyzer.js';
import { analyzeCaption } from '../caption/caption.claims.js';
import { burnedInClaims } from './burned-text.claims.js';
import { planScan, type ScanDepth } from './frame.sampler.js';
import { ocrFindings } from './ocr.evidence.js';
import { scanMedia, type ScanDeps } from './ocr.scanner.js';
import { burnedInParagraphs } from './text.paragraphs.js';
import { trackText } from './text.tracker.js';

/**
 * Visible marks: OCR of sampled frames (or the image) for generator watermarks, platform marks with the
 * uploader's handle, and burned-in claims. Depth comes from config.check.depth.
 */
export class OcrAnalyzer implements Analyzer {
  readonly name = 'ocr';
  constructor(private readonly config: Config) {}

  appliesTo(_post: Post, media: MediaInfo | null): boolean {
    return media !== null;
  }

  async analyze(ctx: AnalyzerContext): Promise<AnalyzerOutput> {
    const media = ctx.media!;
    const depth = (ctx.config.check.depth ?? this.config.check.depth) as ScanDepth;
    const started = Date.now();
    const plan = planScan(media, depth);
    const scan = await scanMedia(plan, realDeps(media, ctx.config, ctx.signal, ctx.session), ctx.progress);
    const tracks = trackText(scan.frames);
    const paragraphs = burnedInParagraphs(scan.frames);
    const postedAt = ctx.post.postedAt;
    const { evidence, claims } = ocrFindings({
      tracks, paragraphs, framesSampled: scan.decoded, kind: media.kind, extractClaims: (text) => burnedInText(text, postedAt),
    });
    if (scan.decoded === 0) {
      evidence.push(ocrSkipped(media));
    }
    return {
      evidence,
      claims,
      extra: { ocr: { depth, frames: scan.decoded, ocr_calls: scan.ocrCalls, ms: Date.now() - started, timestamps: scan.frames.map((f) => f.timestamp) } },
    };
  }
}

/**
 * Claims in burned-in text: the caption analyzer's rules (KB generator names, negations, reported speech,
 * questions) with origin 'ocr'; the built-in phrase rules only when it found neither a claim nor a phrase it
 * deliberately skipped.
 */
export function burnedInText(text: string, postedAt: string | null): Claim[] {
  const r = analyzeCaption(text, { origin: 'ocr', postedAt });
  if (r.claims.length || r.skipped.length) return r.claims;
  return burnedInClaims(text);
}

/** No frame could be decoded for OCR: say so, so the report does not read as "no marks found". */
function ocrSkipped(media: MediaInfo) {
  return evidence({
    analyzer: 'ocr', code: 'ocr_skipped', direction: 'neutral', weight: 0.05,
    detail: `No ${media.kind === 'image' ? 'image' : 'frame'} could be decoded for text recognition (${media.container}), so visible marks and burned-in text were not checked.`,
    detail_zh: `无法解码${media.kind === 'image' ? '图片' : '视频帧'}进行文字识别（${media.container}），因此未检查可见水印和烧录文字。`,
    data: { container: media.container },
  });
}

/** Wire the scanner to ffmpeg (frames), sharp (stills) and the OCR models, each call under its timeout. */
export function realDeps(
  media: MediaInfo,
  config: Config,
  signal?: AbortSignal,
  session?: Pick<MediaSession, 'heicPixels'> & Partial<Pick<MediaSession, 'videoFrames' | 'stillPixels'>>,
): ScanDeps {
  const grabOpts = { timeoutMs: config.timeouts.decodeMs, ffmpegPath: config.ffmpegPath, signal };
  return {
    async grabFrames(timestamps, maxSide) {
      // Through the media session: the report's keyframes are cut from these same frames (one decode).
      const frames = session?.videoFrames ? await session.videoFrames(timestamps, maxSide, signal) : await sampleClip(media, timestamps, { ...grabOpts, maxSide });
      return frames.map((f) => ({ width: f.width, height: f.height, channels: 3 as const, data: f.rgb, timestamp: f.timestamp }));
    },
    async decodeImage(maxSide) {
      if (session?.stillPixels && media.kind === 'image') {
        // Through the media session: the still is decoded once for every analyzer; this pass scales it down
        // (HEIC pixels are used at full size, as before).
        const still = await session.stillPixels().catch(() => null);
        if (still) return media.container === 'heic' ? { width: still.width, height: still.height, channels: 4, data: still.raw } : await scaleStill(still, maxSide);
      } else {
        const img = await decodeImageFile(media.path, maxSide, config.timeouts.decodeMs);
        if (img) return img;
      }
      if (media.container === 'heic' || media.container === 'avif') {
        const h = await (session ? session.heicPixels() : decodeHeic(media.path, config.timeouts.decodeMs)).catch(() => null);
        if (h) return { width: h.width, height: h.height, channels: 4, data: h.raw };
      }
      // Formats sharp cannot read (some HEIC builds): let ffmpeg try the first frame.
      const f = await grabFrame(media.path, 0, { ...grabOpts, maxSide }).catch(() => null);
      return f ? { width: f.width, height: f.height, channels: 3, data: f.rgb } : null;
    },
    async recognize(image, tiles) {
      if (signal?.aborted) throw new ToolError('aborted', 'OCR was cancelled');
      return recognizeTiles(image, tiles, { timeoutMs: config.timeouts.ocrMs, maxCanvasPixels: config.memory.ocrMaxCanvasPixels });
    },
    // The recognition passes take their turn with C2PA reads (memory.exclusiveHeavySteps): their peaks no longer add up.
    exclusive: inMemoryLane,
  };
}
