import type { Source } from './knowledge.types.js';

/**
 * Visible marks burned into downloaded media: generator watermarks (evidence that a clip came out of an AI
 * generator — unless something contradicts it, since a mark can be pasted onto anything) and platform
 * watermarks (where a clip was downloaded from, with the uploader's handle: where to look for the original).
 *
 * Data only; matching lives in src/analyzers/ocr/mark.matcher.ts. Text variants are compared after
 * normalisation (NFKC, lower case, spaces and light punctuation removed, OCR confusables folded), so list
 * the forms a person would read, not OCR misreadings.
 */

/** Where a mark usually sits. `moving` marks jump between positions on a schedule. */
export type MarkPosition = 'top-left' | 'top-right' | 'bottom-left' | 'bottom-right' | 'left' | 'right' | 'top' | 'bottom' | 'center' | 'any';

export interface GeneratorMark {
  id: string;
  /** Generator slug the mark attributes the media to (CONTRACTS.md slugs). */
  generator: string;
  /** The mark's wording as read on screen; the first one is used in explanations. */
  variants: string[];
  /** Whether a handle (@user) is printed with the mark. */
  handle: 'required' | 'optional' | 'none';
  positions: MarkPosition[];
  motion: 'fixed' | 'moving';
  /** First date outputs carried this mark (YYYY-MM-DD or YYYY-MM). */
  since: string;
  note: string;
  note_zh: string;
  source: Source;
}

export interface PlatformMark {
  id: string;
  platform: string;
  platform_zh: string;
  /** Words of the platform's logo mark as read on screen. */
  variants: string[];
  /** Labels that introduce an account id on screen ("抖音号：123"); the id follows the label. */
  idLabels: string[];
  /** What a valid handle/id looks like (without a leading "@"). */
  handlePattern: RegExp;
  positions: MarkPosition[];
  motion: 'fixed' | 'moving';
  /** Where a person can look for the uploader's original, with {handle} replaced. */
  lookup: string;
  note: string;
  source: Source;
}

const OBSERVED: Source = {
  ref: 'downloads from the service as commonly reported; not documented by the vendor',
  date: '2025',
  strength: 'third-party',
};

export const GENERATOR_MARKS: GeneratorMark[] = [
  {
    id: 'sora-2-moving',
    generator: 'sora-2',
    variants: ['Sora'],
    handle: 'optional',
    positions: ['left', 'right', 'top-left', 'top-right', 'bottom-left', 'bottom-right'],
    motion: 'moving',
    since: '2025-09-30',
    note: 'Sora 2 app and sora.com downloads carry a moving "Sora" mark (cloud logo and the word Sora) with the creator\'s @handle; it jumps between positions every few seconds.',
    note_zh: 'Sora 2 应用和 sora.com 下载的视频带有移动的“Sora”水印（云朵图标加 Sora 字样）及创作者的 @账号，每隔几秒换一个位置。',
    source: { ref: 'press coverage of the Sora 2 launch; lesswrong.com "OpenAI does not appear to be applying watermarks honestly"', date: '2025-10', strength: 'press' },
  },
  {
    id: 'sora-1-corner',
    generator: 'sora',
    variants: ['Sora'],
    handle: 'none',
    positions: ['bottom-right'],
    motion: 'fixed',
    since: '2024-12-09',
    note: 'Sora (Sora Turbo, sora.com) outputs carry a small semi-transparent Sora mark in the lower-right corner.',
    note_zh: 'Sora（Sora Turbo，sora.com）生成的视频右下角带有半透明的 Sora 小水印。',
    source: { ref: 'openai.com/index/sora-is-here (visible watermark); position per third-party write-ups', date: '2024-12-09', strength: 'primary' },
  },
  {
    id: 'veo-3-corner',
    generator: 'veo-3',
    variants: ['Veo'],
    handle: 'none',
    positions: ['bottom-right'],
    motion: 'fixed',
    since: '2025-05-20',
    note: 'Veo 3 videos made in Google\'s consumer apps (Gemini, Flow) carry a visible "Veo" mark in the lower-right corner.',
    note_zh: '在谷歌消费级应用（Gemini、Flow）中用 Veo 3 生成的视频右下角带有可见的“Veo”水印。',
    source: { ref: 'androidguias.com; aiwiki.ai', date: '2025-05-20', strength: 'third-party' },
  },
  {
    id: 'kling-corner',
    generator: 'kling',
    variants: ['可灵AI', '可灵 AI', 'Kling AI', 'KlingAI', '可灵'],
    handle: 'none',
    positions: ['bottom-right', 'top-right'],
    motion: 'fixed',
    since: '2024-06-06',
    note: 'Kling (快手可灵) outputs carry a visible "可灵AI" mark (international site: "Kling AI").',
    note_zh: '快手可灵生成的视频带有可见的“可灵AI”水印（国际版为“Kling AI”）。',
    source: { ref: 'MIT Technology Review via iceloungemedia.com', date: '2024-06-06', strength: 'press' },
  },
  {
    id: 'hailuo-corner',
    generator: 'hailuo',
    variants: ['海螺AI', '海螺 AI', 'Hailuo AI', 'HailuoAI', '海螺视频'],
    handle: 'none',
    positions: ['top-right', 'bottom-right'],
    motion: 'fixed',
    since: '2024-09',
    note: 'MiniMax Hailuo video outputs carry a visible "海螺AI" mark (international site: "Hailuo AI").',
    note_zh: 'MiniMax 海螺视频生成的视频带有可见的“海螺AI”水印（国际版为“Hailuo AI”）。',
    source: { ref: 'cometapi.com citing MiniMax', date: '2024-09', strength: 'third-party' },
  },
  {
    id: 'jimeng-corner',
    generator: 'jimeng',
    variants: ['即梦AI', '即梦 AI', '即梦', 'Dreamina'],
    handle: 'none',
    positions: ['bottom-right'],
    motion: 'fixed',
    since: '2024-05',
    note: 'ByteDance\'s 即梦AI (Dreamina abroad) marks free outputs with a visible "即梦AI" watermark.',
    note_zh: '字节跳动即梦AI（海外版 Dreamina）免费生成的作品带有可见的“即梦AI”水印。',
    source: OBSERVED,
  },
  {
    id: 'pika-corner',
    generator: 'pika',
    variants: ['Pika', 'pika.art', 'Pika Labs'],
    handle: 'none',
    positions: ['bottom-right'],
    motion: 'fixed',
    since: '2023-11-28',
    note: 'Pika outputs on free plans carry a visible Pika mark in the lower-right corner.',
    note_zh: 'Pika 免费版生成的视频右下角带有可见的 Pika 水印。',
    source: { ref: 'everyeye.it; ruetir.com', date: '2023-12-20', strength: 'press' },
  },
  {
    id: 'runway-corner',
    generator: 'runway-gen3',
    variants: ['Runway', 'RunwayML', 'Made with Runway'],
    handle: 'none',
    positions: ['bottom-right'],
    motion: 'fixed',
    since: '2024-06-17',
    note: 'Runway free-plan exports carry a visible Runway mark; the mark does not say which Gen model made the clip.',
    note_zh: 'Runway 免费版导出的视频带有可见的 Runway 水印；水印不说明是哪一代模型生成。',
    source: OBSERVED,
  },
];

export const PLATFORM_MARKS: PlatformMark[] = [
  {
    id: 'douyin',
    platform: 'Douyin',
    platform_zh: '抖音',
    variants: ['抖音'],
    idLabels: ['抖音号', '抖音号:', '抖音ID'],
    handlePattern: /^[A-Za-z0-9_.-]{2,32}$/,
    positions: ['top-left', 'bottom-right'],
    motion: 'moving',
    lookup: 'search 抖音号 {handle} in the Douyin app (抖音搜索)',
    note: 'Douyin downloads carry the 抖音 logo with "抖音号：<id>", moving from one corner to the other during the clip.',
    source: OBSERVED,
  },
  {
    id: 'tiktok',
    platform: 'TikTok',
    platform_zh: 'TikTok',
    variants: ['TikTok', 'Tik Tok'],
    idLabels: [],
    handlePattern: /^[A-Za-z0-9_.]{2,24}$/,
    positions: ['top-left', 'bottom-right', 'left', 'right'],
    motion: 'moving',
    lookup: 'tiktok.com/@{handle}',
    note: 'TikTok downloads carry the TikTok logo with the uploader\'s @handle, moving during the clip.',
    source: OBSERVED,
  },
  {
    id: 'kuaishou',
    platform: 'Kuaishou',
    platform_zh: '快手',
    variants: ['快手'],
    idLabels: ['快手号', '快手ID'],
    handlePattern: /^[A-Za-z0-9_.-]{2,32}$/,
    positions: ['top-left', 'top-right', 'bottom-right'],
    motion: 'fixed',
    lookup: 'search 快手号 {handle} in the Kuaishou app',
    note: 'Kuaishou downloads carry the 快手 logo with "快手号：<id>".',
    source: OBSERVED,
  },
  {
    id: 'xiaohongshu',
    platform: 'Xiaohongshu (RED)',
    platform_zh: '小红书',
    variants: ['小红书', 'Xiaohongshu'],
    idLabels: ['小红书号', '小红书ID'],
    handlePattern: /^[A-Za-z0-9_.-]{2,32}$/,
    positions: ['bottom-right', 'top-left', 'right'],
    motion: 'fixed',
    lookup: 'search 小红书号 {handle} in the Xiaohongshu app',
    note: 'Xiaohongshu downloads carry the 小红书 logo with "小红书号：<id>".',
    source: OBSERVED,
  },
  {
    id: 'instagram',
    platform: 'Instagram',
    platform_zh: 'Instagram',
    variants: ['Instagram'],
    idLabels: [],
    handlePattern: /^[A-Za-z0-9_.]{1,30}$/,
    positions: ['bottom-left', 'bottom-right', 'any'],
    motion: 'fixed',
    lookup: 'instagram.com/{handle}',
    note: 'Reels saved or reshared from Instagram show the Instagram logo with the uploader\'s @handle.',
    source: OBSERVED,
  },
  {
    id: 'youtube',
    platform: 'YouTube',
    platform_zh: 'YouTube',
    variants: ['YouTube', 'YouTube Shorts'],
    idLabels: [],
    handlePattern: /^[A-Za-z0-9_.-]{3,30}$/,
    positions: ['bottom-left', 'bottom-right', 'any'],
    motion: 'fixed',
    lookup: 'youtube.com/@{handle}',
    note: 'Shorts exported through YouTube Create or reshared carry the YouTube logo with the channel @handle.',
    source: OBSERVED,
  },
];
