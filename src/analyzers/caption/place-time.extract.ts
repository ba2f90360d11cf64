import type { Claim } from '../../domain/claim.js';
import { lookupPlace, zhNames, type Place } from '../../knowledge/gazetteer/gazetteer.js';
import { findTimePhrases } from '../../knowledge/time-phrases.js';

/**
 * Place and time claims read from a caption (CONTRACTS.md "Wave 2": claim types `location` and `date`): the
 * places the post says the media shows ("in Osaka", "广州塔", "Seattle, Washington", "四川", "杭州街头"), resolved by
 * the offline gazetteer, and the time phrases ("live now", "yesterday", 昨晚, 去年) resolved against the post date.
 * Judging them against GPS and capture date is the place-time checker's job.
 */

export interface PlaceMention {
  start: number;
  end: number;
  text: string;
  /** What the name can mean, most likely first (one place, or a few same-named cities). */
  candidates: Place[];
}

const PREP = /\b(?:in|at|near|from|outside|around|across|over|downtown|throughout|inside|of)\s+(?:the\s+)?$/i;
/** Words after a name that make it a company, product, language or cuisine rather than a place shown. */
const EN_NOT_PLACE = /^\s*(?:-?based\b|(?:AI|company|startup|lab|labs|team|model|government|food|cuisine|style|time|language|version)\b)/i;
/** Country names that are also common words or names; they need a preposition ("in Jordan", not "Jordan shoes"). */
const EN_AMBIGUOUS = new Set(['jordan', 'georgia', 'chad', 'turkey', 'guinea', 'jersey', 'niger', 'dominica', 'china', 'japan', 'india', 'victoria', 'washington']);
const ZH_NOT_PLACE = /^(?:[A-Za-z]|公司|字节|阿里|腾讯|百度|快手|智谱|商汤|华为|动漫|动画|漫画|风|团队|模型|厂商|企业|版|人|产|制造|政府|队|籍|话|菜|风格|式|大学|银行|电视台|卫视|时间|特色|品牌|科技|网友)/;
const ZH_BEFORE_NOT = /(?:非|不是|不在|并非|绝非)在?$/;
const MIN_CITY_POP = 100_000;
const BIG_CITY_POP = 1_000_000;

function keepCandidates(all: Place[]): Place[] {
  if (all.length === 0) return [];
  const top = all[0];
  if (top.kind !== 'city') return [top];
  const cities = all.filter((p) => p.kind === 'city' && (p.pop ?? 0) >= MIN_CITY_POP);
  const best = cities[0]?.pop ?? 0;
  // Same-named cities of comparable size stay candidates ("Suzhou"); a town far smaller does not ("Paris, Texas").
  return cities.filter((p) => (p.pop ?? 0) >= best * 0.2).slice(0, 4);
}

/** A qualifier after a city (", Washington", ", Japan") narrows its candidates. */
function qualify(text: string, end: number, cands: Place[], all: Place[]): { cands: Place[]; end: number } {
  const m = /^,\s*([A-Z][\p{L}.'-]*(?:\s[A-Z][\p{L}.'-]*){0,2})/u.exec(text.slice(end));
  if (!m) return { cands, end };
  const q = m[1].toLowerCase();
  const qCountry = lookupPlace(m[1]).find((p) => p.kind === 'country');
  const narrowed = all.filter((c) => c.kind === 'city').filter((c) => (c.province ?? '').toLowerCase() === q || (qCountry && c.iso2 === qCountry.iso2));
  return narrowed.length ? { cands: narrowed, end: end + m[0].length } : { cands, end };
}

function englishPlaces(text: string): PlaceMention[] {
  const out: PlaceMention[] = [];
  const re = /\b[A-Z][\p{L}'.-]*(?:\s+(?:[A-Z][\p{L}'.-]*|de|do|da|la|el|of))*/gu;
  for (const m of text.matchAll(re)) {
    const words = m[0].split(/\s+/);
    let offset = m.index!;
    for (let i = 0; i < words.length;) {
      let hit: { n: number; cands: Place[]; all: Place[]; name: string } | null = null;
      for (let n = Math.min(3, words.length - i); n >= 1 && !hit; n--) {
        const name = words.slice(i, i + n).join(' ').replace(/[.'’-]+$/u, '');
        const all = lookupPlace(name);
        const cands = keepCandidates(all);
        if (cands.length) hit = { n, cands, all, name };
      }
      if (!hit) {
        offset += words[i].length + 1;
        i++;
        continue;
      }
      const start = text.indexOf(hit.name, offset);
      let end = start + hit.name.length;
      const before = text.slice(Math.max(0, start - 24), start);
      const top = hit.cands[0];
      const prep = PREP.test(before);
      // Without a preposition only a big city or a country counts, and only standing alone ("Paris Hilton",
      // "New York Times" and "Moscow Mule" are not places).
      const alone = i + hit.n >= words.length || /^(?:de|do|da|la|el|of)$/.test(words[i + hit.n]);
      const big = (top.kind !== 'city' || (top.pop ?? 0) >= BIG_CITY_POP) && alone && !EN_AMBIGUOUS.has(hit.name.toLowerCase());
      const notPlace = EN_NOT_PLACE.test(text.slice(end)) || /\bmade in\s+$/i.test(before);
      if ((prep || big) && !notPlace) {
        const q = qualify(text, end, hit.cands, hit.all);
        end = q.end;
        out.push({ start, end, text: text.slice(start, end), candidates: q.cands });
      }
      offset = start + hit.name.length + 1;
      i += hit.n;
    }
  }
  return out;
}

function chinesePlaces(text: string): PlaceMention[] {
  const out: PlaceMention[] = [];
  const names = zhNames();
  for (let i = 0; i < text.length;) {
    const name = /[\u4e00-\u9fff]/.test(text[i]) ? names.find((n) => text.startsWith(n, i)) : undefined;
    if (!name) {
      i++;
      continue;
    }
    const end = i + name.length;
    if (!ZH_NOT_PLACE.test(text.slice(end)) && !ZH_BEFORE_NOT.test(text.slice(0, i))) {
      const cands = keepCandidates(lookupPlace(name));
      if (cands.length) out.push({ start: i, end, text: name, candidates: cands });
    }
    i = end;
  }
  return out;
}

/** Places the text names as where the media was recorded, in text order, one mention per place. */
export function findPlaces(text: string): PlaceMention[] {
  const all = [...englishPlaces(text), ...chinesePlaces(text)].sort((a, b) => a.start - b.start);
  const seen = new Set<string>();
  return all.filter((p) => {
    const key = p.candidates.map((c) => `${c.kind}:${c.iso2}:${c.name}:${c.province}`).join('|');
    return seen.has(key) ? false : (seen.add(key), true);
  });
}

const round = (x: number | null) => (x === null ? null : Math.round(x * 1e4) / 1e4);
const placeValue = (p: Place) => ({ kind: p.kind, name: p.name, name_zh: p.name_zh, iso2: p.iso2, province: p.province, lat: round(p.lat), lon: round(p.lon), pop: p.pop });

/**
 * The place and time claims of a caption: one `location` claim naming every place mentioned (the media is
 * judged to be at one of them), and one `date` claim per time phrase. `exclude` spans (dates another reader
 * already claimed) are not claimed twice.
 */
export function placeTimeClaims(text: string, postedAt: string | null, origin: Claim['origin'] = 'caption'): Claim[] {
  const claims: Claim[] = [];
  const places = findPlaces(text);
  if (places.length) {
    const names = places.map((p) => p.text).join(' / ');
    claims.push({
      type: 'location', text: names, status: 'unverified', origin,
      reasons: [`The post says the media shows ${places.map((p) => describe(p.candidates[0]).en).join(' or ')}.`],
      reasons_zh: [`帖子称画面拍摄于${places.map((p) => describe(p.candidates[0]).zh).join('或')}。`],
      sources: [], span: { start: places[0].start, end: places[0].end },
      value: { places: places.map((p) => ({ text: p.text, candidates: p.candidates.map(placeValue) })) },
    });
  }
  for (const t of findTimePhrases(text, postedAt)) {
    claims.push({
      type: 'date', text: t.text, status: 'unverified', origin,
      reasons: [t.window ? `The post says it was recorded ${t.window.from === t.window.to ? `on ${t.window.from}` : `between ${t.window.from} and ${t.window.to}`} ("${t.text}", judged against the post date).` : `The post says when it was recorded ("${t.text}"), but without a post date that cannot be placed in time.`],
      reasons_zh: [t.window ? `帖子称拍摄于${t.window.from === t.window.to ? t.window.from : `${t.window.from} 至 ${t.window.to} 之间`}（“${t.text}”，按发布日期推算）。` : `帖子说明了拍摄时间（“${t.text}”），但没有发布日期，无法换算成具体日期。`],
      sources: [], span: { start: t.start, end: t.end },
      value: { relative: t.text, date: t.window && t.window.from === t.window.to ? t.window.from : null, ...(t.window ? { from: t.window.from, to: t.window.to, window: t.window.kind } : {}) },
    });
  }
  return claims;
}

export function describe(p: Pick<Place, 'kind' | 'name' | 'name_zh' | 'province' | 'iso2'>): { en: string; zh: string } {
  const zh = p.name_zh ?? p.name;
  if (p.kind === 'city') return { en: `${p.name}${p.province ? `, ${p.province}` : ''} (${p.iso2})`, zh };
  if (p.kind === 'province') return { en: `${p.name} province (${p.iso2})`, zh };
  return { en: p.name, zh };
}
