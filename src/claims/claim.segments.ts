import * as S from './claim.scope.js';

/**
 * Sentences and clauses of a normalised text, and the scope of a position in them: is it inside a question,
 * reported speech, a hedge, talk about other media, a conditional or a how-to? Contrast words ("but", 其实)
 * end the reach of reported speech.
 */
export interface Span {
  start: number;
  end: number;
}
export interface Clause extends Span {
  sentence: Span;
}

const SENTENCE_END = /[。！？!?；;\n]+|\.(?=\s|$)|\.{2,}|…+/g;
const CLAUSE_END = /[,，、:：()（）[\]"“”「」『』]|\s[-–—]+\s?|—+|~+/g;
const CONTRAST = /\b(?:but|though|however|actually|in fact|in reality|whereas|yet|instead)\b|但是|但|其实|不过|却|而是|实际上|事实上/g;
const GENERATION_CONTEXT = /生成|制作|出品|创作|提示词|指令|prompt|generated|made with|created with|made by|created by|made using|aigc|ai ?video|ai生成|文生视频|text[- ]to[- ]video/;

function ends(t: string, re: RegExp): number[] {
  return [...t.matchAll(re)].map((m) => m.index + m[0].length);
}

/** Index of the first value ≥ x in a sorted array. */
function lowerBound(xs: readonly number[], x: number): number {
  let lo = 0;
  let hi = xs.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (xs[mid] < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export function segment(t: string) {
  const sentEnds = ends(t, SENTENCE_END);
  const sentences: Span[] = [];
  let s = 0;
  for (const e of [...sentEnds, t.length]) {
    if (e > s) sentences.push({ start: s, end: e });
    s = e;
  }
  if (sentences.length === 0) sentences.push({ start: 0, end: t.length });
  const clauses: Clause[] = [];
  for (const sent of sentences) {
    const text = t.slice(sent.start, sent.end);
    let c = 0;
    for (const e of [...ends(text, CLAUSE_END), text.length]) {
      if (e > c) clauses.push({ start: sent.start + c, end: sent.start + e, sentence: sent });
      c = e;
    }
  }
  const clauseStarts = clauses.map((c) => c.start);
  const contrasts = [...t.matchAll(CONTRAST)].map((m) => m.index);
  const clauseOf = (i: number): Clause => {
    const k = lowerBound(clauseStarts, i + 1) - 1;
    return clauses[Math.max(0, k)];
  };
  const memo = new Map<string, boolean>();
  const once = (key: string, f: () => boolean) => {
    let v = memo.get(key);
    if (v === undefined) memo.set(key, (v = f()));
    return v;
  };
  const isQuestion = (c: Clause) => once(`q${c.start}`, () => {
    const sent = t.slice(c.sentence.start, c.sentence.end).trim();
    if (S.RHETORICAL.test(sent)) return false;
    const text = t.slice(c.start, c.end).trim();
    if (S.QUESTION_END.test(text) || S.QUESTION_ZH.test(text)) return true;
    if (S.QUESTION_START.test(text) && (c.start === c.sentence.start || /^\s*["“'‘]/.test(t.slice(c.start - 1, c.start + 1)))) return true;
    return S.QUESTION_END.test(sent) && (S.QUESTION_START.test(sent) || S.QUESTION_OR.test(sent));
  });
  const isHowto = (c: Clause) => once(`h${c.start}`, () => S.HOWTO.test(t.slice(c.start, c.end)) || S.PROMO.test(t.slice(c.sentence.start, c.sentence.end)));

  /** Why the phrase at `pos` is not the poster's claim about this media, or null when it is. */
  const notAClaim = (pos: number): S.NotAClaim | null => {
    const c = clauseOf(pos);
    if (isQuestion(c)) return 'question';
    if (isHowto(c)) return 'howto';
    const inClause = t.slice(Math.max(c.start, pos - 80), pos);
    if (S.HYPOTHETICAL.test(inClause)) return 'hypothetical';
    const k = lowerBound(contrasts, pos + 1) - 1;
    const from = Math.max(c.sentence.start, pos - 120, k >= 0 ? contrasts[k] : 0);
    if (S.REPORTED.test(t.slice(from, pos))) return 'reported';
    if (S.HEDGE.test(inClause)) return 'hedge';
    if (S.OTHER_MEDIA.test(inClause)) return 'other_media';
    return null;
  };
  /** Is there a contrast word between two positions ("…AI phrase…, actually real footage")? */
  const contrastBetween = (a: number, b: number) => {
    const k = lowerBound(contrasts, a);
    return k < contrasts.length && contrasts[k] < b;
  };
  const sentenceOf = (i: number): Span => clauseOf(i).sentence;
  return { sentences, clauses, clauseOf, sentenceOf, notAClaim, contrastBetween, generationContext: GENERATION_CONTEXT.test(t) };
}

/** A mask of the characters that any of `spans` covers (index = UTF-16 offset). */
export function cover(spans: readonly Span[], len: number): Uint8Array {
  const c = new Uint8Array(len + 1);
  for (const s of spans) c.fill(1, s.start, s.end);
  return c;
}

/** Does `s` overlap the mask? */
export function covered(c: Uint8Array, s: Span): boolean {
  for (let i = s.start; i < s.end; i++) if (c[i]) return true;
  return false;
}
