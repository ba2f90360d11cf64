import { toDay } from './dates.js';
import type { Generator, Strength } from './knowledge.types.js';

const STRENGTH_RANK: Record<Strength, number> = { 'third-party': 0, press: 1, primary: 2 };

/** The weaker of two source strengths. */
export function weakest(a: Strength, b: Strength): Strength {
  return STRENGTH_RANK[a] <= STRENGTH_RANK[b] ? a : b;
}

/** First day a generator is known to have existed publicly in any form (announcement or first access). */
export function firstDay(g: Generator): string {
  const dates = [g.announced, ...g.access.map((a) => a.from)].map((d) => toDay(d)).filter((d): d is string => d !== null);
  return dates.sort()[0] ?? '9999-12-31';
}
