import type { Fact, Person, Source } from './knowledge.types.js';
import { FACTS_2026 } from './facts-2026.data.js';
import { SOURCES as S } from './sources.data.js';

/** Author lists of technical reports, per generator slug. */
export interface AuthorList {
  slug: string;
  title: string;
  date: string;
  source: Source;
  people: Person[];
}

export const AUTHOR_LISTS: AuthorList[] = [
  {
    slug: 'sora',
    title: 'Video generation models as world simulators',
    date: '2024-02-15',
    source: S.soraReport,
    people: [
      { en: 'Tim Brooks' },
      { en: 'Bill Peebles', alt: ['William Peebles'] },
      { en: 'Connor Holmes' },
      { en: 'Will DePue', alt: ['William DePue'] },
      { en: 'Yufei Guo' },
      { en: 'Li Jing', alt: ['Jing Li'] },
      { en: 'David Schnurr' },
      { en: 'Joe Taylor' },
      { en: 'Troy Luhman' },
      { en: 'Eric Luhman' },
      { en: 'Clarence Ng', alt: ['Wing Yin Ng'] },
      { en: 'Ricky Wang' },
      { en: 'Aditya Ramesh' },
    ],
  },
];

/** An official channel of a vendor: where its products really are. */
export interface OfficialChannel {
  vendor: string;
  domain: string;
  what: string;
  source: Source;
}

const vendorSite: Source = { ref: "the vendor's own site (genproof official domains, checked by the maintainers)", date: '2025-10', strength: 'primary' };
const channelsSource: Source = { ref: 'official OpenAI domains (FACTS.md, official channels)', date: '2025-10', strength: 'primary' };

export const OFFICIAL_CHANNELS: OfficialChannel[] = [
  { vendor: 'OpenAI', domain: 'openai.com', what: 'company site, announcements', source: channelsSource },
  { vendor: 'OpenAI', domain: 'sora.com', what: 'the Sora web app (from 2024-12-09)', source: S.soraIsHere },
  { vendor: 'OpenAI', domain: 'chatgpt.com', what: 'ChatGPT', source: channelsSource },
  { vendor: 'OpenAI', domain: 'help.openai.com', what: 'help centre', source: channelsSource },
  { vendor: 'OpenAI', domain: 'platform.openai.com', what: 'the API platform', source: channelsSource },
  // Other generators' main sites. Lookalike detection takes the first label as the brand, so only domains whose
  // first label is distinctive are listed (not x.ai, meta.ai or ai.google.dev, whose labels are common words).
  { vendor: 'Kuaishou', domain: 'klingai.com', what: 'Kling AI', source: vendorSite },
  { vendor: 'Runway', domain: 'runwayml.com', what: 'Runway', source: vendorSite },
  { vendor: 'Pika Labs', domain: 'pika.art', what: 'Pika', source: vendorSite },
  { vendor: 'Luma AI', domain: 'lumalabs.ai', what: 'Luma Dream Machine', source: vendorSite },
  { vendor: 'Midjourney', domain: 'midjourney.com', what: 'Midjourney', source: vendorSite },
  { vendor: 'MiniMax', domain: 'hailuoai.com', what: 'Hailuo AI', source: vendorSite },
  { vendor: 'ByteDance', domain: 'doubao.com', what: 'Doubao (Seedance in China)', source: vendorSite },
  { vendor: 'ByteDance', domain: 'volcengine.com', what: 'Volcano Engine (Seedance API)', source: vendorSite },
  { vendor: 'Google', domain: 'deepmind.google', what: 'Google DeepMind (Veo, Gemini Omni)', source: vendorSite },
  { vendor: 'Google', domain: 'gemini.google.com', what: 'the Gemini app', source: vendorSite },
];

/** Dated statements, denials and policies. */
export const FACTS: Fact[] = [
  {
    id: 'sora_report_authors',
    subject: 'sora',
    date: '2024-02-15',
    text: 'The Sora technical report "Video generation models as world simulators" lists 13 authors.',
    text_zh: 'Sora 技术报告《Video generation models as world simulators》署名作者共 13 人。',
    source: S.soraReport,
  },
  {
    id: 'sora_preview_only',
    subject: 'sora',
    date: '2024-02-15',
    text: 'At its announcement Sora was available only to red-teamers and some visual artists, with no plan for broad availability soon.',
    text_zh: 'Sora 发布时仅向红队测试人员和部分视觉艺术家开放，近期没有广泛开放的计划。',
    source: S.soraAxios,
  },
  {
    id: 'openai_devrel_statement_2024_02',
    subject: 'sora',
    date: '2024-02',
    text: "OpenAI's head of developer relations stated publicly that Sora was in internal testing, not open to the public, and had no product date.",
    text_zh: 'OpenAI 开发者关系负责人公开表示，Sora 仍处于内部测试阶段，未向公众开放，产品上线时间未定。',
    source: S.seedArticle,
  },
  {
    id: 'xie_saining_denial',
    subject: 'sora',
    date: '2024-02',
    text: 'Xie Saining denied being one of Sora\'s inventors ("no relationship at all"); he is not among the report\'s 13 authors.',
    text_zh: '谢赛宁否认自己是 Sora 发明者之一（"没有任何关系"）；他也不在技术报告的 13 位作者之中。',
    source: S.seedArticle,
    people: [{ en: 'Xie Saining', alt: ['Saining Xie'], zh: ['谢赛宁'] }],
  },
  {
    id: 'openai_sells_no_courses',
    subject: 'openai',
    date: '2024-02',
    text: 'OpenAI sells no courses or tutorials; official channels are openai.com, sora.com, chatgpt.com, help.openai.com and platform.openai.com.',
    text_zh: 'OpenAI 不售卖任何课程或教程；官方渠道为 openai.com、sora.com、chatgpt.com、help.openai.com 和 platform.openai.com。',
    source: S.seedArticle,
  },
  {
    id: 'sora_public_launch',
    subject: 'sora',
    date: '2024-12-09',
    text: 'Sora became publicly available on 2024-12-09 for ChatGPT Plus and Pro subscribers (up to 1080p and 20 s), with C2PA and a visible watermark.',
    text_zh: 'Sora 于 2024-12-09 向 ChatGPT Plus 和 Pro 用户正式开放（最高 1080p、20 秒），输出带 C2PA 和可见水印。',
    source: S.soraIsHere,
  },
  {
    id: 'sora2_launch',
    subject: 'sora-2',
    date: '2025-09-30',
    text: 'Sora 2 and the invite-only Sora iOS app (US, Canada) launched on 2025-09-30; clips about 10 s at launch with a moving "Sora" watermark.',
    text_zh: 'Sora 2 与邀请制 Sora iOS 应用（美国、加拿大）于 2025-09-30 上线；上线时片段约 10 秒，带移动的 "Sora" 水印。',
    source: S.sora2Launch,
  },
  {
    id: 'sora2_api',
    subject: 'sora-2',
    date: '2025-10-06',
    text: 'Sora 2 became available in the OpenAI API (sora-2, sora-2-pro) on 2025-10-06; before that no Sora API existed.',
    text_zh: 'Sora 2 于 2025-10-06 进入 OpenAI API（sora-2、sora-2-pro）；此前不存在任何 Sora API。',
    source: S.sora2ApiSdk,
  },
  ...FACTS_2026,
];

/** Vendors that sell no courses (an offer of an "official course" from them is false). */
export const NO_COURSE_VENDORS: { vendor: string; factId: string }[] = [{ vendor: 'OpenAI', factId: 'openai_sells_no_courses' }];
