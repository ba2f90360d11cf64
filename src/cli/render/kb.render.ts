import { toDay } from '../../knowledge/dates.js';
import type { KnowledgeBase } from '../../knowledge/kb.js';
import { sourceLabel, type Generator, type Source } from '../../knowledge/knowledge.types.js';

/** One dated line of a generator's timeline, with its source. */
export interface TimelineEvent {
  date: string;
  kind: 'announced' | 'access' | 'ended' | 'product' | 'product_end' | 'limit' | 'mark' | 'fact';
  text: string;
  text_zh: string;
  source: string;
  strength: Source['strength'];
  /** The local overlay file the fact came from, when any. */
  local?: string;
}

export interface GeneratorTimeline {
  slug: string;
  name: string;
  vendor: string;
  family: string;
  open_source: boolean;
  /** Status on the KB's as-of day. */
  status_as_of: string;
  events: TimelineEvent[];
}

function ev(date: string, kind: TimelineEvent['kind'], text: string, text_zh: string, s: Source): TimelineEvent {
  return { date, kind, text, text_zh, source: sourceLabel(s), strength: s.strength, ...(s.local ? { local: s.local } : {}) };
}

/** Everything the KB says about one generator, oldest first. */
export function generatorTimeline(kb: KnowledgeBase, g: Generator): GeneratorTimeline {
  const out: TimelineEvent[] = [];
  const first = g.access[0]?.source ?? g.sources[0];
  out.push(ev(g.announced, 'announced', `${g.name} announced${g.existedBefore ? ' (first date the KB can source; it may be older)' : ''}`, `${g.name} 发布${g.existedBefore ? '（知识库能找到来源的最早日期，实际可能更早）' : ''}`, first));
  for (const p of g.access) {
    const until = p.until ? ` until ${p.until}` : '';
    out.push(ev(p.from, p.status === 'ended' ? 'ended' : 'access', `${p.status}${until}: ${p.note}`, `${{ preview: '预览', public: '公开', ended: '已停止' }[p.status]}${p.until ? `（至 ${p.until}）` : ''}：${p.note_zh}`, p.source));
  }
  for (const p of g.products) {
    out.push(ev(p.from, 'product', `${p.product} available: ${p.note}`, `${p.product} 上线：${p.note_zh}`, p.source));
    if (p.end) out.push(ev(p.end.on, 'product_end', `${p.product} ended: ${p.end.note}`, `${p.product} 停止：${p.end.note_zh}`, p.end.source));
  }
  for (const l of g.limits) {
    const res = l.maxLongSide ? `, up to ${l.maxLongSide}×${l.maxShortSide ?? l.maxLongSide}` : '';
    const dur = l.maxDurationS ? `up to ${l.maxDurationS} s` : 'duration not recorded';
    out.push(ev(l.from, 'limit', `${l.release} (${l.basis}): ${dur}${res} — ${l.note}`, `${l.release}（${l.basis}）：${l.maxDurationS ? `最长 ${l.maxDurationS} 秒` : '时长未记录'}${res ? `，最高 ${l.maxLongSide}×${l.maxShortSide ?? l.maxLongSide}` : ''}——${l.note}`, l.source));
  }
  for (const m of g.marks) out.push(ev(m.source.date, 'mark', `mark "${m.text}": ${m.note}`, `标记"${m.text}"：${m.note}`, m.source));
  for (const f of kb.factsAbout(g.slug)) out.push(ev(f.date, 'fact', f.text, f.text_zh, f.source));
  out.sort((a, b) => (toDay(a.date) ?? a.date).localeCompare(toDay(b.date) ?? b.date));
  const st = kb.accessOn(g.slug, kb.asOf());
  return { slug: g.slug, name: g.name, vendor: g.vendor, family: g.family, open_source: g.openSource, status_as_of: st?.status ?? 'unknown', events: out };
}

/** Terminal text of `genproof kb show`. */
export function renderTimeline(head: { as_of: string; overlays: string[] }, ts: GeneratorTimeline[], lang: 'en' | 'zh'): string {
  const zh = lang === 'zh';
  const lines = [zh ? `知识库截至 ${head.as_of}${head.overlays.length ? `；本地叠加：${head.overlays.join(', ')}` : ''}` : `Knowledge base as of ${head.as_of}${head.overlays.length ? `; local overlays: ${head.overlays.join(', ')}` : ''}`, ''];
  for (const t of ts) {
    lines.push(`${t.name} [${t.slug}] — ${t.vendor}${t.open_source ? (zh ? '，开源' : ', open source') : ''}; ${zh ? `截至 ${head.as_of} 状态` : `status on ${head.as_of}`}: ${t.status_as_of}`);
    for (const e of t.events) {
      lines.push(`  ${e.date.padEnd(10)}  ${zh ? e.text_zh : e.text}`);
      lines.push(`  ${''.padEnd(10)}    ${zh ? '来源' : 'source'}: ${e.source}${e.local ? (zh ? '（本地）' : ' (local)') : ''}`);
    }
    lines.push('');
  }
  return lines.join('\n');
}
