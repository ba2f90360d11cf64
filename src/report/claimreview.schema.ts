import { z } from 'zod';

/**
 * The ClaimReview genproof writes, as a zod schema: the properties schema.org and fact-check indexes require
 * (claimReviewed, reviewRating with a numeric value inside its best/worst bounds and a name, itemReviewed Claim,
 * author, datePublished). Used by the tests to validate `--claimreview` and the API route.
 */
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}/);

export const claimReviewSchema = z.object({
  '@context': z.literal('https://schema.org'),
  '@type': z.literal('ClaimReview'),
  datePublished: day,
  url: z.string().url().optional(),
  inLanguage: z.enum(['en', 'zh-CN']),
  claimReviewed: z.string().min(1).max(300),
  itemReviewed: z.object({
    '@type': z.literal('Claim'),
    datePublished: day.optional(),
    appearance: z.array(z.object({ '@type': z.literal('CreativeWork'), url: z.string().url() })).optional(),
  }),
  author: z.object({ '@type': z.literal('Organization'), name: z.literal('genproof') }),
  reviewRating: z.object({
    '@type': z.literal('Rating'),
    ratingValue: z.number().int().min(1).max(5),
    bestRating: z.literal(5),
    worstRating: z.literal(1),
    alternateName: z.enum(['scam', 'false', 'misleading', 'true', 'unproven']),
    ratingExplanation: z.string().min(1),
  }),
  reviewBody: z.string().min(1),
}).strict();
