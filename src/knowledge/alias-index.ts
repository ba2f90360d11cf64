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
  weight: number;
}

const SEP = `[\\s\\-_.·'"]{0,2}`;
const TOKEN = /[a-z]+|[0-9]+(?:\.[0-9]+)?|[^\sa-z0-9\-_.·'"]/g;

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function aliasPattern(alias: string): { re: RegExp; weight: number; literal: string } | null {
  const norm = normalizeText(alias).text;
  const tokens = norm.match(TOKEN);
  if (!tokens || tokens.length === 0) return null;
  const body = tokens.map(escape).join(SEP);
  const head = /^[a-z0-9]/.test(tokens[0]) ? '(?<![a-z0-9])' : '';
  const tail = /[a-z0-9]$/.test(tokens[tokens.length - 1]) ? '(?![a-z0-9])' : '';
  const literal = [...tokens].sort((a, b) => b.length - a.length)[0];
  return { re: new RegExp(head + body + tail, 'g'), weight: tokens.join('').length, literal };
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
    // Longer aliases first, so "Sora 2" beats "Sora" and "Open-Sora-Plan" beats "Open-Sora".
    this.patterns.sort((a, b) => b.weight - a.weight);
  }

  /** Every non-overlapping mention, in text order; on overlap the longer alias wins. */
  find(text: string | NormalizedText): GeneratorMention[] {
    const n = typeof text === 'string' ? normalizeText(text) : text;
    const taken: boolean[] = new Array(n.text.length).fill(false);
    const found: { start: number; end: number; p: AliasPattern }[] = [];
    for (const p of this.patterns) {
      if (!n.text.includes(p.literal)) continue;
      p.re.lastIndex = 0;
      for (const m of n.text.matchAll(p.re)) {
        const s = m.index;
        const e = s + m[0].length;
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
