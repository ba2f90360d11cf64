import type { Claim, ClaimStatus } from '../../domain/claim.js';
import type { DecisionTier, Evidence } from '../../domain/evidence.js';
import type { MediaInfo } from '../../domain/media.js';
import { addDays, toDay, today } from '../../knowledge/dates.js';
import { firstDay, type CanProduceResult, type KnowledgeBase } from '../../knowledge/kb.js';
import { sourceLabel, type Generator } from '../../knowledge/knowledge.types.js';

/** One check's outcome for one claim: a status it supports, with bilingual reasons and sources. */
export interface Finding {
  status: ClaimStatus;
  /** Stable code of the kb evidence item this finding produces (null: explanation only, no evidence). */
  code: string | null;
  /**
   * Precedence: 'evidence' (decisive evidence in the file: provenance, registry, file label) outranks 'kb'
   * (dates, output limits, access periods), which outranks 'weak' (camera metadata, which can be forged);
   * 'info' only explains.
   */
  basis: 'evidence' | 'kb' | 'weak' | 'info';
  reason: string;
  reason_zh: string;
  sources: string[];
  data?: Record<string, unknown>;
}

export interface MediaDate {
  kind: 'capture' | 'encode';
  day: string;
  tag: string;
}

const EPOCH_DEFAULTS = new Set(['1904-01-01', '1970-01-01', '1980-01-01', '2000-01-01', '2001-01-01']);
const STRONG_TIERS: DecisionTier[] = ['signed_provenance', 'registry_match', 'file_label', 'signed_provenance_expired'];

/** Capture and encode dates from the metadata evidence, dropping clock defaults and impossible values. */
export function mediaDates(evidence: readonly Evidence[]): MediaDate[] {
  const out: MediaDate[] = [];
  const limit = addDays(today(), 2);
  for (const e of evidence) {
    if (e.code !== 'capture_date' && e.code !== 'encode_date') continue;
    const day = toDay(typeof e.data.date === 'string' ? e.data.date : null);
    if (!day || day < '1995-01-01' || day > limit || EPOCH_DEFAULTS.has(day)) continue;
    out.push({ kind: e.code === 'capture_date' ? 'capture' : 'encode', day, tag: String(e.data.tag ?? e.code) });
  }
  return out.sort((a, b) => (a.kind === b.kind ? a.day.localeCompare(b.day) : a.kind === 'capture' ? -1 : 1));
}

/** Decisive evidence for and against "AI" (a visible mark is a claim and never decides). */
export function decisive(evidence: readonly Evidence[]) {
  const strong = evidence.filter((e) => e.decides);
  return {
    ai: strong.filter((e) => e.decides!.is_ai && STRONG_TIERS.includes(e.decides!.tier)),
    real: strong.filter((e) => !e.decides!.is_ai),
  };
}

/** What decided, as the subject of a sentence ("Signed provenance … shows …"). */
function tierWords(tier: DecisionTier): { en: string; zh: string } {
  const m: Record<DecisionTier, { en: string; zh: string }> = {
    signed_provenance: { en: "The file's signed provenance (C2PA, trusted signer)", zh: '文件的可信签名来源凭证（C2PA）' },
    signed_provenance_expired: { en: "The file's signed provenance (certificate expired)", zh: '文件的来源凭证（证书已过期）' },
    registry_match: { en: 'A match in the registry of known media', zh: '与已登记素材库的匹配' },
    file_label: { en: 'An AI label inside the file', zh: '文件内的AI标识' },
    camera_metadata: { en: "The file's camera metadata (device plus GPS or maker telemetry)", zh: '文件的相机元数据（设备信息加GPS或厂商遥测）' },
  };
  return m[tier];
}

/** Findings from decisive evidence about a claim that the media is AI-made (by `slug`, when named). */
export function evidenceFindingsForAi(kb: KnowledgeBase, c: Claim, slug: string | null, evidence: readonly Evidence[]): Finding[] {
  const { ai, real } = decisive(evidence);
  const out: Finding[] = [];
  if (ai.length > 0) {
    const named = ai.map((e) => e.decides!.generator).filter((x): x is string => !!x);
    const same = slug ? named.filter((x) => kb.sameFamily(x, slug) || x === slug) : [];
    const tier = tierWords(ai[0].decides!.tier);
    if (slug && named.length > 0 && same.length === 0 && c.type === 'generator') {
      out.push({
        status: 'refuted', code: 'claim_generator_mismatch', basis: 'evidence',
        reason: `${tier.en} names ${named[0]}, not ${slug}.`,
        reason_zh: `${tier.zh}显示生成器为 ${named[0]}，而不是 ${slug}。`,
        sources: [`${ai[0].analyzer}: ${ai[0].code}`], data: { evidenced: named[0], claimed: slug },
      });
    } else {
      out.push({
        status: 'supported', code: 'claim_supported_by_evidence', basis: 'evidence',
        reason: `${tier.en} shows it is AI-generated${same[0] ? ` by ${same[0]}` : named[0] ? ` (by ${named[0]})` : ''}.`,
        reason_zh: `${tier.zh}表明它由AI生成${same[0] ? `（${same[0]}）` : named[0] ? `（${named[0]}）` : ''}。`,
        sources: [`${ai[0].analyzer}: ${ai[0].code}`],
      });
    }
  } else if (real.length > 0) {
    const best = real.find((e) => e.decides!.tier !== 'camera_metadata') ?? real[0];
    const tier = tierWords(best.decides!.tier);
    const strong = best.decides!.tier !== 'camera_metadata';
    out.push({
      status: strong ? 'refuted' : 'unlikely', code: strong ? 'claim_refuted_by_evidence' : 'claim_unlikely_by_metadata', basis: strong ? 'evidence' : 'weak',
      reason: strong
        ? `${tier.en} shows the media is real camera footage, so the AI claim is false.`
        : `${tier.en} points to a real camera recording; metadata can be forged, so the AI claim is unlikely rather than refuted.`,
      reason_zh: strong
        ? `${tier.zh}表明这是真实拍摄的内容，因此“AI生成”的说法不成立。`
        : `${tier.zh}指向真实相机拍摄；元数据可以伪造，因此AI声称"不太可能"而非"已驳斥"。`,
      sources: [`${best.analyzer}: ${best.code}`],
    });
  }
  return out;
}

/** Date checks: the media's own dates and the post date against the generator's first known date. */
export function dateFindings(g: Generator, first: string, dates: readonly MediaDate[], postedAt: string | null): Finding[] {
  const out: Finding[] = [];
  // The KB's first date is only the first it can source: earlier dates prove nothing.
  if (g.existedBefore) return out;
  const src = sourceLabel(g.access[0]?.source ?? g.sources[0]);
  // One day of slack for time zones.
  const cutoff = addDays(first, -1);
  // A first date known only from third-party reporting makes the claim unlikely, not refuted.
  const weak = (g.access[0]?.source ?? g.sources[0]).strength === 'third-party';
  const weakEn = weak ? ' (That first date comes from third-party reporting, so the claim is unlikely rather than refuted.)' : '';
  const weakZh = weak ? '（该首发日期来自第三方报道，因此只判为"不太可能"。）' : '';
  const early = dates.find((d) => d.day < cutoff);
  if (early) {
    const what = early.kind === 'capture' ? { en: 'capture date', zh: '拍摄日期' } : { en: 'encode date', zh: '编码日期' };
    out.push({
      status: weak ? 'unlikely' : 'refuted', code: weak ? 'claim_unlikely_by_date' : 'claim_refuted_by_date', basis: 'kb',
      reason: `The file's own ${what.en} (${early.day}, ${early.tag}) is before ${g.name} was first announced (${first}), so ${g.name} cannot have made it.${weakEn}`,
      reason_zh: `文件自身的${what.zh}（${early.day}，${early.tag}）早于 ${g.name} 首次发布（${first}），因此不可能由 ${g.name} 生成。${weakZh}`,
      sources: [src], data: { date: early.day, tag: early.tag, first_known: first, generator: g.slug },
    });
  }
  const posted = toDay(postedAt);
  if (posted && posted < cutoff) {
    out.push({
      status: weak ? 'unlikely' : 'refuted', code: weak ? 'claim_unlikely_posted_before_generator' : 'claim_posted_before_generator', basis: 'kb',
      reason: `The post is dated ${posted}, before ${g.name} was first announced (${first}).${weakEn}`,
      reason_zh: `帖子日期为 ${posted}，早于 ${g.name} 首次发布（${first}）。${weakZh}`,
      sources: [src], data: { posted_at: posted, first_known: first, generator: g.slug },
    });
  }
  return out;
}

/** Capability: could the generator have output this clip's duration and size when it was posted? */
export function capabilityFindings(kb: KnowledgeBase, slug: string, family: boolean, media: MediaInfo | null, postedAt: string | null, claimed?: { durationS: number }): Finding[] {
  const shape = media && media.kind === 'video'
    ? { durationS: media.duration, width: media.width, height: media.height }
    : claimed ? { durationS: claimed.durationS } : null;
  if (!shape) return [];
  const posted = toDay(postedAt);
  let r: CanProduceResult;
  if (posted) r = kb.canProduce(slug, { ...shape, date: posted, family });
  else {
    // No post date: it could have been made on any date up to today; the most permissive date counts.
    const members = family ? kb.familyOf(slug) : [kb.generator(slug)!];
    const days = [...new Set([...members.flatMap((m) => m.limits.map((l) => toDay(l.from)!)), today()])];
    const rs = days.map((d) => kb.canProduce(slug, { ...shape, date: d, family }));
    r = rs.find((x) => x.verdict === 'yes') ?? rs.find((x) => x.verdict === 'unknown') ?? rs[rs.length - 1];
  }
  const what = claimed && !(media && media.kind === 'video') ? { en: 'the duration the post claims', zh: '帖子所称的时长' } : { en: 'this file', zh: '该文件' };
  if (r.verdict === 'no' && !r.exceeded.includes('existence')) {
    const weak = r.strength === 'third-party';
    return [{
      status: weak ? 'unlikely' : 'refuted', code: weak ? 'claim_unlikely_by_capability' : 'claim_refuted_by_capability', basis: 'kb',
      reason: `${r.reasons.join(' ')} (${what.en})${weak ? ' The limit comes from third-party reporting, so this makes the claim unlikely rather than refuted.' : ''}`,
      reason_zh: `${r.reasons_zh.join(' ')}（${what.zh}）${weak ? '该上限来自第三方报道，因此只判为"不太可能"，而非"已驳斥"。' : ''}`,
      sources: r.sources, data: { exceeded: r.exceeded, release: r.release, date: r.date, generator: r.slug },
    }];
  }
  if (r.verdict === 'yes' || r.exceeded.length > 0) {
    return [{ status: 'unverified', code: null, basis: 'info', reason: r.reasons.join(' '), reason_zh: r.reasons_zh.join(' '), sources: r.sources }];
  }
  return [];
}

/** Preview-only period: made (posted) while only the vendor's testers could use the generator. */
export function previewFindings(kb: KnowledgeBase, slug: string, family: boolean, postedAt: string | null): Finding[] {
  const posted = toDay(postedAt);
  if (!posted) return [];
  const a = family ? kb.familyAccessOn(slug, posted) : kb.accessOn(slug, posted);
  if (!a || a.status !== 'preview') return [];
  const g = kb.generator(slug)!;
  return [{
    status: 'unlikely', code: 'claim_unlikely_preview_period', basis: 'kb',
    reason: `On ${posted}, ${g.name} was preview-only (since ${a.since}: ${a.note}). Only the vendor's staff and selected testers could make clips, and they did publish some, so the claim is unlikely but not impossible.`,
    reason_zh: `${posted} 时 ${g.name} 仅限内部预览（自 ${a.since} 起：${a.note_zh}）。只有厂商员工和少数测试者能生成视频，他们确实发布过一些作品，因此该说法"不太可能"，但并非不可能。`,
    sources: [sourceLabel(a.source)], data: { posted_at: posted, since: a.since, generator: slug },
  }];
}

export { firstDay };
