import { basename } from 'node:path';
import type { Config } from '../config/config.js';
import { kbForConfig } from '../knowledge/kb.loader.js';
import type { KnowledgeBase } from '../knowledge/kb.js';
import type { ScamResult } from '../domain/scam.js';
import { parsePostedAt, postedDay } from '../domain/post-input.js';
import { decodeQrCodes, type DecodedQr } from '../repositories/qr.repository.js';
import { knowledgeFor } from '../scam/knowledge.adapter.js';
import type { ScamKnowledge } from '../scam/knowledge.port.js';
import { defaultScamModel } from '../scam/model.loader.js';
import { classifyQr, type QrFinding } from '../scam/qr.classify.js';
import { analyzeScamText, labelFor, squash, toScamResult, type ScamAnalysis } from '../scam/scam.engine.js';
import type { SymbolHit } from '../scam/symbol.js';
import { SYMBOLS } from '../scam/symbols.data.js';
import type { ScamModel } from '../scam/scam.model.js';

export interface ScamInput {
  text?: string | null;
  urls?: string[];
  /** Image files to scan for QR codes. */
  images?: string[];
  /** Names to report for the images (e.g. the uploaded file names), same order; default: the file's base name. */
  imageNames?: string[];
  /** YYYY-MM-DD. */
  postedAt?: string | null;
}

export interface ScamServiceOptions {
  knowledge?: ScamKnowledge;
  /** The knowledge base (with local overlays) behind the default `knowledge`. */
  kb?: KnowledgeBase;
  /** null = symbols only, no model. */
  model?: ScamModel | null;
  extraOfficialDomains?: string[];
  decodeQr?: (file: string) => Promise<DecodedQr[]>;
  qrTimeoutMs?: number;
  /** Registry lookup of an image (PDQ); matches labelled scam_poster become KNOWN_SCAM_POSTER. */
  matchPoster?: (file: string) => Promise<PosterMatch[]>;
}

/** The part of a registry match the scam desk needs. */
export interface PosterMatch {
  label: string;
  reference_file: string;
  reference_id?: string;
  min_distance: number;
  source?: string | null;
}

/**
 * The scam desk: symbols, lookalike links, claims against the KB, QR codes in images, and the model — one
 * ScamResult (CONTRACTS.md `genproof scam --json`).
 */
export class ScamService {
  private readonly knowledge: ScamKnowledge;
  private readonly model: ScamModel | null;
  private readonly decodeQr: (file: string) => Promise<DecodedQr[]>;
  private readonly officialDomains: string[];

  constructor(private readonly opts: ScamServiceOptions = {}) {
    this.officialDomains = [...(opts.extraOfficialDomains ?? [])];
    this.knowledge = opts.knowledge ?? knowledgeFor(opts.kb);
    this.model = opts.model === undefined ? defaultScamModel() : opts.model;
    this.decodeQr = opts.decodeQr ?? ((f) => decodeQrCodes(f, { timeoutMs: opts.qrTimeoutMs }));
  }

  /** Text-only analysis, synchronous (batch mode, the analyzer). */
  analyzeText(input: { text: string; urls?: string[]; postedAt?: string | null; qr?: QrFinding[] }): ScamAnalysis {
    // The scam desk judges availability by the posting day.
    return analyzeScamText(
      { text: input.text, urls: input.urls ?? [], postedAt: postedDay(parsePostedAt(input.postedAt)), qr: input.qr ?? [] },
      { kb: this.knowledge, model: this.model, extraOfficialDomains: this.officialDomains },
    );
  }

  /** QR codes of every image, classified. */
  async scanImages(images: string[], label: (file: string) => string = (f) => basename(f)): Promise<QrFinding[]> {
    const out: QrFinding[] = [];
    for (const img of images) {
      for (const q of await this.decodeQr(img)) out.push({ image: label(img), text: q.text, kind: classifyQr(q.text) });
    }
    return out;
  }

  async analyzeDetailed(input: ScamInput): Promise<ScamAnalysis> {
    const images = input.images ?? [];
    const qr = await this.scanImages(images, input.imageNames ? (f) => input.imageNames![images.indexOf(f)] ?? basename(f) : undefined);
    const a = this.analyzeText({ text: input.text ?? '', urls: input.urls ?? [], postedAt: input.postedAt ?? null, qr });
    if (this.opts.matchPoster && images.length > 0) {
      const known: { image: string; m: PosterMatch }[] = [];
      for (const img of images) for (const m of await this.opts.matchPoster(img)) if (m.label === 'scam_poster') known.push({ image: img, m });
      if (known.length > 0) return withKnownPoster(a, known[0].image, known[0].m);
    }
    return a;
  }

  async analyzeScam(input: ScamInput): Promise<ScamResult> {
    return toScamResult(await this.analyzeDetailed(input));
  }
}

/** The scam desk for a parsed config: its KB overlays and official domains (plus `extraOfficialDomains`). */
export function scamServiceFor(config: Config, opts: ScamServiceOptions = {}): ScamService {
  return new ScamService({
    qrTimeoutMs: config.timeouts.decodeMs,
    kb: kbForConfig(config),
    ...opts,
    extraOfficialDomains: [...config.kb.officialDomains, ...(opts.extraOfficialDomains ?? [])],
  });
}

let shared: ScamService | null = null;

/** analyzeScam with the default knowledge base and model. */
export function analyzeScam(input: ScamInput): Promise<ScamResult> {
  shared ??= new ScamService();
  return shared.analyzeScam(input);
}

/** Add the KNOWN_SCAM_POSTER symbol (a registered scam poster, recycled) and recompute label and score. */
function withKnownPoster(a: ScamAnalysis, image: string, m: PosterMatch): ScamAnalysis {
  const hit = posterHit(image, m);
  const hits = [...a.hits, hit].sort((x, y) => y.weight - x.weight);
  const raw = Math.round((a.raw + hit.weight) * 100) / 100;
  return {
    ...a,
    hits,
    raw,
    label: labelFor(raw),
    score: squash(raw),
    symbols: hits.map((h) => ({ code: h.code, weight: h.weight, span: h.span, detail: h.detail, detail_zh: h.detail_zh })),
  };
}

function posterHit(image: string, m: PosterMatch): SymbolHit {
  const def = SYMBOLS.KNOWN_SCAM_POSTER;
  const s = `${image} ≈ ${m.reference_file} (PDQ distance ${m.min_distance})`;
  return { code: 'KNOWN_SCAM_POSTER', weight: def.weight, span: s, detail: def.en(s), detail_zh: def.zh(s), data: { ...m } };
}
