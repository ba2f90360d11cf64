import type { NormalizedText } from './normalize.js';
import { originalSpan } from './normalize.js';

/** One fired scam symbol, Rspamd-style: a stable code, a weight added to the score, the matched span, a sentence. */
export interface SymbolHit {
  code: string;
  weight: number;
  /** The matched text in the original post (or a URL / QR payload), or null. */
  span: string | null;
  detail: string;
  detail_zh: string;
  /** Character offsets in the original text, when the span comes from it. */
  offsets?: { start: number; end: number };
  data?: Record<string, unknown>;
}

export interface Found {
  start: number;
  end: number;
  text: string;
}

const cache = new Map<string, RegExp>();

/** Compile (and cache) a global, unicode regex from a lexicon source. */
export function re(source: string): RegExp {
  let r = cache.get(source);
  if (!r) {
    r = new RegExp(source, 'gu');
    cache.set(source, r);
  }
  r.lastIndex = 0;
  return r;
}

/** All matches of a lexicon source in one view of the normalised text. */
export function findAll(source: string, text: string): Found[] {
  const out: Found[] = [];
  for (const m of text.matchAll(re(source))) {
    if (m[0].length === 0) continue;
    out.push({ start: m.index, end: m.index + m[0].length, text: m[0] });
  }
  return out;
}

export function first(source: string, text: string): Found | null {
  const m = re(source).exec(text);
  return m && m[0].length > 0 ? { start: m.index, end: m.index + m[0].length, text: m[0] } : null;
}

/** The first pair (a, b) whose matches lie within `window` characters of each other. */
export function near(a: Found[], b: Found[], window: number): { a: Found; b: Found } | null {
  for (const x of a) {
    for (const y of b) {
      const gap = Math.max(x.start, y.start) - Math.min(x.end, y.end);
      if (gap <= window) return { a: x, b: y };
    }
  }
  return null;
}

/** Build a hit whose span is the original text covering [start, end) of the normalised text. */
export function hitAt(
  n: NormalizedText,
  start: number,
  end: number,
  h: { code: string; weight: number; detail: (s: string) => string; detail_zh: (s: string) => string; data?: Record<string, unknown> },
): SymbolHit {
  const span = originalSpan(n, start, end);
  const text = span.text.trim().slice(0, 200);
  return {
    code: h.code,
    weight: h.weight,
    span: text,
    detail: h.detail(text),
    detail_zh: h.detail_zh(text),
    offsets: { start: span.start, end: span.end },
    ...(h.data ? { data: h.data } : {}),
  };
}

/** Cover two matches with one span. */
export function cover(a: Found, b: Found): { start: number; end: number } {
  return { start: Math.min(a.start, b.start), end: Math.max(a.end, b.end) };
}
