import type { Claim } from '../domain/claim.js';
import type { Evidence } from '../domain/evidence.js';
import type { Match } from '../domain/match.js';
import { RATING_NAMES } from '../domain/rating.js';
import type { CheckResult } from '../domain/report.js';
import { notExamined } from '../verdict/not-examined.js';
import type { ScamResult } from '../domain/scam.js';
import { REPORT_CSS } from './report.css.js';
import { keyframeFileName, REVERSE_SEARCH, REVERSE_SEARCH_HINT } from './reverse-search.js';
import { storedZip } from './stored-zip.js';
import { ANALYZERS, CLAIM_STATUS, DIRECTION, L, QUADRANTS, SCAM_LABEL, UNDETERMINED, type Txt } from './report.i18n.js';

export interface HtmlReportFrame { index: number; timestamp: number; jpeg: Buffer }

export interface HtmlReportOptions {
  keyframes: HtmlReportFrame[];
  lang?: 'en' | 'zh';
  /** Thumbnails of matched references by reference_id (shown beside the post's frame). */
  referenceThumbnails?: Record<string, Buffer>;
}

/** Escape text for HTML element content and attribute values. */
export function esc(s: unknown): string {
  return String(s ?? '').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/** Both languages; CSS shows the selected one. */
function t(x: Txt): string {
  return `<span lang="en">${esc(x.en)}</span><span lang="zh">${esc(x.zh)}</span>`;
}
const both = (en: string, zh?: string | null): string => t({ en, zh: zh || en });

function dataUri(jpeg: Buffer): string {
  return `data:image/jpeg;base64,${jpeg.toString('base64')}`;
}

const secs = (s: number): string => `${s.toFixed(s < 10 ? 2 : 1)} s`;
const pct = (x: number): string => `${Math.round(x * 100)}%`;
const yesNo = (v: boolean | null): string => t(v === null ? L.unknown : v ? L.yes : L.no);

function sourceLink(s: string): string {
  return /^https?:\/\//i.test(s) ? `<a href="${esc(s)}" rel="noreferrer noopener" target="_blank">${esc(s)}</a>` : esc(s);
}

/** The rating heads the report: the answer to "is this post telling the truth?". */
function ratingSection(r: CheckResult): string {
  if (!r.rating) return '';
  const g = r.rating;
  const skipped = notExamined(r);
  return `<section class="rating r-${esc(g.value)}" id="rating" data-rating="${esc(g.value)}">
<div class="meta">${t(L.ratingQuestion)}</div>
<div class="big">${t(L.rating)}: ${t(RATING_NAMES[g.value])} <code>${esc(g.value)}</code></div>
<p class="finding">${both(g.finding.en, g.finding.zh)}</p>
${g.basis.length ? `<p class="meta">${g.basis.map((b) => `<code>${esc(b)}</code>`).join(' ')}</p>` : ''}
${skipped.length ? `<p class="meta" id="not-examined">${t(L.notExamined)}: ${skipped.map((x) => both(x.en, x.zh)).join(' · ')}</p>` : ''}
</section>`;
}

function verdictSection(r: CheckResult): string {
  const v = r.verdict;
  const q = v.quadrant;
  const cell = (quad: keyof typeof QUADRANTS): string => {
    const d = QUADRANTS[quad];
    return `<div class="cell${q === quad ? ' on' : ''}" data-quadrant="${quad}"><b>${t(d.name)}</b>${t(d.explain)}<br><code>${quad}</code></div>`;
  };
  const missing = (v.missing ?? []).map((m) => `<li>${both(m.en, m.zh)}</li>`).join('');
  const head = q === 'undetermined' ? UNDETERMINED : QUADRANTS[q].name;
  return `<section class="verdict q-${esc(q)}" id="verdict" data-quadrant="${esc(q)}">
<div class="big">${t(L.verdict)}: ${t(head)} <code>${esc(q)}</code></div>
<p>${both(v.summary.en, v.summary.zh)}</p>
<p class="meta">${t(L.isAiLine)} <b>${yesNo(v.is_ai)}</b> · ${t(L.claimedLine)} <b>${yesNo(v.claimed_ai)}</b> · ${t(L.confidence)} ${pct(v.confidence)}</p>
</section>
<div class="matrix">
<div class="corner">${t(L.matrixRows)} ↓ / ${t(L.matrixCols)} →</div><div class="hd">${t(L.claimsReal)}</div><div class="hd">${t(L.claimsAi)}</div>
<div class="hd">${t(L.isReal)}</div>${cell('authentic')}${cell('false_ai_claim')}
<div class="hd">${t(L.isAi)}</div>${cell('undisclosed_ai')}${cell('disclosed_ai')}
</div>
<div class="undetermined${q === 'undetermined' ? ' on' : ''}" data-quadrant="undetermined"><b>${t(UNDETERMINED)}</b> <code>undetermined</code>
${q === 'undetermined' ? `<p>${t(L.undeterminedWhy)}</p>${missing ? `<ul>${missing}</ul>` : `<p>${t(L.undeterminedGeneric)}</p>`}` : ''}</div>`;
}

function generatorSection(r: CheckResult): string {
  const g = r.generator;
  const slug = (s: string | null) => (s ? `<code>${esc(s)}</code>` : t(L.none));
  return `<h2>${t(L.generator)}</h2><table id="generator"><tr><th>${t(L.claimed)}</th><td>${slug(g.claimed)}</td></tr>
<tr><th>${t(L.evidenced)}</th><td>${slug(g.evidenced)}</td></tr></table>${g.mismatch ? `<p class="st st-refuted">${t(L.mismatch)}</p>` : ''}`;
}

function evidenceSection(items: Evidence[]): string {
  if (items.length === 0) return `<h2>${t(L.evidence)}</h2><p>${t(L.noEvidence)}</p>`;
  const groups = new Map<string, Evidence[]>();
  for (const e of items) groups.set(e.analyzer, [...(groups.get(e.analyzer) ?? []), e]);
  const parts = [...groups].map(([analyzer, list]) => {
    const name = ANALYZERS[analyzer] ?? { en: analyzer, zh: analyzer };
    const rows = [...list].sort((a, b) => b.weight - a.weight).map((e) => `<tr class="ev" data-code="${esc(e.code)}">
<td><span class="dir dir-${esc(e.direction)}">${t(DIRECTION[e.direction] ?? DIRECTION.neutral)}</span></td>
<td>${both(e.detail, e.detail_zh)}<br><code>${esc(e.code)}</code>${e.decides ? ` · ${t(L.decisive)} (<code>${esc(e.decides.tier)}</code>)` : ''}</td>
<td class="hide-sm">${t(L.weight)} ${e.weight.toFixed(2)}</td></tr>`).join('');
    return `<h3>${t(name)} <code>${esc(analyzer)}</code></h3><table>${rows}</table>`;
  });
  return `<h2>${t(L.evidence)}</h2><div id="evidence">${parts.join('')}</div>`;
}

function claimItem(c: Claim): string {
  const reasons = c.reasons.map((r, i) => `<li>${both(r, c.reasons_zh?.[i])}</li>`).join('');
  const sources = c.sources.map((s) => `<li>${sourceLink(s)}</li>`).join('');
  return `<div class="card claim" data-type="${esc(c.type)}" data-status="${esc(c.status)}">
<div><code>${esc(c.type)}</code> <span class="st st-${esc(c.status)}">${t(CLAIM_STATUS[c.status] ?? { en: c.status, zh: c.status })}</span>${c.generator ? ` · <code>${esc(c.generator)}</code>` : ''}</div>
<blockquote>“${esc(c.text)}”</blockquote>
${reasons ? `<div>${t(L.reasons)}:</div><ul>${reasons}</ul>` : ''}${sources ? `<div>${t(L.sources)}:</div><ul>${sources}</ul>` : ''}</div>`;
}

function claimsSection(claims: Claim[]): string {
  return `<h2>${t(L.claims)}</h2><div id="claims">${claims.length ? claims.map(claimItem).join('') : `<p>${t(L.noClaims)}</p>`}</div>`;
}

function searchLinks(): string {
  return REVERSE_SEARCH.map((e) => `<a href="${esc(e.url)}" target="_blank" rel="noreferrer noopener" data-engine="${e.id}">${esc(e.name)}</a>`).join(' · ');
}

/** Keyframes at full resolution: each downloadable, all as one ZIP (data URIs: the report stays self-contained). */
function framesSection(frames: HtmlReportFrame[]): string {
  if (frames.length === 0) return '';
  const figs = frames.map((f) => {
    const name = keyframeFileName(f.index, f.timestamp);
    return `<figure class="kf" data-index="${f.index}"><img alt="keyframe ${f.index} at ${secs(f.timestamp)}" src="${dataUri(f.jpeg)}">
<figcaption>#${f.index} · ${secs(f.timestamp)} · <a download="${name}" href="${dataUri(f.jpeg)}">${t(L.download)}</a></figcaption></figure>`;
  });
  const zip = storedZip(frames.map((f) => ({ name: keyframeFileName(f.index, f.timestamp), data: f.jpeg })));
  return `<h2>${t(L.keyframes)}</h2><p class="meta">${t(REVERSE_SEARCH_HINT)}</p>
<p class="search" id="reverse-search">${searchLinks()}</p>
<p><a class="zip" download="keyframes.zip" href="data:application/zip;base64,${zip.toString('base64')}">${t(L.downloadAll)}</a></p>
<div class="frames" id="keyframes">${figs.join('')}</div>`;
}

function bar(start: number, end: number, total: number | null): string {
  if (!total || total <= 0) return '';
  const l = Math.max(0, Math.min(100, (start / total) * 100));
  const w = Math.max(1, Math.min(100 - l, ((end - start) / total) * 100));
  return `<div class="bar"><span style="left:${l.toFixed(1)}%;width:${w.toFixed(1)}%"></span></div>`;
}

function matchesSection(r: CheckResult, frames: HtmlReportFrame[], thumbs: Record<string, Buffer>): string {
  if (r.matches.length === 0) return r.media ? `<h2>${t(L.matches)}</h2><p>${t(L.noMatches)}</p>` : '';
  const dur = r.media?.duration ?? null;
  const one = (m: Match): string => {
    const seg = m.segments[0];
    const near = seg && frames.length ? [...frames].sort((a, b) => Math.abs(a.timestamp - seg.query_start) - Math.abs(b.timestamp - seg.query_start))[0] : frames[0];
    const refImg = thumbs[m.reference_id];
    const segs = m.segments.map((s) => `<li>${secs(s.query_start)}–${secs(s.query_end)} ↔ ${secs(s.reference_start)}–${secs(s.reference_end)}</li>`).join('');
    return `<div class="card match" data-reference="${esc(m.reference_id)}">
<div class="pair"><div><b>${t(L.thisPost)}</b>${near ? `<figure><img alt="post frame" src="${dataUri(near.jpeg)}"><figcaption>${secs(near.timestamp)}</figcaption></figure>` : ''}
${seg ? bar(seg.query_start, seg.query_end, dur) : ''}</div>
<div><b>${t(L.reference)}</b>: ${esc(m.reference_file)} <code>${esc(m.label)}</code>${m.generator ? ` <code>${esc(m.generator)}</code>` : ''}
${refImg ? `<figure><img alt="reference" src="${dataUri(refImg)}"></figure>` : ''}${m.source ? `<div class="meta">${sourceLink(m.source)}</div>` : ''}</div></div>
<p>${t(L.coverage)}: ${pct(m.query_coverage)} / ${pct(m.reference_coverage)} · ${t(L.distance)}: ${m.min_distance}${m.transform ? ` · <code>${esc(m.transform)}</code>` : ''}</p>
${segs ? `<div>${t(L.aligned)}:</div><ul>${segs}</ul>` : ''}</div>`;
  };
  return `<h2>${t(L.matches)}</h2><div id="matches">${r.matches.slice(0, 5).map(one).join('')}</div>`;
}

function scamSection(s: ScamResult | undefined): string {
  if (!s) return '';
  const symbols = s.symbols.map((x) => `<tr class="sym" data-code="${esc(x.code)}"><td><code>${esc(x.code)}</code></td><td>${both(x.detail, x.detail_zh)}${x.span ? `<br>“${esc(x.span)}”` : ''}</td><td class="hide-sm">${x.weight.toFixed(2)}</td></tr>`).join('');
  const qrs = s.qr_codes.map((q) => `<li><code>${esc(q.text)}</code></li>`).join('');
  const urls = s.urls.map((u) => `<li><code>${esc(u.url)}</code>${u.lookalike_of ? ` — ${t(L.lookalike)} <b>${esc(u.lookalike_of)}</b>` : ''}</li>`).join('');
  return `<h2>${t(L.scam)}</h2><div id="scam" data-label="${esc(s.label)}"><p>${t(L.scamLabel)}: <b>${t(SCAM_LABEL[s.label] ?? { en: s.label, zh: s.label })}</b> (${s.score.toFixed(2)})</p>
${symbols ? `<h3>${t(L.symbols)}</h3><table>${symbols}</table>` : ''}${qrs ? `<h3>${t(L.qr)}</h3><ul>${qrs}</ul>` : ''}${urls ? `<h3>${t(L.links)}</h3><ul>${urls}</ul>` : ''}
${s.claims.length ? s.claims.map(claimItem).join('') : ''}</div>`;
}

function mediaLine(r: CheckResult): string {
  const m = r.media;
  const posted = r.posted_at ? ` · ${t(L.postedAt)} ${esc(r.posted_at)}` : '';
  if (!m) return `<p class="meta">${t(L.textOnly)}${posted}</p>`;
  const parts = [m.kind, `${m.width}×${m.height}`, m.duration != null ? secs(m.duration) : null, m.fps != null ? `${Math.round(m.fps * 100) / 100} fps` : null, m.container];
  return `<p class="meta">${t(L.media)}: ${esc(parts.filter(Boolean).join(' · '))}${posted}</p>`;
}

/**
 * One self-contained HTML document (inline CSS, images as data URIs, no script, no external requests) with a
 * zh/en switch. Used by `genproof check --html` and `GET /api/checks/{id}/report.html`.
 */
export function renderHtmlReport(result: CheckResult, opts: HtmlReportOptions): string {
  const lang = opts.lang ?? 'en';
  const frames = [...opts.keyframes].sort((a, b) => a.index - b.index);
  return `<!doctype html>
<html lang="${lang === 'zh' ? 'zh-CN' : 'en'}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<meta name="generator" content="genproof"><title>genproof — ${esc(result.rating?.value ?? result.verdict.quadrant)}</title><style>${REPORT_CSS}</style></head><body>
<input type="radio" class="langsel" name="gp-lang" id="gp-l-en"${lang === 'en' ? ' checked' : ''}><input type="radio" class="langsel" name="gp-lang" id="gp-l-zh"${lang === 'zh' ? ' checked' : ''}>
<div class="page"><header><h1>${t(L.title)}</h1><div class="switch"><label for="gp-l-en">English</label><label for="gp-l-zh">中文</label></div></header>
${ratingSection(result)}
${result.kb?.note ? `<p class="meta" id="kb-horizon">${t(result.kb.note)}</p>` : ''}
${verdictSection(result)}
${mediaLine(result)}
${generatorSection(result)}
${evidenceSection(result.evidence)}
${claimsSection(result.claims)}
${framesSection(frames)}
${matchesSection(result, frames, opts.referenceThumbnails ?? {})}
${scamSection(result.scam)}
<footer>${t(L.footer)}</footer></div></body></html>
`;
}
