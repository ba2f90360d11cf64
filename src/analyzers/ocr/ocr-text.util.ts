/**
 * Text helpers for OCR output: normalisation, OCR-confusable folding and edit distance. Pure functions.
 */

const CJK = /[\u3400-\u9fff\uf900-\ufaff]/;

/** NFKC (full-width → ASCII), lower case, whitespace removed. */
export function normalize(s: string): string {
  return s.normalize('NFKC').toLowerCase().replace(/\s+/g, '');
}

/**
 * Fold characters OCR confuses with each other to one representative, after `normalize`:
 * 0/o, 1/l/i/|/!, 5/s, rn/m, vv/w, and drop light punctuation and symbols that logos get misread as.
 */
export function fold(s: string): string {
  return normalize(s)
    .replace(/rn/g, 'm')
    .replace(/vv/g, 'w')
    .replace(/[0〇○]/g, 'o')
    .replace(/[1il|!ǀ丨]/g, 'l')
    .replace(/5/g, 's')
    .replace(/[·•・.,，。:：;；'"`´‘’“”\-–—_~*#()[\]{}<>《》「」【】©®™]/g, '');
}

/** Levenshtein distance (insert, delete, substitute = 1), over code points. */
export function editDistance(a: string, b: string): number {
  const x = [...a];
  const y = [...b];
  if (!x.length) return y.length;
  if (!y.length) return x.length;
  let prev = Array.from({ length: y.length + 1 }, (_, j) => j);
  for (let i = 1; i <= x.length; i++) {
    const cur = [i];
    for (let j = 1; j <= y.length; j++) {
      cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (x[i - 1] === y[j - 1] ? 0 : 1));
    }
    prev = cur;
  }
  return prev[y.length];
}

/** Length where a CJK character counts double (it carries about as much as two Latin letters). */
export function weightedLength(s: string): number {
  let n = 0;
  for (const ch of s) n += CJK.test(ch) ? 2 : 1;
  return n;
}

/**
 * How many edits a match against `variant` (folded) may have: none for short words ("sora", "veo", "pika"
 * — one edit away are real words like "sofa" or "sara"), one from 6 weighted characters, two from 12.
 */
export function allowedEdits(variant: string): number {
  const n = weightedLength(variant);
  return n >= 12 ? 2 : n >= 6 ? 1 : 0;
}

/** Does `text` (folded) equal `variant` (folded) within the allowed edits? */
export function fuzzyEquals(text: string, variant: string): boolean {
  if (text === variant) return true;
  const allowed = allowedEdits(variant);
  if (allowed === 0 || Math.abs([...text].length - [...variant].length) > allowed) return false;
  return editDistance(text, variant) <= allowed;
}

export function hasCjk(s: string): boolean {
  return CJK.test(s);
}
