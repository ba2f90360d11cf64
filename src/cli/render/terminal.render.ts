import { RATING_NAMES } from '../../domain/rating.js';
import type { CheckResult } from '../../domain/report.js';
import { MEDIA_KIND, SCAM_LABEL } from '../../report/report.i18n.js';
import { notExamined } from '../../verdict/not-examined.js';

const QUADRANT: Record<string, { en: string; zh: string }> = {
  authentic: { en: 'REAL VIDEO (authentic)', zh: '真视频（authentic）' },
  undisclosed_ai: { en: 'FAKE VIDEO — AI passed off as real (undisclosed_ai)', zh: '假视频——AI内容冒充真实（undisclosed_ai）' },
  disclosed_ai: { en: 'REAL FAKE VIDEO — AI, labelled as AI (disclosed_ai)', zh: '真假视频——已标明的AI内容（disclosed_ai）' },
  false_ai_claim: { en: 'FAKE FAKE VIDEO — real footage claimed as AI (false_ai_claim)', zh: '假假视频——实拍被谎称为AI生成（false_ai_claim）' },
  undetermined: { en: 'UNDETERMINED', zh: '无法判定（undetermined）' },
};
const STATUS: Record<string, string> = { supported: '成立', refuted: '不成立', unlikely: '不太可能', unverified: '未核实' };

/** Plain-text report for the terminal, in one language. */
export function renderTerminal(r: CheckResult, lang: 'en' | 'zh'): string {
  const zh = lang === 'zh';
  const L: string[] = [];
  const q = QUADRANT[r.verdict.quadrant];
  const c = zh ? '：' : ': ';
  // The answer first, quotable: the rating and its one-sentence finding, then the quadrant.
  if (r.rating) {
    L.push(`${zh ? '评级' : 'Rating'}${c}${RATING_NAMES[r.rating.value][lang]} — ${r.rating.finding[lang]}`);
    const skipped = notExamined(r);
    if (skipped.length) L.push(`${zh ? '未检查' : 'Not examined'}${c}${skipped.map((x) => x[lang]).join(zh ? '；' : '; ')}`);
    L.push('');
  }
  L.push(`${zh ? '结论' : 'Verdict'}${c}${zh ? q.zh : q.en}${r.verdict.is_ai === null ? '' : `  (${zh ? '置信度' : 'confidence'} ${r.verdict.confidence.toFixed(2)})`}`);
  L.push('');
  L.push(zh ? r.verdict.summary.zh : r.verdict.summary.en);
  L.push('');
  if (r.kb?.note) L.push(`${zh ? '知识库' : 'Knowledge base'}${c}${zh ? r.kb.note.zh : r.kb.note.en}`, '');
  if (r.media) L.push(`${zh ? '媒体' : 'Media'}${c}${MEDIA_KIND[r.media.kind]?.[lang] ?? r.media.kind} ${r.media.container} ${r.media.width}×${r.media.height}${r.media.duration ? ` ${r.media.duration}s` : ''}${r.media.fps ? ` ${r.media.fps}fps` : ''}`);
  L.push(`${zh ? '生成器' : 'Generator'}${c}${zh ? '声称' : 'claimed'} ${r.generator.claimed ?? '—'} · ${zh ? '证据' : 'evidenced'} ${r.generator.evidenced ?? '—'}${r.generator.mismatch ? (zh ? ' · 不一致！' : ' · MISMATCH') : ''}`);
  if (r.claims.length) {
    L.push('', zh ? '说法核查：' : 'Claims:');
    for (const c of r.claims) {
      const reasons = (zh ? c.reasons_zh ?? c.reasons : c.reasons).join(' ');
      L.push(`  [${zh ? STATUS[c.status] ?? c.status : c.status}] ${c.type}: "${c.text}"${reasons ? ` — ${reasons}` : ''}`);
      if (c.sources.length) L.push(`      ${zh ? '来源' : 'sources'}: ${c.sources.join('; ')}`);
    }
  }
  L.push('', zh ? '证据：' : 'Evidence:');
  for (const e of r.evidence) {
    const arrow = e.direction === 'ai' ? 'AI ' : e.direction === 'real' ? (zh ? '真实' : 'REAL') : '·  ';
    L.push(`  ${arrow.padEnd(4)} ${e.analyzer}/${e.code}: ${zh ? e.detail_zh ?? e.detail : e.detail}`);
  }
  if (r.matches.length) {
    L.push('', zh ? '匹配：' : 'Matches:');
    for (const m of r.matches.slice(0, 5)) {
      L.push(`  ${m.label} ${m.reference_file} (${m.reference_id}) ${zh ? '覆盖' : 'coverage'} ${(m.query_coverage * 100).toFixed(0)}%/${(m.reference_coverage * 100).toFixed(0)}% ${zh ? '最小距离' : 'min distance'} ${m.min_distance}`);
    }
  }
  if (r.scam) {
    L.push('', `${zh ? '诈骗检查' : 'Scam check'}${c}${(SCAM_LABEL[r.scam.label] ?? { en: r.scam.label, zh: r.scam.label })[lang]} (${zh ? '得分' : 'score'} ${r.scam.score.toFixed(2)})`);
    for (const s of r.scam.symbols) L.push(`  ${s.code} +${s.weight}${s.span ? ` "${s.span}"` : ''}: ${zh ? s.detail_zh ?? s.detail : s.detail}`);
  }
  return L.join('\n') + '\n';
}

/** A one-line progress bar on stderr (only when stderr is a terminal). */
export function progressBar(enabled: boolean): { update(stage: string, f: number): void; done(): void } {
  let last = '';
  return {
    update(stage, f) {
      if (!enabled) return;
      const width = 24;
      const n = Math.round(f * width);
      const line = `\r[${'#'.repeat(n)}${'.'.repeat(width - n)}] ${(f * 100).toFixed(0).padStart(3)}% ${stage.padEnd(12)}`;
      if (line !== last) process.stderr.write(line);
      last = line;
    },
    done() {
      if (enabled && last) process.stderr.write('\r' + ' '.repeat(last.length) + '\r');
    },
  };
}
