import type { Generator } from './knowledge.types.js';
import { normalizeText, originalSpan, type NormalizedText } from './text-normalize.js';

/** A generator name found in a text. Offsets are UTF-16 indexes into the text as given. */
export interface GeneratorMention {
  slug: string;
  /** The alias (as written in the KB) that matched. */
  alias: string;
  /** The text as written. */
  text: string;
  start: number;
  end: number;
  /** True when the alias names the whole product line ("Sora"), not one release ("Sora 2"). */
  generic: boolean;
  /** The same span in the normalised text (see text-normalize.ts), for callers that match around it. */
  norm: { start: number; end: number };
}

interface AliasPattern {
  /** A literal the normalised text must contain for the pattern to match (cheap pre-filter). */
  literal: string;
  slug: string;
  alias: string;
  generic: boolean;
  re: RegExp;
  /** The same alias with the letters OCR confuses (I/l/1, O/0) made interchangeable ("OpenAl"). */
  reOcr: RegExp;
  weight: number;
  /** The alias names a release ("Sora 2", "Veo 3.1"): matched before family names, so "Google Veo 3.1" is Veo 3. */
  versioned: boolean;
}

export interface FindOptions {
  /** Text read by OCR: tolerate I/l/1 and O/0 confusions. */
  ocr?: boolean;
}

/**
 * Two-character Chinese aliases that are also ordinary words: the alias does not count when the characters
 * around it make another word (海螺汤 "conch soup", 可灵活 "flexibly", 即梦幻 "dreamlike").
 */
const COMPOUND: Record<string, RegExp> = {
  海螺: /^(?:汤|肉|壳|姑娘|沟|号|丝|片|面|粉)/,
  可灵: /^活/,
  即梦: /^幻/,
  混元: /^(?:一体|之气|一气)/,
  万相: /^(?:更新|森罗)/,
};

const SEP = `[\\s\\-_.·'"]{0,2}`;
const TOKEN = /[a-z]+|[0-9]+(?:\.[0-9]+)?|[^\sa-z0-9\-_.·'"]/g;

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

const OCR_CONFUSABLE: Record<string, string> = { i: '[il1|]', l: '[il1|]', o: '[o0]', '0': '[o0]', '1': '[il1|]' };

function ocrBody(tokens: string[]): string {
  return tokens.map((tok) => [...tok].map((ch) => OCR_CONFUSABLE[ch] ?? escape(ch)).join('')).join(SEP);
}

function aliasPattern(alias: string): { re: RegExp; reOcr: RegExp; weight: number; literal: string; versioned: boolean } | null {
  const norm = normalizeText(alias).text;
  const tokens = norm.match(TOKEN);
  if (!tokens || tokens.length === 0) return null;
  const body = tokens.map(escape).join(SEP);
  const head = /^[a-z0-9]/.test(tokens[0]) ? '(?<![a-z0-9])' : '';
  // A number ends where the version does: "Sora 1" is not in "Open-Sora 1.2".
  const tail = /[0-9]$/.test(tokens[tokens.length - 1]) ? '(?![a-z0-9]|\\.[0-9])' : /[a-z]$/.test(tokens[tokens.length - 1]) ? '(?![a-z0-9])' : '';
  const literal = [...tokens].sort((a, b) => b.length - a.length)[0];
  return {
    re: new RegExp(head + body + tail, 'g'),
    reOcr: new RegExp(head + ocrBody(tokens) + tail, 'g'),
    weight: tokens.join('').length,
    literal,
    versioned: tokens.some((tok) => /^[0-9]/.test(tok)) || /[a-z][0-9]/.test(tokens.join('')),
  };
}

/** Alias lookup over every generator, case-, width-, script- and spacing-insensitive. */
export class AliasIndex {
  private readonly patterns: AliasPattern[] = [];

  constructor(generators: readonly Generator[]) {
    for (const g of generators) {
      const family = g.aliases.family ?? [];
      const genericKeys = new Set(family.map((a) => normalizeText(a).text));
      const seen = new Set<string>();
      for (const alias of [...family, g.name, ...g.aliases.en, ...g.aliases.zh]) {
        const key = normalizeText(alias).text;
        if (seen.has(key)) continue;
        seen.add(key);
        const p = aliasPattern(alias);
        if (p) this.patterns.push({ slug: g.slug, alias, generic: genericKeys.has(key), ...p });
      }
    }
    // Releases first ("Google Veo 3.1" is Veo 3), then longer aliases, so "Open-Sora-Plan" beats "Open-Sora".
    this.patterns.sort((a, b) => Number(b.versioned) - Number(a.versioned) || b.weight - a.weight);
  }

  /** Every non-overlapping mention, in text order; on overlap the longer alias wins. */
  find(text: string | NormalizedText, opts: FindOptions = {}): GeneratorMention[] {
    const n = typeof text === 'string' ? normalizeText(text) : text;
    const taken: boolean[] = new Array(n.text.length).fill(false);
    const found: { start: number; end: number; p: AliasPattern }[] = [];
    for (const p of this.patterns) {
      if (!opts.ocr && !n.text.includes(p.literal)) continue;
      const re = opts.ocr ? p.reOcr : p.re;
      re.lastIndex = 0;
      for (const m of n.text.matchAll(re)) {
        const s = m.index;
        const e = s + m[0].length;
        const compound = COMPOUND[m[0]];
        if (compound && compound.test(n.text.slice(e, e + 3))) continue;
        let free = true;
        for (let i = s; i < e && free; i++) if (taken[i]) free = false;
        if (!free) continue;
        for (let i = s; i < e; i++) taken[i] = true;
        found.push({ start: s, end: e, p });
      }
    }
    found.sort((a, b) => a.start - b.start);
    return found.map(({ start, end, p }) => {
      const span = originalSpan(n, start, end);
      return { slug: p.slug, alias: p.alias, generic: p.generic, text: n.source.slice(span.start, span.end), ...span, norm: { start, end } };
    });
  }
}
