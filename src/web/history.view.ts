import { api, ApiError, type HistoryItem } from './api.js';
import { $ } from './dom.js';
import { QUADRANT_NAMES, RATING_NAMES, lang, named, tr } from './i18n.js';

/** Past checks (GET /api/checks): thumbnail, rating, quadrant, date; each reopens its report. */
let cursor: string | null = null;

function when(iso: string): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : d.toLocaleString(lang() === 'zh' ? 'zh-CN' : 'en-GB', { dateStyle: 'medium', timeStyle: 'short' });
}

function item(c: HistoryItem): HTMLLIElement {
  const li = document.createElement('li');
  li.dataset.id = c.id;
  const a = Object.assign(document.createElement('a'), { href: `#/check/${encodeURIComponent(c.id)}` });
  const img = Object.assign(document.createElement('img'), { src: `/api/checks/${encodeURIComponent(c.id)}/frames/0.jpg`, alt: '', loading: 'lazy' });
  img.addEventListener('error', () => img.replaceWith(Object.assign(document.createElement('span'), { className: 'no-thumb', textContent: tr('textOnlyItem') })), { once: true });
  const rating = typeof c.rating === 'string' ? c.rating : c.rating?.value ?? null;
  const body = document.createElement('span');
  body.className = 'h-body';
  const head = Object.assign(document.createElement('strong'), {
    textContent: c.status === 'done'
      ? [rating ? named(RATING_NAMES, rating) : null, c.quadrant ? QUADRANT_NAMES[c.quadrant]?.[lang()] ?? c.quadrant : null].filter(Boolean).join(' · ')
      : c.status === 'failed' ? tr('statusFailed') : c.status === 'running' ? tr('statusRunning') : tr('statusQueued'),
  });
  if (rating) head.dataset.rating = rating;
  const meta = Object.assign(document.createElement('span'), { className: 'meta', textContent: `${when(c.created_at)} · ${c.file_name ?? tr('textOnlyItem')}` });
  body.append(head, meta);
  a.append(img, body);
  li.append(a);
  return li;
}

export async function renderHistory(more = false): Promise<void> {
  if ($('view-history').hidden) return;
  const list = $('history-list');
  const msg = $('history-msg');
  if (!more) cursor = null;
  try {
    const page = await api.history(cursor);
    if (!more) list.replaceChildren();
    for (const c of page.items) list.append(item(c));
    cursor = page.next_cursor;
    $('history-more').hidden = !cursor;
    msg.textContent = list.childElementCount ? '' : tr('historyEmpty');
  } catch (e) {
    msg.textContent = e instanceof ApiError && e.problem.status === 404 ? tr('historyUnavailable') : `${tr('error')}: ${e instanceof Error ? e.message : String(e)}`;
  }
}

export function initHistory(): void {
  $('history-more').addEventListener('click', () => void renderHistory(true));
}
