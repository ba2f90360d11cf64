/**
 * Loaders for the scam text sets in ../shared/data/text (read in place, never copied) and for the project's own
 * examples in src/scam/train-extra. Shared by scripts/train-scam.ts and scripts/eval-scam.ts.
 *
 * Licences (../shared/data/README.md): only sms_spam_collection_en, janitr_x_scam_en and aihype_dev may be
 * trained on; the telecom fraud and Weibo sets are evaluation-only.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { fnv1a, modelText } from '../src/scam/features.js';

export interface Example {
  text: string;
  y: 0 | 1;
  set: string;
  lang: 'en' | 'zh';
  postedAt?: string | null;
  id?: string;
}

const here = dirname(fileURLToPath(import.meta.url));
export const ROOT = resolve(here, '..');
export const DATA = resolve(process.env.GENPROOF_SHARED_DATA ?? join(ROOT, '..', 'shared', 'data'), 'text');

/** Deterministic split by the normalised text, so duplicates always land on the same side. */
export type Split = 'train' | 'valid' | 'test';
export function splitOf(text: string): Split {
  const b = fnv1a(modelText(text), 17) % 10;
  return b < 7 ? 'train' : b < 8 ? 'valid' : 'test';
}

function lines(path: string): string[] {
  return readFileSync(path, 'utf8').split('\n').filter((l) => l.trim());
}

export function smsSpam(): Example[] {
  return lines(join(DATA, 'sms_spam_collection_en', 'SMSSpamCollection.tsv')).map((l) => {
    const tab = l.indexOf('\t');
    return { text: l.slice(tab + 1), y: l.slice(0, tab) === 'spam' ? 1 : 0, set: 'sms_spam_collection_en', lang: 'en' as const };
  });
}

/** janitr X posts: positive = labelled scam or phishing; everything else (clean, crypto talk, promo) negative. */
export function janitr(): Example[] {
  return lines(join(DATA, 'janitr_x_scam_en', 'sample.jsonl')).map((l) => {
    const d = JSON.parse(l) as { id?: string; text: string; labels: string[] };
    const y = d.labels.includes('scam') || d.labels.includes('phishing') ? 1 : 0;
    return { text: d.text, y: y as 0 | 1, set: 'janitr_x_scam_en', lang: 'en' as const, id: d.id };
  });
}

export function aihype(): Example[] {
  return lines(join(DATA, 'aihype_dev', 'posts.jsonl')).map((l) => {
    const d = JSON.parse(l) as { id: string; scam: boolean; posted_at: string; text: string };
    const lang = /\p{Script=Han}/u.test(d.text) ? 'zh' : 'en';
    return { text: d.text, y: d.scam ? 1 : 0, set: 'aihype_dev', lang, postedAt: d.posted_at, id: d.id };
  });
}

/** The project's own written examples. */
export function trainExtra(): Example[] {
  const dir = join(ROOT, 'src', 'scam', 'train-extra');
  const out: Example[] = [];
  for (const f of ['zh.jsonl', 'en.jsonl']) {
    const p = join(dir, f);
    if (!existsSync(p)) continue;
    for (const l of lines(p)) {
      const d = JSON.parse(l) as { text: string; scam: boolean };
      out.push({ text: d.text, y: d.scam ? 1 : 0, set: 'train_extra', lang: f.startsWith('zh') ? 'zh' : 'en' });
    }
  }
  return out;
}

/** Minimal CSV (RFC 4180 quotes, "" escapes, newlines inside quotes); returns rows without the header. */
export function parseCsv(src: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let q = false;
  for (let i = 0; i < src.length; i++) {
    const c = src[i];
    if (q) {
      if (c === '"' && src[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') q = false;
      else field += c;
    } else if (c === '"') q = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && src[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += c;
  }
  if (field || row.length) {
    row.push(field);
    rows.push(row);
  }
  return rows.slice(1).filter((r) => r.length >= 1 && r[0].trim());
}

/** Telecom fraud texts (evaluation only): label00 = ordinary SMS (negative), every other file = fraud. */
export function telecomFraud(): Example[] {
  const out: Example[] = [];
  const seen = new Set<string>();
  const add = (file: string, y: 0 | 1) => {
    for (const r of parseCsv(readFileSync(file, 'utf8'))) {
      const text = r[0].trim();
      if (!text || seen.has(text)) continue;
      seen.add(text);
      out.push({ text, y, set: 'telecom_fraud_zh', lang: 'zh' });
    }
  };
  const d5 = join(DATA, 'telecom_fraud_texts_5_zh');
  add(join(d5, 'label00-last.csv'), 0);
  for (const f of ['label01-last.csv', 'label02-last.csv', 'label03-last.csv', 'label04-last.utf8.csv']) add(join(d5, f), 1);
  const d8 = join(DATA, 'telecom_fraud_texts_8_zh');
  for (let k = 1; k <= 7; k++) add(join(d8, `label${k}-new1030.csv`), 1);
  return out;
}

/** Ordinary Weibo posts (evaluation only): CED microblogs (rumours and non-rumours) and CHECKED posts; all negative. */
export function weiboOrdinary(): Example[] {
  const out: Example[] = [];
  for (const l of lines(join(DATA, 'ced_weibo_rumor_zh', 'ced_original_microblogs.jsonl'))) {
    const d = JSON.parse(l) as { text: string; time?: number };
    out.push({ text: d.text, y: 0, set: 'weibo_ced_zh', lang: 'zh', postedAt: dateOf(d.time) });
  }
  for (const l of lines(join(DATA, 'checked_covid_weibo_zh', 'checked_posts.jsonl'))) {
    const d = JSON.parse(l) as { text: string; date?: string };
    out.push({ text: d.text, y: 0, set: 'weibo_checked_zh', lang: 'zh', postedAt: d.date ? d.date.slice(0, 10) : null });
  }
  return out;
}

function dateOf(t: number | undefined): string | null {
  if (!t || !Number.isFinite(t)) return null;
  const d = new Date(t > 1e11 ? t : t * 1000);
  return Number.isNaN(d.getTime()) ? null : d.toISOString().slice(0, 10);
}
