import { normalizeText, words } from './normalize.js';

/**
 * Hashed features for the linear scam model: character 2–4-grams of the normalised text (Chinese needs no
 * segmentation for these), word unigrams from Intl.Segmenter, and a few shape features. Digits are collapsed to
 * "0" so prices and phone numbers generalise; links become a token.
 */
export const HASH_BITS = 18;
export const DIM = 1 << HASH_BITS;

/** 32-bit FNV-1a over UTF-16 units. */
export function fnv1a(s: string, seed = 0x811c9dc5): number {
  let h = seed >>> 0;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

export interface SparseVec {
  idx: Uint32Array;
  val: Float32Array;
}

const URL_RE = /(?:https?:\/\/|www\.)\S+|\b[a-z0-9-]+\.(?:com|net|org|cn|io|ai|app|live|online|xyz|top|site|shop|vip|co|me|ly)\b\S*/g;

/** The text as the model sees it. */
export function modelText(raw: string, folded?: string): string {
  return (folded ?? normalizeText(raw).folded)
    .replace(URL_RE, ' ⓤ ')
    .replace(/\d/g, '0')
    .replace(/0{5,}/g, '0000')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Features of a text; pass `folded` (normalizeText(raw).folded) when it is already at hand. */
export function featurize(raw: string, folded?: string): SparseVec {
  const t = modelText(raw, folded);
  const counts = new Map<number, number>();
  const add = (key: string) => {
    const h = fnv1a(key) & (DIM - 1);
    counts.set(h, (counts.get(h) ?? 0) + 1);
  };
  const padded = ` ${t} `;
  for (let n = 2; n <= 4; n++) for (let i = 0; i + n <= padded.length; i++) add(`c${n}:${padded.slice(i, i + n)}`);
  for (const w of words(t)) add(`w:${w}`);
  const len = t.length;
  add(`len:${len < 20 ? 0 : len < 60 ? 1 : len < 140 ? 2 : 3}`);
  if (/[A-Z]{4,}/.test(raw)) add('shape:caps');
  if (/[!！]{2,}/.test(raw)) add('shape:bang');
  add('bias');
  const idx = new Uint32Array(counts.size);
  const val = new Float32Array(counts.size);
  let k = 0;
  let norm = 0;
  for (const [i, c] of counts) {
    idx[k] = i;
    val[k] = Math.log1p(c);
    norm += val[k] * val[k];
    k++;
  }
  norm = Math.sqrt(norm) || 1;
  for (let j = 0; j < val.length; j++) val[j] /= norm;
  return { idx, val };
}
