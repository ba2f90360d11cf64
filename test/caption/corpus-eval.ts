import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { analyzeCaption } from '../../src/analyzers/caption/caption.claims.js';
import { kb } from '../../src/knowledge/kb.js';
import { claimedFrom } from '../../src/verdict/verdict.engine.js';

/** One labelled caption of test/caption/corpus/*.jsonl. */
export interface CorpusRow {
  text: string;
  lang: 'en' | 'zh';
  /** true: the post says the media is AI-made; false: says it is real footage; null: says neither. */
  claimed_ai: boolean | null;
  generator: string | null;
  split: 'train' | 'dev';
}

export interface EvalRow {
  lang: string;
  split: string;
  n: number;
  right: number;
  /** AI read as real, or real read as AI. */
  flips: number;
  genN: number;
  genRight: number;
  errors: { row: CorpusRow; claimed: boolean | null; generator: string | null }[];
}

export const CORPUS_DIR = join(import.meta.dirname, 'corpus');

export function loadCorpus(dir = CORPUS_DIR): CorpusRow[] {
  const out: CorpusRow[] = [];
  for (const f of readdirSync(dir).filter((x) => x.endsWith('.jsonl')).sort()) {
    for (const line of readFileSync(join(dir, f), 'utf8').split('\n')) if (line.trim()) out.push(JSON.parse(line) as CorpusRow);
  }
  return out;
}

/** What the caption reader says, as the verdict engine reads it (claimed_ai and the claimed generator). */
export function readCaption(text: string, postedAt = '2024-03-01'): { claimed: boolean | null; generator: string | null } {
  const { claims } = analyzeCaption(text, { postedAt });
  const c = claimedFrom(claims);
  return { claimed: c.claimed, generator: c.generator };
}

/** A generator read right: the labelled slug, or a release of the labelled family line (label kling, read kling-3). */
function sameGenerator(label: string, got: string | null): boolean {
  if (got === label) return true;
  return got !== null && kb.sameFamily(label, got) && got.startsWith(`${label}-`) && !kb.generator(label)?.aliases.en.some((a) => /\d/.test(a));
}

export function evaluate(rows: CorpusRow[]): EvalRow[] {
  const groups = new Map<string, EvalRow>();
  for (const row of rows) {
    for (const key of [`${row.lang}|${row.split}`, `all|${row.split}`]) {
      const [lang, split] = key.split('|');
      if (!groups.has(key)) groups.set(key, { lang, split, n: 0, right: 0, flips: 0, genN: 0, genRight: 0, errors: [] });
    }
    const got = readCaption(row.text);
    const ok = got.claimed === row.claimed_ai;
    const flip = got.claimed !== null && row.claimed_ai !== null && got.claimed !== row.claimed_ai;
    const named = row.claimed_ai === true && row.generator !== null;
    const genOk = named && sameGenerator(row.generator!, got.generator);
    for (const key of [`${row.lang}|${row.split}`, `all|${row.split}`]) {
      const g = groups.get(key)!;
      g.n++;
      if (ok) g.right++;
      if (flip) g.flips++;
      if (named) g.genN++;
      if (genOk) g.genRight++;
      if ((!ok || (named && !genOk)) && key.startsWith('all')) g.errors.push({ row, claimed: got.claimed, generator: got.generator });
    }
  }
  return [...groups.values()].sort((a, b) => a.split.localeCompare(b.split) || a.lang.localeCompare(b.lang));
}
