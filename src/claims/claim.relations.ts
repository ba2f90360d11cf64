import { segment } from './claim.segments.js';

/**
 * Authorship ("X 是 Sora 的发明者之一", "X co-created Sora") and availability ("Sora已经全面开放了", "I have Sora
 * access", "出售Sora接口") claims, read by the claim parser's rules and scope (questions and reported speech are
 * not the poster's claims). The scam desk judges them against the dated knowledge base (src/scam/claims.ts).
 * Works on lower-cased, simplified, homoglyph-folded text; offsets are in that text.
 */
export type AvailabilityProduct = 'api' | 'account' | 'app' | 'access';

export interface AuthorshipReading {
  start: number;
  end: number;
  /** The words before or after the role that hold the person's name, as matched. */
  name: string;
  lang: 'zh' | 'en';
}

export interface AvailabilityReading {
  start: number;
  end: number;
  product: AvailabilityProduct;
  /** 'public': the product is open to all ("全面开放", "now available"); 'personal': the poster has it ("I have access"). */
  scope: 'public' | 'personal';
}

const B = String.raw`(?:openai\s*)?(?:sora|索拉|搜拉)(?:\s*2)?`;
/** Products with a dated availability history in the KB, for availability claims. */
const P = String.raw`(?:${B}|veo\s*\d?|可灵(?:ai)?|kling|runway(?:\s*gen-?\d)?|pika|海螺(?:ai)?|hailuo|即梦|midjourney)`;
const ROLE_ZH = String.raw`(?:核心|主要|首席)?(?:发明者|发明人|作者|创造者|创始人|缔造者|开发者|研发者|研发人员|核心成员|团队成员|之父|主创|负责人)`;
const ROLE_EN = String.raw`(?:co-?)?(?:creators?|inventors?|authors?|developers?|founders?|builders?|fathers?|architects?)`;
const EN_NAME = String.raw`[a-z][a-z.'-]+(?: [a-z][a-z.'-]+){0,3}`;
const CLAUSE = String.raw`[^，。！？；,.!?;\n是为]`;

const AUTHORSHIP: { re: RegExp; lang: 'zh' | 'en' }[] = [
  { re: new RegExp(String.raw`(${CLAUSE}{2,30}?)\s*(?:是|为|乃|系)\s*${B}\s*(?:的)?\s*${ROLE_ZH}(?:之一)?`, 'gu'), lang: 'zh' },
  { re: new RegExp(String.raw`${B}\s*(?:的)?\s*${ROLE_ZH}(?:之一)?\s*[，,]?\s*(?:竟然|居然|就)?(?:是|为|[:：])\s*(${CLAUSE}{2,30})`, 'gu'), lang: 'zh' },
  { re: new RegExp(String.raw`(${CLAUSE}{2,12}?)\s*(?:参与)?(?:发明了|创造了|开发了|研发了|打造了|主导了|参与研发了|参与开发了)\s*${B}`, 'gu'), lang: 'zh' },
  { re: new RegExp(String.raw`(${EN_NAME}),? (?:is|was) (?:one of |among )?(?:the )?(?:${B}'?s? ${ROLE_EN}|${ROLE_EN} (?:of|behind) ${B})`, 'gu'), lang: 'en' },
  { re: new RegExp(String.raw`(${EN_NAME}), (?:one of |among )(?:the )?${ROLE_EN} (?:of|behind) ${B}`, 'gu'), lang: 'en' },
  { re: new RegExp(String.raw`(?:one of )?(?:the )?${ROLE_EN} of ${B},? (?:is|was) (${EN_NAME})`, 'gu'), lang: 'en' },
];
/** "X co-created Sora": the verb is found first and the name read from the words before it (linear on long words). */
const EN_MADE_BY = new RegExp(String.raw`\b(?:co-?created|co-?invented|created|invented|built|co-?founded|helped (?:build|create)) ${B}\b`, 'gu');
const NAME_BEFORE = new RegExp(String.raw`(${EN_NAME}) $`, 'u');

const API = String.raw`(?:api|接口|developer key|api key)`;
const AVAILABILITY: { re: RegExp; product: AvailabilityProduct }[] = [
  { re: new RegExp(String.raw`(?:gpts\s*版\s*${P}|${P}\s*gpts|${P}.{0,12}${API}|(?:api|接口).{0,6}${P}|${P}[^。.!！]{0,40}(?:custom gpt|gpts|做成了gpts|封装成gpts))`, 'gu'), product: 'api' },
  { re: new RegExp(String.raw`(?:${P}.{0,8}(?:账号|帐号|会员|内测资格|内测账号|内测入口|内测邀请|体验入口|内测名额|测试资格|邀请码|激活码|accounts?|invites?|invite codes?|access codes?|beta codes?|beta access|beta)|(?:账号|帐号|内测资格|邀请码).{0,4}${P})`, 'gu'), product: 'account' },
  { re: new RegExp(String.raw`(?:${P}.{0,10}(?:app|客户端|安装包|apk|软件)|(?:下载|安装).{0,10}${P}|${P}.{0,6}(?:desktop|mobile) app)`, 'gu'), product: 'app' },
  {
    re: new RegExp(
      String.raw`(?:${P}.{0,4}(?:已经?(?:全面|正式|彻底)?开放|(?:全面|正式)?开放了|已上线|上线了|终于上线|能用了|可以用了|可用了|正式开放|全面开放|开放使用|开放申请|免费用)|(?:国内也能用|国内可用|可以用|能用上|用上了|体验|开通)\s*${P}|${P}\s*(?:is (?:now |finally )?(?:live|available|open)(?: to (?:everyone|all|the public))?|now available)|(?:i|we) (?:have|got|'ve got|obtained) (?:early )?${P} access|(?:early |beta )?${P} access|(?:已|已经)?(?:获得|拿到|获取|取得|搞到)(?:了)?\s*${P})`,
      'gu',
    ),
    product: 'access',
  },
];

/** Personal access ("I have access", "拿到了", "用上了") rather than a statement that the product is open to all. */
const PERSONAL = /\b(?:i|we|i've|we've|my)\b|获得|拿到|获取|取得|搞到|用上了|体验|开通|\baccess\b/;
const PUBLIC = /全面|正式|国内也能用|国内可用|everyone|to all|the public|is (?:now |finally )?(?:live|available|open)|now available|开放了|已经?开放|已上线|上线了/;
const NEGATION = /没|未|不|无|别|假|谣|not |n't|no |never|fake/;
/** A sentence about what others do ("If anyone DMs you offering Sora access…", "有人卖Sora账号"). */
const OTHERS = /(?:^|\s|if )(?:anyone|someone|people|scammers?)\b|\b(?:keep seeing|i see|i saw|seeing)\b|有人|别人|骗子|一些人|看到/;

/** Sentences and clauses, made only when a pattern matched (long texts with no claim stay cheap). */
function lazySegment(text: string): () => ReturnType<typeof segment> {
  let seg: ReturnType<typeof segment> | null = null;
  return () => (seg ??= segment(text));
}

export function readAuthorship(text: string): AuthorshipReading[] {
  const seg = lazySegment(text);
  const out: AuthorshipReading[] = [];
  for (const { re, lang } of AUTHORSHIP) {
    for (const m of text.matchAll(re)) {
      const why = seg().notAClaim(m.index + m[0].length - 1);
      if (why === 'question' || why === 'hypothetical') continue;
      out.push({ start: m.index, end: m.index + m[0].length, name: m[1], lang });
    }
  }
  for (const m of text.matchAll(EN_MADE_BY)) {
    const name = NAME_BEFORE.exec(text.slice(Math.max(0, m.index - 48), m.index));
    if (!name || seg().notAClaim(m.index + m[0].length - 1) === 'question') continue;
    out.push({ start: m.index - name[0].length, end: m.index + m[0].length, name: name[1], lang: 'en' });
  }
  return out;
}

export function readAvailability(text: string): AvailabilityReading[] {
  const seg = lazySegment(text);
  const out: AvailabilityReading[] = [];
  for (const { re, product } of AVAILABILITY) {
    for (const m of text.matchAll(re)) {
      const s = m.index;
      const e = s + m[0].length;
      if (out.some((o) => s < o.end && e > o.start)) continue;
      if (NEGATION.test(text.slice(Math.max(0, s - 6), s)) || NEGATION.test(m[0].replace(/note?/g, ''))) continue;
      const sentence = text.slice(0, s).split(/[.!?。！？\n]/).pop() ?? '';
      if (OTHERS.test(sentence)) continue;
      const why = seg().notAClaim(e - 1);
      if (why === 'question' || why === 'hypothetical' || why === 'reported') continue;
      const personal = product === 'access' && PERSONAL.test(m[0]) && !PUBLIC.test(m[0]);
      out.push({ start: s, end: e, product, scope: personal || product !== 'access' ? 'personal' : 'public' });
    }
  }
  return out;
}
