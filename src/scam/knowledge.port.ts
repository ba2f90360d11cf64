/**
 * What the scam desk needs from the knowledge base. The default implementation (knowledge.adapter.ts) binds it
 * to src/knowledge/kb.ts; tests may pass their own.
 */
export type AvailabilityProduct = 'app' | 'api' | 'account' | 'access';

export interface DatedAnswer {
  /** Whether the product/access existed publicly on the date. */
  available: boolean;
  /**
   * 'unannounced' | 'preview' | 'public' for generic access; for products 'public' or 'unannounced';
   * 'ended' when it had existed but was switched off by the date.
   */
  status: 'unannounced' | 'preview' | 'public' | 'ended';
  /** When status is 'ended': the day it ended and the source saying so. */
  ended?: { on: string; note: string; note_zh: string; source: string; strength: 'primary' | 'press' | 'third-party' };
  /** Date the product became public (if it ever did), YYYY-MM-DD. */
  since: string | null;
  /** Human-readable source ("openai.com/index/sora-is-here (2024-12-09)"). */
  source: string;
  note?: string;
  note_zh?: string;
}

export interface AuthorAnswer {
  names: string[];
  source: string;
  date: string;
  title?: string;
}

export interface ScamKnowledge {
  /** Generator slug named in a piece of text ("Sora 2" → 'sora-2', "索拉" → 'sora'), or null. */
  findGenerator(text: string): string | null;
  /** Whether the text names one release ("Sora 2", "Veo 3") rather than the product line ("Sora", "Veo"). */
  namesRelease(text: string): boolean;
  /** Display name of a slug ("Sora"). */
  displayName(slug: string): string;
  /**
   * Was the product public on the date? Judged over the whole family ("Sora API" = any Sora release) unless
   * `release` is set ("Sora 2 API" = that release only).
   */
  availability(slug: string, product: AvailabilityProduct, date: string, opts?: { release?: boolean }): DatedAnswer | null;
  authorsOf(slug: string): AuthorAnswer | null;
  isAuthor(slug: string, name: string): boolean;
  /** Official domains of the vendors (openai.com, sora.com…). */
  officialDomains(): string[];
  /** Last day the knowledge base is complete (YYYY-MM-DD); later events are unknown to it. */
  asOf(): string;
}
