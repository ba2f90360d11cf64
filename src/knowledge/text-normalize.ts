import { Converter } from 'opencc-js/t2cn';

/**
 * Text normalisation for matching names and claims in captions, OCR text and KB aliases.
 *
 * The output keeps a map from every normalised UTF-16 index back to the original index, so matches found on the
 * normalised text can be reported as spans of what the user wrote. Steps:
 * - traditional → simplified Chinese (OpenCC), NFKC (full-width letters/digits/punctuation → ASCII), lowercase;
 * - drop zero-width and soft-hyphen characters; fold Cyrillic/Greek look-alike letters and curly quotes;
 * - collapse whitespace; drop spaces next to CJK characters (Chinese does not use them);
 * - spacing tricks: "s o r a" / "s.o.r.a" → "sora"; a digit 0 between letters → "o" ("s0ra").
 */
export interface NormalizedText {
  text: string;
  /** map[i] = index in the original string of normalised character i; map[text.length] = original length. */
  map: number[];
  /** The original string. */
  source: string;
}

let t2s: ((s: string) => string) | null = null;
function toSimplified(s: string): string {
  const convert = (t2s ??= Converter({ from: 't', to: 'cn' }));
  return convert(s);
}

const ZERO_WIDTH = /[\u200B-\u200F\u2060-\u2064\uFEFF\u00AD\u180E]/;
const CONFUSABLE: Record<string, string> = {
  'а': 'a', 'е': 'e', 'о': 'o', 'р': 'p', 'с': 'c', 'х': 'x', 'у': 'y', 'і': 'i', 'ѕ': 's', 'ј': 'j', 'ԁ': 'd',
  'ո': 'n', 'α': 'a', 'ο': 'o', 'ρ': 'p', 'ν': 'v', 'κ': 'k', 'ι': 'i', 'τ': 't',
  '\u2018': "'", '\u2019': "'", '\u201B': "'", '\u2032': "'", '\u00B4': "'", '\u0060': "'",
  '\u201C': '"', '\u201D': '"',
};
const CJK = /[\u2E80-\u2FDF\u3000-\u303F\u3040-\u30FF\u3400-\u4DBF\u4E00-\u9FFF\uF900-\uFAFF\uFF00-\uFF0F\uFF1A-\uFF20]/;

export function isCjk(ch: string | undefined): boolean {
  return ch !== undefined && CJK.test(ch);
}
function isLetter(ch: string | undefined): boolean {
  if (ch === undefined) return false;
  const c = ch.charCodeAt(0);
  return c >= 97 && c <= 122;
}

const HAN_ANY = /[\u3400-\u9FFF\uF900-\uFAFF]/;

/** Per-character pass: script, width, case, confusables, whitespace. */
function firstPass(input: string): NormalizedText {
  const hasHan = HAN_ANY.test(input);
  const simplified = hasHan ? toSimplified(input) : input;
  // OpenCC is phrase-based; it almost always keeps the length. When it does not, convert character by character.
  const sameLength = simplified.length === input.length;
  let out = '';
  const map: number[] = [];
  let last = ' ';
  const push = (c: string, at: number) => {
    // Track the last character: indexing a string being built by += flattens it every time.
    if (c === ' ' && last === ' ') return;
    out += c;
    last = c;
    map.push(at);
  };
  let i = 0;
  while (i < input.length) {
    const code = input.charCodeAt(i);
    if (code < 128) {
      // ASCII fast path: lowercase, whitespace folding.
      if (code >= 65 && code <= 90) push(String.fromCharCode(code + 32), i);
      else if (code === 32 || (code >= 9 && code <= 13)) push(' ', i);
      else if (code === 0x60) push("'", i);
      else push(input[i], i);
      i++;
      continue;
    }
    if (code >= 0x3400 && code <= 0x9fff) {
      // CJK unified ideographs are NFKC-stable: only the script conversion applies.
      push(hasHan ? (sameLength ? simplified[i] : toSimplified(input[i])) : input[i], i);
      i++;
      continue;
    }
    const cp = input.codePointAt(i)!;
    const width = cp > 0xffff ? 2 : 1;
    let ch = input.slice(i, i + width);
    if (ZERO_WIDTH.test(ch)) {
      i += width;
      continue;
    }
    if (hasHan && HAN_ANY.test(ch)) ch = sameLength ? simplified.slice(i, i + width) : toSimplified(ch);
    let norm = ch.normalize('NFKC').toLowerCase();
    if (norm.length === 1) norm = CONFUSABLE[norm] ?? norm;
    else norm = [...norm].map((c) => CONFUSABLE[c] ?? c).join('');
    if (norm.trim() === '') norm = norm === '' ? '' : ' ';
    for (let k = 0; k < norm.length; k++) push(norm[k], i);
    i += width;
  }
  map.push(input.length);
  return { text: out, map, source: input };
}

/** Drop spaces next to CJK; collapse "s o r a"-style spelled-out words; 0 between letters → o. */
function secondPass(n: NormalizedText): NormalizedText {
  const t = n.text;
  const drop = new Uint8Array(t.length);
  for (let i = 0; i < t.length; i++) {
    if (t[i] === ' ' && (i === 0 || i === t.length - 1 || isCjk(t[i - 1]) || isCjk(t[i + 1]))) drop[i] = 1;
  }
  // Runs of ≥3 single alphanumerics separated by a separator or an emoji: "s o r a", "s.o.r.a", "s🔥o🔥r🔥a".
  const spelled = /(?<![a-z0-9])[a-z0-9](?:(?:[ .\-_·*|/~]|\p{Extended_Pictographic}\uFE0F?)[a-z0-9](?![a-z0-9])){2,}/gu;
  for (const m of t.matchAll(spelled)) {
    for (let k = m.index + 1; k < m.index + m[0].length; k++) if (!isAlnum(t.charCodeAt(k))) drop[k] = 1;
  }
  let out = '';
  const map: number[] = [];
  for (let i = 0; i < t.length; i++) {
    if (drop[i]) continue;
    const ch = t[i];
    out += ch === '0' && isLetter(t[i - 1]) && isLetter(t[i + 1]) ? 'o' : ch;
    map.push(n.map[i]);
  }
  map.push(n.map[t.length]);
  return { text: out, map, source: n.source };
}

function isAlnum(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 97 && c <= 122);
}

export function normalizeText(input: string): NormalizedText {
  return secondPass(firstPass(input));
}

/** Original [start, end) span for a normalised [start, end) span. */
export function originalSpan(n: NormalizedText, start: number, end: number): { start: number; end: number } {
  if (end <= start) return { start: n.map[start], end: n.map[start] };
  const s = n.map[start];
  const last = n.map[end - 1];
  const cp = n.source.codePointAt(last) ?? 0;
  return { start: s, end: last + (cp > 0xffff ? 2 : 1) };
}
