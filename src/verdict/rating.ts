import { claimPolarity, type Claim, type ClaimStatus } from '../domain/claim.js';
import type { Evidence } from '../domain/evidence.js';
import type { Rating, RatingValue } from '../domain/rating.js';
import type { ScamResult } from '../domain/scam.js';
import type { Bilingual, GeneratorVerdict, Verdict } from '../domain/verdict.js';
import { TIERS } from './tiers.js';

export interface RatingInput {
  verdict: Verdict;
  generator: GeneratorVerdict;
  claims: readonly Claim[];
  evidence: readonly Evidence[];
  scam?: Pick<ScamResult, 'label' | 'symbols'> | null;
  hasMedia: boolean;
}

/** Claims about where and when; refuting only these makes a post misleading, not false. */
const PLACE_TIME = new Set<Claim['type']>(['location', 'date']);
const ORIGINS: Claim['origin'][] = ['caption', 'ocr', 'mark', 'link'];
/** Tiers strong enough for a `true` on an origin claim (camera metadata can be forged). */
const STRONG = new Set(['signed_provenance', 'registry_match', 'file_label', 'signed_provenance_expired']);
const WORST: ClaimStatus[] = ['refuted', 'unlikely', 'unverified', 'supported'];

const ref = (claims: readonly Claim[], c: Claim) => `claim:${claims.indexOf(c)}`;
const quote = (s: string) => (s.length > 90 ? `${s.slice(0, 87)}…` : s).replace(/\s+/g, ' ').trim();
/** The first sentence of a reason, for a finding that must stay one sentence. */
function firstSentence(s: string | undefined): string {
  if (!s) return '';
  const m = /^(.+?(?:[.!?](?=\s|$)|[。！？]))/u.exec(s.trim());
  return (m ? m[1] : s.trim()).replace(/[.。]$/u, '');
}
/** The reason that decided a claim's status: the last one, since checkers append their findings after the reader's. */
function decidingReason(c: Claim): Bilingual {
  const en = c.reasons[c.reasons.length - 1];
  const zh = c.reasons_zh?.[c.reasons_zh.length - 1] ?? en;
  return { en: firstSentence(en), zh: firstSentence(zh) };
}

/**
 * The post's main origin claim (AI or real) and its status: a claim that the media is AI-made takes the worst
 * status of every check made on it — the AI claim and the generator claims read from the same place.
 */
export function mainClaim(claims: readonly Claim[]): { claim: Claim; status: ClaimStatus } | null {
  for (const origin of ORIGINS) {
    const here = claims.filter((c) => c.origin === origin && claimPolarity(c) !== null);
    if (!here.length) continue;
    const ai = here.filter((c) => claimPolarity(c) === true);
    const group = ai.length ? ai : here;
    const status = WORST.find((s) => group.some((c) => c.status === s)) ?? 'unverified';
    return { claim: group.find((c) => c.status === status) ?? group[0], status };
  }
  return null;
}

function result(value: RatingValue, finding: Bilingual, basis: string[]): Rating {
  return { value, finding: { en: `${finding.en.replace(/[.\s]+$/u, '')}.`, zh: `${finding.zh.replace(/[。\s]+$/u, '')}。` }, basis: [...new Set(basis)] };
}

function refutedFinding(c: Claim): Bilingual {
  const r = decidingReason(c);
  return { en: `The post says "${quote(c.text)}", but ${lowerFirst(r.en)}`, zh: `帖子称“${quote(c.text)}”，但${r.zh}` };
}
const lowerFirst = (s: string) => (/^[A-Z][a-z]/.test(s) && !/^(?:C2PA|GPS|AI|Sora|Veo|Kling)/.test(s) ? s[0].toLowerCase() + s.slice(1) : s);

/**
 * Rate the post (pure; CONTRACTS.md "Wave 2"): scam > false > misleading > true > unproven. `false` for any
 * refuted claim other than place and time (origin, generator, availability, authorship, capability…) and for a
 * decisive quadrant that contradicts the post's own origin claim; `misleading` for refuted place or time with
 * nothing else refuted, or a main claim that is only unlikely; `true` when the post's claims are supported (origin
 * claims by strong decisive evidence) and nothing is refuted; `unproven` otherwise. Never contradicts the quadrant.
 */
export function ratePost(input: RatingInput): Rating {
  const { verdict: v, claims, evidence } = input;
  const codes = (pred: (e: Evidence) => boolean) => evidence.filter(pred).map((e) => e.code);

  if (input.scam?.label === 'scam') {
    const top = [...input.scam.symbols].sort((a, b) => b.weight - a.weight)[0];
    const why = top ? { en: `: ${firstSentence(top.detail)}`, zh: `：${firstSentence(top.detail_zh ?? top.detail)}` } : { en: '', zh: '' };
    return result('scam', { en: `This post is a scam promotion${why.en}`, zh: `这是一条诈骗推广帖${why.zh}` }, ['scam', ...input.scam.symbols.map((s) => s.code)]);
  }

  const refuted = claims.filter((c) => c.status === 'refuted');
  const hard = refuted.filter((c) => !PLACE_TIME.has(c.type));
  const main = mainClaim(claims);
  const winners = codes((e) => Boolean(e.decides) && e.decides!.is_ai === v.is_ai);
  if (hard.length) {
    const first = main && hard.includes(main.claim) ? main.claim : hard[0];
    return result('false', refutedFinding(first), [...hard.map((c) => ref(claims, c)), ...codes((e) => e.analyzer === 'kb' && e.data.status === 'refuted'), ...(v.is_ai !== null ? winners : [])]);
  }
  // The quadrant contradicts what the post says about its own origin: false, even if no checker refuted a claim —
  // when strong evidence decided it (camera metadata alone makes the claim unlikely: misleading, below).
  const strongWin = evidence.some((e) => e.decides && STRONG.has(e.decides.tier) && e.decides.is_ai === v.is_ai);
  if (strongWin && (v.quadrant === 'false_ai_claim' || (v.quadrant === 'undisclosed_ai' && v.claimed_ai === false))) {
    const en = v.quadrant === 'false_ai_claim' ? 'The post presents real footage as AI-generated' : 'The post presents AI-generated media as real footage';
    const zh = v.quadrant === 'false_ai_claim' ? '帖子把实拍素材说成AI生成' : '帖子把AI生成的内容说成实拍';
    return result('false', { en, zh }, [...winners, ...(main ? [ref(claims, main.claim)] : [])]);
  }
  if (input.generator.mismatch) {
    return result('false', { en: `The post names ${input.generator.claimed}, but the evidence shows ${input.generator.evidenced}`, zh: `帖子称由 ${input.generator.claimed} 生成，但证据显示为 ${input.generator.evidenced}` }, winners);
  }

  if (refuted.length) {
    const c = refuted[0];
    const kind = c.type === 'location' ? { en: 'place', zh: '地点' } : { en: 'time', zh: '时间' };
    const r = refutedFinding(c);
    return result('misleading', { en: `${r.en} (the ${kind.en} is wrong)`, zh: `${r.zh}（${kind.zh}不符）` }, [...refuted.map((x) => ref(claims, x)), ...codes((e) => e.analyzer !== 'kb' && (e.code === 'gps_location' || e.code === 'capture_date'))]);
  }
  if (main?.status === 'unlikely') {
    const r = decidingReason(main.claim);
    return result('misleading', { en: `The post says "${quote(main.claim.text)}", which is unlikely: ${lowerFirst(r.en)}`, zh: `帖子称“${quote(main.claim.text)}”，这不太可能：${r.zh}` }, [ref(claims, main.claim), ...codes((e) => e.analyzer === 'kb' && e.data.status === 'unlikely')]);
  }

  const t = trueRating(input, main);
  if (t) return t;
  return unproven(input, main);
}

function trueRating(input: RatingInput, main: { claim: Claim; status: ClaimStatus } | null): Rating | null {
  const { verdict: v, claims, evidence } = input;
  // The rating never contradicts the quadrant: AI media passed off as (or not said to be) AI is never "true".
  if (v.quadrant === 'undisclosed_ai' || v.quadrant === 'false_ai_claim') return null;
  // Media nothing decides could be anything: a place or date that checks out (metadata) does not make the post true.
  if (input.hasMedia && v.is_ai === null) return null;
  const strong = evidence.filter((e) => e.decides && STRONG.has(e.decides.tier) && e.decides.is_ai === v.is_ai);
  if (main) {
    const agrees = (v.quadrant === 'disclosed_ai' && v.claimed_ai === true) || (v.quadrant === 'authentic' && v.claimed_ai === false);
    if (!agrees || strong.length === 0) return null;
  }
  const supported = claims.filter((c) => c.status === 'supported');
  if (!main && supported.length === 0) return null;
  const basis = [...(main ? [ref(claims, main.claim)] : []), ...supported.map((c) => ref(claims, c)), ...strong.map((e) => e.code)];
  if (main) {
    const tier = TIERS[strong[0].decides!.tier];
    const what = v.quadrant === 'disclosed_ai'
      ? { en: `The post says the media is AI-generated${input.generator.claimed ? ` (${input.generator.claimed})` : ''}, and ${tier.en} confirms it`, zh: `帖子称内容由AI生成${input.generator.claimed ? `（${input.generator.claimed}）` : ''}，${tier.zh}证实了这一点` }
      : { en: `The post presents real camera footage, and ${tier.en} confirms it`, zh: `帖子称这是实拍，${tier.zh}证实了这一点` };
    return result('true', what, basis);
  }
  const c = supported[0];
  return result('true', { en: `What the post says checks out: "${quote(c.text)}" — ${lowerFirst(decidingReason(c).en)}`, zh: `帖子的说法属实：“${quote(c.text)}”——${decidingReason(c).zh}` }, basis);
}

function unproven(input: RatingInput, main: { claim: Claim; status: ClaimStatus } | null): Rating {
  const { verdict: v, claims, evidence } = input;
  const mark = evidence.find((e) => e.code === 'visible_generator_mark');
  if (main?.claim.origin === 'mark' && v.is_ai === null && mark) {
    const gen = String(mark.data.text ?? mark.data.generator ?? main.claim.generator ?? 'generator');
    return result('unproven', {
      en: `The only sign of AI is a visible ${gen} mark, and a mark alone proves nothing: anyone can paste one onto real footage`,
      zh: `唯一的AI迹象是画面上的 ${gen} 水印，而单凭水印什么也证明不了：任何人都能把它贴到实拍视频上`,
    }, [ref(claims, main.claim), 'visible_generator_mark']);
  }
  if (v.quadrant === 'undisclosed_ai') {
    return result('unproven', {
      en: 'The media is AI-generated, but the post makes no checkable claim about it; it does not say it is AI',
      zh: '该内容由AI生成，但帖子没有可核查的说法，也没有标明是AI生成',
    }, decisiveCodes(evidence));
  }
  if (!main && !claims.length) {
    return result('unproven', { en: 'The post makes no claim genproof can check', zh: '帖子没有 genproof 能核查的说法' }, []);
  }
  const placeTime = claims.filter((c) => PLACE_TIME.has(c.type) && c.status === 'supported');
  if (!main && placeTime.length && v.is_ai === null) {
    return result('unproven', {
      en: 'The place or time checks out against the file\'s metadata, but nothing shows whether the media itself is real',
      zh: '地点或时间与文件元数据相符，但没有证据表明画面本身是真实的',
    }, placeTime.map((c) => ref(claims, c)));
  }
  if (main && v.is_ai === null) {
    return result('unproven', {
      en: `Nothing in the file confirms or refutes "${quote(main.claim.text)}": no signed provenance, registry match or in-file label decides`,
      zh: `文件中没有证据能证实或否定“${quote(main.claim.text)}”：没有签名来源凭证、登记库匹配或文件内标识可以判定`,
    }, [ref(claims, main.claim)]);
  }
  if (main && v.is_ai === false) {
    return result('unproven', {
      en: 'Only camera metadata, which can be forged, supports what the post says',
      zh: '只有可被伪造的相机元数据支持帖子的说法',
    }, [ref(claims, main.claim), 'camera_origin']);
  }
  return result('unproven', {
    en: 'genproof could neither confirm nor refute what the post says',
    zh: 'genproof 既无法证实也无法否定帖子的说法',
  }, claims.map((c) => ref(claims, c)));
}

function decisiveCodes(evidence: readonly Evidence[]): string[] {
  return evidence.filter((e) => e.decides).map((e) => e.code);
}
