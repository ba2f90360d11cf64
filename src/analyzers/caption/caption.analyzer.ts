import type { Analyzer, AnalyzerContext, AnalyzerOutput } from '../analyzer.js';
import type { Claim } from '../../domain/claim.js';
import { evidence, type Evidence } from '../../domain/evidence.js';
import type { MediaInfo } from '../../domain/media.js';
import type { Post } from '../../domain/post.js';
import { kb as defaultKb, type KnowledgeBase } from '../../knowledge/kb.js';
import { analyzeCaption, type CaptionAnalysis } from './caption.claims.js';
import { withPlaceTime } from './place-time.claims.js';

export { analyzeCaption } from './caption.claims.js';
export type { CaptionAnalysis, CaptionOptions } from './caption.claims.js';

function quote(s: string): string {
  const one = s.replace(/\s+/g, ' ').trim();
  return one.length > 120 ? `${one.slice(0, 117)}…` : one;
}

/**
 * Neutral evidence items that explain what a text claims. A caption never decides `is_ai`: these items carry no
 * `decides`. `analyzer` is 'caption' for captions; the OCR analyzer may reuse this for burned-in text.
 */
export function captionEvidence(a: CaptionAnalysis, analyzer = 'caption', kb: KnowledgeBase = defaultKb): Evidence[] {
  const where = analyzer === 'caption' ? { en: 'The caption', zh: '配文' } : { en: 'Text on the media', zh: '画面文字' };
  const out: Evidence[] = [];
  const byType = (t: Claim['type']) => a.claims.filter((c) => c.type === t);
  // The words that made the claim and the parser rule that read them (claim.parser.ts), so a person can check.
  const data = (c: Claim) => ({
    text: c.text, span: c.span ?? null, generator: c.generator ?? null, origin: c.origin,
    words: c.value?.words ?? c.text, rule: c.value?.rule ?? c.value?.kind ?? null,
  });
  for (const c of byType('ai_generated')) {
    out.push(evidence({
      analyzer, code: `${analyzer}_claims_ai`, direction: 'neutral', weight: 0.2,
      detail: `${where.en} claims the media is AI-generated: “${quote(c.text)}”. A claim is not evidence: it sets what the post says, not what the media is.`,
      detail_zh: `${where.zh}声称内容由AI生成：“${quote(c.text)}”。声称不等于证据：它说明帖子怎么说，而不是媒体是什么。`,
      data: data(c),
    }));
  }
  for (const c of byType('generator')) {
    const g = c.generator ? kb.generator(c.generator) : null;
    const name = g ? `${g.name} (${g.vendor})` : c.generator ?? '?';
    out.push(evidence({
      analyzer, code: `${analyzer}_names_generator`, direction: 'neutral', weight: 0.1,
      detail: `${where.en} names the generator ${name} as the maker (“${quote(c.text)}”).`,
      detail_zh: `${where.zh}称制作工具为 ${name}（“${quote(c.text)}”）。`,
      data: { ...data(c), slug: c.generator ?? null },
    }));
  }
  for (const c of byType('generation_prompt')) {
    out.push(evidence({
      analyzer, code: `${analyzer}_generation_prompt`, direction: 'neutral', weight: 0.1,
      detail: `${where.en} attaches generation instructions (“${quote(c.text)}”), which presents the media as generated; anyone can write a prompt for real footage.`,
      detail_zh: `${where.zh}附有"生成指令"（“${quote(c.text)}”），以此表明内容是生成的；但任何人都可以为真实视频编写提示词。`,
      data: data(c),
    }));
  }
  for (const c of byType('real_footage')) {
    out.push(evidence({
      analyzer, code: `${analyzer}_claims_real`, direction: 'neutral', weight: 0.2,
      detail: `${where.en} claims the media is real footage: “${quote(c.text)}”.`,
      detail_zh: `${where.zh}声称内容为真实拍摄：“${quote(c.text)}”。`,
      data: { ...data(c), ...(c.value ?? {}) },
    }));
  }
  for (const s of a.skipped) {
    const why = {
      question: { en: 'asks whether the media is AI-made', zh: '是在询问是否由AI生成' },
      reported: { en: "reports someone else's AI claim", zh: '是在转述他人的AI声称' },
      howto: { en: 'talks about how to make AI media', zh: '是在谈论如何制作AI内容' },
      hedge: { en: 'guesses rather than claims', zh: '只是猜测，并非声称' },
      other_media: { en: 'talks about another media than this one', zh: '说的是另一段内容，而非本内容' },
      hypothetical: { en: 'speaks of a hypothetical', zh: '是假设的说法' },
    }[s.why];
    out.push(evidence({
      analyzer, code: `${analyzer}_ai_phrase_not_a_claim`, direction: 'neutral', weight: 0.05,
      detail: `${where.en} ${why.en} (“${quote(s.text)}”); this is not counted as a claim that the media is AI-generated.`,
      detail_zh: `${where.zh}${why.zh}（“${quote(s.text)}”），不算作声称内容由AI生成。`,
      data: { text: s.text, why: s.why },
    }));
  }
  if (!a.language.read) out.push(languageNotRead(a, analyzer, where));
  return out;
}

/** A caption in a language genproof does not read: say so, rather than leave `claimed_ai` silently null. */
function languageNotRead(a: CaptionAnalysis, analyzer: string, where: { en: string; zh: string }): Evidence {
  const found = a.claims.some((c) => c.type === 'ai_generated' || c.type === 'real_footage');
  return evidence({
    analyzer, code: `${analyzer}_language_not_read`, direction: 'neutral', weight: 0,
    detail: `${where.en} is not in Chinese or English (${a.language.code}): claims not read. genproof reads claims in Chinese and English only${found ? '; only hashtags and generator names in it were read' : ''}, so what the post claims was not checked.`,
    detail_zh: `${where.zh}不是中文或英文（${a.language.code}）：未读取其中的声称。genproof 只读取中英文的声称${found ? '；其中只读取了话题标签和生成工具名称' : ''}，因此帖子的声称未被核查。`,
    data: { language: a.language.code, claims_read: found, not_examined: { en: `claims in the ${analyzer === 'caption' ? 'caption' : 'text'} (language not read)`, zh: `${where.zh}中的声称（未读取该语言）` } },
  });
}

/** Caption analyzer: runs first, so later analyzers and the claim checks see its claims. */
export class CaptionAnalyzer implements Analyzer {
  readonly name = 'caption';

  constructor(private readonly kb: KnowledgeBase = defaultKb) {}

  appliesTo(post: Post, _media: MediaInfo | null): boolean {
    return typeof post.caption === 'string' && post.caption.trim().length > 0;
  }

  async analyze(ctx: AnalyzerContext): Promise<AnalyzerOutput> {
    const caption = ctx.post.caption ?? '';
    const a = analyzeCaption(caption, { origin: 'caption', postedAt: ctx.post.postedAt, kb: this.kb });
    ctx.progress(1);
    return { claims: withPlaceTime(a.claims, caption, ctx.post.postedAt), evidence: captionEvidence(a, 'caption', this.kb) };
  }
}
