import type { Claim } from '../domain/claim.js';
import type { AvailabilityProduct, ScamKnowledge } from './knowledge.port.js';
import * as L from './lexicon.data.js';
import { originalSpan, type NormalizedText } from './normalize.js';
import { first } from './symbol.js';
import { THIRD_PARTY } from './text.rules.js';

/**
 * Authorship ("X 是 Sora 的发明者之一", "X is one of Sora's creators") and availability ("Sora 已开放",
 * "I have Sora access", "Sora API 购买", "出售Sora账号") claims, judged against the dated knowledge base.
 */

const B = String.raw`(?:openai\s*)?(?:sora|索拉|搜拉)(?:\s*2)?`;
/** Products with a dated availability history in the KB, for availability claims. */
const P = String.raw`(?:${B}|veo\s*\d?|可灵(?:ai)?|kling|runway(?:\s*gen-?\d)?|pika|海螺(?:ai)?|hailuo|即梦|midjourney)`;
const ROLE_ZH = String.raw`(?:核心|主要|首席)?(?:发明者|发明人|作者|创造者|创始人|缔造者|开发者|研发者|研发人员|核心成员|团队成员|之父|主创|负责人)`;
const ROLE_EN = String.raw`(?:co-?)?(?:creators?|inventors?|authors?|developers?|founders?|builders?|fathers?|architects?)`;
const HAN_NAME = String.raw`[\p{Script=Han}·]{2,5}`;
const EN_NAME = String.raw`[a-z][a-z.'-]+(?: [a-z][a-z.'-]+){0,3}`;

const CLAUSE = String.raw`[^，。！？；,.!?;\n是为]`;
const AUTHORSHIP: { re: RegExp; lang: 'zh' | 'en' }[] = [
  { re: new RegExp(String.raw`(${CLAUSE}{2,30}?)\s*(?:是|为|乃|系)\s*${B}\s*(?:的)?\s*${ROLE_ZH}(?:之一)?`, 'gu'), lang: 'zh' },
  { re: new RegExp(String.raw`${B}\s*(?:的)?\s*${ROLE_ZH}(?:之一)?\s*[，,]?\s*(?:竟然|居然|就)?(?:是|为|[:：])\s*(${CLAUSE}{2,30})`, 'gu'), lang: 'zh' },
  { re: new RegExp(String.raw`(${EN_NAME}),? (?:is|was) (?:one of |among )?(?:the )?(?:${B}'?s? ${ROLE_EN}|${ROLE_EN} (?:of|behind) ${B})`, 'gu'), lang: 'en' },
  { re: new RegExp(String.raw`(${EN_NAME}), (?:one of |among )(?:the )?${ROLE_EN} (?:of|behind) ${B}`, 'gu'), lang: 'en' },
  { re: new RegExp(String.raw`(?:one of )?(?:the )?${ROLE_EN} of ${B},? (?:is|was) (${EN_NAME})`, 'gu'), lang: 'en' },
];

const PRONOUN = /[他她它我你其]|^(?:he|she|it|i|you|they|who|which|that|this)$/;
const EN_STOP = new Set(['he', 'she', 'it', 'i', 'you', 'they', 'who', 'which', 'that', 'this', 'the', 'a', 'an', 'and', 'but']);

function nameCandidates(raw: string, lang: 'zh' | 'en'): string[] {
  let name = raw.trim();
  const tailLatin = /([a-z][a-z.'-]+(?: [a-z][a-z.'-]+){0,3})\s*$/.exec(name);
  if (tailLatin && /\p{Script=Han}/u.test(name)) name = tailLatin[1];
  if (/\p{Script=Han}/u.test(name)) {
    const runs = name.match(/[\p{Script=Han}·]+/gu) ?? [];
    const han = runs.length ? runs[runs.length - 1] : '';
    if (PRONOUN.test(han.slice(-2))) return [];
    const out: string[] = [];
    for (const len of [3, 2, 4]) if (han.length >= len) out.push(han.slice(-len));
    return out;
  }
  void lang;
  const words = name.split(/\s+/).filter((w) => !EN_STOP.has(w));
  if (words.length === 0 || PRONOUN.test(words.join(' '))) return [];
  const out: string[] = [];
  for (const k of [2, 3, 1]) if (words.length >= k) out.push(words.slice(-k).join(' '));
  return out;
}

function titleCase(s: string): string {
  return s.replace(/\b[a-z]/g, (c) => c.toUpperCase());
}

export function authorshipClaims(n: NormalizedText, kb: ScamKnowledge): Claim[] {
  const out: Claim[] = [];
  const seen = new Set<string>();
  for (const { re, lang } of AUTHORSHIP) {
    for (const m of n.folded.matchAll(re)) {
      const cands = nameCandidates(m[1], lang);
      if (cands.length === 0) continue;
      const slug = kb.findGenerator(m[0]) ?? 'sora';
      const authors = kb.authorsOf(slug) ?? kb.authorsOf('sora');
      if (!authors) continue;
      const span = originalSpan(n, m.index, m.index + m[0].length);
      if (seen.has(span.text)) continue;
      seen.add(span.text);
      // Display the name as written in the original post.
      const nameOrig = n.original.slice(n.map[m.index + m[0].indexOf(m[1])] ?? span.start, span.end);
      const hit = cands.find((c) => kb.isAuthor(slug, c));
      const name = hit ?? cands[0];
      const shown = /\p{Script=Han}/u.test(name) ? name : titleCase(name);
      const gen = kb.displayName(slug);
      const list = authors.names.join(', ');
      const claim: Claim = {
        type: 'authorship',
        text: span.text,
        status: hit ? 'supported' : 'refuted',
        reasons: hit
          ? [`${shown} is among the ${authors.names.length} authors of the ${gen} technical report (${authors.source}, ${authors.date}).`]
          : [`The ${gen} technical report (${authors.source}, ${authors.date}) lists ${authors.names.length} authors: ${list}. ${shown} is not among them.`],
        reasons_zh: hit
          ? [`${shown} 是 ${gen} 技术报告（${authors.source}，${authors.date}）的 ${authors.names.length} 位作者之一。`]
          : [`${gen} 技术报告（${authors.source}，${authors.date}）署名作者共 ${authors.names.length} 人：${list}。${shown} 不在其中。`],
        sources: [authors.source],
        origin: 'caption',
        span: { start: span.start, end: span.end },
        generator: slug,
        value: { person: shown, person_as_written: nameOrig.slice(0, 60), authors: authors.names },
      };
      out.push(claim);
    }
  }
  return out;
}

interface AvailabilityPattern {
  re: RegExp;
  product: AvailabilityProduct;
}

const AVAILABILITY: AvailabilityPattern[] = [
  { re: new RegExp(String.raw`(?:gpts\s*版\s*${P}|${P}\s*gpts|${P}.{0,12}(?:api|接口|developer key|api key)|(?:api|接口).{0,6}${P}|${P}[^。.!！]{0,40}(?:custom gpt|gpts|做成了gpts|封装成gpts))`, 'gu'), product: 'api' },
  { re: new RegExp(String.raw`(?:${P}.{0,8}(?:账号|帐号|会员|内测资格|内测账号|内测入口|内测邀请|体验入口|内测名额|测试资格|邀请码|激活码|accounts?|invites?|invite codes?|access codes?|beta codes?|beta access|beta)|(?:账号|帐号|内测资格|邀请码).{0,4}${P})`, 'gu'), product: 'account' },
  { re: new RegExp(String.raw`(?:${P}.{0,10}(?:app|客户端|安装包|apk|软件)|(?:下载|安装).{0,10}${P}|${P}.{0,6}(?:desktop|mobile) app)`, 'gu'), product: 'app' },
  {
    re: new RegExp(
      String.raw`(?:${P}.{0,4}(?:已经?开放|开放了|已上线|上线了|终于上线|能用了|可以用了|可用了|正式开放|开放使用|开放申请)|(?:国内也能用|国内可用|可以用|能用上|用上了|体验|开通)\s*${P}|${P}\s*(?:is (?:now )?(?:live|available|open)|now available)|(?:i|we) (?:have|got|'ve got|obtained) (?:early )?${P} access|(?:early |beta )?${P} access|(?:已|已经)?(?:获得|拿到|获取|取得|搞到)(?:了)?\s*${P})`,
      'gu',
    ),
    product: 'access',
  },
];

/** Words reporting that a product ended ("was switched off", "已关停"). */
const SHUTDOWN = /switched off|shut(?:s|ting)? down|discontinued|retired|is gone|was gone|no longer|(?:has |have )?ended|went offline|关停|停止(?:服务|运营)|停服|下线|已关闭|关闭了|被砍|退场/;
const SHUTDOWN_BEFORE = /关停了?|停掉了?|砍掉了?|下线了?|shut down|killed|discontinued/;

const NEGATION = /没|未|不|无|别|假|谣|not |n't|no |never|fake/;

/** An offer (sale, price, contact) rather than a personal report. */
function isOffer(n: NormalizedText): boolean {
  return Boolean(first(L.PRICE, n.text) || first(L.SALE, n.text) || first(L.CONTACT, n.text) || first(L.ACCESS_RESALE, n.folded) || /出售|代申请|代开|卖|出|领取|回复|for sale|selling|subscribe|dm |私我|发货/.test(n.text));
}

const PRODUCT_EN: Record<AvailabilityProduct, string> = { api: 'API access', account: 'accounts', app: 'an app', access: 'access' };
const PRODUCT_ZH: Record<AvailabilityProduct, string> = { api: 'API 接口', account: '账号', app: '应用（App）', access: '使用权限' };

export function availabilityClaims(n: NormalizedText, kb: ScamKnowledge, postedAt: string | null): Claim[] {
  const out: Claim[] = [];
  const offer = isOffer(n);
  const covered: [number, number][] = [];
  for (const { re, product } of AVAILABILITY) {
    for (const m of n.folded.matchAll(re)) {
      const s = m.index;
      const e = s + m[0].length;
      if (covered.some(([a, b]) => s < b && e > a)) continue;
      const before = n.folded.slice(Math.max(0, s - 6), s);
      if (NEGATION.test(before) || NEGATION.test(m[0].replace(/note?/g, ''))) continue;
      // A sentence about what others do ("If anyone DMs you offering Sora access…", "有人卖Sora账号") is not the post's claim.
      const sentence = n.folded.slice(0, s).split(/[.!?。！？\n]/).pop() ?? '';
      if (/(?:^|\s|if )(?:anyone|someone|people|scammers?)\b|\b(?:keep seeing|i see|i saw|seeing)\b|有人|别人|骗子|一些人|看到/.test(sentence)) continue;
      // "一男子以出售Sora账号为名诈骗": a report about someone else's offer, not the post's own claim.
      if (THIRD_PARTY.test(n.folded.slice(Math.max(0, s - 14), s).replace(/(?:出售|售卖|卖|selling|sell)\s*$/, ''))) continue;
      // "The Sora API was switched off", "关停了Sora": a report of the end, not a claim of access.
      if (SHUTDOWN.test(n.folded.slice(e, e + 30).split(/[.!?。！？;；\n]/)[0]) || SHUTDOWN_BEFORE.test(n.folded.slice(Math.max(0, s - 8), s))) continue;
      // "Sora-compatible API", "兼容Sora接口": another model behind Sora's request format, not a claim of Sora access.
      if (/compatible|兼容|平替|替代|alternative|replacement/.test(n.folded.slice(Math.max(0, s - 4), e + 14))) continue;
      covered.push([s, e]);
      const slug = kb.findGenerator(n.original.slice(n.map[s], n.map[e - 1] + 1)) ?? kb.findGenerator(m[0]) ?? (/sora|索拉|搜拉/.test(m[0]) ? 'sora' : null);
      if (!slug) continue;
      const span = originalSpan(n, s, e);
      const release = kb.namesRelease(span.text);
      out.push(judgeAvailability(kb, slug, product, postedAt, offer, span, release));
    }
  }
  return out;
}

function judgeAvailability(
  kb: ScamKnowledge,
  slug: string,
  product: AvailabilityProduct,
  postedAt: string | null,
  offer: boolean,
  span: { start: number; end: number; text: string },
  release: boolean,
): Claim {
  const gen = kb.displayName(slug);
  const base: Claim = {
    type: 'availability',
    text: span.text,
    status: 'unverified',
    reasons: [],
    reasons_zh: [],
    sources: [],
    origin: 'caption',
    span: { start: span.start, end: span.end },
    generator: slug,
    value: { product, offer, posted_at: postedAt },
  };
  if (!postedAt) {
    base.reasons = [`The post has no date; whether ${gen} ${PRODUCT_EN[product]} existed depends on when it was posted.`];
    base.reasons_zh = [`帖子没有日期；${gen} ${PRODUCT_ZH[product]}是否存在取决于发帖时间。`];
    return base;
  }
  const a = kb.availability(slug, product, postedAt, { release });
  if (!a) {
    base.reasons = [`The knowledge base has no availability history for ${gen} ${PRODUCT_EN[product]}.`];
    base.reasons_zh = [`知识库中没有 ${gen} ${PRODUCT_ZH[product]}的上线记录。`];
    return base;
  }
  base.sources = [a.source];
  const since = a.since ? ` It became public on ${a.since}.` : ' It had not become public.';
  const sinceZh = a.since ? `该产品于 ${a.since} 才公开。` : '该产品当时尚未公开。';
  if (a.available) {
    base.status = 'supported';
    base.reasons = [`On ${postedAt}, ${gen} ${PRODUCT_EN[product]} existed publicly (since ${a.since ?? 'before'}).`];
    base.reasons_zh = [`${postedAt} 时 ${gen} ${PRODUCT_ZH[product]}已公开（自 ${a.since ?? '此前'}）。`];
    return base;
  }
  if (a.status === 'preview' && !offer && product === 'access') {
    base.status = 'unlikely';
    base.reasons = [`On ${postedAt} ${gen} was in a preview open only to selected testers${a.note ? ` (${a.note})` : ''}; personal access is possible but unlikely.${since}`];
    base.reasons_zh = [`${postedAt} 时 ${gen} 处于仅限受邀测试者的预览阶段${a.note_zh ? `（${a.note_zh}）` : ''}；个人获得使用权限的可能性很小。${sinceZh}`];
    return base;
  }
  const verb = offer ? 'The post offers' : 'The post claims';
  const verbZh = offer ? '帖子提供' : '帖子声称有';
  if (a.status === 'ended' && a.ended) {
    // The vendor switched it off: an offer or report of working access after that date is refuted by the
    // shutdown itself (a third-party date only makes it unlikely).
    const e = a.ended;
    const note = e.note.charAt(0).toUpperCase() + e.note.slice(1);
    base.sources = [e.source];
    base.status = e.strength === 'third-party' ? 'unlikely' : 'refuted';
    base.reasons = [`${note}. ${verb} ${gen} ${PRODUCT_EN[product]} on ${postedAt}, after that date.`];
    base.reasons_zh = [`${e.note_zh}。${verbZh} ${gen} ${PRODUCT_ZH[product]}（${postedAt}），晚于该日期。`];
    return beyondHorizon(base, kb, postedAt);
  }
  base.status = 'refuted';
  base.reasons = [`${verb} ${gen} ${PRODUCT_EN[product]} on ${postedAt}, but none was publicly available then${product === 'access' ? ` (status: ${a.status})` : ''}.${since}`];
  base.reasons_zh = [`${verbZh} ${gen} ${PRODUCT_ZH[product]}（${postedAt}），但当时并无公开的此类产品${product === 'access' ? `（状态：${a.status}）` : ''}。${sinceZh}`];
  return beyondHorizon(base, kb, postedAt);
}

/**
 * A post dated after the KB's horizon: a refutation that rests on something not having happened (no launch,
 * no relaunch) cannot be known, so it becomes `unlikely`, and the claim says why.
 */
function beyondHorizon(c: Claim, kb: ScamKnowledge, postedAt: string): Claim {
  const asOf = kb.asOf();
  if (c.status !== 'refuted' || postedAt.slice(0, 10) <= asOf) return c;
  return {
    ...c,
    status: 'unlikely',
    reasons: [...c.reasons, `genproof's knowledge base ends on ${asOf}; the post is later, and events after ${asOf} are unknown to it, so this is unlikely rather than refuted.`],
    reasons_zh: [...(c.reasons_zh ?? []), `genproof 知识库截至 ${asOf}；帖子晚于该日期，此后的事件知识库无从知晓，因此判为"不太可能"而非"已驳斥"。`],
  };
}
