import type { Command } from 'commander';
import { loadConfig } from '../../config/config.js';
import { UnsupportedMediaError, ValidationError } from '../../domain/errors.js';
import { inspectProvenance, type Provenance } from '../../analyzers/c2pa/provenance.js';
import type { ManifestNode } from '../../analyzers/c2pa/manifest-walk.js';
import { sourceTypeName } from '../../analyzers/c2pa/signers.data.js';
import { globalOpts } from '../options.js';

interface ProvenanceOpts {
  trustDir?: string;
  anchors?: string[];
}

type Lang = 'en' | 'zh';

const STATE_TEXT: Record<Provenance['state'], { en: string; zh: string }> = {
  trusted: { en: 'TRUSTED — the manifest is intact and its signer is on the loaded trust lists', zh: '可信 —— 清单完整，签名者在已加载的信任列表中' },
  valid_untrusted: { en: 'VALID BUT UNTRUSTED — the manifest is intact, but its signer is on no loaded trust list (anyone can sign like this)', zh: '完整但不可信 —— 清单完整，但签名者不在已加载的信任列表中（任何人都能这样签名）' },
  expired: { en: 'EXPIRED — the manifest is intact, but the signing certificate has expired and there is no trusted timestamp', zh: '证书过期 —— 清单完整，但签名证书已过期且没有可信时间戳' },
  invalid: { en: 'INVALID — the file or the manifest was changed after signing (see the status codes)', zh: '无效 —— 文件或清单在签名后被改动（见状态码）' },
  remote_manifest: { en: 'REMOTE — the file points to a manifest on the web; genproof works offline and did not fetch it', zh: '远程清单 —— 文件指向网上的清单；genproof 离线工作，未下载' },
  none: { en: 'NONE — no C2PA manifest in this file', zh: '无 —— 文件中没有 C2PA 清单' },
  unsupported: { en: 'UNSUPPORTED — the C2PA data could not be read', zh: '不支持 —— 无法读取 C2PA 数据' },
};

const T = {
  file: { en: 'File', zh: '文件' },
  c2pa: { en: 'Content Credentials (C2PA)', zh: '内容凭证（C2PA）' },
  generator: { en: 'Generator', zh: '生成器' },
  claimed: { en: 'named by the manifest, signer not trusted', zh: '清单声称，但签名者不可信' },
  partner: { en: 'partner model', zh: '合作模型' },
  dst: { en: 'Digital source type', zh: '数字来源类型' },
  capture: { en: 'Capture manifest (camera or capture app)', zh: '拍摄清单（相机或拍摄应用）' },
  trust: { en: 'Trust lists', zh: '信任列表' },
  noTrust: { en: 'none loaded — every signer shows as untrusted (run `genproof trust update` and set c2pa.trustDir)', zh: '未加载 —— 所有签名者都会显示为不可信（运行 `genproof trust update` 并设置 c2pa.trustDir）' },
  codes: { en: 'Status codes', zh: '状态码' },
  ingCodes: { en: 'Ingredient status codes', zh: '成分状态码' },
  identity: { en: 'Identity (CAWG) codes', zh: '身份（CAWG）状态码' },
  chain: { en: 'Manifest chain (active first)', zh: '清单链（当前清单在前）' },
  signed: { en: 'Signed by', zh: '签名者' },
  at: { en: 'at', zh: '时间' },
  noTime: { en: 'no trusted time', zh: '无可信时间' },
  claimGen: { en: 'Claim generator', zh: '声明生成器' },
  actions: { en: 'Actions', zh: '操作' },
  by: { en: 'by', zh: '工具' },
  ingredients: { en: 'Ingredients', zh: '成分' },
  device: { en: 'Device', zh: '设备' },
  labels: { en: 'In-file labels', zh: '文件内标识' },
  noLabels: { en: 'none', zh: '无' },
  remote: { en: 'Remote manifest URL (not fetched)', zh: '远程清单地址（未下载）' },
  reason: { en: 'Reason', zh: '原因' },
  expiredChain: { en: 'Expired certificate', zh: '过期证书' },
} satisfies Record<string, Record<Lang, string>>;

function actionLine(a: ManifestNode['actions'][number], lang: Lang): string {
  const parts = [a.action.replace(/^c2pa\./, '')];
  if (a.software_agent) parts.push(`${T.by[lang]} ${a.software_agent}`);
  if (a.digital_source_type) parts.push(sourceTypeName(a.digital_source_type) + (a.digital_source_type_field?.startsWith('parameters') ? ' (com.adobe.digitalSourceType)' : ''));
  if (a.models.length) parts.push(`${T.partner[lang]}: ${a.models.join(', ')}`);
  if (a.description) parts.push(`"${a.description}"`);
  return parts.join(' — ');
}

/** A c2patool-like tree in plain words. */
export function renderProvenance(file: string, p: Provenance, lang: Lang): string {
  const L: string[] = [];
  L.push(`${T.file[lang]}: ${file}${p.format ? ` (${p.format})` : ''}`);
  L.push(`${T.c2pa[lang]}: ${STATE_TEXT[p.state][lang]}`);
  if (p.reason) L.push(`  ${T.reason[lang]}: ${p.reason}`);
  if (p.remote_url) L.push(`  ${T.remote[lang]}: ${p.remote_url}`);
  const gen = p.generator ?? (p.claimed_generator ? `${p.claimed_generator} (${T.claimed[lang]})` : null);
  if (gen) L.push(`${T.generator[lang]}: ${gen}${p.partner ? `; ${T.partner[lang]}: ${p.partner}` : ''}${p.attribution.reasons.length ? ` — ${lang === 'zh' ? p.attribution.reasons_zh.join('；') : p.attribution.reasons.join('; ')}` : ''}`);
  if (p.attribution.capture) L.push(`${T.capture[lang]}: ${(lang === 'zh' ? p.attribution.reasons_zh.join('；') : p.attribution.reasons.join('; '))}`);
  if (p.digital_source_type) L.push(`${T.dst[lang]}: ${sourceTypeName(p.digital_source_type)}`);
  if (p.expired_chain) L.push(`${T.expiredChain[lang]}: ${p.expired_chain.leaf?.valid_to ?? '?'} — ${p.expired_chain.reason}`);
  if (p.codes.length) L.push(`${T.codes[lang]}: ${p.codes.map((c) => (p.code_explanations[c] ? `${c} (${p.code_explanations[c]})` : c)).join(', ')}`);
  if (p.ingredient_codes.length) L.push(`${T.ingCodes[lang]}: ${p.ingredient_codes.join(', ')}`);
  if (p.identity_codes.length) L.push(`${T.identity[lang]}: ${p.identity_codes.join(', ')}`);
  L.push(`${T.trust[lang]}: ${p.trust.loaded ? p.trust.sources.join(', ') : T.noTrust[lang]}`);
  if (p.manifests.length) {
    L.push(`${T.chain[lang]}:`);
    for (const m of p.manifests) {
      const pad = '   '.repeat(m.depth);
      L.push(`${pad}└─ ${m.title ?? m.label}${m.active ? ' [active]' : ''}  ${m.label}`);
      const s = m.signer;
      L.push(`${pad}   ${T.signed[lang]}: ${[s.organization, s.common_name].filter(Boolean).join(' / ') || '?'}, ${s.time ? `${T.at[lang]} ${s.time}` : T.noTime[lang]}`);
      if (m.claim_generator) L.push(`${pad}   ${T.claimGen[lang]}: ${m.claim_generator}`);
      if (m.device) L.push(`${pad}   ${T.device[lang]}: ${[m.device.make, m.device.model].filter(Boolean).join(' ')}`);
      if (m.actions.length) {
        L.push(`${pad}   ${T.actions[lang]}:`);
        for (const a of m.actions.slice(0, 20)) L.push(`${pad}     • ${actionLine(a, lang)}`);
        if (m.actions.length > 20) L.push(`${pad}     … +${m.actions.length - 20}`);
      }
      if (m.ingredients.length) {
        L.push(`${pad}   ${T.ingredients[lang]}:`);
        for (const i of m.ingredients) L.push(`${pad}     ◦ ${i.title ?? '?'} (${i.relationship ?? '?'})${i.manifest ? ` → ${i.manifest}` : ''}`);
      }
    }
  }
  L.push(`${T.labels[lang]}: ${p.labels.length ? '' : T.noLabels[lang]}`);
  for (const l of p.labels) L.push(`  • ${l.kind}: ${l.kind === 'iptc' ? sourceTypeName(l.value) : l.value} (${l.meaning}; ${l.source})`);
  return L.join('\n') + '\n';
}

export function registerProvenance(program: Command): void {
  program
    .command('provenance <file>')
    .description('C2PA manifests and in-file AI labels, validated (offline)')
    .option('--trust-dir <dir>', 'C2PA trust directory (overrides config c2pa.trustDir)')
    .option('--anchors <pem...>', 'extra trust anchor PEM files (e.g. test roots); never loaded by default')
    .action(async (file: string, o: ProvenanceOpts, cmd: Command) => {
      const g = globalOpts(cmd);
      if (g.lang && g.lang !== 'zh' && g.lang !== 'en') throw new ValidationError('bad_usage', '--lang must be zh or en');
      const config = loadConfig({
        file: g.config,
        overrides: {
          ...(g.lang ? { lang: g.lang } : {}),
          ...(o.trustDir || o.anchors ? { c2pa: { ...(o.trustDir ? { trustDir: o.trustDir } : {}), ...(o.anchors ? { extraAnchors: o.anchors } : {}) } } : {}),
        },
      });
      const p = await inspectProvenance(file, config);
      // Not a format that can carry C2PA at all (empty, text, unknown bytes): bad input, exit 2.
      if (p.state === 'unsupported' && p.format === null) throw new UnsupportedMediaError('media_unsupported', `${file}: ${p.reason ?? 'not a media file'}`);
      if (g.json) process.stdout.write(JSON.stringify(p) + '\n');
      else process.stdout.write(renderProvenance(file, p, config.lang));
    });
}
