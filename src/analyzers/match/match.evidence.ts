import { evidence, type Evidence } from '../../domain/evidence.js';
import type { Match, MatchSegment } from '../../domain/match.js';

/** A video query must have at least this share of its sampled frames aligned before a match decides `is_ai`. */
export const DECISIVE_QUERY_COVERAGE = 0.5;
/** …and at least this many aligned frames (unless the query is an image or a single frame). */
export const DECISIVE_MIN_FRAMES = 2;

export interface MatchForEvidence extends Match {
  matched_frames?: number;
  query_frames?: number;
  /** Only the strict low-detail pass matched (dim or low-contrast footage). */
  low_detail?: boolean;
}

function clock(s: number): string {
  const m = Math.floor(s / 60);
  const sec = s - m * 60;
  return `${m}:${sec.toFixed(1).padStart(4, '0')}`;
}

function segmentsText(segs: MatchSegment[], zh: boolean): string {
  const shown = segs.slice(0, 3).map((s) =>
    zh
      ? `转发 ${clock(s.query_start)}–${clock(s.query_end)} 对应原片 ${clock(s.reference_start)}–${clock(s.reference_end)}`
      : `repost ${clock(s.query_start)}–${clock(s.query_end)} ↔ reference ${clock(s.reference_start)}–${clock(s.reference_end)}`,
  );
  const more = segs.length > 3 ? (zh ? `等${segs.length}段` : ` and ${segs.length - 3} more`) : '';
  return shown.join(zh ? '；' : '; ') + more;
}

/** PDQ dihedral names (ThreatExchange): flipY mirrors across the vertical axis, i.e. a left–right mirror. */
const TRANSFORM_EN: Record<string, string> = {
  flipY: 'mirrored left–right', flipX: 'flipped upside down', rotate90: 'rotated by 90°', rotate180: 'rotated by 180°',
  rotate270: 'rotated by 270°', flipPlus1: 'mirrored across a diagonal', flipMinus1: 'mirrored across the anti-diagonal',
};
const TRANSFORM_ZH: Record<string, string> = {
  flipY: '左右镜像', flipX: '上下翻转', rotate90: '旋转90°', rotate180: '旋转180°', rotate270: '旋转270°',
  flipPlus1: '沿对角线镜像', flipMinus1: '沿反对角线镜像',
};

/** Whether a match is strong enough to decide `is_ai` (images: any frame match; videos: solid coverage). */
export function isDecisive(m: MatchForEvidence, queryKind: 'image' | 'video'): boolean {
  if (queryKind === 'image' || (m.query_frames ?? 2) <= 1) return m.query_coverage > 0 && m.min_distance <= 31;
  return m.query_coverage >= DECISIVE_QUERY_COVERAGE && (m.matched_frames ?? DECISIVE_MIN_FRAMES) >= DECISIVE_MIN_FRAMES;
}

/** Evidence for one registry match (pure). */
export function matchEvidence(m: MatchForEvidence, decisive: boolean): Evidence {
  const pct = Math.round(m.query_coverage * 100);
  const src = m.source ? ` (source: ${m.source})` : '';
  const srcZh = m.source ? `（来源：${m.source}）` : '';
  const tf = m.transform ? ` The pictures are ${TRANSFORM_EN[m.transform] ?? `transformed (${m.transform})`} relative to the reference.` : '';
  const tfZh = m.transform ? `画面相对参考文件经过${TRANSFORM_ZH[m.transform] ?? m.transform}。` : '';
  const segs = m.segments.length ? ` Aligned: ${segmentsText(m.segments, false)}.` : '';
  const segsZh = m.segments.length ? `对齐片段：${segmentsText(m.segments, true)}。` : '';
  const frames = m.query_frames && m.matched_frames !== undefined ? ` (${m.matched_frames} of ${m.query_frames})` : '';
  const how = `${pct}% of this file's sampled frames${frames} match frames of the reference (closest PDQ distance ${m.min_distance} of 256 bits; 31 or less is a match).`;
  const howZh = `本文件 ${pct}% 的采样帧${frames ? `（${m.matched_frames}/${m.query_frames}）` : ''}与参考文件的画面匹配（最近PDQ距离 ${m.min_distance}/256，≤31 即为匹配）。`;
  const data = {
    reference_id: m.reference_id, reference_file: m.reference_file, label: m.label, generator: m.generator, source: m.source ?? null,
    query_coverage: m.query_coverage, reference_coverage: m.reference_coverage, min_distance: m.min_distance,
    segments: m.segments, transform: m.transform ?? null, decisive, low_detail: m.low_detail ?? false,
  };
  const weak = decisive ? '' : ' The overlap is too small to decide on its own.';
  const weakZh = decisive ? '' : '重合部分太少，不足以单独下结论。';
  if (m.label === 'original') {
    return evidence({
      analyzer: 'match', code: decisive ? 'registry_match_original' : 'registry_match_partial', direction: decisive ? 'real' : 'neutral',
      weight: decisive ? 0.9 : 0.3,
      detail: `The pictures match the registered original "${m.reference_file}"${src}: ${how}${segs}${tf}${weak}`,
      detail_zh: `画面与登记的原始素材"${m.reference_file}"${srcZh}一致：${howZh}${segsZh}${tfZh}${weakZh}`,
      data,
      ...(decisive ? { decides: { is_ai: false, tier: 'registry_match' as const } } : {}),
    });
  }
  if (m.label === 'ai') {
    const gen = m.generator ? ` made with ${m.generator}` : '';
    const genZh = m.generator ? `（由 ${m.generator} 生成）` : '';
    return evidence({
      analyzer: 'match', code: decisive ? 'registry_match_ai' : 'registry_match_partial', direction: decisive ? 'ai' : 'neutral',
      weight: decisive ? 0.9 : 0.3,
      detail: `The pictures match the registered AI output "${m.reference_file}"${gen}${src}: ${how}${segs}${tf}${weak}`,
      detail_zh: `画面与登记的AI生成内容"${m.reference_file}"${genZh}${srcZh}一致：${howZh}${segsZh}${tfZh}${weakZh}`,
      data,
      ...(decisive ? { decides: { is_ai: true, tier: 'registry_match' as const, generator: m.generator } } : {}),
    });
  }
  return evidence({
    analyzer: 'match', code: 'registry_match_scam_poster', direction: 'neutral', weight: decisive ? 0.6 : 0.3,
    detail: `The pictures match the registered scam poster "${m.reference_file}"${src}: ${how}${tf}${weak}`,
    detail_zh: `画面与登记的诈骗推广图"${m.reference_file}"${srcZh}一致：${howZh}${tfZh}${weakZh}`,
    data,
  });
}
