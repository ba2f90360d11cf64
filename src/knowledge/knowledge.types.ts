/**
 * Types of the knowledge base: dated, sourced facts about AI generators and the events around them.
 * Everything here is data; the queries live in kb.ts.
 *
 * Dates are ISO strings: `YYYY-MM-DD`, or `YYYY-MM` when the source gives only the month. Queries treat a
 * month-only date as the first day of that month (the earliest the event can have happened), so a refutation
 * built on it never claims more than the source says.
 */

/** How much a source counts: the vendor itself, the press reporting, or a third-party write-up (weaker). */
export type Strength = 'primary' | 'press' | 'third-party';

export interface Source {
  /** URL (without scheme) or the name of the publication. */
  ref: string;
  /** When the source published the fact. */
  date: string;
  strength: Strength;
  /**
   * An official page seen only through a third-party summary: the summary's address. The fact still counts as
   * official (strength 'primary') because the official page is named in `ref`.
   */
  via?: string;
  /** Set by the overlay loader: the local overlay file this fact came from (reports cite it as local). */
  local?: string;
}

export type GeneratorKind = 'video' | 'image';
export type AccessStatus = 'unannounced' | 'preview' | 'public' | 'ended';
export type Product = 'app' | 'api' | 'account' | 'course';

/**
 * One period of a generator's access history; a period lasts until `until` (exclusive) or until the next one
 * starts. `ended`: the vendor switched every product of this release off (from `from` on).
 */
export interface AccessPeriod {
  status: 'preview' | 'public' | 'ended';
  from: string;
  until?: string;
  note: string;
  note_zh: string;
  source: Source;
}

/** The end of a product: when and by whose word it was switched off. */
export interface ProductEnd {
  /** First day the product was no longer available. */
  on: string;
  note: string;
  note_zh: string;
  source: Source;
}

/** When a product (web/mobile app, API, paid accounts) became available to the public, and when it ended. */
export interface ProductRelease {
  product: Exclude<Product, 'course'>;
  from: string;
  /** First day it was gone (same as `end.on`); absent while it lasts. */
  until?: string;
  end?: ProductEnd;
  note: string;
  note_zh: string;
  source: Source;
}

/**
 * What a release could output, from a date on (until the next entry). `product` = what the public product
 * offered; `research` = what the vendor showed during a preview; `reference` = default settings of open-source
 * code (anyone can change them, so they never refute a claim).
 * Resolutions are given as long side × short side so portrait and landscape are both covered.
 */
export interface OutputLimit {
  from: string;
  release: string;
  basis: 'product' | 'research' | 'reference';
  maxDurationS: number | null;
  maxLongSide: number | null;
  maxShortSide: number | null;
  note: string;
  source: Source;
}

export interface VisibleMark {
  text: string;
  note: string;
  source: Source;
}

/** How a generator's C2PA manifests identify it (claim generator, action softwareAgent, signer certificate). */
export interface C2paIdentity {
  claimGenerator?: string;
  softwareAgent?: string;
  organization?: string;
  organizationalUnit?: string;
  commonName?: string;
  note: string;
  source: Source;
}

export interface Generator {
  slug: string;
  /** Releases of one product line share a family ('sora' for sora and sora-2). */
  family: string;
  name: string;
  vendor: string;
  vendor_zh: string;
  kind: GeneratorKind;
  openSource: boolean;
  /**
   * Names people use for it. Matching is case-, width- and script-insensitive (see text-normalize.ts).
   * `family` aliases name the whole product line ("Sora"), not this release; they resolve to this entry, and
   * claim checks then consider every release of the family.
   */
  aliases: { en: string[]; zh: string[]; family?: string[] };
  /** First public mention (announcement, waitlist or preview). */
  announced: string;
  /**
   * The KB's first date is only the first it can source (e.g. an API launch); the generator may have existed
   * before, so a date earlier than `announced` proves nothing.
   */
  existedBefore?: boolean;
  /** First date anyone outside the vendor and its testers could use it; null if never (yet). */
  firstPublic: string | null;
  access: AccessPeriod[];
  products: ProductRelease[];
  limits: OutputLimit[];
  marks: VisibleMark[];
  c2pa: C2paIdentity[];
  sources: Source[];
}

export interface Person {
  en: string;
  /** Other romanisations or the name under which the person also publishes (e.g. "Wing Yin Ng"). */
  alt?: string[];
  /** Chinese-script forms used by the press, when known. */
  zh?: string[];
}

/** A dated fact in free form: statements, denials, policies. */
export interface Fact {
  id: string;
  subject: string;
  date: string;
  text: string;
  text_zh: string;
  source: Source;
  /** People the fact is about, when any. */
  people?: Person[];
}

export function sourceLabel(s: Source): string {
  const weak = s.strength === 'third-party' ? ', third-party' : '';
  const via = s.via ? `, official page seen via ${s.via}` : '';
  const local = s.local ? `, local overlay ${s.local}` : '';
  return `${s.ref} (${s.date}${weak}${via}${local})`;
}

/** A generator's access status on a date (KnowledgeBase.accessOn). */
export interface AccessOnResult {
  status: AccessStatus;
  /** Start of the current status (YYYY-MM-DD or YYYY-MM), null when unannounced. */
  since: string | null;
  /** Source of the current status, or of the announcement that came later when unannounced. */
  source: Source;
  note: string;
  note_zh: string;
  /** When unannounced: the date of the first announcement. */
  next?: string | null;
  /** End of the current period (exclusive), when the KB records one. */
  until?: string | null;
}
