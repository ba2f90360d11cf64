import { ApiError, type CheckState } from './api.js';
import { $ } from './dom.js';
import { ERROR_TEXT, QUADRANT_NAMES, RATING_NAMES, lang, named, stageName, tr } from './i18n.js';
import { REVERSE_SEARCH } from '../report/reverse-search.js';

/**
 * The check's progress, answer and errors. Phone first: whatever changes is brought into view and focused —
 * the progress when a check starts, the answer (rating, then the quadrant in the seed's words) when it is done,
 * the error when there is one — so nothing happens below the fold.
 */

/** Scroll an element to the top of the viewport (below the sticky header) and move keyboard focus there. */
export function reveal(el: HTMLElement): void {
  el.scrollIntoView({ block: 'start', behavior: 'instant' as ScrollBehavior });
  el.focus({ preventScroll: true });
}

export function showError(e: unknown): void {
  const box = $('error-box');
  box.hidden = false;
  const code = e instanceof ApiError ? e.problem.code : 'error';
  const known = ERROR_TEXT[code];
  // zh readers get the Chinese meaning of the code; the API's English detail stays for English readers.
  const text = known ? (lang() === 'zh' ? known.zh : `${known.en} ${e instanceof ApiError ? e.problem.detail : ''}`.trim())
    : e instanceof ApiError ? e.problem.detail : String(e instanceof Error ? e.message : e);
  box.textContent = `${tr('error')}: ${text}${e instanceof ApiError ? ` [${code}]` : ''}`;
  box.dataset.code = code;
  $('progress-box').hidden = true;
  reveal(box);
}

export function clearMessages(): void {
  $('error-box').hidden = true;
  $('form-msg').textContent = '';
}

export function showProgress(): void {
  const box = $('progress-box');
  box.hidden = false;
  $<HTMLProgressElement>('progress').value = 0;
  $('progress-text').textContent = tr('queued');
  reveal(box);
}

function renderKeyframes(s: CheckState): void {
  const panel = $('keyframes-panel');
  const frames = s.keyframes ?? [];
  panel.hidden = frames.length === 0;
  if (!frames.length) return;
  const zip = $<HTMLAnchorElement>('keyframes-zip');
  zip.href = `/api/checks/${encodeURIComponent(s.id)}/frames.zip`;
  zip.setAttribute('download', `genproof-${s.id}-keyframes.zip`);
  const engines = $('engines');
  engines.replaceChildren();
  REVERSE_SEARCH.forEach((e, i) => {
    if (i) engines.append(' · ');
    engines.append(Object.assign(document.createElement('a'), { href: e.url, textContent: e.name, target: '_blank', rel: 'noreferrer noopener' }));
  });
  const list = $('keyframes-list');
  list.replaceChildren();
  for (const k of frames) {
    const li = document.createElement('li');
    const name = `keyframe-${String(k.index).padStart(2, '0')}-${k.timestamp.toFixed(2)}s.jpg`;
    const img = Object.assign(document.createElement('img'), { src: k.url, alt: `#${k.index} · ${k.timestamp.toFixed(2)} s`, loading: 'lazy' });
    const a = Object.assign(document.createElement('a'), { href: k.url, textContent: `${tr('downloadFrame')} #${k.index} (${k.timestamp.toFixed(1)} s)` });
    a.setAttribute('download', name);
    li.append(img, a);
    list.append(li);
  }
}

/** Render a check's state; returns true when the check has finished (done or failed). */
export function renderState(s: CheckState): boolean {
  $<HTMLProgressElement>('progress').value = s.progress;
  const label = s.status === 'queued' ? tr('queued') : s.status === 'running' ? tr('running') : s.status === 'done' ? tr('done') : tr('failed');
  $('progress-text').textContent = `${label} ${Math.round(s.progress * 100)}%${s.stage && s.status === 'running' ? ` · ${stageName(s.stage)}` : ''}`;
  if (s.status === 'failed') {
    showError(new ApiError({ code: s.error?.code ?? 'http_error', detail: s.error?.message ?? '', status: 0 }));
    return true;
  }
  if (s.status !== 'done' || !s.result) return false;
  $('progress-box').hidden = true;
  const r = s.result;
  const q = r.verdict.quadrant;
  $('result').hidden = false;
  $('verdict-card').dataset.quadrant = q;
  const rating = r.rating ?? null;
  $('result-rating-heading').hidden = !rating;
  $('result-finding').hidden = !rating;
  $('verdict-card').dataset.rating = rating?.value ?? '';
  if (rating) {
    $('result-rating').textContent = named(RATING_NAMES, rating.value);
    $('result-finding').textContent = rating.finding[lang()] || rating.finding.en;
  }
  $('result-quadrant').textContent = q;
  $('result-quadrant-name').textContent = QUADRANT_NAMES[q]?.[lang()] ?? q;
  $('result-summary').textContent = r.verdict.summary[lang()];
  const url = `${s.report_url}?lang=${lang()}`;
  $<HTMLAnchorElement>('report-link').href = url;
  $<HTMLAnchorElement>('report-download').href = `${url}&download=1`;
  renderKeyframes(s);
  const frame = $<HTMLIFrameElement>('report-frame');
  if (frame.dataset.src !== url) {
    frame.dataset.src = url;
    frame.dataset.loaded = 'false';
    frame.src = url;
  }
  return true;
}

/** Keep the report iframe as tall as its document (no inner scrollbar on phones). */
export function fitFrame(): void {
  const frame = $<HTMLIFrameElement>('report-frame');
  const fit = () => {
    const doc = frame.contentDocument;
    if (!doc?.body) return;
    frame.style.height = '0px';
    frame.style.height = `${doc.documentElement.scrollHeight + 8}px`;
  };
  frame.addEventListener('load', () => {
    fit();
    // Images decode after load; refit once they are in.
    for (const img of Array.from(frame.contentDocument?.images ?? [])) if (!img.complete) img.addEventListener('load', fit, { once: true });
    frame.dataset.loaded = 'true';
  });
  let t: ReturnType<typeof setTimeout> | undefined;
  window.addEventListener('resize', () => {
    clearTimeout(t);
    t = setTimeout(fit, 150);
  });
}
