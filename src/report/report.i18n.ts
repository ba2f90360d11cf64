import type { ClaimStatus } from '../domain/claim.js';
import type { Quadrant } from '../domain/verdict.js';

/** Labels of the report, in both languages. Every visible string of the report comes from here or the result. */
export interface Txt { en: string; zh: string }

export const QUADRANTS: Record<Exclude<Quadrant, 'undetermined'>, { name: Txt; seed: Txt; explain: Txt }> = {
  authentic: {
    name: { en: 'Real video', zh: '真视频' }, seed: { en: 'authentic', zh: '真实' },
    explain: { en: 'Real footage, not presented as AI.', zh: '真实拍摄，也没有被说成AI生成。' },
  },
  undisclosed_ai: {
    name: { en: 'Fake video', zh: '假视频' }, seed: { en: 'undisclosed AI', zh: '未标注的AI' },
    explain: { en: 'AI-generated, passed off as real or not disclosed.', zh: 'AI生成，却被当作真实或没有标注。' },
  },
  disclosed_ai: {
    name: { en: 'Real fake video', zh: '真假视频' }, seed: { en: 'disclosed AI', zh: '已标注的AI' },
    explain: { en: 'AI-generated and labelled as AI.', zh: 'AI生成，并如实标注为AI。' },
  },
  false_ai_claim: {
    name: { en: 'Fake fake video', zh: '假假视频' }, seed: { en: 'false AI claim', zh: '虚假的AI声明' },
    explain: { en: 'Real footage labelled as AI-generated.', zh: '真实画面被说成是AI生成。' },
  },
};

export const UNDETERMINED: Txt = { en: 'Undetermined', zh: '无法判定' };

export const CLAIM_STATUS: Record<ClaimStatus, Txt> = {
  supported: { en: 'supported', zh: '有依据' },
  refuted: { en: 'refuted', zh: '已被驳斥' },
  unlikely: { en: 'unlikely', zh: '不太可能' },
  unverified: { en: 'unverified', zh: '未核实' },
};

export const DIRECTION: Record<string, Txt> = {
  ai: { en: 'points to AI', zh: '指向AI' },
  real: { en: 'points to real', zh: '指向真实' },
  neutral: { en: 'neutral', zh: '中性' },
};

export const ANALYZERS: Record<string, Txt> = {
  c2pa: { en: 'Content Credentials (C2PA)', zh: '内容凭证（C2PA）' },
  metadata: { en: 'File metadata', zh: '文件元数据' },
  match: { en: 'Registry match', zh: '登记库比对' },
  ocr: { en: 'Text in the picture', zh: '画面文字' },
  caption: { en: 'Caption', zh: '文案' },
  kb: { en: 'Knowledge base', zh: '知识库' },
  scam: { en: 'Scam signals', zh: '诈骗特征' },
  intake: { en: 'File intake', zh: '文件读取' },
  label: { en: 'In-file AI labels', zh: '文件内AI标识' },
};

export const L = {
  title: { en: 'genproof verification report', zh: 'genproof 核查报告' },
  lang: { en: 'Language', zh: '语言' },
  verdict: { en: 'Verdict', zh: '结论' },
  rating: { en: 'Rating', zh: '评级' },
  ratingQuestion: { en: 'Is this post telling the truth?', zh: '这条帖子说的是真的吗？' },
  notExamined: { en: 'Not examined', zh: '未检查' },
  confidence: { en: 'confidence', zh: '置信度' },
  matrixRows: { en: 'What the evidence shows', zh: '证据显示' },
  matrixCols: { en: 'What the post claims', zh: '帖子声称' },
  claimsReal: { en: 'real / says nothing', zh: '真实 / 未声明' },
  claimsAi: { en: 'AI-generated', zh: 'AI生成' },
  isReal: { en: 'real footage', zh: '真实拍摄' },
  isAi: { en: 'AI-generated', zh: 'AI生成' },
  undeterminedWhy: { en: 'The evidence does not allow a decision. What is missing:', zh: '现有证据不足以下结论。缺少的是：' },
  undeterminedGeneric: { en: 'No decisive evidence (signed provenance, a registry match, an in-file label or strong camera metadata) was found.', zh: '没有找到决定性证据（可信签名的来源信息、登记库匹配、文件内标识或可靠的相机元数据）。' },
  isAiLine: { en: 'Is it AI (by evidence)?', zh: '是否AI（依据证据）？' },
  claimedLine: { en: 'Does the post claim AI?', zh: '帖子是否声称AI？' },
  yes: { en: 'yes', zh: '是' },
  no: { en: 'no', zh: '否' },
  unknown: { en: 'unknown', zh: '未知' },
  generator: { en: 'Generator', zh: '生成工具' },
  claimed: { en: 'claimed', zh: '声称' },
  evidenced: { en: 'shown by evidence', zh: '证据显示' },
  none: { en: 'none', zh: '无' },
  mismatch: { en: 'The claimed generator does not match the evidence.', zh: '声称的生成工具与证据不符。' },
  evidence: { en: 'Evidence', zh: '证据' },
  noEvidence: { en: 'No evidence items.', zh: '没有证据条目。' },
  weight: { en: 'weight', zh: '权重' },
  decisive: { en: 'can decide', zh: '可定论' },
  claims: { en: 'Claims in the post', zh: '帖子中的说法' },
  noClaims: { en: 'No claims were found.', zh: '没有发现相关说法。' },
  reasons: { en: 'Why', zh: '理由' },
  sources: { en: 'Sources', zh: '来源' },
  keyframes: { en: 'Keyframes', zh: '关键帧' },
  download: { en: 'download (full size)', zh: '下载原尺寸' },
  downloadAll: { en: 'Download all keyframes (ZIP)', zh: '下载全部关键帧（ZIP）' },
  matches: { en: 'Matched reference', zh: '匹配的参考素材' },
  noMatches: { en: 'No registered reference matched.', zh: '没有匹配的登记素材。' },
  thisPost: { en: 'This post', zh: '本帖' },
  reference: { en: 'Registered reference', zh: '登记的参考素材' },
  aligned: { en: 'Aligned segment', zh: '对齐片段' },
  coverage: { en: 'coverage (post / reference)', zh: '覆盖率（本帖 / 参考）' },
  distance: { en: 'min. PDQ distance', zh: '最小PDQ距离' },
  scam: { en: 'Scam check', zh: '诈骗检查' },
  scamLabel: { en: 'label', zh: '判定' },
  symbols: { en: 'Signals', zh: '特征' },
  qr: { en: 'QR codes', zh: '二维码' },
  links: { en: 'Links', zh: '链接' },
  lookalike: { en: 'looks like', zh: '仿冒' },
  media: { en: 'Media', zh: '媒体' },
  postedAt: { en: 'posted', zh: '发布日期' },
  textOnly: { en: 'Text only (no media file).', zh: '仅文字（没有媒体文件）。' },
  footer: { en: 'Every accusing verdict rests on the evidence listed above; check it yourself.', zh: '任何指控性的结论都以上面列出的证据为依据，请自行核对。' },
} satisfies Record<string, Txt>;

export const MEDIA_KIND: Record<string, Txt> = { video: { en: 'video', zh: '视频' }, image: { en: 'image', zh: '图片' } };

export const SCAM_LABEL: Record<string, Txt> = {
  scam: { en: 'scam', zh: '诈骗' },
  suspicious: { en: 'suspicious', zh: '可疑' },
  ok: { en: 'no scam signals', zh: '未见诈骗特征' },
};
