import { z } from 'zod';
import { ValidationError } from './errors.js';
import { parsePostedAt } from './posted-at.js';

/**
 * The one schema of a post's text fields (caption, posted_at, links) and their limits, shared by `genproof
 * check`, `genproof scam` (and its batch lines), `POST /api/checks`, `POST /api/scam` and the services.
 * Every fault has one code: invalid_caption, invalid_posted_at, invalid_url, too_many_urls.
 */
export const POST_LIMITS = { maxUrls: 50, maxUrlChars: 2048 } as const;

/** `YYYY-MM-DD` or an ISO 8601 date-time with offset: the one posted_at parser (./posted-at.ts). */
export { parsePostedAt };

/** The calendar day of a posted_at value, as the poster's clock showed it. */
export function postedDay(postedAt: string | null): string | null {
  return postedAt ? postedAt.slice(0, 10) : null;
}

/** Trimmed, NFC-normalised text; empty → null; too long or undecodable bytes → invalid_caption. */
export function parseCaption(v: string | null | undefined, maxChars: number, what = 'caption'): string | null {
  if (v == null) return null;
  if (v.includes('\uFFFD')) throw new ValidationError('invalid_caption', `The ${what} is not valid UTF-8 text (it contains undecodable bytes).`);
  const t = v.replace(/^\uFEFF/, '').normalize('NFC').trim();
  if (!t) return null;
  if (t.length > maxChars) throw new ValidationError('invalid_caption', `The ${what} has ${t.length} characters; the limit is ${maxChars}.`);
  return t;
}

/** A bare domain as people paste it from a poster ("openai-sora.top/buy"): checked as an https link. */
const BARE_DOMAIN = /^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)*\.[a-z]{2,}(?:[/?#]\S*)?$/i;

/** http(s) links (or bare domains), whitespace-separated values allowed; at most `max` (config `api.maxUrls`, default 50). */
export function parseUrls(values: readonly string[] | null | undefined, max: number = POST_LIMITS.maxUrls): string[] {
  const out: string[] = [];
  for (const raw of (values ?? []).flatMap((v) => v.split(/\s+/)).filter(Boolean)) {
    let u: URL | null = null;
    try {
      u = raw.length <= POST_LIMITS.maxUrlChars && !raw.includes('\uFFFD') ? new URL(BARE_DOMAIN.test(raw) ? `https://${raw}` : raw) : null;
    } catch {
      u = null;
    }
    if (!u) throw new ValidationError('invalid_url', `Not a valid link: "${raw.slice(0, 80)}"`);
    if (u.protocol !== 'http:' && u.protocol !== 'https:') throw new ValidationError('invalid_url', `Only http(s) links are checked: "${raw.slice(0, 80)}"`);
    out.push(raw);
  }
  if (out.length > max) throw new ValidationError('too_many_urls', `At most ${max} links per post (got ${out.length}).`);
  return out;
}

export interface PostFields { caption: string | null; postedAt: string | null; urls: string[] }

export interface PostLimits {
  maxCaptionChars: number;
  /** config `api.maxUrls` (default 50). */
  maxUrls?: number;
  /** How the caption is named in messages ("text" for `genproof scam`). */
  captionName?: string;
}

/** Run one field parser inside the schema: its ValidationError becomes an issue that keeps the error code. */
function field<T>(ctx: z.RefinementCtx, parse: () => T): T {
  try {
    return parse();
  } catch (e) {
    if (!(e instanceof ValidationError)) throw e;
    ctx.addIssue({ code: 'custom', message: e.message, params: { errorCode: e.code } });
    return z.NEVER;
  }
}

/**
 * The post-input schema: caption, posted_at and links with their limits. Raw values in (strings from flags, form
 * fields or JSON), normalised values out; each fault is an issue carrying its error code.
 */
export function postInputSchema(limits: PostLimits) {
  return z
    .object({
      caption: z.string().nullish().transform((v, ctx) => field(ctx, () => parseCaption(v, limits.maxCaptionChars, limits.captionName))),
      posted_at: z.string().nullish().transform((v, ctx) => field(ctx, () => parsePostedAt(v))),
      urls: z.array(z.string()).nullish().transform((v, ctx) => field(ctx, () => parseUrls(v, limits.maxUrls))),
    })
    .transform((v): PostFields => ({ caption: v.caption, postedAt: v.posted_at, urls: v.urls }));
}

/**
 * Validate the text fields of a post in one go: the one entry of `genproof check`, `genproof scam` (and its batch
 * lines), `POST /api/checks` and `POST /api/scam`, so the same input gets the same error code everywhere. The first
 * fault (in field order) is thrown as a ValidationError.
 */
export function parsePostInput(raw: { caption?: string | null; posted_at?: string | null; urls?: readonly string[] | null }, limits: PostLimits): PostFields {
  const r = postInputSchema(limits).safeParse({ ...raw, urls: Array.isArray(raw.urls) ? [...raw.urls] : raw.urls });
  if (r.success) return r.data;
  const issue = r.error.issues[0];
  const code = issue.code === 'custom' ? (issue.params as { errorCode?: string } | undefined)?.errorCode : undefined;
  throw new ValidationError(code ?? 'invalid_request', code ? issue.message : `Invalid ${issue.path.join('.')}: ${issue.message}`);
}

/** The same fields as a zod schema, for the OpenAPI document of the JSON routes. */
export const postFieldsDoc = {
  posted_at: z.string().optional().describe('YYYY-MM-DD, or an ISO 8601 date-time with offset (2025-11-01T08:30+08:00)'),
  urls: z.array(z.string().max(POST_LIMITS.maxUrlChars)).max(POST_LIMITS.maxUrls).optional().describe(`http(s) links in the post, at most ${POST_LIMITS.maxUrls}`),
};
