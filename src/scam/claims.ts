import type { Claim } from '../domain/claim.js';
import type { AvailabilityProduct, ScamKnowledge } from './knowledge.port.js';
import * as L from './lexicon.data.js';
import { originalSpan, type NormalizedText } from './normalize.js';
import { first } from './symbol.js';
import { THIRD_PARTY } from './text.rules.js';
import { readAuthorship, readAvailability } from '../claims/claim.relations.js';

/**
 * Authorship ("X 是 Sora 的发明者之一", "X is one of Sora's creators") and availability ("Sora 已开放",
 * "I have Sora access", "Sora API 购买", "出售Sora账号") claims, judged against the dated knowledge base. The
 * claims are read by the caption claim parser (src/claims/claim.relations.ts); this file judges them.
 */

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
  for (const r of readAuthorship(n.folded)) {
    const said = n.folded.slice(r.start, r.end);
    const cands = nameCandidates(r.name, r.lang);
    if (cands.length === 0) continue;
    const slug = kb.findGenerator(said) ?? 'sora';
    const authors = kb.authorsOf(slug) ?? kb.authorsOf('sora');
    if (!authors) continue;
    const span = originalSpan(n, r.start, r.end);
    if (seen.has(span.text)) continue;
    seen.add(span.text);
    // Display the name as written in the original post.
    const nameOrig = n.original.slice(n.map[r.start + said.indexOf(r.name)] ?? span.start, span.end);
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
  return out;
}

/** Words reporting that a product ended ("was switched off", "已关停"). */
const SHUTDOWN = /switched off|shut(?:s|ting)? down|discontinued|retired|is gone|was gone|no longer|(?:has |have )?ended|went offline|关停|停止(?:服务|运营)|停服|下线|已关闭|关闭了|被砍|退场/;
const SHUTDOWN_BEFORE = /关停了?|停掉了?|砍掉了?|下线了?|shut down|killed|discontinued/;

/** An offer (sale, price, contact) rather than a personal report. */
function isOffer(n: NormalizedText): boolean {
  return Boolean(first(L.PRICE, n.text) || first(L.SALE, n.text) || first(L.CONTACT, n.text) || first(L.ACCESS_RESALE, n.folded) || /出售|代申请|代开|卖|出|领取|回复|for sale|selling|subscribe|dm |私我|发货/.test(n.text));
}

const PRODUCT_EN: Record<AvailabilityProduct, string> = { api: 'API access', account: 'accounts', app: 'an app', access: 'access' };
const PRODUCT_ZH: Record<AvailabilityProduct, string> = { api: 'API 接口', account: '账号', app: '应用（App）', access: '使用权限' };

export function availabilityClaims(n: NormalizedText, kb: ScamKnowledge, postedAt: string | null): Claim[] {
  const out: Claim[] = [];
  const offer = isOffer(n);
  for (const r of readAvailability(n.folded)) {
    const { start: s, end: e, product } = r;
    const said = n.folded.slice(s, e);
    // "一男子以出售Sora账号为名诈骗": a report about someone else's offer, not the post's own claim.
    if (THIRD_PARTY.test(n.folded.slice(Math.max(0, s - 14), s).replace(/(?:出售|售卖|卖|selling|sell)\s*$/, ''))) continue;
    // "The Sora API was switched off", "关停了Sora": a report of the end, not a claim of access.
    if (SHUTDOWN.test(n.folded.slice(e, e + 30).split(/[.!?。！？;；\n]/)[0]) || SHUTDOWN_BEFORE.test(n.folded.slice(Math.max(0, s - 8), s))) continue;
    // "Sora-compatible API", "兼容Sora接口": another model behind Sora's request format, not a claim of Sora access.
    if (/compatible|兼容|平替|替代|alternative|replacement/.test(n.folded.slice(Math.max(0, s - 4), e + 14))) continue;
    const slug = kb.findGenerator(n.original.slice(n.map[s], n.map[e - 1] + 1)) ?? kb.findGenerator(said) ?? (/sora|索拉|搜拉/.test(said) ? 'sora' : null);
    if (!slug) continue;
    const span = originalSpan(n, s, e);
    const release = kb.namesRelease(span.text);
    out.push(judgeAvailability(kb, slug, { product, scope: r.scope, offer, release }, postedAt, span));
  }
  return out;
}

interface AvailabilitySaid {
  product: AvailabilityProduct;
  /** 'public': open to all ("全面开放"); 'personal': the poster has it ("I have access"). */
  scope: 'public' | 'personal';
  offer: boolean;
  /** The post names one release ("Sora 2"), not the product line. */
  release: boolean;
}

function judgeAvailability(kb: ScamKnowledge, slug: string, said: AvailabilitySaid, postedAt: string | null, span: { start: number; end: number; text: string }): Claim {
  const { product, offer, release, scope } = said;
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
    value: { product, scope, offer, posted_at: postedAt },
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
  // Someone may have been let into a preview; the product was not open to all ("Sora已经全面开放了" is refuted).
  if (a.status === 'preview' && !offer && product === 'access' && scope === 'personal') {
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
  if (scope === 'public' && !offer && product === 'access') {
    const testers = a.status === 'preview' ? `: only selected testers could use it${a.note ? ` (${a.note})` : ''}` : ` (status: ${a.status})`;
    const testersZh = a.status === 'preview' ? `：仅限受邀测试者使用${a.note_zh ? `（${a.note_zh}）` : ''}` : `（状态：${a.status}）`;
    base.reasons = [`On ${postedAt} ${gen} was not open to the public${testers}.${since}`];
    base.reasons_zh = [`${postedAt} 时 ${gen} 并未向公众开放${testersZh}。${sinceZh}`];
    return beyondHorizon(base, kb, postedAt);
  }
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
