import type { DecisionTier } from '../domain/evidence.js';

/**
 * Rank and base confidence of each kind of decisive evidence. Higher rank wins a conflict. A visible generator
 * mark is absent on purpose: it is a claim (pasted and removed by anyone), never evidence that decides.
 */
export const TIERS: Record<DecisionTier, { rank: number; confidence: number; en: string; zh: string }> = {
  signed_provenance: { rank: 6, confidence: 0.97, en: 'signed provenance (C2PA) from a trusted signer', zh: '可信签名者的C2PA来源凭证' },
  registry_match: { rank: 5, confidence: 0.92, en: 'a match in the registry of known media', zh: '与已登记素材库的匹配' },
  file_label: { rank: 4, confidence: 0.85, en: 'an AI label inside the file', zh: '文件内的AI标识' },
  signed_provenance_expired: { rank: 3, confidence: 0.8, en: 'signed provenance whose certificate has expired without a timestamp', zh: '证书已过期且无时间戳的C2PA来源凭证' },
  camera_metadata: { rank: 2, confidence: 0.7, en: 'camera metadata (device identity plus GPS or telemetry), which can be forged', zh: '相机元数据（设备信息加GPS或传感器数据），可被伪造' },
};
