import type { ClaimChecker } from '../analyzer.js';
import { claimPolarity, type Claim, type ClaimStatus } from '../../domain/claim.js';
import { evidence as mkEvidence, type Evidence } from '../../domain/evidence.js';
import type { MediaInfo } from '../../domain/media.js';
import type { Post } from '../../domain/post.js';
import { toDay } from '../../knowledge/dates.js';
import { kb as defaultKb, type KnowledgeBase } from '../../knowledge/kb.js';
import {
  capabilityFindings,
  dateFindings,
  decisive,
  evidenceFindingsForAi,
  firstDay,
  mediaDates,
  previewFindings,
  type Finding,
  type MediaDate,
} from './claim-findings.js';
import { beyondHorizon, endedFindings } from './ended-findings.js';

/** Types this checker judges; authorship and availability claims belong to the scam desk, place and time to src/analyzers/placetime. */
const HANDLED = new Set<Claim['type']>(['ai_generated', 'generator', 'generation_prompt', 'real_footage', 'duration']);

/**
 * Checks the post's claims against the knowledge base and the evidence (FACTS.md, "Access rules"):
 * - the file's capture/encode date (or the post date) before the claimed generator was announced → refuted;
 * - duration or resolution beyond what the generator could output when posted → refuted (unlikely when the
 *   limit comes from third-party reporting; never for open-source defaults);
 * - posted during the generator's preview-only period → unlikely, not refuted;
 * - decisive evidence in the file (provenance, registry, file label) → supported or refuted;
 * - otherwise unverified, with the reason.
 * Emits neutral `kb` evidence for every refutation or doubt, citing the KB source.
 */
export class KbClaimChecker implements ClaimChecker {
  readonly name = 'kb';

  constructor(private readonly kb: KnowledgeBase = defaultKb) {}

  check(input: { post: Post; media: MediaInfo | null; claims: Claim[]; evidence: Evidence[] }): { claims: Claim[]; evidence: Evidence[] } {
    const dates = mediaDates(input.evidence);
    const out: Evidence[] = [];
    const seen = new Set<string>();
    const claims = input.claims.map((c) => {
      if (!HANDLED.has(c.type)) return c;
      const findings = this.findingsFor(c, input, dates);
      const checked = applyFindings(c, findings);
      // Evidence items for the findings that decided the status (not for the doubts a refutation outranks).
      for (const f of findings) {
        if (!f.code || f.status === 'unverified' || f.status !== checked.status) continue;
        const key = `${f.code}|${f.reason}`;
        if (seen.has(key)) continue;
        seen.add(key);
        out.push(findingEvidence(f, c));
      }
      return checked;
    });
    if (this.kb.isAfterHorizon(input.post.postedAt)) out.push(horizonEvidence(this.kb.asOf(), input.post.postedAt!));
    return { claims, evidence: out };
  }

  private findingsFor(c: Claim, input: { post: Post; media: MediaInfo | null; claims: Claim[]; evidence: Evidence[] }, dates: MediaDate[]): Finding[] {
    const postedAt = input.post.postedAt;
    if (c.type === 'real_footage') return realFindings(input.evidence);
    if (c.type === 'duration') return beyondHorizon(this.kb, postedAt, durationFindings(this.kb, c, input));
    if (claimPolarity(c) !== true) return [];
    const slug = c.generator ?? null;
    const findings = evidenceFindingsForAi(this.kb, c, slug, input.evidence);
    const g = slug ? this.kb.generator(slug) : null;
    if (!g) {
      findings.push(slug
        ? {
          status: 'unverified', code: null, basis: 'info',
          reason: `The knowledge base has no entry for the generator "${slug}", so it cannot check this claim.`,
          reason_zh: `知识库没有生成器 "${slug}" 的条目，无法核对这一说法。`, sources: [],
        }
        : {
          status: 'unverified', code: null, basis: 'info',
          reason: 'No generator is named, so the knowledge base has nothing to check this claim against.',
          reason_zh: '未指明生成器，知识库无从核对这一说法。', sources: [],
        });
      return findings;
    }
    const family = isGeneric(this.kb, c, input.claims);
    const members = family ? this.kb.familyOf(g.slug) : [g];
    const first = members.map(firstDay).sort()[0];
    findings.push(...dateFindings(family ? members[0] : g, first, dates, postedAt));
    findings.push(...capabilityFindings(this.kb, g.slug, family, input.media, postedAt));
    findings.push(...previewFindings(this.kb, g.slug, family, postedAt));
    findings.push(...endedFindings(this.kb, g.slug, family, c, input.post.caption ?? null, postedAt, dates));
    return beyondHorizon(this.kb, postedAt, findings);
  }
}

/** A claim names the whole family ("Sora") unless it names one release ("Sora 2"). */
function isGeneric(kb: KnowledgeBase, c: Claim, all: readonly Claim[]): boolean {
  const gen = (c.type === 'generator' ? c : all.find((x) => x.type === 'generator' && x.generator === c.generator && x.origin === c.origin));
  const flag = gen?.value?.generic;
  if (typeof flag === 'boolean') return flag;
  return kb.familyOf(c.generator!)[0]?.slug === c.generator;
}

function realFindings(evidence: readonly Evidence[]): Finding[] {
  const { ai, real } = decisive(evidence);
  if (ai.length > 0) {
    return [{
      status: 'refuted', code: 'real_claim_refuted_by_evidence', basis: 'evidence',
      reason: 'Decisive evidence in the file (provenance, registry match or AI label) shows it is AI-generated.',
      reason_zh: '文件中的决定性证据（来源凭证、登记库比对或AI标识）表明它由AI生成。',
      sources: ai.map((e) => `${e.analyzer}: ${e.code}`),
    }];
  }
  if (real.length > 0) {
    const strong = real.some((e) => e.decides!.tier !== 'camera_metadata');
    return [{
      status: 'supported', code: null, basis: strong ? 'evidence' : 'weak',
      reason: strong ? 'Evidence in the file points to a real recording.' : 'Camera metadata in the file points to a real recording (metadata can be forged).',
      reason_zh: strong ? '文件中的证据指向真实拍摄。' : '文件中的相机元数据指向真实拍摄（元数据可以伪造）。',
      sources: real.map((e) => `${e.analyzer}: ${e.code}`),
    }];
  }
  return [];
}

function durationFindings(kb: KnowledgeBase, c: Claim, input: { post: Post; media: MediaInfo | null; claims: Claim[] }): Finding[] {
  const seconds = typeof c.value?.seconds === 'number' ? c.value.seconds : null;
  if (seconds === null) return [];
  const m = input.media;
  if (m && m.kind === 'video' && m.duration) {
    const off = Math.abs(m.duration - seconds);
    const ok = off <= Math.max(2, seconds * 0.1);
    return [{
      status: ok ? 'supported' : 'refuted', code: ok ? null : 'claim_duration_mismatch', basis: 'evidence',
      reason: `The file lasts ${m.duration.toFixed(1)} s; the post says ${seconds} s.`,
      reason_zh: `文件时长为 ${m.duration.toFixed(1)} 秒；帖子称 ${seconds} 秒。`,
      sources: ['intake: media duration'],
    }];
  }
  // Text-only post: check the claimed duration against the generator the post names.
  const ai = input.claims.find((x) => claimPolarity(x) === true && x.generator && x.origin === c.origin);
  if (!ai?.generator || !kb.generator(ai.generator)) return [];
  return capabilityFindings(kb, ai.generator, isGeneric(kb, ai, input.claims), null, input.post.postedAt, { durationS: seconds });
}

const RANK: Record<ClaimStatus, number> = { unverified: 0, unlikely: 1, refuted: 2, supported: 2 };

/** Status: decisive evidence first, then KB refutations, then doubts; reasons and sources from every finding. */
export function applyFindings(c: Claim, findings: Finding[]): Claim {
  if (findings.length === 0) return c;
  const pick = (basis: Finding['basis']) => findings.filter((f) => f.basis === basis && f.status !== 'unverified').sort((a, b) => RANK[b.status] - RANK[a.status])[0];
  const decided = pick('evidence') ?? pick('kb') ?? pick('weak');
  const status: ClaimStatus = decided?.status ?? c.status;
  // Reasons are the findings that decided the status; weaker doubts a refutation outranks would only blur it.
  // When nothing decided, every finding explains what was checked.
  const agreeing = findings.filter((f) => f.status === status && f.status !== 'unverified');
  const ordered = agreeing.length > 0 ? agreeing : findings;
  return {
    ...c,
    status,
    reasons: [...c.reasons, ...ordered.map((f) => f.reason)],
    reasons_zh: [...(c.reasons_zh ?? []), ...ordered.map((f) => f.reason_zh)],
    sources: [...new Set([...c.sources, ...ordered.flatMap((f) => f.sources)])],
  };
}

/** The evidence item of a finding that decided a claim's status. */
export function findingEvidence(f: Finding, c: Claim): Evidence {
  const weight = f.status === 'refuted' ? 0.5 : f.status === 'unlikely' ? 0.3 : 0.2;
  const src = f.sources.length ? ` Source: ${f.sources.join('; ')}.` : '';
  const srcZh = f.sources.length ? ` 来源：${f.sources.join('；')}。` : '';
  return mkEvidence({
    analyzer: 'kb', code: f.code!, direction: 'neutral', weight,
    detail: `Claim “${c.text}” is ${f.status}: ${f.reason}${src}`,
    detail_zh: `说法“${c.text}”${{ refuted: '已被驳斥', unlikely: '不太可能', supported: '得到支持', unverified: '未经证实' }[f.status]}：${f.reason_zh}${srcZh}`,
    data: { claim_type: c.type, claim_text: c.text, status: f.status, generator: c.generator ?? null, sources: f.sources, ...(f.data ?? {}) },
  });
}

/** The note every report carries when the post is dated after the KB's horizon. */
export function horizonEvidence(asOf: string, postedAt: string): Evidence {
  const posted = toDay(postedAt) ?? postedAt;
  return mkEvidence({
    analyzer: 'kb', code: 'kb_horizon', direction: 'neutral', weight: 0.15,
    detail: `The post is dated ${posted}, after ${asOf}, the last day genproof's knowledge base covers: newer events (releases, shutdowns, relaunches) are unknown to genproof, and no claim is refuted for lack of them.`,
    detail_zh: `帖子日期为 ${posted}，晚于 genproof 知识库覆盖的最后一天 ${asOf}：此后的事件（发布、停服、重新上线）genproof 无从知晓，不会因缺少这些信息而驳斥任何说法。`,
    data: { as_of: asOf, posted_at: posted },
  });
}
