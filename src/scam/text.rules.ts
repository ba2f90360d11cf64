import * as L from './lexicon.data.js';
import type { NormalizedText } from './normalize.js';
import { cover, findAll, first, hitAt, near, type Found, type SymbolHit } from './symbol.js';
import { SYMBOLS, type SymbolCode } from './symbols.data.js';

/** A matcher looks at the normalised text and returns at most one hit for its symbol. */
type Matcher = (n: NormalizedText) => SymbolHit | null;

function make(code: SymbolCode, n: NormalizedText, f: { start: number; end: number }, weight?: number, data?: Record<string, unknown>): SymbolHit {
  const def = SYMBOLS[code];
  return hitAt(n, f.start, f.end, { code, weight: weight ?? def.weight, detail: def.en, detail_zh: def.zh, data });
}

/** The first match of each source in `text` (sources that don't occur are skipped), in text order. */
function firstOfEach(sources: readonly string[], text: string): Found[] {
  const found: Found[] = [];
  for (const src of sources) {
    const f = first(src, text);
    if (f) found.push(f);
  }
  return found.sort((a, b) => a.start - b.start);
}

/** Weighted matches: the strongest one is the hit; a second one adds 1 (at most 4 in all). */
function strongest(code: SymbolCode, n: NormalizedText, found: (Found & { weight: number })[]): SymbolHit | null {
  if (found.length === 0) return null;
  found.sort((a, b) => b.weight - a.weight);
  const weight = Math.min(4, found[0].weight + (found.length > 1 ? 1 : 0));
  return make(code, n, found[0], weight, { matches: found.map((f) => f.text) });
}

/** Matches whose surroundings say "free" are not offers. */
function notFree(n: NormalizedText, xs: Found[]): Found[] {
  return xs.filter((x) => !first(L.FREE, n.text.slice(Math.max(0, x.start - 8), x.end + 8)));
}

const paidCourse: Matcher = (n) => {
  const course = notFree(n, findAll(L.COURSE, n.text));
  if (course.length === 0) return null;
  const price = findAll(L.PRICE, n.text);
  const p = near(course, price, 40);
  if (p) return make('PAID_COURSE', n, cover(p.a, p.b));
  const upsell = first(L.UPSELL, n.text);
  const sale = near(course, findAll(L.SALE, n.text), 40);
  if (sale && upsell) return make('PAID_COURSE', n, cover(sale.a, sale.b));
  return null;
};

const payToJoin: Matcher = (n) => {
  const group = findAll(L.GROUP, n.text);
  if (group.length === 0) return null;
  const p = near(group, notFree(n, findAll(L.PAYMENT, n.text)), 40);
  return p ? make('PAY_TO_JOIN_GROUP', n, cover(p.a, p.b)) : null;
};

const qrText: Matcher = (n) => {
  const f = first(L.QR_TEXT, n.text);
  return f ? make('QR_CODE', n, f) : null;
};

const impersonation: Matcher = (n) => {
  const f = first(L.IMPERSONATION, n.folded);
  return f ? make('IMPERSONATION', n, f) : null;
};

const urgency: Matcher = (n) => {
  const found = firstOfEach(L.URGENCY, n.text);
  if (found.length === 0) return null;
  const weight = Math.min(2.5, SYMBOLS.URGENCY.weight + 0.5 * (found.length - 1));
  const h = make('URGENCY', n, found[0], weight, { matches: found.map((f) => f.text) });
  if (found.length > 1) {
    const all = found.map((f) => n.original.slice(n.map[f.start], n.map[f.end - 1] + 1)).join('」「');
    h.span = found.length > 1 ? all : h.span;
    h.detail = SYMBOLS.URGENCY.en(all);
    h.detail_zh = SYMBOLS.URGENCY.zh(all);
  }
  return h;
};

const income: Matcher = (n) => {
  const strong = first(L.INCOME_STRONG, n.text);
  // A figure alone ("年入50万" in a news story) is not a promise; it takes an offer around it.
  const offer = first(L.OFFER_CONTEXT, n.text) || first(L.CONTACT, n.text) || first(L.GROUP, n.text);
  if (strong) return make('GUARANTEED_INCOME', n, strong, offer ? undefined : 1.5, offer ? undefined : { strength: 'figure' });
  const weak = first(L.INCOME_WEAK, n.text);
  return weak ? make('GUARANTEED_INCOME', n, weak, 1.5, { strength: 'weak' }) : null;
};

const aiDirector: Matcher = (n) => {
  const f = first(L.AI_DIRECTOR, n.folded);
  if (f) return make('AI_DIRECTOR_RECRUITMENT', n, f);
  // Recruiting cast or writers against an upfront fee ("招募演员…需先缴纳300元建档费").
  const p = near(findAll(L.RECRUIT, n.text), findAll(L.UPFRONT_FEE, n.text), 60);
  return p ? make('AI_DIRECTOR_RECRUITMENT', n, cover(p.a, p.b)) : null;
};

const material: Matcher = (n) => {
  const m = findAll(L.MATERIAL, n.text);
  if (m.length === 0) return null;
  const p = near(m, notFree(n, [...findAll(L.PRICE, n.text), ...findAll(L.SALE, n.text)]), 60);
  return p ? make('SELLING_PUBLIC_MATERIAL', n, cover(p.a, p.b)) : null;
};

const contact: Matcher = (n) => {
  const f = first(L.CONTACT, n.text);
  return f ? make('CONTACT_OFF_PLATFORM', n, f) : null;
};

/** "Anyone selling access is lying", "有人卖课": talk about third parties, not an offer. */
export const THIRD_PARTY = /(?:anyone|those|people|someone|scammers?|a man|a woman|有人|别人|那些|谁|男子|女子|某人|嫌疑人|骗子|以)\s*$/;

const resale: Matcher = (n) => {
  const thirdParty = (x: Found) => THIRD_PARTY.test(n.folded.slice(Math.max(0, x.start - 14), x.start));
  const f = first(L.ACCESS_RESALE, n.folded);
  if (f && !thirdParty(f)) return make('ACCESS_RESALE', n, f);
  // Generic: an account/invite/key word with a price or sale word nearby ("内测邀请…转让…500元一个").
  const p = near(findAll(L.ACCESS_WORDS, n.folded), notFree(n, [...findAll(L.PRICE, n.text), ...findAll(L.SALE, n.text)]), 30);
  if (p && !thirdParty(p.a) && !thirdParty(p.b)) return make('ACCESS_RESALE', n, cover(p.a, p.b));
  return null;
};

const phishing: Matcher = (n) => {
  const f = first(L.PHISHING, n.text);
  return f ? make('CREDENTIAL_PHISHING', n, f) : null;
};

const appDownload: Matcher = (n) => {
  const f = first(L.APP_DOWNLOAD, n.text);
  return f ? make('APP_DOWNLOAD', n, f) : null;
};

const prize: Matcher = (n) => {
  const f = first(L.PRIZE, n.text);
  return f ? make('PRIZE_CLAIM', n, f) : null;
};

const premiumSms: Matcher = (n) => {
  const found = firstOfEach(L.PREMIUM_SMS, n.text);
  if (found.length === 0) return null;
  return make('PREMIUM_SMS', n, found[0], found.length > 1 ? 3 : 1.5, { matches: found.map((f) => f.text) });
};

const crypto: Matcher = (n) => {
  const found: (Found & { weight: number })[] = [];
  for (const { src, weight } of L.CRYPTO_SCAM) {
    const f = first(src, n.folded);
    if (f) found.push({ ...f, weight });
  }
  return strongest('CRYPTO_SCAM', n, found);
};

const fraudScript: Matcher = (n) => {
  const found: (Found & { weight: number })[] = [];
  const addressed = /[您你]|\byou\b/.test(n.text);
  for (const { src, you, weight } of L.FRAUD_SCRIPT) {
    if (you && !addressed) continue;
    const f = first(src, n.text);
    if (f) found.push({ ...f, weight: weight ?? 3 });
  }
  return strongest('FRAUD_SCRIPT', n, found);
};

/** Selling something around a named AI product (not its official subscription). */
const hypeCommerce: Matcher = (n) => {
  const brand = first(L.NAMED_PRODUCT, n.folded);
  if (!brand || first(L.OFFICIAL_OFFER, n.folded)) return null;
  const c = first(L.COMMERCE, n.text);
  return c ? make('HYPE_COMMERCE', n, c) : null;
};

const warning: Matcher = (n) => {
  const f = first(L.WARNING, n.text);
  return f ? make('ANTI_SCAM_WARNING', n, f) : null;
};

/** Negated or debunking context just before a match ("there is no Sora 3", "没有Sora 3"). */
const NEGATED = /(?:\bno|\bnot|n't|never|fake|没有|并无|不存在|不是|假的?|所谓的?)\s*(?:such\s+thing\s+as\s+)?(?:a\s+|an\s+|the\s+)?["“「]?\s*$/;
const negated = (n: NormalizedText, f: Found) => NEGATED.test(n.folded.slice(Math.max(0, f.start - 20), f.start));

const reverseApi: Matcher = (n) => {
  const f = first(L.REVERSE_API, n.folded);
  return f && !negated(n, f) ? make('REVERSE_ENGINEERED_ACCESS', n, f) : null;
};

const fakeRelease: Matcher = (n) => {
  // The plain text: folding would turn the digit of "sora3" into a letter.
  const f = first(L.FAKE_RELEASE, n.text);
  return f && !negated(n, f) ? make('FAKE_RELEASE', n, f) : null;
};

const compatibleApi: Matcher = (n) => {
  const f = first(L.COMPATIBLE_API, n.folded);
  return f ? make('COMPATIBLE_API_BAIT', n, f) : null;
};

const watermarkRemoval: Matcher = (n) => {
  const f = first(L.WATERMARK_REMOVAL, n.folded);
  return f && !negated(n, f) ? make('WATERMARK_REMOVAL', n, f) : null;
};

/** Certainty alone is a claim; sold (a price or sale word nearby) it is an offer. */
const detectionCertainty: Matcher = (n) => {
  const f = first(L.DETECTION_CERTAINTY, n.folded);
  if (!f || negated(n, f)) return null;
  const sold = near([f], [...findAll(L.PRICE, n.text), ...findAll(L.SALE, n.text), ...findAll(L.CONTACT, n.text)], 60);
  return make('DETECTION_CERTAINTY', n, f, sold ? undefined : 1, { sold: Boolean(sold) });
};

export const TEXT_MATCHERS: Matcher[] = [
  paidCourse, payToJoin, qrText, impersonation, urgency, income, aiDirector, material, contact, resale, phishing,
  appDownload, prize, premiumSms, crypto, fraudScript, hypeCommerce, warning,
  reverseApi, fakeRelease, compatibleApi, watermarkRemoval, detectionCertainty,
];

/** Run every text matcher. */
export function textSymbols(n: NormalizedText): SymbolHit[] {
  const out: SymbolHit[] = [];
  for (const m of TEXT_MATCHERS) {
    const h = m(n);
    if (h) out.push(h);
  }
  return out;
}

/** The first AI brand or hype word in the post (folded view, so "S0ra" counts), or null. */
export function findBrand(n: NormalizedText): Found | null {
  return first(L.NAMED_PRODUCT, n.folded) ?? first(L.BRAND, n.folded);
}

/** Whether a brand match names a product (Sora, ChatGPT, Kling…) rather than AI in general. */
export function isNamedProduct(brand: string): boolean {
  return new RegExp(L.NAMED_PRODUCT, 'u').test(brand);
}
