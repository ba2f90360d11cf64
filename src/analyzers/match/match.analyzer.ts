import type { Config } from '../../config/config.js';
import type { MediaInfo } from '../../domain/media.js';
import type { Post } from '../../domain/post.js';
import type { Analyzer, AnalyzerContext, AnalyzerOutput, MatchRegistry, MatchRegistryProvider } from '../analyzer.js';
import { isDecisive, matchEvidence } from './match.evidence.js';

/** How many matches become evidence (all of them are listed in `matches`). */
const MAX_EVIDENCE = 3;

/**
 * Near-duplicate lookup against the reference registry. Runs only when a registry database exists; a missing or
 * empty registry gives no evidence (not an error).
 */
export class MatchAnalyzer implements Analyzer {
  readonly name = 'match';
  private service: MatchRegistry | null = null;

  constructor(
    private readonly config: Config,
    private readonly registry: MatchRegistryProvider,
  ) {}

  appliesTo(_post: Post, media: MediaInfo | null): boolean {
    return media !== null && this.registry.exists(this.config);
  }

  async analyze(ctx: AnalyzerContext): Promise<AnalyzerOutput> {
    if (!ctx.media || !ctx.post.file) return { evidence: [] };
    this.service ??= this.registry.open(this.config);
    const matches = await this.service.match(ctx.post.file, { media: ctx.media, session: ctx.session, signal: ctx.signal, onProgress: (f) => ctx.progress(f) });
    const evidence = matches.slice(0, MAX_EVIDENCE).map((m) => matchEvidence(m, isDecisive(m, ctx.media!.kind)));
    const publicMatches = matches.map(({ variant: _v, matched_frames: _f, query_frames: _q, low_detail: _l, ...m }) => m);
    return { evidence, matches: publicMatches };
  }

  async close(): Promise<void> {
    await this.service?.close();
    this.service = null;
  }
}

/** Manifest entry: the match analyzer runs in the parallel stage and closes its registry connection. */
export function createMatchAnalyzer(config: Config, registry: MatchRegistryProvider): { stage: 'parallel'; analyzer: Analyzer; close: () => Promise<void> } {
  const analyzer = new MatchAnalyzer(config, registry);
  return { stage: 'parallel', analyzer, close: () => analyzer.close() };
}
