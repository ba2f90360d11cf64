import { toDay, today } from './dates.js';
import { sourceLabel, type AccessOnResult, type Fact, type Generator, type Product, type Strength } from './knowledge.types.js';

/** What the availability query reads from the knowledge base (KnowledgeBase implements it; kb.ts imports this file). */
export interface ProductKb {
  generator(slug: string): Generator | null;
  familyOf(slug: string): Generator[];
  noCourseFact(vendor: string): Fact | null;
  familyAccessOn(slug: string, date: string): (AccessOnResult & { slug: string }) | null;
}

export interface ProductAvailability {
  /** true: it existed publicly on the date; false: it did not (or never does); null: the KB does not know. */
  available: boolean | null;
  product: Product;
  /** Release of the family that offered it, when available (or the first that did, later). */
  slug: string | null;
  since: string | null;
  reasons: string[];
  reasons_zh: string[];
  sources: string[];
  strength: Strength | null;
  /** When the product existed but had been switched off by the date: when, and the source saying so. */
  ended?: { on: string; note: string; note_zh: string; source: string } | null;
}

const RANK: Record<Strength, number> = { 'third-party': 0, press: 1, primary: 2 };
function strongest(a: Strength, b: Strength): Strength {
  return RANK[a] >= RANK[b] ? a : b;
}

const WORD: Record<Product, { en: string; zh: string }> = {
  app: { en: 'app', zh: '应用' },
  api: { en: 'API', zh: 'API' },
  account: { en: 'account', zh: '账号' },
  course: { en: 'official course', zh: '官方课程' },
};

/**
 * "Was product P of generator G available on date D?" — for availability and sale claims ("Sora API access",
 * "Sora account for sale", "official Sora course"). Products of any release of G's family count: an "API for
 * Sora" after 2025-10-06 is the Sora 2 API.
 */
export function productAvailabilityQuery(kb: ProductKb, slug: string, product: Product, date: string): ProductAvailability {
  const day = toDay(date) ?? today();
  const g = kb.generator(slug);
  const w = WORD[product];
  const none = { product, slug: null, since: null, sources: [] as string[], strength: null };
  if (!g) return { ...none, available: null, reasons: [`Unknown generator "${slug}".`], reasons_zh: [`未知生成器 "${slug}"。`] };

  if (product === 'course') {
    const fact = kb.noCourseFact(g.vendor);
    if (fact) {
      return {
        ...none, available: false, slug: g.slug,
        reasons: [`${fact.text} (so there is no official ${g.name} course)`],
        reasons_zh: [`${fact.text_zh}（因此不存在 ${g.name} 官方课程）`],
        sources: [sourceLabel(fact.source)], strength: fact.source.strength,
      };
    }
    return {
      ...none, available: null,
      reasons: [`The knowledge base records no official course for ${g.name}.`],
      reasons_zh: [`知识库没有 ${g.name} 官方课程的记录。`],
    };
  }

  const family = kb.familyOf(slug);
  const releases = family
    .flatMap((m) => m.products.filter((p) => p.product === product).map((p) => ({ m, p, day: toDay(p.from) ?? '9999' })))
    .sort((a, b) => a.day.localeCompare(b.day));
  const live = (r: (typeof releases)[number]) => r.day <= day && !(r.p.until && (toDay(r.p.until) ?? '9999') <= day);
  const open = releases.find(live);
  const gone = releases.filter((r) => r.day <= day && r.p.end && !live(r)).sort((a, b) => a.p.end!.on.localeCompare(b.p.end!.on)).pop();
  if (!open && gone) {
    const end = gone.p.end!;
    const note = end.note.charAt(0).toUpperCase() + end.note.slice(1);
    return {
      available: false, product, slug: gone.m.slug, since: gone.p.from,
      reasons: [`${note}; on ${day} no ${g.name} ${w.en} existed any more.`],
      reasons_zh: [`${end.note_zh}；${day} 时已不存在任何 ${g.name} ${w.zh}。`],
      sources: [sourceLabel(end.source)], strength: end.source.strength,
      ended: { on: end.on, note: end.note, note_zh: end.note_zh, source: sourceLabel(end.source) },
    };
  }
  if (open) {
    return {
      available: true, product, slug: open.m.slug, since: open.p.from,
      reasons: [`A ${w.en} of ${open.m.name} has existed since ${open.p.from}: ${open.p.note}.`],
      reasons_zh: [`${open.m.name} 的${w.zh}自 ${open.p.from} 起可用：${open.p.note_zh}。`],
      sources: [sourceLabel(open.p.source)], strength: open.p.source.strength,
    };
  }
  const access = kb.familyAccessOn(slug, day);
  const later = releases[0];
  if (later) {
    const reasons = [`No ${w.en} of ${g.name} existed on ${day}: the first (${later.m.name}) opened on ${later.p.from}.`];
    const reasons_zh = [`${day} 时不存在任何 ${g.name} ${w.zh}：第一个（${later.m.name}）于 ${later.p.from} 才开放。`];
    const sources = [sourceLabel(later.p.source)];
    if (access && access.status !== 'public') {
      reasons.push(`On ${day} ${g.name} was ${access.status === 'preview' ? 'preview-only' : 'unannounced'}: ${access.note}.`);
      reasons_zh.push(`${day} 时 ${g.name} ${access.status === 'preview' ? '仅限内部预览' : '尚未发布'}：${access.note_zh}。`);
      sources.push(sourceLabel(access.source));
    }
    // Independent reasons: the verdict is as strong as the strongest of them.
    const strength = access && access.status !== 'public' ? strongest(later.p.source.strength, access.source.strength) : later.p.source.strength;
    return { available: false, product, slug: later.m.slug, since: later.p.from, reasons, reasons_zh, sources: [...new Set(sources)], strength };
  }
  if (access && access.status !== 'public') {
    return {
      ...none, available: false, slug: access.slug,
      reasons: [`On ${day} ${g.name} was ${access.status === 'preview' ? 'preview-only' : 'unannounced'}, so no public ${w.en} existed: ${access.note}.`],
      reasons_zh: [`${day} 时 ${g.name} ${access.status === 'preview' ? '仅限内部预览' : '尚未发布'}，不存在公开的${w.zh}：${access.note_zh}。`],
      sources: [sourceLabel(access.source)], strength: access.source.strength,
    };
  }
  return {
    ...none, available: null,
    reasons: [`The knowledge base has no record of a ${g.name} ${w.en}.`],
    reasons_zh: [`知识库没有 ${g.name} ${w.zh}的记录。`],
  };
}
