import { claimPolarity, type Claim } from '../../domain/claim.js';
import { evidence, type Evidence } from '../../domain/evidence.js';
import { kb } from '../../knowledge/kb.js';
import { burnedInClaims } from './burned-text.claims.js';
import { pickGeneratorMark } from './mark.matcher.js';
import { fold } from './ocr-text.util.js';
import type { Paragraph } from './text.paragraphs.js';
import type { TextTrack } from './text.tracker.js';

/**
 * Turn tracked text into evidence and claims (pure). A generator mark is a claim, not proof (origin 'mark'):
 * marks are pasted and removed with free tools, so it never decides `is_ai`; its evidence item says what is
 * known about the genuine mark. A platform mark is neutral and says where to look for the original; burned-in
 * sentences become claims (origin 'ocr').
 */
export interface OcrFindings {
  evidence: Evidence[];
  claims: Claim[];
}

export interface FindingsInput {
  tracks: TextTrack[];
  paragraphs: Paragraph[];
  /** Frames sampled and OCR'd. */
  framesSampled: number;
  kind: 'video' | 'image';
  /** Claims from burned-in text; defaults to the built-in phrase rules. */
  extractClaims?: (text: string) => Claim[];
}

/** Position names in the order first seen, each once. */
function labels(t: TextTrack): string[] {
  return [...new Set(t.positions.map((p) => p.label))];
}

const ZH_POSITION: Record<string, string> = {
  'top-left': '左上角', 'top-right': '右上角', 'bottom-left': '左下角', 'bottom-right': '右下角',
  left: '左侧', right: '右侧', top: '顶部', bottom: '底部', center: '中央', unknown: '未知位置',
};
const zh = (label: string) => ZH_POSITION[label] ?? label;

function mainPosition(t: TextTrack): string {
  return [...t.positions].sort((a, b) => b.frames.length - a.frames.length)[0]?.label ?? 'unknown';
}

function seenIn(t: TextTrack, sampled: number, kind: 'video' | 'image'): { en: string; zh: string } {
  if (kind === 'image') return { en: 'in the image', zh: '在图片中' };
  const where = t.moving
    ? { en: `, moving between positions (${labels(t).join(', ')})`, zh: `，在多个位置间移动（${labels(t).map(zh).join('、')}）` }
    : { en: ` at the ${mainPosition(t)} of the frame`, zh: `，位于画面${zh(mainPosition(t))}` };
  return { en: `in ${t.frames.length} of ${sampled} sampled frames${where.en}`, zh: `在 ${sampled} 个抽样帧中的 ${t.frames.length} 帧出现${where.zh}` };
}

/** A generator mark must be persistent in a video (read in two frames or more) unless only one frame was read. */
function persistent(t: TextTrack, sampled: number, kind: 'video' | 'image'): boolean {
  return kind === 'image' || sampled <= 1 || t.frames.length >= 2;
}

/** Below this mean OCR confidence a mark word is not trusted to be a mark. */
const MIN_CONFIDENCE = 0.7;
/** Watermarks are small: text taller than this fraction of the frame is a title or scene text. */
const MAX_MARK_HEIGHT = 0.2;

/**
 * A watermark is small and sits off-centre (fixed marks in a corner or along an edge); a moving mark may
 * pass anywhere. A big "SORA" in the middle of the frame is a title or a sign, not a generator's mark.
 */
export function watermarkLike(t: TextTrack): boolean {
  if (t.confidence < MIN_CONFIDENCE || t.relHeight > MAX_MARK_HEIGHT) return false;
  return t.moving === true || mainPosition(t) !== 'center';
}

export function ocrFindings(input: FindingsInput): OcrFindings {
  const { tracks, framesSampled: sampled, kind } = input;
  const ev: Evidence[] = [];
  const claims: Claim[] = [];
  const doneGenerators = new Set<string>();
  for (const t of tracks.filter((x) => x.kind === 'generator' && x.match.generators.length)) {
    const handle = t.handle;
    if (!persistent(t, sampled, kind)) {
      ev.push(evidence({
        analyzer: 'ocr', code: 'generator_text_once', direction: 'neutral', weight: 0.1,
        detail: `The word "${t.text}" (a generator's mark) was read in only 1 of ${sampled} sampled frames, at the ${mainPosition(t)}; too brief to count as a watermark.`,
        detail_zh: `在 ${sampled} 个抽样帧中只有 1 帧读到“${t.text}”（生成器水印字样），位于画面${zh(mainPosition(t))}，不足以认定为水印。`,
        data: { text: t.text, position: mainPosition(t), frames: t.frames.length, timestamps: t.timestamps },
      }));
      continue;
    }
    if (!watermarkLike(t)) {
      ev.push(evidence({
        analyzer: 'ocr', code: 'generator_word_in_scene', direction: 'neutral', weight: 0.1,
        detail: `The word "${t.text}" was read ${seenIn(t, sampled, kind).en}, but ${t.confidence < MIN_CONFIDENCE ? 'too uncertainly' : 'too large or too central'} to be a generator watermark.`,
        detail_zh: `${seenIn(t, sampled, kind).zh}读到“${t.text}”，但${t.confidence < MIN_CONFIDENCE ? '识别把握不足' : '字太大或位于画面中央'}，不像生成器水印。`,
        data: { text: t.text, position: mainPosition(t), rel_height: round(t.relHeight), confidence: round(t.confidence) },
      }));
      continue;
    }
    const mark = pickGeneratorMark(t.match.generators, { moving: kind === 'image' ? null : t.moving, handle: Boolean(handle), positions: t.positions.map((p) => p.label) });
    if (doneGenerators.has(mark.generator)) continue;
    doneGenerators.add(mark.generator);
    const seen = seenIn(t, sampled, kind);
    const name = kb.generator(mark.generator)?.name ?? mark.generator;
    const shown = handle ? `"${t.match.variant ?? t.text}" with the handle @${handle}` : `"${t.match.variant ?? t.text}"`;
    const weight = kind === 'image' ? 0.5 : t.moving && mark.motion === 'moving' ? 0.75 : 0.6;
    ev.push(evidence({
      analyzer: 'ocr', code: 'visible_generator_mark', direction: 'neutral', weight,
      detail: `A visible ${name} generator mark ${shown} was read ${seen.en}. ${mark.note} The mark is a claim that ${name} made the media, not proof: anyone can paste such a mark onto real footage (or remove it), so it never decides on its own.`,
      detail_zh: `${seen.zh}读到可见的 ${name} 生成器水印“${t.match.variant ?? t.text}”${handle ? `（账号 @${handle}）` : ''}。${mark.note_zh}水印只是“由 ${name} 生成”的声明，而非证明：任何人都能把这种水印贴到实拍视频上（或把它去掉），因此它本身不能决定结论。`,
      data: {
        text: t.match.variant ?? t.text, read_as: t.text, handle, generator: mark.generator, mark: mark.id,
        position: mainPosition(t), positions: labels(t), moving: t.moving,
        frames: t.frames.length, frames_sampled: sampled, timestamps: t.timestamps, confidence: round(t.confidence),
        sequence: t.sequence.slice(0, 24).map((q) => ({ t: q.timestamp === null ? null : round(q.timestamp), position: q.position })),
        since: mark.since, source: mark.source,
      },
    }));
    claims.push({
      type: 'generator',
      text: handle ? `${t.match.variant ?? t.text} @${handle}` : (t.match.variant ?? t.text),
      status: 'unverified',
      reasons: [`A visible ${name} watermark on the media is itself a claim that ${name} made it.`],
      reasons_zh: [`画面上可见的 ${name} 水印本身就是“由 ${name} 生成”的声明。`],
      sources: [mark.source.ref],
      origin: 'mark',
      generator: mark.generator,
      value: { mark: mark.id, handle },
    });
  }
  const donePlatforms = new Set<string>();
  for (const t of tracks.filter((x) => x.kind === 'platform' && x.match.platform)) {
    const p = t.match.platform!;
    const key = `${p.id}:${t.handle ?? ''}`;
    if (donePlatforms.has(key)) continue;
    donePlatforms.add(key);
    const seen = seenIn(t, sampled, kind);
    const lookup = t.handle ? p.lookup.replace('{handle}', t.handle) : null;
    ev.push(evidence({
      analyzer: 'ocr', code: 'platform_mark', direction: 'neutral', weight: t.handle ? 0.3 : 0.2,
      detail: t.handle
        ? `A ${p.platform} mark with the account ${t.handle} was read ${seen.en}: the media was downloaded from ${p.platform}; look for the uploader's original there (${lookup}).`
        : `A ${p.platform} mark was read ${seen.en}: the media was downloaded from ${p.platform} (no account handle could be read).`,
      detail_zh: t.handle
        ? `${seen.zh}读到${p.platform_zh}水印，账号 ${t.handle}：该内容下载自${p.platform_zh}，可在该平台查找上传者的原始视频（${lookup}）。`
        : `${seen.zh}读到${p.platform_zh}水印：该内容下载自${p.platform_zh}（未能读出账号）。`,
      data: { platform: p.id, handle: t.handle, text: t.text, position: mainPosition(t), moving: t.moving, frames: t.frames.length, frames_sampled: sampled, lookup },
    }));
  }
  const text = input.paragraphs.map((p) => p.text).join('\n');
  const burned = text
    ? (input.extractClaims ?? burnedInClaims)(text).map(({ span: _span, ...c }) => ({ ...c, origin: 'ocr' as const }))
    : [];
  // One evidence item per paragraph that makes a claim (a sentence can carry an AI claim and a generator claim).
  const byParagraph = new Map<string, { para: Paragraph | undefined; claims: Claim[] }>();
  for (const c of burned) {
    if (claimPolarity(c) === null) continue;
    const key = fold(c.text);
    const para = input.paragraphs.find((p) => fold(p.text).includes(key) || key.includes(fold(p.text)));
    const k = para ? fold(para.text) : key;
    if (!byParagraph.has(k)) byParagraph.set(k, { para, claims: [] });
    byParagraph.get(k)!.claims.push(c);
  }
  for (const { para, claims: cs } of byParagraph.values()) {
    const shown = para?.text ?? cs[0].text;
    const frames = para?.frames.length ?? 1;
    const polarity = cs.some((c) => claimPolarity(c) === true) ? 'ai' : 'real';
    const generator = cs.find((c) => c.generator)?.generator ?? null;
    ev.push(evidence({
      analyzer: 'ocr', code: polarity === 'ai' ? 'burned_in_ai_claim' : 'burned_in_real_claim', direction: 'neutral', weight: 0.2,
      detail: `Text burned into the ${kind === 'image' ? 'image' : `frames (${frames} of ${sampled} sampled)`} reads "${shown}", a claim that the media is ${polarity === 'ai' ? `AI-generated${generator ? ` (${generator})` : ''}` : 'real footage'}; a claim is not evidence of what the media is.`,
      detail_zh: `${kind === 'image' ? '图片' : `画面（${sampled} 个抽样帧中的 ${frames} 帧）`}中烧录的文字为“${shown}”，声称该内容${polarity === 'ai' ? `由AI生成${generator ? `（${generator}）` : ''}` : '是真实拍摄'}；声明本身不是证据。`,
      data: { text: shown, claims: cs.map((c) => c.text), generator, frames, frames_sampled: sampled },
    }));
  }
  claims.push(...burned);
  if (input.paragraphs.length) {
    const shown = input.paragraphs.slice(0, 12);
    ev.push(evidence({
      analyzer: 'ocr', code: 'ocr_text', direction: 'neutral', weight: 0.05,
      detail: `Text read in the ${kind === 'image' ? 'image' : 'sampled frames'}: ${shown.map((p) => `"${p.text}"`).join('; ')}${input.paragraphs.length > shown.length ? ' …' : ''}.`,
      detail_zh: `在${kind === 'image' ? '图片' : '抽样帧'}中读到的文字：${shown.map((p) => `“${p.text}”`).join('；')}${input.paragraphs.length > shown.length ? ' …' : ''}。`,
      data: { lines: shown.map((p) => ({ text: p.text, frames: p.frames.length, confidence: round(p.confidence) })) },
    }));
  }
  return { evidence: ev, claims };
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}
