import type { Config } from '../../config/config.js';
import { closeC2paReader } from '../../repositories/c2pa.repository.js';
import { hasMedia, type Analyzer, type AnalyzerContext, type AnalyzerFactory, type AnalyzerOutput } from '../analyzer.js';
import { labelEvidence } from '../label/label.evidence.js';
import { c2paEvidence } from './c2pa.evidence.js';
import { inspectProvenance } from './provenance.js';

/**
 * Provenance analyzer: validates the C2PA manifest store (with the configured trust lists) and reads in-file AI
 * labels (IPTC digital source type, photoshop:Credit, GB 45438 AIGC label). Evidence from C2PA is reported under
 * `c2pa`, from labels under `label`; the provenance object goes to `extra.provenance`.
 */
export class C2paAnalyzer implements Analyzer {
  readonly name = 'c2pa';
  constructor(private readonly config: Config) {}

  readonly appliesTo = hasMedia;

  async analyze(ctx: AnalyzerContext): Promise<AnalyzerOutput> {
    const media = ctx.media!;
    const provenance = await inspectProvenance(media.path, ctx.config ?? this.config, ctx.session);
    ctx.progress(1);
    return {
      evidence: [...c2paEvidence(provenance), ...labelEvidence(provenance.labels)],
      extra: { provenance },
    };
  }
}

export const createC2paAnalyzer: AnalyzerFactory = (config) => ({
  stage: 'parallel',
  analyzer: new C2paAnalyzer(config),
  close: closeC2paReader,
});
