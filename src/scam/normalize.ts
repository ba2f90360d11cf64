import { Converter } from 'opencc-js/t2cn';

/**
 * Text normalisation for the scam desk. Scammers evade keyword filters with full-width characters, traditional
 * script, spaced-out letters ("S o r a"), digit/letter homoglyphs ("S0ra") and look-alike Cyrillic letters.
 *
 * `normalizeText` returns two views of the same length, both mapped back to the original string:
 * - `text`: NFKC, lower case, traditional → simplified, zero-width characters dropped, spacing tricks collapsed;
 *   digits are kept (prices need them).
 * - `folded`: `text` with confusable letters and in-word digit homoglyphs folded to Latin letters; used to find
 *   brand names and domains ("s0ra" → "sora").
 */
export interface NormalizedText {
  original: string;
  text: string;
  folded: string;
  /** For each UTF-16 unit of `text`, the index of the original UTF-16 unit it came from. */
  map: number[];
}

const t2s = Converter({ from: 'tw', to: 'cn' });
const t2sHk = Converter({ from: 'hk', to: 'cn' });

const ZERO_WIDTH = /[\u00ad\u200b-\u200f\u2060-\u2064\ufeff\u034f\u180e]/;

/** Cyrillic/Greek/other letters that look like Latin ones (subset of Unicode confusables). */
export const CONFUSABLES: Record<string, string> = {
  а: 'a', в: 'b', с: 'c', е: 'e', ё: 'e', һ: 'h', і: 'i', ї: 'i', ј: 'j', к: 'k', м: 'm', н: 'h', о: 'o', р: 'p',
  ѕ: 's', т: 't', у: 'y', х: 'x', ԁ: 'd', ԛ: 'q', ԝ: 'w', ɡ: 'g', ı: 'i', ℓ: 'l',
  α: 'a', β: 'b', ε: 'e', η: 'n', ι: 'i', κ: 'k', ν: 'v', ο: 'o', ρ: 'p', τ: 't', υ: 'u', χ: 'x', ω: 'w',
  à: 'a', á: 'a', â: 'a', ä: 'a', ã: 'a', å: 'a', è: 'e', é: 'e', ê: 'e', ë: 'e', ì: 'i', í: 'i', î: 'i', ï: 'i',
  ò: 'o', ó: 'o', ô: 'o', ö: 'o', õ: 'o', ø: 'o', ù: 'u', ú: 'u', û: 'u', ü: 'u', ç: 'c', ñ: 'n', ý: 'y',
};

/** Digits and symbols used as letters inside words ("s0ra", "0penai", "ch@tgpt"). */
const LEET: Record<string, string> = { '0': 'o', '1': 'l', '3': 'e', '4': 'a', '5': 's', '7': 't', '@': 'a', $: 's' };

const isLatin = (c: string) => /[a-z]/.test(c);
const isAlnum = (c: string) => /[a-z0-9]/.test(c);
const isHan = (c: string) => /\p{Script=Han}/u.test(c);

function toSimplified(s: string): string {
  const a = t2s(s);
  const b = t2sHk(a);
  return b;
}

export function normalizeText(original: string): NormalizedText {
  // 1. NFKC + lower case per code point, keeping the origin index of every output unit.
  let chars: string[] = [];
  let map: number[] = [];
  let i = 0;
  for (const cp of original) {
    if (!ZERO_WIDTH.test(cp)) {
      let out = cp.normalize('NFKC').toLowerCase();
      if (out === '\u3000') out = ' ';
      for (const u of out.split('')) {
        chars.push(u);
        map.push(i);
      }
    }
    i += cp.length;
  }
  // 2. Traditional → simplified; opencc maps characters 1:1 almost always — fall back to per-char otherwise.
  const joined = chars.join('');
  if (/\p{Script=Han}/u.test(joined)) {
    const simp = toSimplified(joined);
    if (simp.length === joined.length) chars = simp.split('');
    else chars = chars.map((c) => (isHan(c) ? (toSimplified(c).length === 1 ? toSimplified(c) : c) : c));
  }
  // 3. Collapse spacing tricks: single letters separated by spaces/dots ("s o r a", "s.o.r.a") and spaces between
  //    Han characters ("扫 码 进 群"), which Chinese never uses.
  const keep = new Array<boolean>(chars.length).fill(true);
  const spaced = /(?<![a-z0-9])[a-z0-9](?:[ .\-_*·•|/~]{1,3}[a-z0-9](?![a-z0-9])){2,}/g;
  const joinedNow = chars.join('');
  for (const m of joinedNow.matchAll(spaced)) {
    if (!/[a-z]/.test(m[0])) continue;
    for (let q = 0; q < m[0].length; q++) if (!isAlnum(m[0][q])) keep[m.index + q] = false;
  }
  for (let k = 1; k < chars.length - 1; k++) {
    if (chars[k] === ' ' && isHan(chars[k - 1])) {
      let e = k;
      while (e < chars.length && chars[e] === ' ') e++;
      if (e < chars.length && isHan(chars[e])) for (let q = k; q < e; q++) keep[q] = false;
    }
  }
  const outChars: string[] = [];
  const outMap: number[] = [];
  for (let k = 0; k < chars.length; k++) {
    if (!keep[k]) continue;
    outChars.push(chars[k]);
    outMap.push(map[k]);
  }
  chars = outChars;
  map = outMap;
  const text = chars.join('');
  return { original, text, folded: foldConfusables(text), map };
}

/** Fold confusable letters and digit homoglyphs inside Latin words; the result has the same length. */
export function foldConfusables(text: string): string {
  const chars = text.split('').map((c) => CONFUSABLES[c] ?? c);
  // Digit homoglyphs only inside a run that has at least one Latin letter ("s0ra", "0pen-ai" but not "2024").
  let k = 0;
  while (k < chars.length) {
    if (!/[a-z0-9@$]/.test(chars[k])) {
      k++;
      continue;
    }
    let e = k;
    while (e < chars.length && /[a-z0-9@$]/.test(chars[e])) e++;
    const run = chars.slice(k, e);
    const letters = run.filter(isLatin).length;
    if (letters >= 2 && letters < run.length) {
      for (let q = k; q < e; q++) if (LEET[chars[q]] && hasLetterNeighbour(chars, q, k, e)) chars[q] = LEET[chars[q]];
    }
    k = e;
  }
  return chars.join('');
}

function hasLetterNeighbour(chars: string[], q: number, start: number, end: number): boolean {
  return (q > start && isLatin(chars[q - 1])) || (q + 1 < end && isLatin(chars[q + 1]));
}

/** Map a [start, end) range of the normalised text back to the original string. */
export function originalSpan(n: NormalizedText, start: number, end: number): { start: number; end: number; text: string } {
  if (n.map.length === 0) return { start: 0, end: 0, text: '' };
  const s = n.map[Math.min(start, n.map.length - 1)];
  const lastIdx = n.map[Math.max(start, Math.min(end, n.map.length) - 1)];
  const cp = n.original.codePointAt(lastIdx) ?? 0;
  const e = lastIdx + (cp > 0xffff ? 2 : 1);
  return { start: s, end: e, text: n.original.slice(s, e) };
}

const segmenter = new Intl.Segmenter('zh', { granularity: 'word' });

/** Word tokens (Chinese segmented with Intl.Segmenter; Latin words as they are). */
export function words(text: string): string[] {
  // Intl.Segmenter is only needed where words are not separated by spaces (Chinese, Japanese).
  if (!/[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u.test(text)) return text.match(/[\p{L}\p{N}_]+(?:['’][\p{L}]+)*/gu) ?? [];
  const out: string[] = [];
  for (const s of segmenter.segment(text)) if (s.isWordLike) out.push(s.segment);
  return out;
}

/** Share of Han characters among letters: used to tell Chinese posts from English ones. */
export function hanRatio(text: string): number {
  let han = 0;
  let letters = 0;
  for (const c of text) {
    if (isHan(c)) {
      han++;
      letters++;
    } else if (/\p{L}/u.test(c)) letters++;
  }
  return letters === 0 ? 0 : han / (han + (letters - han) / 4);
}
