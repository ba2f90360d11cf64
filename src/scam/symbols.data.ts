/**
 * The scam symbols: stable codes, default weights and the sentences shown to people. Weights are summed into the
 * score (like Rspamd): `suspicious` from SUSPICIOUS_AT, `scam` from SCAM_AT. A single selling symbol stays below
 * `scam`; it takes the AI-hype context (AI_HYPE_SELLING), a refuted access claim, a lookalike domain or the model
 * to get there.
 */
export interface SymbolDef {
  weight: number;
  en: (span: string) => string;
  zh: (span: string) => string;
}

export const SUSPICIOUS_AT = 3;
export const SCAM_AT = 6;

const q = (s: string) => `"${s}"`;
const qz = (s: string) => `“${s}”`;

export const SYMBOLS = {
  PAID_COURSE: {
    weight: 2.5,
    en: (s) => `The post sells a paid course or tutorial (${q(s)}).`,
    zh: (s) => `帖子推销付费课程或教程（${qz(s)}）。`,
  },
  PAY_TO_JOIN_GROUP: {
    weight: 3,
    en: (s) => `The post asks people to pay to join a group or paid community (${q(s)}).`,
    zh: (s) => `帖子要求付费进群或加入付费社群（${qz(s)}）。`,
  },
  QR_CODE: {
    weight: 1,
    en: (s) => `The post pushes people to a QR code (${q(s)}).`,
    zh: (s) => `帖子引导扫描二维码（${qz(s)}）。`,
  },
  FAKE_ACCESS_CLAIM: {
    weight: 4,
    en: (s) => `The post offers or claims access to a product that was not publicly available on its date (${q(s)}).`,
    zh: (s) => `帖子声称提供或已获得发帖时尚未公开的产品使用权限（${qz(s)}）。`,
  },
  IMPERSONATION: {
    weight: 2.5,
    en: (s) => `The post presents itself as an official or insider channel (${q(s)}); the official channels are openai.com, sora.com and chatgpt.com.`,
    zh: (s) => `帖子自称官方或内部渠道（${qz(s)}）；官方渠道是 openai.com、sora.com 和 chatgpt.com。`,
  },
  URGENCY: {
    weight: 1.5,
    en: (s) => `The post uses urgency or anxiety slogans (${q(s)}).`,
    zh: (s) => `帖子使用制造紧迫感或焦虑的话术（${qz(s)}）。`,
  },
  GUARANTEED_INCOME: {
    weight: 3,
    en: (s) => `The post promises income or easy money (${q(s)}).`,
    zh: (s) => `帖子承诺收入或轻松赚钱（${qz(s)}）。`,
  },
  AI_DIRECTOR_RECRUITMENT: {
    weight: 2.5,
    en: (s) => `The post recruits "first AI directors" or AI film co-creators (${q(s)}), a known hype lure.`,
    zh: (s) => `帖子招募“第一代AI导演”或AI电影共创者（${qz(s)}），这是常见的炒作诱饵。`,
  },
  SELLING_PUBLIC_MATERIAL: {
    weight: 3,
    en: (s) => `The post sells a collection of material or prompts (${q(s)}); such packs usually repackage public articles.`,
    zh: (s) => `帖子出售资料合集或提示词（${qz(s)}），这类资料通常是公开文章的拼凑。`,
  },
  CONTACT_OFF_PLATFORM: {
    weight: 1.5,
    en: (s) => `The post moves the conversation off the platform (${q(s)}).`,
    zh: (s) => `帖子引导到平台外私下联系（${qz(s)}）。`,
  },
  LOOKALIKE_DOMAIN: {
    weight: 4,
    en: (s) => `The link ${s} imitates an official domain.`,
    zh: (s) => `链接 ${s} 仿冒官方域名。`,
  },
  ML_SCAM_PROBABILITY: {
    weight: 0,
    en: (s) => `The text classifier rates the text as scam-like (probability ${s}).`,
    zh: (s) => `文本分类模型判断该文本像诈骗内容（概率 ${s}）。`,
  },
  ACCESS_RESALE: {
    weight: 2.5,
    en: (s) => `The post resells accounts, invitations or API access (${q(s)}).`,
    zh: (s) => `帖子倒卖账号、邀请码或接口权限（${qz(s)}）。`,
  },
  CREDENTIAL_PHISHING: {
    weight: 3,
    en: (s) => `The post asks for a login, card or wallet details (${q(s)}).`,
    zh: (s) => `帖子索要登录、银行卡或钱包信息（${qz(s)}）。`,
  },
  APP_DOWNLOAD: {
    weight: 1,
    en: (s) => `The post asks people to install an app from outside the official stores (${q(s)}).`,
    zh: (s) => `帖子引导下载安装非官方渠道的应用（${qz(s)}）。`,
  },
  AI_HYPE_SELLING: {
    weight: 3.5,
    en: (s) => `The selling happens on the back of an AI product's hype (${q(s)}); OpenAI sells no courses, groups or resold access.`,
    zh: (s) => `借AI产品热度进行售卖（${qz(s)}）；OpenAI 不出售课程、社群或转售的使用权限。`,
  },
  PREMIUM_SMS: {
    weight: 1.5,
    en: (s) => `The message uses premium-rate or bulk-SMS mechanics (${q(s)}).`,
    zh: (s) => `短信使用付费短号码或群发营销的手法（${qz(s)}）。`,
  },
  CRYPTO_SCAM: {
    weight: 2,
    en: (s) => `The post uses crypto-scam mechanics: claimable airdrops, fund "recovery", wallet harvesting or giveaways (${q(s)}).`,
    zh: (s) => `帖子使用加密货币诈骗手法：空投领取、“资金追回”、收集钱包地址或赠币（${qz(s)}）。`,
  },
  FRAUD_SCRIPT: {
    weight: 2,
    en: (s) => `The text follows a known fraud script: fake police or customer service, loan fees, transfers to a "safe account", task rebates or a fake acquaintance (${q(s)}).`,
    zh: (s) => `文本符合常见诈骗话术：冒充公检法或客服、贷款收费、转账到“安全账户”、刷单返利或冒充熟人（${qz(s)}）。`,
  },
  KNOWN_SCAM_POSTER: {
    weight: 6,
    en: (s) => `The image matches a poster registered as a scam promotion (${s}).`,
    zh: (s) => `图片与登记在案的诈骗推广海报相同（${s}）。`,
  },
  HYPE_COMMERCE: {
    weight: 2.5,
    en: (s) => `Something is being sold around an AI product (${q(s)}); the product itself is only sold through its official channels.`,
    zh: (s) => `围绕AI产品进行买卖（${qz(s)}）；该产品只通过官方渠道销售。`,
  },
  PHISHING_LINK: {
    weight: 2.5,
    en: (s) => `The link ${s} is dressed up as a service action (verify, login, refund, delivery…).`,
    zh: (s) => `链接 ${s} 伪装成服务操作（验证、登录、退款、派送…）。`,
  },
  PRIZE_CLAIM: {
    weight: 1.5,
    en: (s) => `The post announces a prize to claim (${q(s)}).`,
    zh: (s) => `帖子声称中奖或有奖品待领取（${qz(s)}）。`,
  },
  FALSE_AUTHORSHIP_CLAIM: {
    weight: 1,
    en: (s) => `The post makes an authorship claim that the author list refutes (${q(s)}).`,
    zh: (s) => `帖子中的作者身份说法与作者名单不符（${qz(s)}）。`,
  },
  ANTI_SCAM_WARNING: {
    weight: -2,
    en: (s) => `The post warns against a scam or debunks a rumour (${q(s)}).`,
    zh: (s) => `帖子在提醒防骗或辟谣（${qz(s)}）。`,
  },
  QR_GROUP_INVITE: {
    weight: 2.5,
    en: (s) => `A QR code in the image is a group invitation (${s}).`,
    zh: (s) => `图片中的二维码是群邀请（${s}）。`,
  },
  QR_PAYMENT: {
    weight: 3,
    en: (s) => `A QR code in the image is a payment code (${s}).`,
    zh: (s) => `图片中的二维码是收款码（${s}）。`,
  },
  // 2026 patterns (FACTS-2026.md §17), after Sora's shutdown.
  REVERSE_ENGINEERED_ACCESS: {
    weight: 2.5,
    en: (s) => `The post offers "reverse-engineered" (官逆) API routes or accounts (${q(s)}); they only ever ran on the vendor's service, and Sora's was switched off on 2026-09-24.`,
    zh: (s) => `帖子提供"官逆"（逆向）接口或账号（${qz(s)}）；这类接口只是转接厂商的服务，而 Sora 已于 2026-09-24 关闭。`,
  },
  FAKE_RELEASE: {
    weight: 2.5,
    en: (s) => `The post names a release that was never announced (${q(s)}); OpenAI announced no "Sora 3", and "Spud" is a language model.`,
    zh: (s) => `帖子提到一个从未发布的版本（${qz(s)}）；OpenAI 从未发布"Sora 3"，"Spud"是语言模型。`,
  },
  COMPATIBLE_API_BAIT: {
    weight: 1.5,
    en: (s) => `A "Sora-compatible" API (${q(s)}) keeps Sora's request format but runs other models; it is not Sora.`,
    zh: (s) => `"兼容 Sora"的接口（${qz(s)}）只是沿用 Sora 的请求格式，背后运行的是其他模型，并不是 Sora。`,
  },
  WATERMARK_REMOVAL: {
    weight: 2,
    en: (s) => `The post offers to remove AI watermarks or labels (${q(s)}); such tools are often malware fronts, and China's labelling rules forbid providing them.`,
    zh: (s) => `帖子提供去除AI水印或标识的服务（${qz(s)}）；这类工具常夹带恶意软件，且《人工智能生成合成内容标识办法》禁止提供此类工具。`,
  },
  DETECTION_CERTAINTY: {
    weight: 2,
    en: (s) => `The post sells "AI detection" that promises certainty (${q(s)}); no detector can prove a video human-made (Gemini and OpenAI Verify only see their own vendor's marks).`,
    zh: (s) => `帖子售卖号称百分百准确的"AI检测"（${qz(s)}）；没有任何检测工具能证明视频是真人拍摄（Gemini 与 OpenAI Verify 只能识别自家的标记）。`,
  },
} satisfies Record<string, SymbolDef>;

export type SymbolCode = keyof typeof SYMBOLS;

/** Codes that count as "selling" for the AI_HYPE_SELLING composite. */
export const SELLING_CODES: SymbolCode[] = [
  'PAID_COURSE', 'PAY_TO_JOIN_GROUP', 'SELLING_PUBLIC_MATERIAL', 'ACCESS_RESALE', 'GUARANTEED_INCOME',
  'CREDENTIAL_PHISHING', 'FAKE_ACCESS_CLAIM', 'AI_DIRECTOR_RECRUITMENT', 'QR_GROUP_INVITE', 'QR_PAYMENT',
  'LOOKALIKE_DOMAIN', 'APP_DOWNLOAD', 'IMPERSONATION', 'PHISHING_LINK', 'REVERSE_ENGINEERED_ACCESS', 'WATERMARK_REMOVAL',
  'DETECTION_CERTAINTY',
];
