import type { Config } from '../../config/config.js';
import { evidence, type Evidence } from '../../domain/evidence.js';
import type { MediaInfo } from '../../domain/media.js';
import type { SessionHint } from '../../domain/media-session.js';
import type { Post } from '../../domain/post.js';
import { toScamResult, type ScamAnalysis } from '../../scam/scam.engine.js';
import type { Analyzer, AnalyzerContext, AnalyzerOutput } from '../analyzer.js';

/**
 * What the scam analyzer needs from the scam desk: ScamService (src/services/scam.service.ts) satisfies it and is
 * wired in where the analyzers are created, so `check` and `genproof scam` give the same answer on the same post
 * (official domains from the config, registered scam posters, QR codes). Declared here so analyzers do not
 * import services.
 */
export interface ScamDeskPort {
  analyzeDetailed(input: {
    text: string | null;
    urls: string[];
    postedAt: string | null;
    images: string[];
    imageHints?: ({ media?: MediaInfo; session?: SessionHint; signal?: AbortSignal } | undefined)[];
    onQrError?: (image: string, e: unknown) => void;
  }): Promise<ScamAnalysis>;
}

/**
 * The scam desk inside `check`: runs when the post has a caption, links or an image (QR codes). Its evidence is
 * neutral — a scam promotion says nothing about whether the media is AI — and it never decides `is_ai`. The
 * authorship and availability claims it finds go into `claims`, the full result into `scam`.
 */
export class ScamAnalyzer implements Analyzer {
  readonly name = 'scam';
  constructor(private readonly desk: ScamDeskPort) {}

  appliesTo(post: Post, media: MediaInfo | null): boolean {
    return Boolean(post.caption?.trim()) || post.urls.length > 0 || (media?.kind === 'image' && Boolean(post.file));
  }

  async analyze(ctx: AnalyzerContext): Promise<AnalyzerOutput> {
    const { post, media } = ctx;
    const ev: Evidence[] = [];
    const image = media?.kind === 'image' && post.file ? post.file : null;
    const a = await this.desk.analyzeDetailed({
      text: post.caption,
      urls: post.urls,
      postedAt: post.postedAt,
      images: image ? [image] : [],
      imageHints: image ? [{ media: media ?? undefined, session: ctx.session, signal: ctx.signal }] : [],
      onQrError: (_img, e) => {
        ev.push(
          evidence({
            analyzer: 'scam',
            code: 'qr_scan_failed',
            direction: 'neutral',
            weight: 0,
            detail: `The image could not be scanned for QR codes: ${e instanceof Error ? e.message : String(e)}`,
            detail_zh: `无法扫描图片中的二维码：${e instanceof Error ? e.message : String(e)}`,
          }),
        );
      },
    });
    ctx.progress(0.5);
    ev.push(
      evidence({
        analyzer: 'scam',
        code: `scam_label_${a.label}`,
        direction: 'neutral',
        weight: a.label === 'ok' ? 0.1 : Math.min(1, a.score + 0.2),
        detail:
          a.label === 'ok'
            ? 'No scam-promotion signals add up in the caption, links or images.'
            : `The post reads as a ${a.label === 'scam' ? 'scam' : 'suspicious'} promotion (score ${a.score.toFixed(2)}).`,
        detail_zh: a.label === 'ok' ? '文案、链接和图片中的诈骗推广信号不足。' : `该帖子像${a.label === 'scam' ? '诈骗' : '可疑'}推广（得分 ${a.score.toFixed(2)}）。`,
        data: { label: a.label, score: a.score, raw: a.raw },
      }),
    );
    for (const h of a.hits) {
      ev.push(
        evidence({
          analyzer: 'scam',
          code: `scam_${h.code.toLowerCase()}`,
          direction: 'neutral',
          weight: Math.max(0, Math.min(1, Math.abs(h.weight) / 6)),
          detail: h.detail,
          detail_zh: h.detail_zh,
          data: { symbol: h.code, weight: h.weight, span: h.span, ...(h.offsets ? { offsets: h.offsets } : {}) },
        }),
      );
    }
    ctx.progress(1);
    return { evidence: ev, claims: a.claims, scam: toScamResult(a) };
  }
}

/** Manifest entry: the scam analyzer over the desk the caller wired in (its close releases the poster registry). */
export function createScamAnalyzer(_config: Config, ports: { scam: ScamDeskPort & { close?: () => Promise<void> } }): { stage: 'parallel'; analyzer: Analyzer; close?: () => Promise<void> } {
  const desk = ports.scam;
  return { stage: 'parallel', analyzer: new ScamAnalyzer(desk), ...(desk.close ? { close: () => desk.close!() } : {}) };
}
