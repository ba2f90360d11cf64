import { api, ApiError } from './api.js';
import { $ } from './dom.js';
import { REF_LABELS, named, tr } from './i18n.js';

/** The registry page: add originals (bearer token when the server needs one) and list what is registered. */
let regOffset = 0;
const REG_LIMIT = 24;

export async function renderRegistry(): Promise<void> {
  if ($('view-registry').hidden) return;
  const list = $('reg-list');
  try {
    const page = await api.registry(regOffset, REG_LIMIT);
    list.replaceChildren();
    for (const r of page.items) {
      const li = document.createElement('li');
      li.dataset.id = r.id;
      const img = Object.assign(document.createElement('img'), { src: r.thumbnail_url, alt: r.file, loading: 'lazy' });
      img.addEventListener('error', () => img.removeAttribute('src'), { once: true });
      const name = Object.assign(document.createElement('div'), { textContent: r.file });
      const meta = document.createElement('div');
      const code = Object.assign(document.createElement('span'), { className: 'chip', textContent: named(REF_LABELS, r.label) });
      code.dataset.label = r.label;
      meta.append(code, r.generator ? ` ${r.generator}` : '', r.source ? ` · ${r.source}` : '');
      li.append(img, name, meta);
      list.append(li);
    }
    if (page.items.length === 0) list.append(Object.assign(document.createElement('li'), { textContent: tr('regEmpty') }));
    $('reg-page').textContent = page.total ? `${regOffset + 1}–${Math.min(page.total, regOffset + REG_LIMIT)} / ${page.total}` : '';
    $<HTMLButtonElement>('reg-prev').disabled = regOffset === 0;
    $<HTMLButtonElement>('reg-next').disabled = regOffset + REG_LIMIT >= page.total;
  } catch (err) {
    list.replaceChildren(Object.assign(document.createElement('li'), { textContent: err instanceof Error ? err.message : String(err) }));
  }
}

async function submitRegistry(e: Event): Promise<void> {
  e.preventDefault();
  const msg = $('reg-msg');
  const files = $<HTMLInputElement>('reg-files').files;
  const fd = new FormData();
  for (const f of Array.from(files ?? [])) fd.append('file', f, f.name);
  fd.append('label', $<HTMLSelectElement>('reg-label').value);
  const source = $<HTMLInputElement>('reg-source').value.trim();
  const generator = $<HTMLInputElement>('reg-generator').value.trim();
  if (source) fd.append('source', source);
  if (generator) fd.append('generator', generator);
  const token = $<HTMLInputElement>('reg-token').value.trim() || null;
  if (token) sessionStorage.setItem('genproof.token', token);
  $<HTMLButtonElement>('reg-submit').disabled = true;
  msg.textContent = '…';
  try {
    const r = await api.register(fd, token);
    msg.textContent = `${tr('registered')}: ${r.ids.join(', ')}`;
    regOffset = 0;
    await renderRegistry();
  } catch (err) {
    msg.textContent = err instanceof ApiError ? `${err.problem.detail} [${err.problem.code}]` : String(err);
  } finally {
    $<HTMLButtonElement>('reg-submit').disabled = false;
  }
}

export function initRegistry(): void {
  $('reg-form').addEventListener('submit', (e) => void submitRegistry(e));
  $('reg-prev').addEventListener('click', () => { regOffset = Math.max(0, regOffset - REG_LIMIT); void renderRegistry(); });
  $('reg-next').addEventListener('click', () => { regOffset += REG_LIMIT; void renderRegistry(); });
  $<HTMLInputElement>('reg-token').value = sessionStorage.getItem('genproof.token') ?? '';
}
