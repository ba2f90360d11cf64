import type { Claim } from '../domain/claim.js';
import type { Decision, Evidence } from '../domain/evidence.js';
import type { Bilingual, GeneratorVerdict, Quadrant } from '../domain/verdict.js';
import { TIERS } from './tiers.js';

export interface SummaryInput {
  quadrant: Quadrant;
  isAi: boolean | null;
  claimed: boolean | null;
  /** Where claimed_ai was read ('mark' = only a visible generator mark). */
  claimedOrigin?: Claim['origin'] | null;
  winners: (Evidence & { decides: Decision })[];
  generator: GeneratorVerdict;
  evidence: Evidence[];
  claims: Claim[];
  hasMedia: boolean;
  conflict: boolean;
}

const HEAD: Record<Quadrant, Bilingual> = {
  authentic: { en: 'Real video: the evidence points to camera footage, presented as such.', zh: '真视频：证据指向实拍素材，且发布者也如此呈现。' },
  undisclosed_ai: { en: 'Fake video: AI-generated media passed off as real or not disclosed as AI.', zh: '假视频：AI生成的内容被当作真实内容发布，或未声明为AI生成。' },
  disclosed_ai: { en: 'Real fake video: AI-generated media, labelled as AI.', zh: '真假视频：AI生成的内容，且已标明是AI生成。' },
  false_ai_claim: { en: 'Fake fake video: real footage falsely labelled as AI-generated.', zh: '假假视频：实拍素材被谎称为AI生成。' },
  undetermined: { en: 'Undetermined: the evidence does not allow a decision.', zh: '无法判定：现有证据不足以作出结论。' },
};

function claimSentence(claimed: boolean | null, g: GeneratorVerdict, origin: Claim['origin'] | null | undefined): Bilingual {
  if (claimed === true && origin === 'mark') {
    const gen = g.claimed ?? 'generator';
    return { en: `A visible ${gen} mark claims it is AI-generated; a mark is a claim, not proof.`, zh: `画面上可见的 ${gen} 水印声称内容由AI生成；水印只是声明，不是证明。` };
  }
  if (claimed === true) {
    const gen = g.claimed ? ` (${g.claimed})` : '';
    return { en: `The post claims it is AI-generated${gen}.`, zh: `帖子声称内容由AI生成${gen ? `（${g.claimed}）` : ''}。` };
  }
  if (claimed === false) return { en: 'The post presents it as real footage.', zh: '帖子称其为实拍素材。' };
  return { en: 'The post makes no claim either way.', zh: '帖子没有声明是否为AI生成。' };
}

/** Bilingual summary and, when undetermined, what evidence is missing. */
export function summarize(s: SummaryInput): { summary: Bilingual; missing: Bilingual[] } {
  const parts: Bilingual[] = [HEAD[s.quadrant]];
  if (!s.hasMedia) {
    parts.push({ en: 'No media was given: only the text, its claims and links were checked.', zh: '未提供媒体文件：只检查了文字、其中的说法和链接。' });
  }
  if (s.winners.length) {
    const tier = TIERS[s.winners[0].decides.tier];
    const w = s.winners[0];
    parts.push({ en: `Decided by ${tier.en}: ${w.detail}`, zh: `判断依据：${tier.zh}：${w.detail_zh ?? w.detail}` });
    if (s.winners[0].decides.tier === 'camera_metadata') {
      parts.push({ en: 'This conclusion rests on metadata alone, which can be forged; signed provenance or the original upload would be stronger.', zh: '该结论仅基于元数据，而元数据可被伪造；签名来源凭证或找到原始上传会更有力。' });
    }
  }
  if (s.hasMedia) parts.push(claimSentence(s.claimed, s.generator, s.claimedOrigin));
  if (s.generator.mismatch) {
    parts.push({ en: `The caption names ${s.generator.claimed}, but the evidence shows ${s.generator.evidenced}.`, zh: `文案称由 ${s.generator.claimed} 生成，但证据显示为 ${s.generator.evidenced}。` });
  }
  const refuted = s.claims.filter((c) => c.status === 'refuted');
  if (refuted.length) {
    parts.push({ en: `${refuted.length} claim(s) refuted: ${refuted.map((c) => `"${c.text}"`).join('; ')}.`, zh: `${refuted.length} 条说法被证伪：${refuted.map((c) => `「${c.text}」`).join('；')}。` });
  }
  const missing: Bilingual[] = [];
  if (s.quadrant === 'undetermined' && s.hasMedia) {
    if (s.conflict) missing.push({ en: 'Evidence of equal strength conflicts; an original upload or signed provenance would settle it.', zh: '同等强度的证据相互矛盾；找到原始上传或签名来源凭证可以判定。' });
    const has = (code: string) => s.evidence.some((e) => e.code === code);
    if (!s.evidence.some((e) => e.analyzer === 'c2pa' && e.decides)) missing.push({ en: 'No trusted C2PA provenance (Content Credentials) in the file.', zh: '文件中没有可信的C2PA来源凭证（内容凭证）。' });
    if (!s.evidence.some((e) => e.analyzer === 'match' && e.decides)) missing.push({ en: 'No match in the registry of known originals or AI outputs; registering the original would decide.', zh: '在已知原始素材或AI作品库中没有匹配；登记原始素材即可判定。' });
    if (!s.evidence.some((e) => e.decides?.tier === 'file_label')) missing.push({ en: 'No AI label inside the file (IPTC digital source type, GB 45438 AIGC label).', zh: '文件内没有AI标识（IPTC数字来源类型、GB 45438 AIGC隐式标识）。' });
    if (!has('camera_origin')) missing.push({ en: 'No strong camera metadata (a device identity plus GPS or maker telemetry).', zh: '没有较强的相机元数据（设备信息加GPS或厂商传感器数据）。' });
    if (s.claimedOrigin === 'mark') missing.push({ en: 'Only a visible generator mark says it is AI, and a mark alone proves nothing.', zh: '只有可见的生成器水印声称是AI生成，而单凭水印什么也证明不了。' });
    if (s.claimed === null) missing.push({ en: 'The post makes no claim about how it was made.', zh: '帖子没有说明内容的制作方式。' });
  }
  if (s.quadrant === 'undetermined' && missing.length) {
    parts.push({ en: `Missing: ${missing.map((m) => m.en.replace(/\.$/, '')).join('; ')}.`, zh: `缺少：${missing.map((m) => m.zh.replace(/。$/, '')).join('；')}。` });
  }
  return { summary: { en: parts.map((p) => p.en).join(' '), zh: parts.map((p) => p.zh).join('') }, missing };
}
