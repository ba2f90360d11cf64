import { AliasIndex, type FindOptions, type GeneratorMention } from './alias-index.js';
import { addDays, toDay, today } from './dates.js';
import { AUTHOR_LISTS, FACTS, NO_COURSE_VENDORS, OFFICIAL_CHANNELS, type AuthorList, type OfficialChannel } from './facts.data.js';
import { KB_AS_OF } from './facts-2026.data.js';
import { GENERATORS } from './generators.data.js';
import type { AccessOnResult, AccessStatus, Fact, Generator, Person, Product, Source } from './knowledge.types.js';
import { firstDay } from './kb-helpers.js';
import { sourceLabel } from './knowledge.types.js';
import { findPerson, nameKeys } from './person-names.js';
import type { NormalizedText } from './text-normalize.js';
import { canProduceQuery, type CanProduceResult, type ClipShape } from './capability.query.js';
import { productAvailabilityQuery, type ProductAvailability } from './product.query.js';

export type { GeneratorMention } from './alias-index.js';
export type { CanProduceResult, ClipShape } from './capability.query.js';
export type { ProductAvailability } from './product.query.js';
export type { AccessOnResult } from './knowledge.types.js';

export interface KnowledgeData {
  generators: readonly Generator[];
  authors: readonly AuthorList[];
  facts: readonly Fact[];
  channels: readonly OfficialChannel[];
  noCourseVendors: readonly { vendor: string; factId: string }[];
  /** Last day the data is known to be complete (`YYYY-MM-DD`); later events are unknown. */
  asOf?: string;
  /** Local overlay files merged into this data, in load order. */
  overlays?: readonly OverlayRef[];
}

/** A local overlay file merged into the KB: its path as given and the SHA-256 of its bytes. */
export interface OverlayRef {
  file: string;
  sha256: string;
}

/**
 * Queries over the knowledge base. Pure: no I/O, no clock except where a date is omitted (then "today").
 * Dates in and out are `YYYY-MM-DD` (month-only KB dates count as the first day of the month).
 */
export class KnowledgeBase {
  private readonly bySlug = new Map<string, Generator>();
  private readonly aliases: AliasIndex;

  constructor(readonly data: KnowledgeData) {
    for (const g of data.generators) {
      if (this.bySlug.has(g.slug)) throw new Error(`generator slug "${g.slug}" defined twice`);
      this.bySlug.set(g.slug, g);
    }
    this.aliases = new AliasIndex(data.generators);
  }

  generators(): readonly Generator[] {
    return this.data.generators;
  }

  generator(slug: string): Generator | null {
    return this.bySlug.get(slug.trim().toLowerCase()) ?? null;
  }

  /** Every generator named in a text, in order (longest alias wins on overlap). */
  findGenerators(text: string | NormalizedText, opts?: FindOptions): GeneratorMention[] {
    return this.aliases.find(text, opts);
  }

  /** The first generator named in a text (alias lookup, case/width/script-insensitive), or null. */
  findGenerator(text: string): Generator | null {
    const m = this.aliases.find(text)[0];
    return m ? this.generator(m.slug) : null;
  }

  /** Releases of one product line (sora and sora-2; veo, veo-2 and veo-3). A slug is always its own family. */
  sameFamily(a: string, b: string): boolean {
    if (a.trim().toLowerCase() === b.trim().toLowerCase()) return true;
    const ga = this.generator(a);
    const gb = this.generator(b);
    return ga !== null && gb !== null && ga.family === gb.family;
  }

  /** Every release of the generator's family, oldest first. */
  familyOf(slug: string): Generator[] {
    const g = this.generator(slug);
    if (!g) return [];
    return this.data.generators.filter((x) => x.family === g.family).sort((x, y) => firstDay(x).localeCompare(firstDay(y)));
  }

  /** First day the generator was known to exist outside its vendor (announcement or first access). */
  firstKnownDate(slug: string): string | null {
    const g = this.generator(slug);
    return g ? firstDay(g) : null;
  }

  /** Generators announced (or released) on or before the date. */
  existingOn(date: string): Generator[] {
    const d = toDay(date);
    if (!d) return [];
    return this.data.generators.filter((g) => firstDay(g) <= d);
  }

  /** Access status of a generator on a date: unannounced, preview-only or public. */
  accessOn(slug: string, date: string): AccessOnResult | null {
    const g = this.generator(slug);
    const d = toDay(date);
    if (!g || !d) return null;
    const periods = [...g.access].sort((a, b) => (toDay(a.from) ?? '').localeCompare(toDay(b.from) ?? ''));
    const current = periods.filter((p) => (toDay(p.from) ?? '9999') <= d).pop();
    if (current && current.until && current.status !== 'ended' && (toDay(current.until) ?? '9999') <= d) {
      // A period with an end but no recorded `ended` period after it: access ended on `until`.
      return {
        status: 'ended', since: current.until, source: current.source, until: null,
        note: `${g.name} access ended on ${current.until}`, note_zh: `${g.name} 已于 ${current.until} 停止服务`,
      };
    }
    if (!current) {
      const first = periods[0];
      return {
        status: 'unannounced',
        since: null,
        source: first?.source ?? g.sources[0],
        note: `${g.name} had not been announced yet (first announced ${g.announced})`,
        note_zh: `${g.name} 当时尚未发布（首次发布于 ${g.announced}）`,
        next: g.announced,
      };
    }
    return { status: current.status, since: current.from, source: current.source, note: current.note, note_zh: current.note_zh, until: current.until ?? null };
  }

  /** Last day the KB's data is known to be complete. */
  asOf(): string {
    return this.data.asOf ?? KB_AS_OF;
  }

  /** Local overlays merged into this KB. */
  overlays(): readonly OverlayRef[] {
    return this.data.overlays ?? [];
  }

  /** Whether a date lies after the KB's horizon (events then are unknown to it). */
  isAfterHorizon(date: string | null | undefined): boolean {
    const d = toDay(date ?? null);
    return d !== null && d > this.asOf();
  }

  /** Status of the whole family on a date: the most open status any release had. */
  familyAccessOn(slug: string, date: string): (AccessOnResult & { slug: string }) | null {
    const rank: Record<AccessStatus, number> = { unannounced: 0, ended: 1, preview: 2, public: 3 };
    let best: (AccessOnResult & { slug: string }) | null = null;
    for (const g of this.familyOf(slug)) {
      const a = this.accessOn(g.slug, date);
      if (!a) continue;
      // Among releases that all ended, the last end is the one that closed the family.
      const later = best !== null && a.status === best.status && a.status === 'ended' && (toDay(a.since) ?? '') > (toDay(best.since) ?? '');
      if (!best || rank[a.status] > rank[best.status] || later) best = { ...a, slug: g.slug };
    }
    return best;
  }

  /** Could the generator have produced a clip of this duration/size on the date? */
  canProduce(slug: string, clip: ClipShape & { date?: string | null; family?: boolean }): CanProduceResult {
    return canProduceQuery(this, slug, clip);
  }

  /** Was a product (app, API, account, official course) of the generator's family available on the date? */
  productAvailableOn(slug: string, product: Product, date: string): ProductAvailability {
    return productAvailabilityQuery(this, slug, product, date);
  }

  /** Author list of the generator's technical report. */
  authorsOf(slug: string): { names: string[]; people: Person[]; title: string; source: Source; date: string } | null {
    const list = this.authorList(slug);
    if (!list) return null;
    return { names: list.people.map((p) => p.en), people: list.people, title: list.title, source: list.source, date: list.date };
  }

  /** Whether `name` is among the report authors (order-, case-, script-insensitive). False when no list is known. */
  isAuthor(slug: string, name: string): boolean {
    return this.findAuthor(slug, name) !== null;
  }

  /** The matching author, or null. */
  findAuthor(slug: string, name: string): Person | null {
    const list = this.authorList(slug);
    return list ? findPerson(list.people, name) : null;
  }

  /** Dated facts that name this person (e.g. a denial). */
  factsAboutPerson(name: string): Fact[] {
    if (nameKeys(name).size === 0) return [];
    return this.data.facts.filter((f) => f.people && findPerson(f.people, name) !== null);
  }

  fact(id: string): Fact | null {
    return this.data.facts.find((f) => f.id === id) ?? null;
  }

  factsAbout(subject: string): Fact[] {
    return this.data.facts.filter((f) => f.subject === subject);
  }

  officialChannels(vendor?: string): OfficialChannel[] {
    return this.data.channels.filter((c) => !vendor || c.vendor.toLowerCase() === vendor.toLowerCase());
  }

  /** Whether a host name is an official channel (or a subdomain of one). */
  isOfficialDomain(host: string): OfficialChannel | null {
    const h = host.trim().toLowerCase().replace(/\.$/, '');
    return this.data.channels.find((c) => h === c.domain || h.endsWith(`.${c.domain}`)) ?? null;
  }

  /** The fact saying this vendor sells no courses, if any. */
  noCourseFact(vendor: string): Fact | null {
    const entry = this.data.noCourseVendors.find((v) => v.vendor.toLowerCase() === vendor.toLowerCase());
    return entry ? this.fact(entry.factId) : null;
  }

  /**
   * The generator a C2PA manifest identifies (claim generator, softwareAgent, signer), or null.
   * `kind` disambiguates vendors whose identity is shared by image and video models (Google).
   */
  generatorFromC2pa(
    fields: { claimGenerator?: string | null; softwareAgent?: string | null; organization?: string | null; commonName?: string | null },
    kind?: 'video' | 'image',
  ): Generator | null {
    const norm = (s: string | null | undefined) => (s ?? '').toLowerCase().replace(/[\s_·.-]+/g, ' ').trim();
    const has = (a: string | null | undefined, b: string | undefined) => !!a && !!b && norm(a).includes(norm(b));
    let best: { g: Generator; score: number } | null = null;
    for (const g of this.data.generators) {
      if (kind && g.kind !== kind) continue;
      for (const id of g.c2pa) {
        let score = 0;
        if (has(fields.softwareAgent, id.softwareAgent)) score += 4;
        if (has(fields.commonName, id.commonName)) score += 3;
        if (has(fields.claimGenerator, id.claimGenerator)) score += 2;
        if (id.organization && norm(fields.organization) === norm(id.organization)) score += 1;
        if (score >= 2 && (!best || score > best.score)) best = { g, score };
      }
    }
    return best?.g ?? null;
  }

  private authorList(slug: string): AuthorList | null {
    return this.data.authors.find((a) => a.slug === slug.trim().toLowerCase()) ?? null;
  }
}

export { sourceLabel, addDays, today };
export { firstDay, weakest } from './kb-helpers.js';

/** The built-in data (the data files in this folder), before any local overlay. */
export const BUILTIN_DATA: KnowledgeData = {
  generators: GENERATORS,
  authors: AUTHOR_LISTS,
  facts: FACTS,
  channels: OFFICIAL_CHANNELS,
  noCourseVendors: NO_COURSE_VENDORS,
  asOf: KB_AS_OF,
};

/** The default knowledge base, built from the data files in this folder. */
export const kb = new KnowledgeBase(BUILTIN_DATA);

export const findGenerator = (text: string) => kb.findGenerator(text);
export const findGenerators = (text: string) => kb.findGenerators(text);
export const generator = (slug: string) => kb.generator(slug);
export const sameFamily = (a: string, b: string) => kb.sameFamily(a, b);
export const existingOn = (date: string) => kb.existingOn(date);
export const accessOn = (slug: string, date: string) => kb.accessOn(slug, date);
export const authorsOf = (slug: string) => kb.authorsOf(slug);
export const isAuthor = (slug: string, name: string) => kb.isAuthor(slug, name);
export const canProduce = (slug: string, clip: ClipShape & { date?: string | null; family?: boolean }) => kb.canProduce(slug, clip);
export const productAvailableOn = (slug: string, product: Product, date: string) => kb.productAvailableOn(slug, product, date);
