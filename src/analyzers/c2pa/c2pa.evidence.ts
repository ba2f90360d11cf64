import { evidence, type Evidence } from '../../domain/evidence.js';
import { sourceTypeName } from './signers.data.js';
import type { Provenance } from './provenance.js';

/**
 * Evidence from a provenance object. Only an intact manifest whose signer is trusted (or expired but still
 * chained to a loaded anchor) decides anything; "has C2PA" never means AI by itself.
 */

function signerText(p: Provenance): string {
  const s = p.signer;
  if (!s) return 'an unknown signer';
  return [s.organization && `O=${s.organization}`, s.common_name && `CN="${s.common_name}"`].filter(Boolean).join(', ') || 'an unnamed signer';
}

function dstText(p: Provenance): string {
  return p.digital_source_type ? sourceTypeName(p.digital_source_type) : 'none';
}

function base(p: Provenance): Record<string, unknown> {
  return {
    state: p.state,
    codes: p.codes,
    ingredient_codes: p.ingredient_codes,
    signer: p.signer,
    claimed_generator: p.claimed_generator,
    generator: p.generator,
    partner: p.partner,
    digital_source_type: p.digital_source_type,
    manifest: p.attribution.manifest,
  };
}

/** Failure codes with the validator's explanation, for a person to check. */
function explained(p: Provenance): string {
  return p.codes
    .filter((c) => !INTEGRITY_OK.test(c))
    .map((c) => (p.code_explanations[c] ? `${c} ("${p.code_explanations[c]}")` : c))
    .join(', ');
}

const INTEGRITY_OK = /^(signingCredential\.(untrusted|expired|ocsp\..*)|timeStamp\.(untrusted|outsideValidity))$/;

export function c2paEvidence(p: Provenance): Evidence[] {
  const out: Evidence[] = [];
  const a = p.attribution;
  const gen = p.claimed_generator;
  const partner = p.partner ? ` (partner model: ${p.partner})` : '';
  const partnerZh = p.partner ? `（合作模型：${p.partner}）` : '';
  const composite = a.ai === 'ai_composite';
  switch (p.state) {
    case 'trusted':
      if (a.ai) {
        out.push(evidence({
          analyzer: 'c2pa', code: 'c2pa_ai_trusted', direction: 'ai', weight: composite ? 0.85 : 0.95,
          detail: `The file carries an intact C2PA manifest signed by ${signerText(p)}, a signer on the loaded trust lists; it records ${composite ? 'AI editing' : 'AI generation'} (digital source type ${dstText(p)})${gen ? ` by ${gen}` : ''}${partner}. ${a.reasons.join('; ')}.`,
          detail_zh: `文件带有完整的 C2PA 清单，签名者 ${signerText(p)} 在已加载的信任列表中；清单记录了${composite ? 'AI 编辑' : 'AI 生成'}（数字来源类型 ${dstText(p)}）${gen ? `，生成器 ${gen}` : ''}${partnerZh}。${a.reasons_zh.join("；")}。`,
          data: { ...base(p), composite },
          decides: { is_ai: true, tier: 'signed_provenance', generator: gen },
        }));
      } else if (a.capture) {
        out.push(evidence({
          analyzer: 'c2pa', code: 'c2pa_capture_trusted', direction: 'real', weight: 0.9,
          detail: `The file carries an intact C2PA manifest from a capture device or app, signed by ${signerText(p)} (on the loaded trust lists), and no step in it records AI generation. ${a.reasons.join('; ')}.`,
          detail_zh: `文件带有完整的 C2PA 拍摄清单，签名者 ${signerText(p)} 在已加载的信任列表中，清单中没有任何 AI 生成步骤。${a.reasons_zh.join('；')}。`,
          data: base(p),
          decides: { is_ai: false, tier: 'signed_provenance' },
        }));
      } else {
        out.push(evidence({
          analyzer: 'c2pa', code: 'c2pa_trusted_no_ai', direction: 'neutral', weight: 0.3,
          detail: `The file carries an intact C2PA manifest signed by ${signerText(p)} (on the loaded trust lists). It records no AI generation, but it is not a capture manifest either, so it does not show the footage is real.`,
          detail_zh: `文件带有完整且签名可信的 C2PA 清单（${signerText(p)}），其中没有 AI 生成记录，但也不是拍摄设备的清单，不能证明画面为实拍。`,
          data: base(p),
        }));
      }
      break;
    case 'expired':
      if (a.ai && p.expired_chain?.chained) {
        out.push(evidence({
          analyzer: 'c2pa', code: 'c2pa_ai_expired_no_timestamp', direction: 'ai', weight: 0.8,
          detail: `The file carries an intact C2PA manifest recording AI generation${gen ? ` by ${gen}` : ''}${partner}, signed by ${signerText(p)}. The signing certificate expired on ${p.expired_chain.leaf?.valid_to ?? 'an earlier date'} and the manifest has no trusted timestamp, so C2PA validation reports signingCredential.expired; the certificate still chains to a loaded trust anchor (${p.expired_chain.anchor ?? p.expired_chain.via}). Counted with lower confidence; this is not tampering.`,
          detail_zh: `文件带有完整的 C2PA 清单，记录了 AI 生成${gen ? `（${gen}）` : ''}${partnerZh}，签名者 ${signerText(p)}。签名证书已于 ${p.expired_chain.leaf?.valid_to ?? '此前'} 过期且没有可信时间戳，因此验证结果为 signingCredential.expired；但证书链仍可验证到已加载的信任根。置信度较低，这不是篡改。`,
          data: { ...base(p), expired_chain: p.expired_chain },
          decides: { is_ai: true, tier: 'signed_provenance_expired', generator: gen },
        }));
      } else {
        out.push(untrusted(p, p.expired_chain ? `the certificate has expired and ${p.expired_chain.reason}` : 'the certificate has expired'));
      }
      break;
    case 'valid_untrusted':
      out.push(untrusted(p, p.trust.loaded ? 'the signing certificate does not chain to any loaded trust list' : 'no C2PA trust lists are loaded (configure c2pa.trustDir; see `genproof trust update`), so no signer can be trusted'));
      break;
    case 'invalid':
      out.push(evidence({
        analyzer: 'c2pa', code: 'c2pa_invalid', direction: 'neutral', weight: 0.3,
        detail: `The C2PA manifest signed by ${signerText(p)} does not match the file: ${explained(p)}. The file was changed after signing (or the manifest is broken), so what the manifest says${gen ? ` (it names ${gen})` : a.capture ? ' (a camera capture)' : ''} cannot be relied on; this decides nothing by itself.`,
        detail_zh: `由 ${signerText(p)} 签名的 C2PA 清单与文件不符：${p.codes.filter((c) => !INTEGRITY_OK.test(c)).join('、')}。文件在签名后被改动（或清单损坏），清单内容${gen ? `（声称 ${gen}）` : a.capture ? '（声称相机拍摄）' : ''}不可依赖，单凭这一点不能作出判断。`,
        data: { ...base(p), capture_claimed: a.capture },
      }));
      break;
    case 'remote_manifest':
      out.push(evidence({
        analyzer: 'c2pa', code: 'c2pa_remote_manifest', direction: 'neutral', weight: 0.1,
        detail: `The file points to a remote C2PA manifest${p.remote_url ? ` at ${p.remote_url}` : ''}; genproof works offline and did not fetch it, so it was not validated.`,
        detail_zh: `文件指向一个远程 C2PA 清单${p.remote_url ? `（${p.remote_url}）` : ''}；genproof 离线工作，没有下载，因此未验证。`,
        data: { ...base(p), remote_url: p.remote_url },
      }));
      break;
    case 'none':
      out.push(evidence({
        analyzer: 'c2pa', code: 'c2pa_none', direction: 'neutral', weight: 0.05,
        detail: 'The file carries no C2PA manifest (Content Credentials). Most real and most AI media have none, and platforms strip them, so this says nothing either way.',
        detail_zh: '文件没有 C2PA 清单（内容凭证）。大多数实拍和 AI 媒体都没有，平台也会剥离，因此这一点不说明任何问题。',
        data: { state: p.state },
      }));
      break;
    case 'unsupported':
      out.push(evidence({
        analyzer: 'c2pa', code: 'c2pa_unsupported', direction: 'neutral', weight: 0.05,
        detail: `The C2PA data in this file could not be read: ${p.reason ?? 'unsupported'}.`,
        detail_zh: `无法读取此文件中的 C2PA 数据：${p.reason ?? '不支持'}。`,
        data: { state: p.state, reason: p.reason },
      }));
      break;
  }
  const ingredientIntegrity = p.ingredient_codes.filter((c) => !INTEGRITY_OK.test(c));
  if (ingredientIntegrity.length && p.state !== 'invalid') {
    out.push(evidence({
      analyzer: 'c2pa', code: 'c2pa_ingredient_issues', direction: 'neutral', weight: 0.1,
      detail: `An ingredient of the C2PA chain (an earlier version or a source file) failed its own validation (${ingredientIntegrity.join(', ')}); the current file's manifest itself is intact.`,
      detail_zh: `C2PA 链中的某个成分（早期版本或素材文件）自身验证失败（${ingredientIntegrity.join('、')}）；当前文件的清单本身完好。`,
      data: { ingredient_codes: p.ingredient_codes },
    }));
  }
  return out;
}

function untrusted(p: Provenance, why: string): Evidence {
  const gen = p.claimed_generator;
  return evidence({
    analyzer: 'c2pa', code: 'c2pa_untrusted_signer', direction: 'neutral', weight: 0.2,
    detail: `The file carries an intact C2PA manifest signed by ${signerText(p)}, but ${why}. Anyone can make such a certificate (test and self-signed certificates included), so what it says${gen ? ` (it names ${gen})` : p.attribution.ai ? ' (AI generation)' : ''} decides nothing.`,
    detail_zh: `文件带有完整的 C2PA 清单，签名者 ${signerText(p)}，但签名证书不在已加载的信任列表中（或已过期且无法验证）。任何人都能制作这样的证书（包括测试证书和自签名证书），因此清单内容${gen ? `（声称 ${gen}）` : ''}不能作为判断依据。`,
    data: base(p),
  });
}
