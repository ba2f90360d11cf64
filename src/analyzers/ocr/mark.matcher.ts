import { GENERATOR_MARKS, PLATFORM_MARKS, type GeneratorMark, type PlatformMark } from '../../knowledge/marks.data.js';
import { allowedEdits, editDistance, fold, fuzzyEquals } from './ocr-text.util.js';

/**
 * Match one OCR line against the visible-mark data. A mark is a short line that is the mark's wording
 * (optionally with an @handle); a sentence that merely mentions "Sora" is burned-in text, not a mark, and
 * goes to the claim extractor instead.
 */
export interface LineMatch {
  kind: 'generator' | 'platform' | 'handle' | 'text';
  /** Generator marks whose wording matches (several share "Sora"; the tracker picks one by motion/handle). */
  generators: GeneratorMark[];
  platform: PlatformMark | null;
  /** The variant that matched, as written in the data. */
  variant: string | null;
  /** Account handle or platform id printed with the mark, without "@". */
  handle: string | null;
}

const HANDLE = /(?:^|[\s(（:：])[@＠]\s?([A-Za-z0-9_.]{2,32})/u;
const ONLY_HANDLE = /^[@＠]\s?([A-Za-z0-9_.]{2,32})$/u;

function stripped(s: string): string {
  return fold(s).replace(/[^\p{L}\p{N}]/gu, '');
}

/** Pre-folded variants, longest first so "Kling AI" wins over "可灵". */
const GEN_VARIANTS = GENERATOR_MARKS.flatMap((m) => m.variants.map((v) => ({ mark: m, variant: v, key: stripped(v) }))).sort(
  (a, b) => b.key.length - a.key.length,
);
const PLATFORM_VARIANTS = PLATFORM_MARKS.flatMap((p) => p.variants.map((v) => ({ platform: p, variant: v, key: stripped(v) }))).sort(
  (a, b) => b.key.length - a.key.length,
);

/** Pull an "@handle" out of a line; returns the handle and the rest of the line. */
export function extractHandle(line: string): { handle: string | null; rest: string } {
  const s = line.normalize('NFKC').trim();
  const only = ONLY_HANDLE.exec(s);
  if (only) return { handle: trimHandle(only[1]), rest: '' };
  const m = HANDLE.exec(' ' + s);
  if (!m) return { handle: null, rest: s };
  const at = (' ' + s).indexOf(m[0]);
  const rest = (' ' + s).slice(0, at) + ' ' + (' ' + s).slice(at + m[0].length);
  return { handle: trimHandle(m[1]), rest: rest.trim() };
}

function trimHandle(h: string): string {
  return h.replace(/[._]+$/, '');
}

/** "抖音号：12345" → the id after a platform's id label (the label may be misread by one character). */
function extractPlatformId(line: string): { platform: PlatformMark; id: string } | null {
  const s = [...line.normalize('NFKC').replace(/\s+/g, '')];
  for (const p of PLATFORM_MARKS) {
    for (const label of p.idLabels) {
      const l = [...label.normalize('NFKC').replace(/[:：\s]/g, '')];
      const allowed = Math.min(1, allowedEdits(l.join('')));
      for (let i = 0; i + l.length <= s.length; i++) {
        const window = s.slice(i, i + l.length).join('');
        if (window !== l.join('') && (allowed === 0 || editDistance(window, l.join('')) > allowed)) continue;
        const m = /^[:：]?([A-Za-z0-9_.-]{2,32})/.exec(s.slice(i + l.length).join(''));
        if (m && p.handlePattern.test(m[1])) return { platform: p, id: m[1] };
      }
    }
  }
  return null;
}

export function matchLine(text: string): LineMatch {
  const direct = matchParts(text, extractHandle(text));
  if (direct.kind !== 'text') return direct;
  // OCR often drops the space before "@" ("TikTok@user"): try the part before "@" as a mark.
  const at = /^(.{2,20}?)[@＠]\s?([A-Za-z0-9_.]{2,32})$/u.exec(text.normalize('NFKC').trim());
  if (at) {
    const glued = matchParts(text, { handle: trimHandle(at[2]), rest: at[1] });
    if (glued.kind === 'generator' || glued.kind === 'platform') return glued;
  }
  return direct;
}

function matchParts(text: string, { handle, rest }: { handle: string | null; rest: string }): LineMatch {
  const none: LineMatch = { kind: 'text', generators: [], platform: null, variant: null, handle: null };
  const pid = extractPlatformId(text);
  if (pid) return { kind: 'platform', generators: [], platform: pid.platform, variant: pid.platform.variants[0], handle: pid.id };
  const key = stripped(rest);
  if (!key) return handle ? { ...none, kind: 'handle', handle } : none;
  // A logo beside the word is often read as one stray character ("Q Sora"): ignore one such token.
  const tokens = rest.normalize('NFKC').split(/\s+/).map(stripped).filter(Boolean);
  const keys = [key];
  if (tokens.length === 2 && Math.min(tokens[0].length, tokens[1].length) === 1) keys.push(tokens[0].length === 1 ? tokens[1] : tokens[0]);
  const gens = GEN_VARIANTS.filter((v) => keys.some((k) => fuzzyEquals(k, v.key)));
  if (gens.length) {
    const variant = gens[0].variant;
    const generators = [...new Set(gens.map((g) => g.mark))];
    return { kind: 'generator', generators, platform: null, variant, handle };
  }
  for (const v of PLATFORM_VARIANTS) {
    if (fuzzyEquals(key, v.key) || (key.startsWith(v.key) && key.length - v.key.length <= 2)) {
      const h = handle && v.platform.handlePattern.test(handle) ? handle : null;
      return { kind: 'platform', generators: [], platform: v.platform, variant: v.variant, handle: h };
    }
  }
  return { ...none, handle };
}

/**
 * Pick the generator mark that best explains a sighting: motion observed, whether a handle was printed,
 * and where it sat. Returns the first candidate when nothing tells them apart.
 */
export function pickGeneratorMark(candidates: GeneratorMark[], seen: { moving: boolean | null; handle: boolean; positions: string[] }): GeneratorMark {
  let best = candidates[0];
  let bestScore = -Infinity;
  for (const m of candidates) {
    let score = 0;
    if (seen.moving !== null) score += (m.motion === 'moving') === seen.moving ? 2 : -1;
    if (seen.handle) score += m.handle === 'none' ? -1 : 1;
    else score += m.handle === 'required' ? -2 : 0;
    if (seen.positions.some((p) => (m.positions as string[]).includes(p))) score += 0.5;
    if (score > bestScore) {
      bestScore = score;
      best = m;
    }
  }
  return best;
}
