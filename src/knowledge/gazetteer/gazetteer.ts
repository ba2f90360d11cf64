import { createRequire } from 'node:module';
import { iso1A2Code } from '@rapideditor/country-coder';
import countries from 'i18n-iso-countries';
import { PROVINCE_ALIASES, ZH_CN_CITIES, ZH_PROVINCES, ZH_WORLD_CITIES } from './zh-places.data.js';

/**
 * The offline gazetteer: names (en and zh) → places, and GPS → country / Chinese province. Data from npm:
 * `city-timezones` (7,300 Natural Earth populated places with coordinates, population and admin-1 names, MIT),
 * `i18n-iso-countries` (country names, zh and en), `@rapideditor/country-coder` (country borders), plus the zh
 * table in zh-places.data.ts. Loaded lazily, once (about 30 ms).
 */
export type PlaceKind = 'country' | 'province' | 'city';

export interface Place {
  kind: PlaceKind;
  /** English name. */
  name: string;
  name_zh: string | null;
  /** ISO 3166 alpha-2 (HK, MO, TW are their own codes, as country-coder returns them). */
  iso2: string;
  /** Admin-1 name (province, state), when known. */
  province: string | null;
  lat: number | null;
  lon: number | null;
  pop: number | null;
}

interface CityRow { city: string; city_ascii: string; lat: number; lng: number; pop: number; iso2: string; province: string }

const require = createRequire(import.meta.url);
const fold = (s: string) => (/^[\x20-\x7e]*$/.test(s) ? s : s.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').replace(/’/g, "'"))
  .toLowerCase().replace(/\s+/g, ' ').trim();

interface Index {
  /** Folded English name → places. */
  en: Map<string, Place[]>;
  /** Chinese name → places. */
  zh: Map<string, Place[]>;
  cities: Place[];
  /** Chinese cities and provincial capitals with their (correct) province, for GPS → province. */
  cnAnchors: Place[];
  available: boolean;
}

let index: Index | null = null;

function loadCities(): CityRow[] | null {
  try {
    return require('city-timezones/data/cityMap.json') as CityRow[];
  } catch {
    return null;
  }
}

function add(map: Map<string, Place[]>, key: string, p: Place): void {
  const k = key.includes(' ') || /[a-z]/i.test(key) ? fold(key) : key;
  const list = map.get(k) ?? [];
  if (!list.some((x) => x.kind === p.kind && x.name === p.name && x.iso2 === p.iso2 && x.province === p.province)) list.push(p);
  map.set(k, list);
}

function build(): Index {
  const rows = loadCities();
  const en = new Map<string, Place[]>();
  const zh = new Map<string, Place[]>();
  const enNames = countries.getNames('en', { select: 'all' }) as unknown as Record<string, string[]>;
  const zhNames = countries.getNames('zh', { select: 'all' }) as unknown as Record<string, string[]>;
  for (const [iso2, names] of Object.entries(enNames)) {
    const p: Place = { kind: 'country', name: shortName(names), name_zh: zhNames[iso2]?.[0] ?? null, iso2, province: null, lat: null, lon: null, pop: null };
    for (const n of names) if (n.length > 2 || /^U\.?[SK]\.?$/.test(n)) add(en, n, p);
    for (const n of zhNames[iso2] ?? []) add(zh, n, p);
  }
  add(en, 'America', en.get('usa')![0]);
  add(en, 'Britain', en.get('uk')![0]);
  add(en, 'England', en.get('uk')![0]);
  const tw = en.get('taiwan')![0];
  add(zh, '台湾', tw);
  add(zh, '美利坚', en.get('usa')![0]);

  for (const pr of ZH_PROVINCES) {
    const p: Place = { kind: 'province', name: pr.en, name_zh: pr.zh, iso2: pr.iso2, province: pr.en, lat: pr.lat, lon: pr.lon, pop: null };
    if (pr.iso2 !== 'CN') continue; // HK, MO, TW resolve as the places country-coder reports
    add(en, pr.en, p);
    add(zh, pr.zh, p);
    add(zh, pr.full, p);
  }
  for (const [alias, name] of Object.entries(PROVINCE_ALIASES)) add(en, alias, en.get(fold(name))!.find((x) => x.kind === 'province')!);

  const cities: Place[] = [];
  const byAscii = new Map<string, Place[]>();
  for (const r of rows ?? []) {
    const p: Place = { kind: 'city', name: r.city_ascii, name_zh: null, iso2: r.iso2, province: r.province || null, lat: r.lat, lon: r.lng, pop: Math.round(r.pop) };
    cities.push(p);
    byAscii.set(r.city_ascii, [...(byAscii.get(r.city_ascii) ?? []), p]);
    add(en, r.city_ascii, p);
    if (r.city !== r.city_ascii) add(en, r.city, p);
  }
  const cnAnchors: Place[] = [];
  for (const [name, ascii, province] of ZH_CN_CITIES) {
    const row = (byAscii.get(ascii) ?? []).find((c) => ['CN', 'TW'].includes(c.iso2) && (c.province === province || (byAscii.get(ascii) ?? []).length === 1));
    if (!row) continue;
    const p: Place = { ...row, name_zh: name.replace(/市$/, ''), province };
    add(zh, name, p);
    if (!name.endsWith('市')) add(zh, `${name}市`, p);
    if (p.iso2 === 'CN') cnAnchors.push(p);
  }
  for (const pr of ZH_PROVINCES.filter((x) => x.iso2 === 'CN')) {
    cnAnchors.push({ kind: 'city', name: `${pr.en} (capital)`, name_zh: pr.zh, iso2: 'CN', province: pr.en, lat: pr.lat, lon: pr.lon, pop: null });
  }
  for (const [name, ascii, iso2] of ZH_WORLD_CITIES) {
    const row = (byAscii.get(ascii) ?? []).filter((c) => c.iso2 === iso2).sort((a, b) => (b.pop ?? 0) - (a.pop ?? 0))[0];
    if (row) add(zh, name, { ...row, name_zh: name });
  }
  return { en, zh, cities, cnAnchors, available: rows !== null };
}

function idx(): Index {
  index ??= build();
  return index;
}

/** Whether the city list is installed (without it only countries and provinces resolve). */
export function gazetteerAvailable(): boolean {
  return idx().available;
}

/** Places an English or Chinese name can mean, most populous first (countries and provinces before cities). */
export function lookupPlace(name: string): Place[] {
  const i = idx();
  const hits = /[\u4e00-\u9fff]/.test(name) ? i.zh.get(name.trim()) ?? [] : i.en.get(fold(name)) ?? [];
  const rank = { country: 0, province: 1, city: 2 };
  return [...hits].sort((a, b) => rank[a.kind] - rank[b.kind] || (b.pop ?? 0) - (a.pop ?? 0));
}

/** All Chinese names the gazetteer knows, longest first (for scanning text). */
export function zhNames(): string[] {
  zhSorted ??= [...idx().zh.keys()].sort((a, b) => b.length - a.length);
  return zhSorted;
}
let zhSorted: string[] | null = null;

/** Great-circle distance in km. */
export function distanceKm(a: { lat: number; lon: number }, b: { lat: number; lon: number }): number {
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad;
  const dLon = (b.lon - a.lon) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * 6371 * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** The country (or territory: HK, MO, TW) a GPS position lies in; null at sea. */
export function countryAt(lat: number, lon: number): string | null {
  return iso1A2Code([lon, lat], { level: 'territory' });
}

/** Chinese province of a GPS position in mainland China: the province of the nearest known city or capital. */
export function cnProvinceAt(lat: number, lon: number): { province: string; nearest: Place; km: number } | null {
  let best: { p: Place; km: number } | null = null;
  for (const p of idx().cnAnchors) {
    const km = distanceKm({ lat, lon }, { lat: p.lat!, lon: p.lon! });
    if (!best || km < best.km) best = { p, km };
  }
  return best ? { province: best.p.province!, nearest: best.p, km: best.km } : null;
}

/** Distance from a GPS position to the nearest known city or capital of a Chinese province. */
export function kmToProvince(lat: number, lon: number, province: string): number {
  const anchors = idx().cnAnchors.filter((p) => p.province === province);
  return Math.min(...anchors.map((p) => distanceKm({ lat, lon }, { lat: p.lat!, lon: p.lon! })));
}

/** The everyday English name: "United States", "United Kingdom", "South Korea", "China". */
function shortName(names: string[]): string {
  const second = names[1];
  return second && second.length > 3 && !second.includes(',') ? second : names[0];
}

/** English country name of an ISO code, and its Chinese name. */
export function countryName(iso2: string): { en: string; zh: string } {
  const en = shortName(countries.getName(iso2, 'en', { select: 'all' }) ?? [iso2]);
  return { en, zh: countries.getName(iso2, 'zh') ?? en };
}

countries.registerLocale(require('i18n-iso-countries/langs/en.json'));
countries.registerLocale(require('i18n-iso-countries/langs/zh.json'));
