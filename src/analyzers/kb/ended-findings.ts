import type { Claim } from '../../domain/claim.js';
import { toDay } from '../../knowledge/dates.js';
import type { KnowledgeBase } from '../../knowledge/kb.js';
import { sourceLabel } from '../../knowledge/knowledge.types.js';
import type { Finding, MediaDate } from './claim-findings.js';

/** Words saying the clip was made just now ("just made with Sora", "刚用Sora生成"), not shared from before. */
const NEW_EN = /\b(?:just|newly|freshly)\s+(?:made|generated|created|rendered)\b|\b(?:made|generated|created|rendered)\b[^.!?\n]{0,40}\b(?:today|tonight|this (?:morning|afternoon|evening|week)|just now|yesterday)\b|\b(?:my|our)\s+(?:brand[- ])?(?:new|latest)\s+(?:\w+\s+){0,2}(?:video|clip|creation|generation)s?\b|\bfresh (?:from|out of)\b/i;
const NEW_ZH = /刚(?:刚|才)?[^。！？\n]{0,8}(?:做|生成|制作|跑|出)|(?:今天|今晚|昨天|昨晚)[^。！？\n]{0,8}(?:做|生成|制作|跑)|新(?:做|生成|制作)的|最新(?:生成|作品)|(?:刚|新鲜)出炉/;

/** The sentence of the caption that holds the claim. */
function claimSentence(caption: string, c: Claim): string {
  if (!c.span) return c.text;
  const before = caption.slice(0, c.span.start).split(/[.!?。！？\n]/).pop() ?? '';
  const after = caption.slice(c.span.end).split(/[.!?。！？\n]/)[0] ?? '';
  return `${before}${caption.slice(c.span.start, c.span.end)}${after}`;
}

export function saysNewlyMade(caption: string | null | undefined, c: Claim): boolean {
  const s = caption ? claimSentence(caption, c) : c.text;
  return NEW_EN.test(s) || NEW_ZH.test(s);
}

/**
 * A clip claimed to be made with a generator whose every product had ended by the post date.
 * Rule: sharing an older clip after the shutdown is ordinary (reposts), so the post date alone changes nothing
 * (an `info` finding says the clip must predate the end). Only a post that says the clip was made just now
 * ("just made", "刚用…生成", "today") is `refuted` — `unlikely` when the end date is third-party — unless the
 * file's own capture date is before the end (an older clip after all).
 */
export function endedFindings(kb: KnowledgeBase, slug: string, family: boolean, c: Claim, caption: string | null, postedAt: string | null, dates: readonly MediaDate[]): Finding[] {
  const posted = toDay(postedAt);
  if (!posted) return [];
  const a = family ? kb.familyAccessOn(slug, posted) : kb.accessOn(slug, posted);
  if (!a || a.status !== 'ended' || !a.since) return [];
  const g = kb.generator(slug)!;
  const end = toDay(a.since)!;
  const src = sourceLabel(a.source);
  const data = { posted_at: posted, ended: end, generator: slug };
  const older = dates.find((d) => d.kind === 'capture' && d.day < end);
  if (!saysNewlyMade(caption, c) || older) {
    return [{
      status: 'unverified', code: null, basis: 'info', sources: [src], data,
      reason: `Every ${g.name} product had ended by ${end} (${a.note}); a ${g.name} clip shared on ${posted} must have been made before that, which is possible for a repost.`,
      reason_zh: `${g.name} 的所有产品已于 ${end} 前停止服务（${a.note_zh}）；${posted} 分享的 ${g.name} 视频必定制作于此之前，转发旧视频是可能的。`,
    }];
  }
  const weak = a.source.strength === 'third-party';
  return [{
    status: weak ? 'unlikely' : 'refuted', code: weak ? 'claim_unlikely_generator_ended' : 'claim_refuted_generator_ended', basis: 'kb', sources: [src], data,
    reason: `The post says the clip was made just now with ${g.name}, but every ${g.name} product had ended by ${end} (${a.note}), before the post date ${posted}.${weak ? ' The end date comes from third-party reporting, so the claim is unlikely rather than refuted.' : ''}`,
    reason_zh: `帖子称视频是刚用 ${g.name} 制作的，但 ${g.name} 的所有产品已于 ${end} 停止服务（${a.note_zh}），早于发帖日期 ${posted}。${weak ? '该日期来自第三方报道，因此只判为"不太可能"。' : ''}`,
  }];
}

/**
 * Past the KB's horizon: a refutation resting on something not having happened by then (a new release with
 * longer clips, a relaunch) cannot be known, so `refuted` becomes `unlikely` and the reason says why.
 */
export function beyondHorizon(kb: KnowledgeBase, postedAt: string | null, findings: Finding[]): Finding[] {
  if (!kb.isAfterHorizon(postedAt)) return findings;
  const asOf = kb.asOf();
  return findings.map((f) => {
    if (f.basis !== 'kb' || f.status !== 'refuted' || f.code === 'claim_refuted_by_date') return f;
    return {
      ...f,
      status: 'unlikely',
      code: f.code?.replace('_refuted_', '_unlikely_') ?? null,
      reason: `${f.reason} genproof's knowledge base ends on ${asOf} and the post is later: events after ${asOf} are unknown to it, so this is unlikely rather than refuted.`,
      reason_zh: `${f.reason_zh}genproof 知识库截至 ${asOf}，帖子晚于该日期：此后的事件知识库无从知晓，因此判为"不太可能"而非"已驳斥"。`,
    };
  });
}
