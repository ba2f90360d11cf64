import { claimPolarity, type Claim } from '../domain/claim.js';
import { evidence as mkEvidence, type Decision, type Evidence } from '../domain/evidence.js';
import type { GeneratorVerdict, Quadrant, Verdict } from '../domain/verdict.js';
import { TIERS } from './tiers.js';
import { summarize } from './summary.js';

export interface VerdictInput {
  evidence: Evidence[];
  claims: Claim[];
  /** false for a text-only post. */
  hasMedia: boolean;
  /** Whether two generator slugs belong to one family (sora vs sora-2). Defaults to equality of the first token. */
  sameFamily?: (a: string, b: string) => boolean;
}

export interface VerdictOutput {
  verdict: Verdict;
  generator: GeneratorVerdict;
  /** Evidence the engine adds to explain itself (contradicted marks, conflicts). */
  notes: Evidence[];
}

const ORIGIN_ORDER: Claim['origin'][] = ['caption', 'ocr', 'mark', 'link'];

/** claimed_ai and the claimed generator: the caption speaks first, then burned-in text, then visible marks. */
export function claimedFrom(claims: Claim[]): { claimed: boolean | null; generator: string | null; origin: Claim['origin'] | null } {
  for (const origin of ORIGIN_ORDER) {
    const here = claims.filter((c) => c.origin === origin);
    const ai = here.filter((c) => claimPolarity(c) === true);
    const real = here.filter((c) => claimPolarity(c) === false);
    if (ai.length) return { claimed: true, generator: ai.find((c) => c.generator)?.generator ?? null, origin };
    if (real.length) return { claimed: false, generator: null, origin };
  }
  return { claimed: null, generator: null, origin: null };
}

function defaultSameFamily(a: string, b: string): boolean {
  return a === b || a.split('-')[0] === b.split('-')[0];
}

export function quadrantOf(isAi: boolean | null, claimed: boolean | null): Quadrant {
  if (isAi === null) return 'undetermined';
  if (isAi) return claimed === true ? 'disclosed_ai' : 'undisclosed_ai';
  return claimed === true ? 'false_ai_claim' : 'authentic';
}

/**
 * A visible generator mark is a claim, not proof: it never decides `is_ai`. Say what became of it — contradicted
 * by evidence that the media is real (likely pasted), or alone (proves nothing).
 */
function markNotes(evidence: readonly Evidence[], isAi: boolean | null, hasMedia: boolean, winners: readonly Evidence[]): Evidence[] {
  const mark = evidence.find((e) => e.code === 'visible_generator_mark');
  if (!mark || !hasMedia || isAi === true) return [];
  const text = String(mark.data.text ?? mark.data.generator ?? 'mark');
  if (isAi === false) {
    const by = winners.map((w) => w.code);
    return [mkEvidence({
      analyzer: 'verdict', code: 'visible_mark_contradicted', direction: 'real', weight: 0.5,
      detail: `The visible generator mark ("${text}") is contradicted by ${by.join(', ')}: it is likely pasted onto real footage.`,
      detail_zh: `可见的生成器水印（"${text}"）与 ${by.join('、')} 矛盾：很可能是贴在实拍画面上的假水印。`,
      data: { mark: mark.code, contradicted_by: by },
    })];
  }
  if (evidence.some((e) => e.decides?.is_ai)) return [];
  return [mkEvidence({
    analyzer: 'verdict', code: 'visible_mark_alone', direction: 'neutral', weight: 0.4,
    detail: `The visible generator mark ("${text}") is the only sign of AI, and a mark alone proves nothing: it can be pasted onto real footage with a free tool. Signed provenance, a registry match or an in-file label would decide.`,
    detail_zh: `可见的生成器水印（"${text}"）是唯一的AI迹象，而单凭水印什么也证明不了：用免费工具就能把它贴到实拍视频上。签名来源凭证、登记库匹配或文件内标识才能判定。`,
    data: { mark: mark.code, generator: mark.data.generator ?? null },
  })];
}

/**
 * The verdict engine (pure). Decisive evidence is ranked by tier; the highest tier decides `is_ai` unless it
 * contradicts itself. Camera metadata decides only "real". The caption and visible generator marks never decide
 * `is_ai`; they set `claimed_ai`.
 */
export function decideVerdict(input: VerdictInput): VerdictOutput {
  const sameFamily = input.sameFamily ?? defaultSameFamily;
  const notes: Evidence[] = [];
  const decisive = input.evidence.filter((e): e is Evidence & { decides: Decision } => Boolean(e.decides));
  // Camera metadata can only say "real"; guard against analyzers that set it otherwise.
  const usable = decisive.filter((e) => !(e.decides.tier === 'camera_metadata' && e.decides.is_ai));

  let isAi: boolean | null = null;
  let confidence = 0;
  let winners: (Evidence & { decides: Decision })[] = [];
  if (input.hasMedia && usable.length > 0) {
    const topRank = Math.max(...usable.map((e) => TIERS[e.decides.tier].rank));
    const top = usable.filter((e) => TIERS[e.decides.tier].rank === topRank);
    const dirs = new Set(top.map((e) => e.decides.is_ai));
    if (dirs.size > 1) {
      notes.push(mkEvidence({
        analyzer: 'verdict', code: 'conflicting_evidence', direction: 'neutral', weight: 0.5,
        detail: `Evidence of the same strength points both ways (${top.map((e) => e.code).join(', ')}): genproof does not decide.`,
        detail_zh: `同等强度的证据相互矛盾（${top.map((e) => e.code).join('、')}）：genproof 不作判断。`,
      }));
    } else {
      isAi = top[0].decides.is_ai;
      winners = top;
      const tier = top[0].decides.tier;
      confidence = TIERS[tier].confidence;
      const agreeing = new Set(usable.filter((e) => e.decides.is_ai === isAi).map((e) => e.decides.tier));
      confidence += 0.02 * (agreeing.size - 1);
      const against = usable.filter((e) => e.decides.is_ai !== isAi);
      if (against.length) {
        confidence -= 0.1 * new Set(against.map((e) => e.decides.tier)).size;
        notes.push(mkEvidence({
          analyzer: 'verdict', code: 'weaker_evidence_overruled', direction: 'neutral', weight: 0.3,
          detail: `Weaker evidence pointing the other way (${against.map((e) => e.code).join(', ')}) was overruled by ${TIERS[tier].en}.`,
          detail_zh: `指向相反结论的较弱证据（${against.map((e) => e.code).join('、')}）被${TIERS[tier].zh}推翻。`,
        }));
      }
      confidence = Math.max(0.5, Math.min(0.99, Math.round(confidence * 100) / 100));
    }
  }

  const claimed = claimedFrom(input.claims);
  const evidenced = isAi ? (winners.find((e) => e.decides.generator)?.decides.generator ??
    usable.filter((e) => e.decides.is_ai).sort((a, b) => TIERS[b.decides.tier].rank - TIERS[a.decides.tier].rank)
      .find((e) => e.decides.generator)?.decides.generator ?? null) : null;
  const generator: GeneratorVerdict = {
    claimed: claimed.generator,
    evidenced,
    mismatch: Boolean(claimed.generator && evidenced && !sameFamily(claimed.generator, evidenced)),
  };
  const quadrant = quadrantOf(isAi, claimed.claimed);
  notes.push(...markNotes(input.evidence, isAi, input.hasMedia, winners));
  const { summary, missing } = summarize({ quadrant, isAi, claimed: claimed.claimed, claimedOrigin: claimed.origin, winners, generator, evidence: input.evidence, claims: input.claims, hasMedia: input.hasMedia, conflict: notes.some((n) => n.code === 'conflicting_evidence') });
  const verdict: Verdict = { quadrant, is_ai: isAi, claimed_ai: claimed.claimed, confidence: isAi === null ? 0 : confidence, summary };
  if (missing.length) verdict.missing = missing;
  return { verdict, generator, notes };
}
