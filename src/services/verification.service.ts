import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createAnalyzers, type AnalyzerPorts, type AnalyzerSet } from '../analyzers/index.js';
import { scamDeskFor } from './scam.service.js';
import type { Analyzer, AnalyzerContext, AnalyzerOutput, MatchRegistry } from '../analyzers/analyzer.js';
import type { Config } from '../config/config.js';
import type { Claim } from '../domain/claim.js';
import { AppError, ToolError, UnsupportedMediaError, ValidationError } from '../domain/errors.js';
import { evidence as mkEvidence, type Evidence } from '../domain/evidence.js';
import type { Match } from '../domain/match.js';
import { summarizeMedia, type MediaInfo } from '../domain/media.js';
import type { MediaSession } from '../domain/media-session.js';
import type { Post } from '../domain/post.js';
import type { CheckResult, Keyframe } from '../domain/report.js';
import type { ScamResult } from '../domain/scam.js';
import { closeExiftool } from '../repositories/exif.repository.js';
import { extractKeyframes, keyframesFromFrames, keyframeTimes } from '../repositories/keyframe.repository.js';
import { planScan, type ScanDepth } from '../analyzers/ocr/frame.sampler.js';
import { cpuSecondsWithChildren, recordAnalyzerCpu } from '../repositories/tool-stats.repository.js';
import { decideVerdict } from '../verdict/verdict.engine.js';
import { kbForConfig } from '../knowledge/kb.loader.js';
import { RegistryService } from './registry.service.js';
import { engineInfo, kbInfo } from './engine.info.js';
import { ratePost } from '../verdict/rating.js';
import { notExaminedEvidence } from '../verdict/not-examined.js';
import { openMedia } from './intake/intake.service.js';
import { validatePost } from './post.validation.js';

export interface CheckProgress {
  stage: string;
  /** Overall fraction 0..1. */
  fraction: number;
}

export interface CheckRunOptions {
  onProgress?: (p: CheckProgress) => void;
  signal?: AbortSignal;
  /**
   * When given, keyframe JPEGs are written there and kept. Otherwise nobody can see the images, so a video's
   * keyframes are only timestamps (no decode); a still is still decoded once for its preview (that decode is also
   * what tells a truncated image from an intact one).
   */
  keyframesDir?: string;
}

export interface CheckOutcome {
  result: CheckResult;
  keyframes: Keyframe[];
}

/** Where the service touches files and tools: intake (the media session), report keyframes, tool shutdown. */
export interface VerificationDeps {
  openMedia: (path: string, config: Config, signal?: AbortSignal) => Promise<MediaSession>;
  extractKeyframes: typeof extractKeyframes;
  keyframesFromFrames: typeof keyframesFromFrames;
  closeTools: () => Promise<void>;
}

/** Analyzers whose failure fails the check (their tools are required); others degrade to an `analyzer_failed` note. */
const REQUIRED = new Set(['metadata']);

/**
 * Orchestrates one verification: intake → caption claims → evidence analyzers in parallel → claim checks →
 * verdict. Holds no verification logic itself.
 */
export class VerificationService {
  private readonly deps: VerificationDeps;

  private constructor(
    private readonly config: Config,
    private readonly analyzers: AnalyzerSet,
    private readonly sameFamily?: (a: string, b: string) => boolean,
    deps: Partial<VerificationDeps> = {},
  ) {
    this.deps = { openMedia, extractKeyframes, keyframesFromFrames, closeTools: closeExiftool, ...deps };
  }

  /** The default analyzers; the scam analyzer delegates to the scam desk of `genproof scam` (same answer). */
  static create(
    config: Config,
    opts: { sameFamily?: (a: string, b: string) => boolean; ports?: AnalyzerPorts; openMedia?: VerificationDeps['openMedia']; registry?: RegistryService } = {},
  ): VerificationService {
    const ports = opts.ports ?? sharedRegistryPorts(config, opts.registry);
    return new VerificationService(config, createAnalyzers(config, ports), opts.sameFamily, opts.openMedia ? { openMedia: opts.openMedia } : {});
  }

  /** A service over given analyzers and I/O ports (tests: fake analyzers, fake intake, no files or tools). */
  static withParts(config: Config, analyzers: AnalyzerSet, deps: Partial<VerificationDeps> & { sameFamily?: (a: string, b: string) => boolean } = {}): VerificationService {
    const { sameFamily, ...ports } = deps;
    return new VerificationService(config, analyzers, sameFamily, ports);
  }

  /** Names of the analyzers that will run for media posts (for reports and benchmarks). */
  analyzerNames(): string[] {
    return [...this.analyzers.first, ...this.analyzers.parallel].map((a) => a.name);
  }

  async check(post: Post, opts: CheckRunOptions = {}): Promise<CheckOutcome> {
    const t0 = Date.now();
    const timings: Record<string, number> = {};
    const clean = validatePost(post, this.config);
    const abort = new AbortController();
    const timer = setTimeout(() => abort.abort(), this.config.timeouts.checkMs);
    const onOuterAbort = () => abort.abort();
    /** Our own deadline fired (not the caller's signal). */
    const timedOut = () => abort.signal.aborted && !opts.signal?.aborted;
    opts.signal?.addEventListener('abort', onOuterAbort, { once: true });
    const workDir = await mkdtemp(join(tmpdir(), `genproof-check-${process.pid}-`));
    const report = (stage: string, fraction: number) => opts.onProgress?.({ stage, fraction: Math.max(0, Math.min(1, fraction)) });
    try {
      report('intake', 0);
      const session = clean.file ? await this.deps.openMedia(clean.file, this.config, abort.signal) : null;
      const media = session?.media ?? null;
      timings.intake = Date.now() - t0;
      report('intake', 0.1);

      const evidence: Evidence[] = [];
      const claims: Claim[] = [];
      const matches: Match[] = [];
      let scam: ScamResult | undefined;
      const extra: Record<string, unknown> = {};
      const merge = (out: AnalyzerOutput) => {
        evidence.push(...out.evidence);
        if (out.claims) claims.push(...out.claims);
        if (out.matches) matches.push(...out.matches);
        if (out.scam) scam = out.scam;
        if (out.extra) Object.assign(extra, out.extra);
      };

      const keyframesPromise: Promise<Keyframe[]> = !media || this.config.check.keyframes <= 0
        ? Promise.resolve([])
        : media.kind === 'video' && !opts.keyframesDir
          ? Promise.resolve(keyframeTimes(media.duration, this.config.check.keyframes).map((timestamp, index) => ({ index, timestamp, path: '' })))
          : this.keyframes(media, session, opts.keyframesDir ?? workDir, abort.signal);
      keyframesPromise.catch(() => undefined);

      const ctxFor = (onProgress: (f: number) => void): AnalyzerContext => ({
        post: clean, media, config: this.config, claims, progress: onProgress, signal: abort.signal, workDir, session: session ?? undefined,
      });
      const profile = this.config.diagnostics.statsFile !== null;
      const run = async (a: Analyzer, onProgress: (f: number) => void) => {
        const start = Date.now();
        const cpu0 = profile ? cpuSecondsWithChildren() : 0;
        try {
          merge(await a.analyze(ctxFor(onProgress)));
        } catch (e) {
          if (timedOut()) throw this.timeoutError();
          if (e instanceof UnsupportedMediaError || e instanceof ValidationError || REQUIRED.has(a.name)) throw e;
          evidence.push(failedNote(a.name, e));
        } finally {
          timings[a.name] = Date.now() - start;
          if (profile) recordAnalyzerCpu(a.name, cpuSecondsWithChildren() - cpu0);
          onProgress(1);
        }
      };

      for (const a of this.analyzers.first.filter((x) => x.appliesTo(clean, media))) await run(a, () => undefined);
      report('analyzers', 0.15);
      const parallel = this.analyzers.parallel.filter((x) => x.appliesTo(clean, media));
      const fractions = new Map(parallel.map((a) => [a.name, 0]));
      const tick = () => report('analyzers', 0.15 + 0.75 * ([...fractions.values()].reduce((s, f) => s + f, 0) / Math.max(1, fractions.size)));
      const runOne = (a: Analyzer) => run(a, (f) => { fractions.set(a.name, Math.max(fractions.get(a.name) ?? 0, f)); tick(); });
      // The deadline is enforced here, not left to each analyzer: one that misses the abort signal (a long frame
      // grab on a file with a lying duration) made a 60 s check run 100+ s (found by `npm run fuzz:media`).
      // Profiling (diagnostics.statsFile) runs analyzers one after another, so CPU time can be told apart per analyzer.
      const all: Promise<unknown> = profile ? (async () => { for (const a of parallel) await runOne(a); })() : Promise.all(parallel.map(runOne));
      await untilAborted(all, abort.signal);

      let checkedClaims = claims;
      for (const checker of this.analyzers.claimCheckers) {
        const out = checker.check({ post: clean, media, claims: checkedClaims, evidence });
        checkedClaims = out.claims;
        if (out.evidence) evidence.push(...out.evidence);
      }
      report('verdict', 0.92);
      const keyframes = await untilAborted(keyframesPromise, abort.signal);
      const { verdict, generator, notes } = decideVerdict({ evidence, claims: checkedClaims, hasMedia: media !== null, sameFamily: this.sameFamily });
      evidence.push(...notes, ...notExaminedEvidence(media));
      if (!media) {
        evidence.push(mkEvidence({
          analyzer: 'intake', code: 'text_only_post', direction: 'neutral', weight: 0.1,
          detail: 'No media file was given: only the caption, its claims and links were checked.',
          detail_zh: '未提供媒体文件：只检查了文案、其中的说法和链接。',
        }));
      }
      timings.total = Date.now() - t0;
      const rating = ratePost({ verdict, generator, claims: checkedClaims, evidence, scam, hasMedia: media !== null });
      const result: CheckResult = {
        rating,
        verdict,
        generator,
        claims: checkedClaims,
        evidence: evidence.sort((a, b) => b.weight - a.weight),
        matches: dedupeMatches(matches),
        media: media ? summarizeMedia(media) : null,
        ...(scam ? { scam } : {}),
        ...(extra.provenance ? { provenance: extra.provenance } : {}),
        keyframes: keyframes.map((k) => ({ index: k.index, timestamp: k.timestamp })),
        posted_at: clean.postedAt,
        timings_ms: timings,
        ...kbFields(this.config, evidence),
      };
      report('done', 1);
      return { result, keyframes };
    } catch (e) {
      if (timedOut() && !(e instanceof AppError)) throw this.timeoutError();
      throw e;
    } finally {
      clearTimeout(timer);
      opts.signal?.removeEventListener('abort', onOuterAbort);
      await rm(workDir, { recursive: true, force: true }).catch(() => undefined);
    }
  }

  /**
   * The report's keyframes. A video's come from the frames the OCR pass samples (the session decodes that plan once,
   * whoever asks first); only when that yields nothing (OCR off, an undecodable clip) do they get a decode of their
   * own, which also tells a corrupt clip from an intact one.
   */
  private async keyframes(media: MediaInfo, session: MediaSession | null, dir: string, signal: AbortSignal): Promise<Keyframe[]> {
    const count = this.config.check.keyframes;
    if (media.kind === 'video' && session?.videoFrames) {
      const plan = planScan(media, this.config.check.depth as ScanDepth);
      const times = plan.timestamps.filter((t): t is number => t !== null);
      const frames = await session.videoFrames(times, plan.grabMaxSide, signal).catch(() => []);
      if (frames.length > 0) return this.deps.keyframesFromFrames(frames, dir, count);
    }
    return this.deps.extractKeyframes(media, dir, {
      count, timeoutMs: this.config.timeouts.decodeMs, maxPixels: this.config.limits.maxPixels,
      ffmpegPath: this.config.ffmpegPath, signal, heic: session?.heicPixels, pixels: session?.stillPixels,
    });
  }

  private timeoutError(): ToolError {
    return new ToolError('tool_timeout', `The check took longer than ${this.config.timeouts.checkMs} ms and was stopped.`);
  }

  async close(): Promise<void> {
    await this.analyzers.close();
    await this.deps.closeTools();
  }
}

/**
 * The match analyzer and the scam desk's poster lookup read one registry: one database connection and one index in
 * memory (they opened one each, and a server a third for its API). It is the caller's `given` (the caller closes
 * it), or one opened on first use and closed with the service.
 */
function sharedRegistryPorts(config: Config, given?: RegistryService): AnalyzerPorts {
  let own: RegistryService | null = null;
  const instance = () => given ?? (own ??= RegistryService.open(config));
  const handle: MatchRegistry = {
    match: (file, o) => instance().match(file, o),
    close: async () => {
      const r = own;
      own = null;
      await r?.close();
    },
  };
  return { registry: { exists: (c) => RegistryService.exists(c), open: () => handle }, scam: scamDeskFor(config, { registry: instance }) };
}

/** `kb` and `engine` of the result; `kb.note` repeats the horizon note when the post is later than the KB. */
function kbFields(config: Config, evidence: readonly Evidence[]): Pick<CheckResult, 'kb' | 'engine'> {
  const kb = kbForConfig(config);
  const horizon = evidence.find((e) => e.code === 'kb_horizon');
  return {
    kb: { ...kbInfo(kb), ...(horizon ? { note: { en: horizon.detail, zh: horizon.detail_zh ?? horizon.detail } } : {}) },
    engine: engineInfo(kb),
  };
}

function failedNote(name: string, e: unknown): Evidence {
  const msg = e instanceof Error ? e.message : String(e);
  return mkEvidence({
    analyzer: name, code: 'analyzer_failed', direction: 'neutral', weight: 0.05,
    detail: `The ${name} analysis could not run (${msg}); its evidence is missing from this report.`,
    detail_zh: `${name} 分析未能运行（${msg}），本报告缺少这部分证据。`,
    data: { analyzer: name, error: e instanceof AppError ? e.code : 'error' },
  });
}

function dedupeMatches(ms: Match[]): Match[] {
  const seen = new Set<string>();
  return ms.filter((m) => (seen.has(m.reference_id) ? false : (seen.add(m.reference_id), true)));
}

export type { MediaInfo };

/** Settle with `p`, or reject as soon as `signal` aborts (the work behind `p` is left to notice on its own). */
function untilAborted<T>(p: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) return Promise.reject(new Error('aborted'));
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(new Error('aborted'));
    signal.addEventListener('abort', onAbort, { once: true });
    p.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}
