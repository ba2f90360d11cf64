import { createRequire } from 'node:module';
import type { Person } from './knowledge.types.js';

/**
 * Person-name matching tolerant to order ("Li Jing" = "Jing Li"), case, diacritics, spacing and script:
 * a Chinese-script name is compared through its Mandarin pinyin ("谢赛宁" = "Xie Saining" = "Saining Xie").
 */
type PinyinFn = (text: string, opts: { toneType: 'none'; type: 'array'; mode: 'surname' }) => string[];
let pinyinFn: PinyinFn | null = null;
function pinyin(text: string): string[] {
  // Loaded on first use: it is only needed for Chinese-script names and costs ~50 ms to load.
  pinyinFn ??= (createRequire(import.meta.url)('pinyin-pro') as { pinyin: PinyinFn }).pinyin;
  return pinyinFn(text, { toneType: 'none', type: 'array', mode: 'surname' }).map((s) => s.replace(/ü|v/g, 'u'));
}

const HAN = /\p{Script=Han}/u;

function latinTokens(name: string): string[] {
  return name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9\s'-]/g, ' ')
    .split(/[\s'-]+/)
    .filter(Boolean);
}

function permutations(tokens: string[]): string[][] {
  if (tokens.length <= 1) return [tokens];
  if (tokens.length > 5) return [tokens];
  const out: string[][] = [];
  tokens.forEach((t, i) => {
    for (const rest of permutations([...tokens.slice(0, i), ...tokens.slice(i + 1)])) out.push([t, ...rest]);
  });
  return out;
}

const memo = new Map<string, Set<string>>();

/** Comparable keys of a name: its tokens joined without spaces, in every order. Memoised (bounded). */
export function nameKeys(name: string): Set<string> {
  let keys = memo.get(name);
  if (!keys) {
    keys = computeKeys(name);
    if (memo.size > 2000) memo.clear();
    memo.set(name, keys);
  }
  return keys;
}

function computeKeys(name: string): Set<string> {
  const keys = new Set<string>();
  const trimmed = name.trim();
  if (!trimmed) return keys;
  if (HAN.test(trimmed)) {
    const han = trimmed.replace(/[^\p{Script=Han}]/gu, '');
    keys.add(`zh:${han}`);
    const syl = pinyin(han);
    if (syl.length >= 2) {
      // Surname first (Chinese order) and given name first (Western order); compound surnames are rare here.
      keys.add(syl.join(''));
      keys.add(syl.slice(1).join('') + syl[0]);
      if (syl.length >= 4) keys.add(syl.slice(2).join('') + syl.slice(0, 2).join(''));
    }
    return keys;
  }
  for (const p of permutations(latinTokens(trimmed))) keys.add(p.join(''));
  return keys;
}

const personMemo = new WeakMap<Person, Set<string>>();
function personKeys(p: Person): Set<string> {
  let keys = personMemo.get(p);
  if (!keys) {
    keys = new Set<string>();
    for (const n of [p.en, ...(p.alt ?? []), ...(p.zh ?? [])]) for (const k of nameKeys(n)) keys.add(k);
    personMemo.set(p, keys);
  }
  return keys;
}

/** The person in `people` whose name matches `name`, or null. */
export function findPerson(people: readonly Person[], name: string): Person | null {
  const wanted = nameKeys(name);
  if (wanted.size === 0) return null;
  for (const p of people) {
    const keys = personKeys(p);
    for (const k of wanted) if (keys.has(k)) return p;
  }
  return null;
}
