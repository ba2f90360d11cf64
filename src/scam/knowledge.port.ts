/**
 * What the scam desk needs from the knowledge base. The default implementation (knowledge.adapter.ts) binds it
 * to src/knowledge/kb.ts; tests may pass their own.
 */
export type AvailabilityProduct = 'app' | 'api' | 'account' | 'access';

export interface DatedAnswer {
  /** Whether the product/access existed publicly on the date. */
  available: boolean;
  /** 'unannounced' | 'preview' | 'public' for generic access; for products 'public' or 'unannounced'. */
  status: 'unannounced' | 'preview' | 'public';
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
  /** Display name of a slug ("Sora"). */
  displayName(slug: string): string;
  availability(slug: string, product: AvailabilityProduct, date: string): DatedAnswer | null;
  authorsOf(slug: string): AuthorAnswer | null;
  isAuthor(slug: string, name: string): boolean;
  /** Official domains of the vendors (openai.com, sora.com…). */
  officialDomains(): string[];
}
