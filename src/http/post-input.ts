import { ValidationError } from '../domain/errors.js';

/** Validate the text fields of a post (caption, posted_at, urls) the same way for every route. */
export { parsePostedAt } from '../domain/posted-at.js';

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
