import type { Rating, RatingValue } from '../domain/rating.js';
import type { CheckResult } from '../domain/report.js';
import { mainClaim } from '../verdict/rating.js';

/**
 * schema.org `ClaimReview` of a checked post, for fact-checkers (CONTRACTS.md "Wave 2"): the claim reviewed, a
 * 1–5 rating whose `alternateName` is genproof's rating, the claim with its post date, genproof as author.
 * Validated by claimreview.schema.ts in the tests.
 */
export interface ClaimReviewOptions {
  /** The post's caption, when known (the claim reviewed falls back to it). */
  caption?: string | null;
  /** Links of the post (where the claim appeared). */
  urls?: string[];
  /** Where this review can be read (e.g. the report URL). */
  url?: string | null;
  /** Review date (YYYY-MM-DD); today by default. */
  reviewedOn?: string;
  lang?: 'en' | 'zh';
}

/** 1 = false … 5 = true, as fact-checkers' numeric scales go. */
export const RATING_SCALE: Record<RatingValue, number> = { scam: 1, false: 1, misleading: 2, unproven: 3, true: 5 };

const CJK = /[\u3400-\u9fff]/;

function claimText(r: CheckResult, caption: string | null | undefined): string {
  const main = mainClaim(r.claims);
  const text = main?.claim.text ?? r.claims[0]?.text ?? caption ?? '';
  const one = text.replace(/\s+/g, ' ').trim();
  return one ? (one.length > 300 ? `${one.slice(0, 297)}…` : one) : 'The media in this post';
}

export function toClaimReview(r: CheckResult, opts: ClaimReviewOptions = {}): Record<string, unknown> {
  const rating: Rating = r.rating ?? { value: 'unproven', finding: { en: 'Not rated.', zh: '未评级。' }, basis: [] };
  const reviewed = claimText(r, opts.caption);
  const lang = opts.lang ?? (CJK.test(opts.caption ?? reviewed) ? 'zh' : 'en');
  const other = lang === 'zh' ? 'en' : 'zh';
  const item: Record<string, unknown> = {
    '@type': 'Claim',
    ...(r.posted_at ? { datePublished: r.posted_at } : {}),
    ...(opts.urls?.length ? { appearance: opts.urls.map((u) => ({ '@type': 'CreativeWork', url: u })) } : {}),
  };
  return {
    '@context': 'https://schema.org',
    '@type': 'ClaimReview',
    datePublished: opts.reviewedOn ?? new Date().toISOString().slice(0, 10),
    ...(opts.url ? { url: opts.url } : {}),
    inLanguage: lang === 'zh' ? 'zh-CN' : 'en',
    claimReviewed: reviewed,
    itemReviewed: item,
    author: { '@type': 'Organization', name: 'genproof' },
    reviewRating: {
      '@type': 'Rating',
      ratingValue: RATING_SCALE[rating.value],
      bestRating: 5,
      worstRating: 1,
      alternateName: rating.value,
      ratingExplanation: rating.finding[lang],
    },
    reviewBody: `${rating.finding[lang]} ${rating.finding[other]}`,
  };
}
