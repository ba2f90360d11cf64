import type { Bilingual } from './verdict.js';

/**
 * The answer to "is this post telling the truth?" (CONTRACTS.md, "Wave 2"). Precedence:
 * scam > false > misleading > true > unproven.
 */
export type RatingValue = 'scam' | 'false' | 'misleading' | 'true' | 'unproven';

export interface Rating {
  value: RatingValue;
  /** One quotable sentence stating the key finding, in both languages. */
  finding: Bilingual;
  /** Evidence codes and claim references (`claim:N`, N = index in `claims`) the rating rests on. */
  basis: string[];
}

export const RATING_VALUES: readonly RatingValue[] = ['scam', 'false', 'misleading', 'true', 'unproven'];

/** What each rating is called in reports (the web page and ClaimReview use the same words). */
export const RATING_NAMES: Record<RatingValue, Bilingual> = {
  scam: { en: 'SCAM', zh: '诈骗' },
  false: { en: 'FALSE', zh: '不实' },
  misleading: { en: 'MISLEADING', zh: '误导' },
  true: { en: 'TRUE', zh: '属实' },
  unproven: { en: 'UNPROVEN', zh: '未经证实' },
};
