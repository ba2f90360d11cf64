import type { ScamView } from './api.js';
import { $ } from './dom.js';
import { CLAIM_STATUS, CLAIM_TYPES, SCAM_LABELS, lang, named, tr } from './i18n.js';

/** The scam desk's answer on the page, in the page's language. */
export function renderScam(r: ScamView): void {
  $('scam-result').hidden = false;
  $('scam-result').dataset.label = r.label;
  $('scam-label').textContent = `${named(SCAM_LABELS, r.label)} (${tr('score')} ${r.score.toFixed(2)})`;
  const list = $('scam-symbols');
  list.replaceChildren();
  const item = (code: string, text: string) => {
    const li = document.createElement('li');
    li.append(Object.assign(document.createElement('code'), { textContent: code }), ` ${text}`);
    list.append(li);
  };
  const zh = lang() === 'zh';
  for (const s of r.symbols) item(s.code, `${zh && s.detail_zh ? s.detail_zh : s.detail}${s.span ? ` “${s.span}”` : ''}`);
  for (const c of r.claims ?? []) {
    const li = document.createElement('li');
    const chip = Object.assign(document.createElement('span'), { className: `chip st-${c.status}`, textContent: `${named(CLAIM_TYPES, c.type)} · ${named(CLAIM_STATUS, c.status)}` });
    li.append(chip, ` “${c.text}” ${(zh && c.reasons_zh?.length ? c.reasons_zh : c.reasons).join(' ')}`);
    list.append(li);
  }
  for (const u of r.urls) if (u.lookalike_of) item('LOOKALIKE_DOMAIN', `${u.url} → ${u.lookalike_of}`);
  if (list.childElementCount === 0) list.append(Object.assign(document.createElement('li'), { textContent: tr('noSignals') }));
}
