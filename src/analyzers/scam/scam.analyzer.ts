import { basename } from 'node:path';
import type { Config } from '../../config/config.js';
import { evidence, type Evidence } from '../../domain/evidence.js';
import type { MediaInfo } from '../../domain/media.js';
import type { DecodedRgba } from '../../domain/media-session.js';
import type { Post } from '../../domain/post.js';
import { decodeQrCodes, type DecodedQr } from '../../repositories/qr.repository.js';
import { knowledgeFor } from '../../scam/knowledge.adapter.js';
import { kbForConfig } from '../../knowledge/kb.loader.js';
import type { ScamKnowledge } from '../../scam/knowledge.port.js';
import { defaultScamModel } from '../../scam/model.loader.js';
import { classifyQr, type QrFinding } from '../../scam/qr.classify.js';
import { analyzeScamText, toScamResult } from '../../scam/scam.engine.js';
import type { ScamModel } from '../../scam/scam.model.js';
import type { Analyzer, AnalyzerContext, AnalyzerOutput } from '../analyzer.js';

/**
 * The scam desk inside `check`: runs when the post has a caption, links or an image (QR codes). Its evidence is
 * neutral — a scam promotion says nothing about whether the media is AI — and it never decides `is_ai`. The
 * authorship and availability claims it finds go into `claims`, the full result into `scam`.
 */
export class ScamAnalyzer implements Analyzer {
  readonly name = 'scam';
  private readonly kb: ScamKnowledge;
  private readonly model: ScamModel | null;
  private readonly decodeQr: (file: string, heic?: () => Promise<DecodedRgba>) => Promise<DecodedQr[]>;
  private readonly officialDomains: string[];
  constructor(
    config: Config,
    deps: { knowledge?: ScamKnowledge; model?: ScamModel | null; decodeQr?: (file: string, heic?: () => Promise<DecodedRgba>) => Promise<DecodedQr[]> } = {},
  ) {
    this.kb = deps.knowledge ?? knowledgeFor(kbForConfig(config));
    this.officialDomains = config.kb?.officialDomains ?? [];
    this.model = deps.model === undefined ? defaultScamModel() : deps.model;
    this.decodeQr = deps.decodeQr ?? ((f, heic) => decodeQrCodes(f, { timeoutMs: config.timeouts.decodeMs, heic }));
  }

  appliesTo(post: Post, media: MediaInfo | null): boolean {
    return Boolean(post.caption?.trim()) || post.urls.length > 0 || (media?.kind === 'image' && Boolean(post.file));
  }

  async analyze(ctx: AnalyzerContext): Promise<AnalyzerOutput> {
    const { post, media } = ctx;
    const ev: Evidence[] = [];
    let qr: QrFinding[] = [];
    if (media?.kind === 'image' && post.file) {
      try {
        const file = post.file;
        qr = (await this.decodeQr(file, ctx.session?.heicPixels)).map((q) => ({ image: basename(file), text: q.text, kind: classifyQr(q.text) }));
      } catch (e) {
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
      }
    }
    ctx.progress(0.5);
    const a = analyzeScamText({ text: post.caption ?? '', urls: post.urls, postedAt: post.postedAt, qr }, { kb: this.kb, model: this.model, extraOfficialDomains: this.officialDomains });
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

export function createScamAnalyzer(config: Config): { stage: 'parallel'; analyzer: Analyzer } {
  return { stage: 'parallel', analyzer: new ScamAnalyzer(config) };
}
