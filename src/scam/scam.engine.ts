import type { Claim } from '../domain/claim.js';
import type { ScamLabel, ScamResult } from '../domain/scam.js';
import { authorshipClaims, availabilityClaims } from './claims.js';
import type { ScamKnowledge } from './knowledge.port.js';
import { checkDomain, describeReasons, isPhishyHost, type DomainVerdict } from './lookalike.js';
import { hanRatio, normalizeText } from './normalize.js';
import { QR_KIND_EN, QR_KIND_ZH, type QrFinding } from './qr.classify.js';
import { modelWeight, type ScamModel } from './scam.model.js';
import type { SymbolHit } from './symbol.js';
import { SCAM_AT, SELLING_CODES, SUSPICIOUS_AT, SYMBOLS, type SymbolCode } from './symbols.data.js';
import { findBrand, isNamedProduct, textSymbols } from './text.rules.js';
import { extractUrls, parseGivenUrl, type FoundUrl } from './url.extract.js';

/**
 * The scam engine: pure and synchronous. Text symbols + links + claims + QR findings + the model's probability
 * are summed into a score. Images are decoded elsewhere (qr.repository.ts) and passed in as findings.
 */
export interface ScamTextInput {
  text: string;
  urls?: string[];
  postedAt?: string | null;
  qr?: QrFinding[];
}

export interface ScamEngineDeps {
  kb: ScamKnowledge;
  model: ScamModel | null;
  /** Official domains beyond the KB's (configurable list). */
  extraOfficialDomains?: string[];
}

export interface ScamAnalysis extends ScamResult {
  /** The symbols with offsets and data, for evidence items and reports. */
  hits: SymbolHit[];
  /** Sum of symbol weights before squashing into `score`. */
  raw: number;
  probability: number | null;
}

/** Long texts are cut: scam signals sit at the start of posts, and the cut keeps the time per post bounded. */
export const MAX_TEXT_CHARS = 20_000;

function mk(code: SymbolCode, span: string | null, weight?: number, data?: Record<string, unknown>): SymbolHit {
  const def = SYMBOLS[code];
  const s = span ?? '';
  return { code, weight: weight ?? def.weight, span, detail: def.en(s), detail_zh: def.zh(s), ...(data ? { data } : {}) };
}

export function labelFor(raw: number): ScamLabel {
  return raw >= SCAM_AT ? 'scam' : raw >= SUSPICIOUS_AT ? 'suspicious' : 'ok';
}

/** raw → 0..1 with 0.5 at the `scam` threshold. */
export function squash(raw: number): number {
  return raw <= 0 ? 0 : Math.round((raw / (raw + SCAM_AT)) * 1000) / 1000;
}

export function analyzeScamText(input: ScamTextInput, deps: ScamEngineDeps): ScamAnalysis {
  const text = (input.text ?? '').slice(0, MAX_TEXT_CHARS);
  const postedAt = input.postedAt ?? null;
  const n = normalizeText(text);
  const hits: SymbolHit[] = textSymbols(n);
  const claims: Claim[] = [];

  // Links: in the text (with or without scheme) and given separately; QR payloads that are links too.
  const officials = [...new Set([...deps.kb.officialDomains(), ...(deps.extraOfficialDomains ?? [])])];
  const found: FoundUrl[] = extractUrls(n.text);
  for (const u of input.urls ?? []) {
    const p = parseGivenUrl(u.normalize('NFKC'));
    if (p) found.push(p);
  }
  for (const q of input.qr ?? []) {
    if (/^(?:https?:\/\/|www\.)/i.test(q.text)) {
      const p = parseGivenUrl(q.text);
      if (p) found.push(p);
    }
  }
  const verdicts: DomainVerdict[] = [];
  const seenHosts = new Set<string>();
  for (const u of found) {
    const key = u.hostAscii + u.path;
    if (seenHosts.has(key)) continue;
    seenHosts.add(key);
    verdicts.push(checkDomain(u, officials));
  }
  const lookalikes = verdicts.filter((v) => v.lookalike_of);
  const phishy = verdicts.find((v) => !v.lookalike_of && !v.reasons.includes('official') && isPhishyHost(v.host));
  if (phishy) hits.push(mk('PHISHING_LINK', phishy.url));
  if (lookalikes.length > 0) {
    const v = lookalikes[0];
    const why = describeReasons(v.reasons);
    const h = mk('LOOKALIKE_DOMAIN', v.url, SYMBOLS.LOOKALIKE_DOMAIN.weight, { urls: lookalikes.map((l) => l.url) });
    h.detail = `The link ${v.url} imitates the official domain ${v.lookalike_of} (${why.en}).`;
    h.detail_zh = `链接 ${v.url} 仿冒官方域名 ${v.lookalike_of}（${why.zh}）。`;
    hits.push(h);
  }

  // Claims checked against the KB.
  const auth = authorshipClaims(n, deps.kb);
  const avail = availabilityClaims(n, deps.kb, postedAt);
  claims.push(...auth, ...avail);
  // Offering what does not exist is a scam sign; saying, wrongly, that a product is open to all is a false claim
  // (refuted above) and weighs no more than unlikely personal access.
  const hype = (c: Claim) => c.value?.scope === 'public' && c.value?.offer === false;
  const refutedAccess = avail.find((c) => c.status === 'refuted' && !hype(c));
  const unlikelyAccess = avail.find((c) => c.status === 'unlikely' || (c.status === 'refuted' && hype(c)));
  if (refutedAccess) hits.push(mk('FAKE_ACCESS_CLAIM', refutedAccess.text, undefined, { reason: refutedAccess.reasons[0] }));
  else if (unlikelyAccess) hits.push(mk('FAKE_ACCESS_CLAIM', unlikelyAccess.text, 2, { reason: unlikelyAccess.reasons[0] }));
  const falseAuthor = auth.find((c) => c.status === 'refuted');
  if (falseAuthor) hits.push(mk('FALSE_AUTHORSHIP_CLAIM', falseAuthor.text));

  // QR codes found in the post's images.
  const qr = input.qr ?? [];
  if (qr.length > 0) {
    const textQr = hits.findIndex((h) => h.code === 'QR_CODE');
    if (textQr >= 0) hits.splice(textQr, 1);
    const h = mk('QR_CODE', qr[0].text, 1.5, { count: qr.length });
    h.detail = `The image contains ${qr.length} QR code(s); the first is ${QR_KIND_EN[qr[0].kind]}: ${qr[0].text.slice(0, 120)}`;
    h.detail_zh = `图片中有 ${qr.length} 个二维码；第一个是${QR_KIND_ZH[qr[0].kind]}：${qr[0].text.slice(0, 120)}`;
    hits.push(h);
    const group = qr.find((q) => q.kind === 'group_invite');
    if (group) hits.push(mk('QR_GROUP_INVITE', group.text.slice(0, 200)));
    const pay = qr.find((q) => q.kind === 'payment');
    if (pay) hits.push(mk('QR_PAYMENT', pay.text.slice(0, 200)));
  }

  // The model's probability, as one symbol.
  let probability: number | null = null;
  if (deps.model && text.trim().length > 0) {
    probability = deps.model.probability(text, n.folded);
    // The model saw little Chinese in training (only the project's own examples): it counts less on Chinese text.
    // Very short texts give the model few features and overconfident scores: they count less too.
    const damp = (hanRatio(text) > 0.5 ? 0.6 : 1) * (text.trim().length < 40 ? 0.7 : 1);
    let w = Math.round(modelWeight(probability, deps.model.threshold) * damp * 100) / 100;
    // The model learnt from SMS and X posts, not AI-hype posts: on a post naming an AI product it needs a
    // corroborating symbol before it can flag the post on its own.
    const named = findBrand(n);
    if (named && isNamedProduct(named.text) && !hits.some((h) => h.weight > 0)) w = Math.min(w, SUSPICIOUS_AT - 0.5);

    if (w > 0) hits.push(mk('ML_SCAM_PROBABILITY', probability.toFixed(2), w, { probability }));
  }

  // Composite: selling on the back of AI hype. A named product (Sora, ChatGPT…) counts more than "AI" in general.
  const brand = findBrand(n);
  // An "unlikely" personal access claim (weight 2) is a rumour, not selling; only refuted offers count.
  const selling = hits.filter((h) => SELLING_CODES.includes(h.code as SymbolCode) && h.weight > 0);
  if (brand && selling.some((h) => h.code !== 'FAKE_ACCESS_CLAIM' || h.weight >= SYMBOLS.FAKE_ACCESS_CLAIM.weight)) {
    const named = isNamedProduct(brand.text);
    hits.push(mk('AI_HYPE_SELLING', n.original.slice(n.map[brand.start], n.map[brand.end - 1] + 1), named ? undefined : 2.5, { named }));
  }

  const raw = Math.round(hits.reduce((s, h) => s + h.weight, 0) * 100) / 100;
  hits.sort((a, b) => b.weight - a.weight);
  return {
    label: labelFor(raw),
    score: squash(raw),
    claims,
    symbols: hits.map((h) => ({ code: h.code, weight: h.weight, span: h.span, detail: h.detail, detail_zh: h.detail_zh })),
    qr_codes: qr.map((q) => ({ image: q.image, text: q.text, kind: q.kind })),
    urls: verdicts.map((v) => ({
      url: v.url,
      lookalike_of: v.lookalike_of,
      ...(v.reasons.length ? { reasons: v.reasons } : {}),
    })),
    hits,
    raw,
    probability,
  };
}

/** The public JSON object (CONTRACTS.md `genproof scam --json`), without internal fields. */
export function toScamResult(a: ScamAnalysis): ScamResult {
  return { label: a.label, score: a.score, claims: a.claims, symbols: a.symbols, qr_codes: a.qr_codes, urls: a.urls };
}
