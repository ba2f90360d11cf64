import { api, ApiError, type CheckState, type ScamView } from './api.js';
import { initRegistry, renderRegistry } from './registry.view.js';
import { QUADRANT_NAMES, initialLang, lang, setLang, stageName, tr, type Lang } from './i18n.js';

import { $ } from './dom.js';

let current: CheckState | null = null;
let file: File | null = null;

function showError(e: unknown): void {
  const box = $('error-box');
  box.hidden = false;
  box.textContent = e instanceof ApiError ? `${tr('error')}: ${e.problem.detail} [${e.problem.code}]` : `${tr('error')}: ${String(e instanceof Error ? e.message : e)}`;
  box.dataset.code = e instanceof ApiError ? e.problem.code : 'error';
}

function clearMessages(): void {
  $('error-box').hidden = true;
  $('form-msg').textContent = '';
}

/* ---------- language ---------- */
function applyLang(l: Lang): void {
  setLang(l);
  for (const b of document.querySelectorAll<HTMLButtonElement>('.langs button')) b.setAttribute('aria-pressed', String(b.dataset.lang === l));
  if (!file) $('file-name').textContent = tr('noFile');
  if (current) renderState(current);
  if (lastScam) renderScam(lastScam);
  void renderRegistry();
}

/* ---------- routing ---------- */
function route(): void {
  const view = location.hash.startsWith('#/registry') ? 'registry' : 'check';
  $('view-check').hidden = view !== 'check';
  $('view-registry').hidden = view !== 'registry';
  for (const a of document.querySelectorAll<HTMLAnchorElement>('nav a')) a.classList.toggle('active', a.dataset.view === view);
  if (view === 'registry') void renderRegistry();
}

/* ---------- file selection (drag and drop) ---------- */
function setFile(f: File | null): void {
  file = f;
  $('file-name').textContent = f ? `${f.name} · ${(f.size / 1e6).toFixed(2)} MB` : tr('noFile');
  $('clear-file').hidden = !f;
  if (!f) $<HTMLInputElement>('file').value = '';
}

function initDrop(): void {
  const drop = $('drop');
  const input = $<HTMLInputElement>('file');
  input.addEventListener('change', () => setFile(input.files?.[0] ?? null));
  for (const ev of ['dragenter', 'dragover']) drop.addEventListener(ev, (e) => { e.preventDefault(); drop.classList.add('over'); });
  for (const ev of ['dragleave', 'drop']) drop.addEventListener(ev, () => drop.classList.remove('over'));
  drop.addEventListener('drop', (e) => {
    e.preventDefault();
    const f = (e as DragEvent).dataTransfer?.files?.[0];
    if (f) setFile(f);
  });
  $('clear-file').addEventListener('click', () => setFile(null));
}

/* ---------- check ---------- */
function urls(): string[] {
  return $<HTMLTextAreaElement>('urls').value.split(/\s+/).map((s) => s.trim()).filter(Boolean);
}

async function submitCheck(e: Event): Promise<void> {
  e.preventDefault();
  clearMessages();
  const caption = $<HTMLTextAreaElement>('caption').value.trim();
  const links = urls();
  if (!file && !caption && links.length === 0) {
    $('form-msg').textContent = tr('needInput');
    return;
  }
  const fd = new FormData();
  if (file) fd.append('file', file, file.name);
  if (caption) fd.append('caption', caption);
  const date = $<HTMLInputElement>('posted-at').value;
  if (date) fd.append('posted_at', date);
  for (const u of links) fd.append('urls[]', u);
  $<HTMLButtonElement>('submit').disabled = true;
  $('result').hidden = true;
  $('scam-result').hidden = true;
  try {
    const { id } = await api.submitCheck(fd);
    location.hash = `#/check/${id}`;
    await poll(id);
  } catch (err) {
    showError(err);
    $('progress-box').hidden = true;
  } finally {
    $<HTMLButtonElement>('submit').disabled = false;
  }
}

async function poll(id: string): Promise<void> {
  $('progress-box').hidden = false;
  for (;;) {
    const s = await api.getCheck(id);
    current = s;
    renderState(s);
    if (s.status === 'done' || s.status === 'failed') return;
    await new Promise((r) => setTimeout(r, 400));
  }
}

function renderState(s: CheckState): void {
  const p = $<HTMLProgressElement>('progress');
  p.value = s.progress;
  const label = s.status === 'queued' ? tr('queued') : s.status === 'running' ? tr('running') : s.status === 'done' ? tr('done') : tr('failed');
  $('progress-text').textContent = `${label} ${Math.round(s.progress * 100)}%${s.stage && s.status === 'running' ? ` · ${stageName(s.stage)}` : ''}`;
  if (s.status === 'failed' && s.error) {
    showError(new ApiError({ code: s.error.code, detail: s.error.message, status: 0 }));
    return;
  }
  if (s.status !== 'done' || !s.result) return;
  $('progress-box').hidden = true;
  const q = s.result.verdict.quadrant;
  $('result').hidden = false;
  $('verdict-card').dataset.quadrant = q;
  $('result-quadrant').textContent = q;
  $('result-quadrant-name').textContent = QUADRANT_NAMES[q]?.[lang()] ?? q;
  $('result-summary').textContent = s.result.verdict.summary[lang()];
  const url = `${s.report_url}?lang=${lang()}`;
  $<HTMLAnchorElement>('report-link').href = url;
  $<HTMLAnchorElement>('report-download').href = `${url}&download=1`;
  const frame = $<HTMLIFrameElement>('report-frame');
  if (frame.dataset.src !== url) {
    frame.dataset.src = url;
    frame.dataset.loaded = 'false';
    frame.src = url;
  }
}

function fitFrame(): void {
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

let lastScam: ScamView | null = null;

function renderScam(r: ScamView): void {
  $('scam-result').hidden = false;
  $('scam-result').dataset.label = r.label;
  $('scam-label').textContent = `${r.label} (${r.score.toFixed(2)})`;
  const list = $('scam-symbols');
  list.replaceChildren();
  const item = (code: string, text: string) => {
    const li = document.createElement('li');
    li.append(Object.assign(document.createElement('code'), { textContent: code }), ` ${text}`);
    list.append(li);
  };
  for (const s of r.symbols) item(s.code, `${lang() === 'zh' && s.detail_zh ? s.detail_zh : s.detail}${s.span ? ` “${s.span}”` : ''}`);
  for (const c of r.claims ?? []) item(`${c.type} · ${c.status}`, `“${c.text}” ${(lang() === 'zh' && c.reasons_zh?.length ? c.reasons_zh : c.reasons).join(' ')}`);
  for (const u of r.urls) if (u.lookalike_of) item('LOOKALIKE_DOMAIN', `${u.url} → ${u.lookalike_of}`);
  if (list.childElementCount === 0) list.append(Object.assign(document.createElement('li'), { textContent: tr('noSignals') }));
}

async function scamOnly(): Promise<void> {
  clearMessages();
  const text = $<HTMLTextAreaElement>('caption').value.trim();
  const links = urls();
  if (!text && links.length === 0) {
    $('form-msg').textContent = tr('needInput');
    return;
  }
  try {
    const date = $<HTMLInputElement>('posted-at').value;
    lastScam = await api.scam({ text: text || undefined, urls: links, posted_at: date || undefined });
    renderScam(lastScam);
  } catch (err) {
    showError(err);
  }
}

async function initDemo(): Promise<void> {
  const info = await api.demo().catch(() => null);
  if (!info) return;
  const btn = $<HTMLButtonElement>('demo');
  btn.hidden = false;
  btn.addEventListener('click', async () => {
    clearMessages();
    try {
      const blob = await (await fetch(info.file_url)).blob();
      setFile(new File([blob], info.file_name, { type: blob.type || 'video/mp4' }));
      $<HTMLTextAreaElement>('caption').value = info.caption;
      $<HTMLInputElement>('posted-at').value = info.posted_at;
      $('form-msg').textContent = tr('demoLoaded');
    } catch (err) {
      showError(err);
    }
  });
}

/* ---------- boot ---------- */
function boot(): void {
  for (const b of document.querySelectorAll<HTMLButtonElement>('.langs button')) b.addEventListener('click', () => applyLang(b.dataset.lang as Lang));
  initDrop();
  fitFrame();
  $('check-form').addEventListener('submit', (e) => void submitCheck(e));
  $('scam-only').addEventListener('click', () => void scamOnly());
  initRegistry();
  window.addEventListener('hashchange', route);
  applyLang(initialLang());
  route();
  void initDemo();
  // Reopen a check from the address (#/check/<id>), e.g. after a reload.
  const m = /^#\/check\/([\w-]+)/.exec(location.hash);
  if (m) void poll(m[1]).catch(showError);
}

boot();
