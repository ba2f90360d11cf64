import { toDay, today } from './dates.js';
import type { Generator, OutputLimit, Strength } from './knowledge.types.js';
import { sourceLabel } from './knowledge.types.js';
import { firstDay, weakest } from './kb-helpers.js';

/** What the capability query reads from the knowledge base (KnowledgeBase implements it; kb.ts imports this file). */
export interface CapabilityKb {
  generator(slug: string): Generator | null;
  familyOf(slug: string): Generator[];
}

export interface ClipShape {
  durationS?: number | null;
  width?: number | null;
  height?: number | null;
}

export interface CanProduceResult {
  verdict: 'yes' | 'no' | 'unknown';
  reasons: string[];
  reasons_zh: string[];
  sources: string[];
  /** Weakest strength among the sources a 'no' rests on (third-party ⇒ weaker evidence); null otherwise. */
  strength: Strength | null;
  /** What the clip exceeded: the generator did not exist yet, or its duration / resolution limit. */
  exceeded: ('existence' | 'duration' | 'resolution')[];
  /** Release and limit that were applied (the last one evaluated when several releases were considered). */
  slug: string | null;
  release: string | null;
  date: string;
}

const VERDICT_RANK = { yes: 2, unknown: 1, no: 0 } as const;

function fmt(n: number): string {
  return Number.isInteger(n) ? String(n) : n.toFixed(1);
}

/**
 * Limits that applied at some point up to the day: a clip posted on D may have been made on any earlier day, so
 * a limit that later shrank (the Sora app's 25 s Pro clips, gone with the app) still counts. A research-preview
 * limit counts only until a product limit replaces it.
 */
function limitsUpTo(g: Generator, day: string): OutputLimit[] {
  const ls = g.limits.filter((l) => (toDay(l.from) ?? '9999') <= day).sort((a, b) => (toDay(a.from) ?? '').localeCompare(toDay(b.from) ?? ''));
  const lastResearch = ls.map((l) => l.basis).lastIndexOf('research');
  const superseded = ls.some((l, i) => i > lastResearch && l.basis !== 'research');
  return superseded ? ls.filter((l) => l.basis !== 'research') : ls;
}

function evaluate(g: Generator, clip: ClipShape, day: string): CanProduceResult {
  const candidates = limitsUpTo(g, day);
  if (candidates.length <= 1) return evaluateLimit(g, clip, day, candidates[0] ?? null);
  // The most permissive limit wins; the current one speaks when all agree.
  const results = candidates.map((l) => evaluateLimit(g, clip, day, l)).reverse();
  return results.reduce((a, b) => (VERDICT_RANK[b.verdict] > VERDICT_RANK[a.verdict] ? b : a));
}

function evaluateLimit(g: Generator, clip: ClipShape, day: string, limit: OutputLimit | null): CanProduceResult {
  const base = { slug: g.slug, date: day, sources: [] as string[], reasons: [] as string[], reasons_zh: [] as string[] };
  const first = firstDay(g);
  if (first > day && !g.existedBefore) {
    const src = g.access[0]?.source ?? g.sources[0];
    return {
      ...base,
      verdict: 'no',
      exceeded: ['existence'],
      strength: src.strength,
      release: null,
      reasons: [`${g.name} did not exist on ${day}: it was first announced on ${g.announced}.`],
      reasons_zh: [`${day} 时 ${g.name} 尚不存在：它首次发布于 ${g.announced}。`],
      sources: [sourceLabel(src)],
    };
  }
  if (!limit) {
    return {
      ...base, verdict: 'unknown', exceeded: [], strength: null, release: null,
      reasons: [`The knowledge base records no output limits for ${g.name} on ${day}.`],
      reasons_zh: [`知识库没有 ${g.name} 在 ${day} 时的输出上限记录。`],
    };
  }
  const exceeded: CanProduceResult['exceeded'] = [];
  let checked = 0;
  const { durationS, width, height } = clip;
  if (durationS != null && durationS > 0 && limit.maxDurationS != null) {
    checked++;
    const tol = Math.max(0.5, limit.maxDurationS * 0.02);
    if (durationS > limit.maxDurationS + tol) {
      exceeded.push('duration');
      base.reasons.push(`On ${day}, ${g.name} could output at most ${fmt(limit.maxDurationS)} s per clip (${limit.release}: ${limit.note}); this clip lasts ${fmt(durationS)} s.`);
      base.reasons_zh.push(`${day} 时 ${g.name} 单段最长输出 ${fmt(limit.maxDurationS)} 秒（${limit.release}）；该片段长 ${fmt(durationS)} 秒。`);
    }
  }
  if (width && height && limit.maxLongSide != null) {
    checked++;
    const long = Math.max(width, height);
    const short = Math.min(width, height);
    const maxShort = limit.maxShortSide ?? limit.maxLongSide;
    if (long > limit.maxLongSide * 1.02 || short > maxShort * 1.02) {
      exceeded.push('resolution');
      base.reasons.push(`On ${day}, ${g.name} output at most ${limit.maxLongSide}×${maxShort} (${limit.release}: ${limit.note}); this clip is ${width}×${height}.`);
      base.reasons_zh.push(`${day} 时 ${g.name} 最高输出 ${limit.maxLongSide}×${maxShort}（${limit.release}）；该片段为 ${width}×${height}。`);
    }
  }
  const src = sourceLabel(limit.source);
  if (exceeded.length > 0 && limit.basis === 'reference') {
    return {
      ...base, verdict: 'unknown', exceeded, strength: null, release: limit.release, sources: [src],
      reasons: [...base.reasons, `${g.name} is open source: these are default settings that anyone can change, so they do not rule it out.`],
      reasons_zh: [...base.reasons_zh, `${g.name} 是开源模型：以上只是默认设置，任何人都可修改，因此不能排除。`],
    };
  }
  if (exceeded.length > 0) {
    return { ...base, verdict: 'no', exceeded, strength: limit.source.strength, release: limit.release, sources: [src] };
  }
  if (checked === 0) {
    return {
      ...base, verdict: 'unknown', exceeded, strength: null, release: limit.release, sources: [src],
      reasons: [`The knowledge base has no ${g.name} limit for what is known of this clip.`],
      reasons_zh: [`知识库中没有可用于该片段的 ${g.name} 输出上限。`],
    };
  }
  return {
    ...base, verdict: 'yes', exceeded, strength: null, release: limit.release, sources: [src],
    reasons: [`On ${day}, ${g.name} (${limit.release}) could output a clip of this length and size.`],
    reasons_zh: [`${day} 时 ${g.name}（${limit.release}）可以输出这一时长和尺寸的片段。`],
  };
}

/**
 * "Could generator G have produced a clip of N s / W×H on date D?" With `family`, every release of G's family
 * that existed on D is considered and the most permissive answer wins (a "Sora" claim after 2025-09-30 may mean
 * Sora 2). Without a date, today.
 */
export function canProduceQuery(
  kb: CapabilityKb,
  slug: string,
  clip: ClipShape & { date?: string | null; family?: boolean },
): CanProduceResult {
  const day = toDay(clip.date ?? null) ?? today();
  const g = kb.generator(slug);
  if (!g) {
    return {
      verdict: 'unknown', reasons: [`Unknown generator "${slug}".`], reasons_zh: [`未知生成器 "${slug}"。`], sources: [],
      strength: null, exceeded: [], slug: null, release: null, date: day,
    };
  }
  if (!clip.family) return evaluate(g, clip, day);
  const members = kb.familyOf(slug);
  const existing = members.filter((m) => firstDay(m) <= day);
  const results = (existing.length > 0 ? existing : [g]).map((m) => evaluate(m, clip, day));
  const best = results.reduce((a, b) => (VERDICT_RANK[b.verdict] > VERDICT_RANK[a.verdict] ? b : a));
  if (best.verdict !== 'no' || results.length === 1) return best;
  // Every release rules it out: say so for each, and the weakest source sets the strength.
  return {
    ...best,
    reasons: results.flatMap((r) => r.reasons),
    reasons_zh: results.flatMap((r) => r.reasons_zh),
    sources: [...new Set(results.flatMap((r) => r.sources))],
    exceeded: [...new Set(results.flatMap((r) => r.exceeded))],
    strength: results.map((r) => r.strength ?? 'primary').reduce(weakest),
  };
}
