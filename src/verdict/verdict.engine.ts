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
 * The verdict engine (pure). Decisive evidence is ranked by tier; the highest tier decides `is_ai` unless it
 * contradicts itself. A visible generator mark decides only when no evidence says "real"; camera metadata decides
 * only "real". The caption never decides `is_ai`; it sets `claimed_ai`.
 */
export function decideVerdict(input: VerdictInput): VerdictOutput {
  const sameFamily = input.sameFamily ?? defaultSameFamily;
  const notes: Evidence[] = [];
  const decisive = input.evidence.filter((e): e is Evidence & { decides: Decision } => Boolean(e.decides));
  const realAny = decisive.filter((e) => !e.decides.is_ai);

  // A visible mark is a claim as much as evidence: real-direction evidence overrides it, and says so.
  let usable = decisive.filter((e) => {
    if (e.decides.tier === 'visible_mark' && e.decides.is_ai && realAny.length > 0) {
      notes.push(mkEvidence({
        analyzer: 'verdict', code: 'visible_mark_contradicted', direction: 'real', weight: 0.5,
        detail: `The visible generator mark ("${String(e.data.text ?? e.decides.generator ?? 'mark')}") is contradicted by ${realAny[0].code}: it is likely pasted onto real footage.`,
        detail_zh: `可见的生成器水印（"${String(e.data.text ?? e.decides.generator ?? '水印')}"）与 ${realAny[0].code} 矛盾：很可能是贴在实拍画面上的假水印。`,
        data: { mark: e.code, contradicted_by: realAny.map((r) => r.code) },
      }));
      return false;
    }
    return true;
  });
  // Camera metadata can only say "real"; guard against analyzers that set it otherwise.
  usable = usable.filter((e) => !(e.decides.tier === 'camera_metadata' && e.decides.is_ai));

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
  const { summary, missing } = summarize({ quadrant, isAi, claimed: claimed.claimed, winners, generator, evidence: input.evidence, claims: input.claims, hasMedia: input.hasMedia, conflict: notes.some((n) => n.code === 'conflicting_evidence') });
  const verdict: Verdict = { quadrant, is_ai: isAi, claimed_ai: claimed.claimed, confidence: isAi === null ? 0 : confidence, summary };
  if (missing.length) verdict.missing = missing;
  return { verdict, generator, notes };
}
