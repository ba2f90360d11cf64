import { basename } from 'node:path';
import type { Config } from '../config/config.js';
import { kbForConfig } from '../knowledge/kb.loader.js';
import type { KnowledgeBase } from '../knowledge/kb.js';
import type { MediaInfo } from '../domain/media.js';
import type { DecodedRgba, DecodedStill, SessionHint } from '../domain/media-session.js';
import type { ScamResult } from '../domain/scam.js';
import { parsePostedAt, postedDay } from '../domain/post-input.js';
import { decodeQrCodes, type DecodedQr } from '../repositories/qr.repository.js';
import { RegistryService } from './registry.service.js';
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
  /** What the caller already knows of each image (same order as `images`): an opened media session (check). */
  imageHints?: (ImageHint | undefined)[];
  /**
   * When set, an image whose QR scan fails is reported here and analysed without QR codes (check notes it as
   * evidence); when not set, the failure is thrown (scam CLI and API).
   */
  onQrError?: (image: string, e: unknown) => void;
}

/** An image already opened by the caller: its HEIC pixels are decoded once, its media facts are not re-read. */
export interface ImageHint {
  media?: MediaInfo;
  session?: SessionHint;
  /** Cancels the registry lookup with the check it belongs to. */
  signal?: AbortSignal;
}

export interface ScamServiceOptions {
  knowledge?: ScamKnowledge;
  /** The knowledge base (with local overlays) behind the default `knowledge`. */
  kb?: KnowledgeBase;
  /** null = symbols only, no model. */
  model?: ScamModel | null;
  extraOfficialDomains?: string[];
  decodeQr?: (file: string, heic?: () => Promise<DecodedRgba>, pixels?: () => Promise<DecodedStill>) => Promise<DecodedQr[]>;
  qrTimeoutMs?: number;
  /** Registry lookup of an image (PDQ); matches labelled scam_poster become KNOWN_SCAM_POSTER. */
  matchPoster?: (file: string, hint?: ImageHint) => Promise<PosterMatch[]>;
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
  private readonly decodeQr: (file: string, heic?: () => Promise<DecodedRgba>, pixels?: () => Promise<DecodedStill>) => Promise<DecodedQr[]>;
  private readonly officialDomains: string[];

  constructor(private readonly opts: ScamServiceOptions = {}) {
    this.officialDomains = [...(opts.extraOfficialDomains ?? [])];
    this.knowledge = opts.knowledge ?? knowledgeFor(opts.kb);
    this.model = opts.model === undefined ? defaultScamModel() : opts.model;
    this.decodeQr = opts.decodeQr ?? ((f, heic, pixels) => decodeQrCodes(f, { timeoutMs: opts.qrTimeoutMs, heic, pixels }));
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
  async scanImages(
    images: string[],
    label: (file: string) => string = (f) => basename(f),
    opts: Pick<ScamInput, 'imageHints' | 'onQrError'> = {},
  ): Promise<QrFinding[]> {
    const out: QrFinding[] = [];
    for (const [i, img] of images.entries()) {
      let found: DecodedQr[];
      try {
        const session = opts.imageHints?.[i]?.session;
        found = await this.decodeQr(img, session?.heicPixels, session?.stillPixels);
      } catch (e) {
        if (!opts.onQrError) throw e;
        opts.onQrError(label(img), e);
        continue;
      }
      for (const q of found) out.push({ image: label(img), text: q.text, kind: classifyQr(q.text) });
    }
    return out;
  }

  /** The whole desk: QR codes, text and links, then the poster registry — the one answer of scam CLI, API and check. */
  async analyzeDetailed(input: ScamInput): Promise<ScamAnalysis> {
    const images = input.images ?? [];
    // Images are named as the poster shows them (upload name or base name), never by a temp path.
    const name = (f: string) => input.imageNames?.[images.indexOf(f)] ?? basename(f);
    const qr = await this.scanImages(images, name, input);
    const a = this.analyzeText({ text: input.text ?? '', urls: input.urls ?? [], postedAt: input.postedAt ?? null, qr });
    if (this.opts.matchPoster && images.length > 0) {
      const known: { image: string; m: PosterMatch }[] = [];
      for (const [i, img] of images.entries()) {
        for (const m of await this.opts.matchPoster(img, input.imageHints?.[i])) if (m.label === 'scam_poster') known.push({ image: img, m });
      }
      if (known.length > 0) return withKnownPoster(a, name(known[0].image), known[0].m);
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

/** The scam desk with the poster registry (opened on first use, only if the registry database exists). */
export interface ScamDesk {
  service: ScamService;
  /** service.analyzeDetailed (the scam analyzer's port). */
  analyzeDetailed(input: ScamInput): Promise<ScamAnalysis>;
  close(): Promise<void>;
}

/**
 * The one wiring of the scam desk for `genproof scam`, `POST /api/scam` and the scam analyzer inside `check`:
 * the config's KB overlays and official domains, and registered scam posters (KNOWN_SCAM_POSTER). The poster
 * registry is the caller's `registry` (an instance, or a function giving one on first use; the caller closes it),
 * else one the desk opens on first use and closes with itself.
 */
export function scamDeskFor(config: Config, opts: ScamServiceOptions & { registry?: RegistryService | (() => RegistryService) } = {}): ScamDesk {
  const { registry: given, ...rest } = opts;
  let own: RegistryService | null = null;
  const matchPoster = async (file: string, hint?: ImageHint): Promise<PosterMatch[]> => {
    if (!given && !RegistryService.exists(config)) return [];
    const registry = (typeof given === 'function' ? given() : given) ?? (own ??= RegistryService.open(config));
    return registry.match(file, { ...(hint?.media ? { media: hint.media, session: hint.session } : {}), signal: hint?.signal });
  };
  const service = scamServiceFor(config, { matchPoster, ...rest });
  return {
    service,
    analyzeDetailed: (input) => service.analyzeDetailed(input),
    close: async () => {
      await own?.close();
      own = null;
    },
  };
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
