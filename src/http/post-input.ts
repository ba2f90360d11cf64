import { ValidationError } from '../domain/errors.js';

/** Validate the text fields of a post (caption, posted_at, urls) the same way for every route. */
export function parsePostedAt(v: string | null | undefined): string | null {
  if (v == null || v === '') return null;
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(v.trim());
  const d = m ? new Date(Date.UTC(+m[1], +m[2] - 1, +m[3])) : null;
  if (!m || !d || d.getUTCMonth() !== +m[2] - 1 || d.getUTCDate() !== +m[3]) {
    throw new ValidationError('invalid_posted_at', `posted_at must be a date YYYY-MM-DD, got "${v.slice(0, 40)}"`);
  }
  return v.trim();
}

export function parseUrls(values: string[] | undefined, max = 50): string[] {
  const out: string[] = [];
  for (const raw of (values ?? []).flatMap((v) => v.split(/\s+/)).filter(Boolean)) {
    let u: URL;
    try {
      u = new URL(raw);
    } catch {
      throw new ValidationError('invalid_url', `Not a URL: "${raw.slice(0, 80)}"`);
    }
    if (u.protocol !== 'http:' && u.protocol !== 'https:') throw new ValidationError('invalid_url', `Only http(s) links are checked: "${raw.slice(0, 80)}"`);
    out.push(raw);
  }
  if (out.length > max) throw new ValidationError('too_many_urls', `At most ${max} links per post`);
  return out;
}

export function parseCaption(v: string | null | undefined, maxChars: number): string | null {
  if (v == null) return null;
  const t = v.trim();
  if (!t) return null;
  if (t.length > maxChars) throw new ValidationError('caption_too_long', `The caption is longer than ${maxChars} characters`);
  return t;
}
