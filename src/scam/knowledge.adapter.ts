import { kb as defaultKb, sourceLabel, type KnowledgeBase } from '../knowledge/kb.js';
import type { AuthorAnswer, AvailabilityProduct, DatedAnswer, ScamKnowledge } from './knowledge.port.js';

const day = (d: string) => (/^\d{4}-\d{2}$/.test(d) ? `${d}-01` : d.slice(0, 10));

/**
 * The scam desk's view of the knowledge base (src/knowledge/kb.ts). Products are judged over the whole family
 * ("Sora API" = any Sora release with an API on that date), as the access rules in FACTS.md do.
 */
export function knowledgeFor(kb: KnowledgeBase = defaultKb): ScamKnowledge {
  return {
    findGenerator: (text) => kb.findGenerator(text)?.slug ?? null,
    namesRelease: (text) => {
      const m = kb.findGenerators(text)[0];
      return Boolean(m && !m.generic);
    },
    displayName: (slug) => kb.generator(slug)?.name ?? slug,
    availability(slug, product: AvailabilityProduct, date, opts = {}): DatedAnswer | null {
      const d = day(date);
      if (!kb.generator(slug)) return null;
      const family = opts.release ? [kb.generator(slug)!] : kb.familyOf(slug);
      const accessOn = (s: string, at: string) => (opts.release ? (() => { const a = kb.accessOn(s, at); return a ? { ...a, slug: s } : null; })() : kb.familyAccessOn(s, at));
      if (product === 'access') {
        const a = accessOn(slug, d);
        if (!a) return null;
        if (a.status === 'ended') {
          return {
            available: false, status: 'ended', since: firstPublic(kb, slug, opts.release ?? false), source: sourceLabel(a.source),
            note: a.note, note_zh: a.note_zh,
            ended: { on: day(a.since ?? d), note: a.note, note_zh: a.note_zh, source: sourceLabel(a.source), strength: a.source.strength },
          };
        }
        return {
          available: a.status === 'public',
          status: a.status,
          since: a.status === 'public' ? day(a.since ?? d) : firstPublic(kb, slug, opts.release ?? false),
          source: sourceLabel(a.source),
          note: a.note,
          note_zh: a.note_zh,
        };
      }
      const releases = family.flatMap((g) => g.products.filter((p) => p.product === product).map((p) => ({ g, p })));
      // No dated record of this product for the family: judge by the generator's access status instead.
      if (releases.length === 0) return this.availability(slug, 'access', date, opts);
      releases.sort((a, b) => day(a.p.from).localeCompare(day(b.p.from)));
      const started = releases.filter((r) => day(r.p.from) <= d);
      const live = started.filter((r) => !(r.p.until && day(r.p.until) <= d)).pop();
      const access = accessOn(slug, d);
      if (live) {
        return { available: true, status: 'public', since: day(live.p.from), source: sourceLabel(live.p.source), note: live.p.note, note_zh: live.p.note_zh };
      }
      const gone = started.filter((r) => r.p.end).sort((a, b) => a.p.end!.on.localeCompare(b.p.end!.on)).pop();
      if (gone) {
        const e = gone.p.end!;
        return {
          available: false, status: 'ended', since: day(gone.p.from), source: sourceLabel(e.source), note: e.note, note_zh: e.note_zh,
          ended: { on: e.on, note: e.note, note_zh: e.note_zh, source: sourceLabel(e.source), strength: e.source.strength },
        };
      }
      const next = releases[0];
      const src = next ? next.p.source : access?.source ?? kb.generator(slug)!.sources[0];
      return {
        available: false,
        status: access?.status ?? 'unannounced',
        since: next ? day(next.p.from) : null,
        source: sourceLabel(src),
        note: next?.p.note,
        note_zh: next?.p.note_zh,
      };
    },
    authorsOf(slug): AuthorAnswer | null {
      const family = kb.familyOf(slug).map((g) => g.slug);
      for (const s of [slug, ...family]) {
        const a = kb.authorsOf(s);
        if (a) return { names: a.names, source: sourceLabel(a.source), date: a.date, title: a.title };
      }
      return null;
    },
    isAuthor(slug, name) {
      const family = kb.familyOf(slug).map((g) => g.slug);
      return [slug, ...family].some((s) => kb.isAuthor(s, name));
    },
    officialDomains: () => kb.officialChannels().map((c) => c.domain),
    asOf: () => kb.asOf(),
  };
}

function firstPublic(kb: KnowledgeBase, slug: string, release: boolean): string | null {
  const dates = (release ? [kb.generator(slug)!] : kb.familyOf(slug))
    .map((g) => g.firstPublic)
    .filter((x): x is string => Boolean(x))
    .map(day)
    .sort();
  return dates[0] ?? null;
}
