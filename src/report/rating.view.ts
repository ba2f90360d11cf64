import type { CheckResult } from '../domain/report.js';
import type { Txt } from './report.i18n.js';

/** The post's rating (CONTRACTS.md wave 2: `rating`), as reports show it: first, quotable. */
export interface RatingView {
  value: 'true' | 'misleading' | 'false' | 'unproven' | 'scam';
  finding: Txt;
  basis: string[];
}

export const RATING_NAMES: Record<RatingView['value'], Txt> = {
  true: { en: 'True', zh: '属实' },
  misleading: { en: 'Misleading', zh: '误导' },
  false: { en: 'False', zh: '不实' },
  unproven: { en: 'Unproven', zh: '未经证实' },
  scam: { en: 'Scam', zh: '诈骗' },
};

/** The rating of a result, when the engine that produced it gives one (older results have none). */
export function ratingOf(r: CheckResult): RatingView | null {
  const x = (r as { rating?: Partial<RatingView> | null }).rating;
  if (!x || typeof x.value !== 'string' || !(x.value in RATING_NAMES) || !x.finding) return null;
  return { value: x.value, finding: { en: x.finding.en ?? '', zh: x.finding.zh ?? x.finding.en ?? '' }, basis: x.basis ?? [] };
}

export const MEDIA_KIND: Record<string, Txt> = { video: { en: 'video', zh: '视频' }, image: { en: 'image', zh: '图片' } };
