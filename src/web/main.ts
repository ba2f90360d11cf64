import { api, type CheckState, type ScamView } from './api.js';
import { clearMessages, fitFrame, renderState, reveal, showError, showProgress } from './check.view.js';
import { $ } from './dom.js';
import { initHistory, renderHistory } from './history.view.js';
import { initialLang, setLang, tr, type Lang } from './i18n.js';
import { initRegistry, renderRegistry } from './registry.view.js';
import { renderScam } from './scam.view.js';

let current: CheckState | null = null;
let lastScam: ScamView | null = null;
let file: File | null = null;
/** Bumped by every new check or scam check, so a stale poll never paints over a newer answer. */
let generation = 0;

/* ---------- language ---------- */
function applyLang(l: Lang): void {
  setLang(l);
  for (const b of document.querySelectorAll<HTMLButtonElement>('.langs button')) b.setAttribute('aria-pressed', String(b.dataset.lang === l));
  $('file-name').textContent = file ? `${file.name} · ${(file.size / 1e6).toFixed(2)} MB` : tr('noFile');
  if (current) renderState(current);
  if (lastScam) renderScam(lastScam);
  void renderRegistry();
  void renderHistory();
}

/* ---------- routing: #/ · #/check/<id> · #/history · #/registry ---------- */
function route(): void {
  const h = location.hash;
  const view = h.startsWith('#/registry') ? 'registry' : h.startsWith('#/history') ? 'history' : 'check';
  $('view-check').hidden = view !== 'check';
  $('view-registry').hidden = view !== 'registry';
  $('view-history').hidden = view !== 'history';
  for (const a of document.querySelectorAll<HTMLAnchorElement>('nav a')) {
    const on = a.dataset.view === view;
    a.classList.toggle('active', on);
    if (on) a.setAttribute('aria-current', 'page');
    else a.removeAttribute('aria-current');
  }
  if (view === 'registry') void renderRegistry();
  if (view === 'history') void renderHistory();
  // Reopen a check from the address (#/check/<id>): after a reload, or from the history page.
  const m = /^#\/check\/([\w-]+)/.exec(h);
  if (m && current?.id !== m[1]) void follow(m[1]).catch(showError);
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

/** Hide the previous answer (media report or scam result): a new question gets a fresh answer in the same place. */
function resetAnswer(): void {
  generation++;
  current = null;
  lastScam = null;
  $('result').hidden = true;
  $('scam-result').hidden = true;
  $('keyframes-panel').hidden = true;
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
  resetAnswer();
  showProgress();
  try {
    const { id } = await api.submitCheck(fd);
    history.pushState(null, '', `#/check/${id}`);
    await follow(id);
  } catch (err) {
    showError(err);
  } finally {
    $<HTMLButtonElement>('submit').disabled = false;
  }
}

/** Poll a check until it ends, then bring its answer into view. */
async function follow(id: string): Promise<void> {
  const mine = ++generation;
  $('progress-box').hidden = false;
  for (;;) {
    const s = await api.getCheck(id);
    if (mine !== generation) return;
    current = s;
    if (renderState(s)) {
      if (s.status === 'done') reveal($('verdict-card'));
      return;
    }
    await new Promise((r) => setTimeout(r, 400));
  }
}

async function scamOnly(): Promise<void> {
  clearMessages();
  const text = $<HTMLTextAreaElement>('caption').value.trim();
  const links = urls();
  const images = file && file.type.startsWith('image/') ? [file] : [];
  if (!text && links.length === 0 && images.length === 0) {
    $('form-msg').textContent = tr('needInput');
    return;
  }
  resetAnswer();
  const mine = generation;
  try {
    const date = $<HTMLInputElement>('posted-at').value;
    const r = await api.scam({ text: text || undefined, urls: links, posted_at: date || undefined }, images);
    if (mine !== generation) return;
    lastScam = r;
    renderScam(r);
    history.pushState(null, '', '#/');
    reveal($('scam-result'));
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
      // "Try the demo" runs the check, it does not just fill the form.
      $<HTMLFormElement>('check-form').requestSubmit();
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
  initHistory();
  window.addEventListener('hashchange', route);
  applyLang(initialLang());
  route();
  void initDemo();
}

boot();
