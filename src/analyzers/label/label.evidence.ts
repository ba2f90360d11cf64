import { evidence, type Evidence } from '../../domain/evidence.js';
import { sourceTypeName } from '../c2pa/signers.data.js';
import type { FileLabel } from './labels.js';

/**
 * Evidence from in-file labels. AI values (IPTC trainedAlgorithmicMedia / compositeWithTrainedAlgorithmicMedia,
 * GB 45438 Label 1, an AI credit line, a platform AI label) decide `is_ai=true` at the `file_label` tier;
 * "possibly / suspected" labels and capture values are neutral (unsigned metadata cannot prove "real").
 */
export function labelEvidence(labels: FileLabel[]): Evidence[] {
  const out: Evidence[] = [];
  for (const l of labels) {
    const data = { kind: l.kind, value: l.value, meaning: l.meaning, source: l.source, ...(l.fields ? { fields: l.fields } : {}) };
    if (l.kind === 'iptc') {
      const name = sourceTypeName(l.value);
      if (l.meaning === 'ai' || l.meaning === 'ai_composite') {
        out.push(evidence({
          analyzer: 'label', code: 'ai_label_iptc', direction: 'ai', weight: l.meaning === 'ai' ? 0.8 : 0.7,
          detail: `The file's metadata labels it with the IPTC digital source type "${name}" (${l.source}): ${l.meaning === 'ai' ? 'made by a trained AI model' : 'a composite that includes AI-generated content'}.`,
          detail_zh: `文件元数据中的 IPTC 数字来源类型为 "${name}"（${l.source}）：${l.meaning === 'ai' ? '由训练好的 AI 模型生成' : '包含 AI 生成内容的合成'}。`,
          data, decides: { is_ai: true, tier: 'file_label', generator: null },
        }));
      } else {
        out.push(evidence({
          analyzer: 'label', code: 'label_iptc_other', direction: 'neutral', weight: 0.1,
          detail: `The file's metadata gives the IPTC digital source type "${name}" (${l.source}); unsigned metadata like this can be written by anyone, so it decides nothing.`,
          detail_zh: `文件元数据中的 IPTC 数字来源类型为 "${name}"（${l.source}）；此类未签名的元数据任何人都能写入，不能作为判断依据。`,
          data,
        }));
      }
    } else if (l.kind === 'aigc_gb45438') {
      const who = l.fields?.ContentProducer ? ` (content producer ${l.fields.ContentProducer})` : '';
      if (l.meaning === 'ai') {
        out.push(evidence({
          analyzer: 'label', code: 'ai_label_gb45438', direction: 'ai', weight: 0.8,
          detail: `The file carries the Chinese GB 45438-2025 implicit AI label (AIGC Label=1, "AI-generated")${who} in ${l.source}.`,
          detail_zh: `文件带有 GB 45438-2025 隐式标识（AIGC Label=1，"人工智能生成"）${l.fields?.ContentProducer ? `，服务提供者 ${l.fields.ContentProducer}` : ''}，位于 ${l.source}。`,
          data, decides: { is_ai: true, tier: 'file_label', generator: null },
        }));
      } else {
        out.push(evidence({
          analyzer: 'label', code: 'ai_label_gb45438_possible', direction: 'neutral', weight: 0.3,
          detail: `The file carries a GB 45438-2025 implicit label with Label=${l.value} (${l.value === '2' ? 'possibly' : l.value === '3' ? 'suspected' : 'unknown'} AI-generated)${who}; this is not a statement that it is AI-made.`,
          detail_zh: `文件带有 GB 45438-2025 隐式标识 Label=${l.value}（${l.value === '2' ? '可能' : l.value === '3' ? '疑似' : '未知'}为人工智能生成）；这并不是"AI 生成"的声明。`,
          data,
        }));
      }
    } else if (l.kind === 'credit') {
      out.push(evidence({
        analyzer: 'label', code: 'ai_label_credit', direction: 'ai', weight: 0.7,
        detail: `The file's credit line says "${l.value}" (${l.source}).`,
        detail_zh: `文件的署名字段写着 "${l.value}"（${l.source}）。`,
        data, decides: { is_ai: true, tier: 'file_label', generator: null },
      }));
    } else if (l.kind === 'platform' && l.meaning === 'ai') {
      out.push(evidence({
        analyzer: 'label', code: 'ai_label_platform', direction: 'ai', weight: 0.7,
        detail: `The file's metadata carries a platform AI label: "${l.value}" (${l.source}).`,
        detail_zh: `文件元数据中带有平台的 AI 标注："${l.value}"（${l.source}）。`,
        data, decides: { is_ai: true, tier: 'file_label', generator: null },
      }));
    }
  }
  return out;
}
