import { OFFICIAL_CHANNELS } from '../knowledge/facts.data.js';
import { foldConfusables } from './normalize.js';
import { PHISHY_HOST } from './lexicon.data.js';
import { RISKY_TLDS, type FoundUrl } from './url.extract.js';

/**
 * Official domains: the knowledge base's official channels (OpenAI's from FACTS.md plus the main sites of other
 * generators, so that "klingai-free.xyz" is caught). Subdomains are official too. More via the config
 * (kb.officialDomains, --official-domain) or a KB overlay.
 */
export const DEFAULT_OFFICIAL_DOMAINS: readonly string[] = OFFICIAL_CHANNELS.map((c) => c.domain);

export type LookalikeReason =
  | 'official'
  | 'homoglyph'
  | 'brand_other_tld'
  | 'brand_with_keyword'
  | 'edit_distance'
  | 'brand_in_subdomain'
  | 'brand_in_path'
  | 'new_tld';

export interface DomainVerdict {
  url: string;
  host: string;
  lookalike_of: string | null;
  reasons: LookalikeReason[];
}

const TWO_LEVEL = new Set(
  'com.cn net.cn org.cn gov.cn edu.cn ac.cn co.uk org.uk ac.uk com.hk com.tw co.jp ne.jp com.au net.au co.kr com.sg co.nz com.br co.in com.mx'.split(' '),
);

/** eTLD+1 for the common suffixes (a full public suffix list is not needed for brand checks). */
export function registrable(host: string): string {
  const parts = host.split('.');
  if (parts.length <= 2) return host;
  const last2 = parts.slice(-2).join('.');
  return TWO_LEVEL.has(last2) ? parts.slice(-3).join('.') : last2;
}

/** Damerau-Levenshtein (optimal string alignment) distance, small strings only. */
export function editDistance(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => [i, ...new Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) d[0][j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
    }
  }
  return d[a.length][b.length];
}

function brandInLabel(label: string, brand: string): boolean {
  const tokens = label.split(/[-_]+/).filter(Boolean);
  if (tokens.includes(brand)) return true;
  const joined = tokens.join('');
  if (brand.length >= 6) return joined.includes(brand);
  // Short brands ("sora"): a token that starts or ends with the brand plus a short keyword ("soraai", "getsora").
  return tokens.some((t) => (t.startsWith(brand) || t.endsWith(brand)) && t.length <= brand.length + 5);
}

function pathHasBrand(path: string, brand: string): boolean {
  return path
    .toLowerCase()
    .split(/[/?&=#._-]+/)
    .some((seg) => seg === brand);
}

/** Judge one host against the official domains. */
export function checkDomain(u: FoundUrl, officials: readonly string[] = DEFAULT_OFFICIAL_DOMAINS): DomainVerdict {
  const host = u.hostAscii.toLowerCase();
  const base: DomainVerdict = { url: u.url, host: u.host, lookalike_of: null, reasons: [] };
  for (const o of officials) if (host === o || host.endsWith(`.${o}`)) return { ...base, reasons: ['official'] };
  const reg = registrable(host);
  const regUnicode = registrable(u.host.toLowerCase());
  const tld = reg.split('.').slice(1).join('.');
  const label = reg.split('.')[0];
  const foldedLabel = foldConfusables(regUnicode.split('.')[0]);
  const foldedAscii = foldConfusables(label);
  const sub = host.slice(0, Math.max(0, host.length - reg.length - 1));
  const isIdn = host.includes('xn--') || /[^\x00-\x7f]/.test(u.host);
  for (const o of officials) {
    const brand = o.split('.')[0];
    const oTld = o.split('.').slice(1).join('.');
    const reasons: LookalikeReason[] = [];
    if ((isIdn && foldedLabel === brand) || (foldedAscii === brand && label !== brand)) reasons.push('homoglyph');
    else if (label === brand && tld !== oTld) reasons.push('brand_other_tld');
    else if (brandInLabel(foldedLabel, brand) || brandInLabel(foldedAscii, brand)) reasons.push('brand_with_keyword');
    else if (brand.length >= 6) {
      const dist = Math.min(editDistance(foldedAscii.replace(/-/g, ''), brand), editDistance(foldedLabel, brand));
      if (dist > 0 && dist <= (brand.length >= 7 ? 2 : 1)) reasons.push('edit_distance');
    }
    if (sub && sub.split('.').some((l) => foldConfusables(l) === brand || brandInLabel(foldConfusables(l), brand))) {
      reasons.push('brand_in_subdomain');
    }
    if (reasons.length === 0 && pathHasBrand(u.path, brand) && (RISKY_TLDS.has(tld) || /login|signin|verify|access|free|vip/.test(u.path))) {
      reasons.push('brand_in_path');
    }
    if (reasons.length > 0) {
      if (RISKY_TLDS.has(tld)) reasons.push('new_tld');
      return { ...base, lookalike_of: o, reasons };
    }
  }
  return base;
}

const REASON_EN: Record<LookalikeReason, string> = {
  official: 'an official domain',
  homoglyph: 'look-alike letters or digits',
  brand_other_tld: 'the brand name on another top-level domain',
  brand_with_keyword: 'the brand name plus extra words',
  edit_distance: 'a misspelling of the brand',
  brand_in_subdomain: 'the brand name in a subdomain',
  brand_in_path: 'the brand name in the path of an unrelated site',
  new_tld: 'a cheap new top-level domain',
};
const REASON_ZH: Record<LookalikeReason, string> = {
  official: '官方域名',
  homoglyph: '形近字母或数字替换',
  brand_other_tld: '品牌名换了顶级域名',
  brand_with_keyword: '品牌名加附加词',
  edit_distance: '品牌名拼写变体',
  brand_in_subdomain: '子域名中含品牌名',
  brand_in_path: '无关网站路径中含品牌名',
  new_tld: '廉价新顶级域名',
};

export function describeReasons(reasons: LookalikeReason[]): { en: string; zh: string } {
  return { en: reasons.map((r) => REASON_EN[r]).join(', '), zh: reasons.map((r) => REASON_ZH[r]).join('、') };
}

const PHISHY = new RegExp(PHISHY_HOST);
/**
 * A host dressed up as a service action ("usps-redelivery-help.top", "paypal-resolution-center.com"). Used for the
 * PHISHING_LINK symbol (any brand, not only AI vendors). Link shorteners are not counted: platforms use their own
 * (t.cn on Weibo, t.co on X).
 */
export function isPhishyHost(host: string): boolean {
  const h = host.toLowerCase();
  const reg = registrable(h);
  const label = reg.split('.')[0];
  const tld = reg.split('.').slice(1).join('.');
  return (label.includes('-') && PHISHY.test(label)) || (RISKY_TLDS.has(tld) && PHISHY.test(h));
}
