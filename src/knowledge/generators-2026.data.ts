import type { AccessPeriod, Generator, OutputLimit, Source } from './knowledge.types.js';

/**
 * Video generators released from 2025-10 to 2026-12 (FACTS-2026.md §2–§14). Dates and limits keep their source's
 * tier: most come from third-party write-ups and can only make a claim `unlikely`. What FACTS-2026 lists as not
 * confirmed (Veo 4, Hailuo 3 "H3", Seedance 2.5, Wan 2.7's date, Grok Imagine marks…) is left out.
 */
const src = {
  veo31: { ref: 'ai.google.dev/gemini-api/docs/video (Veo 3.1: 4, 6 or 8 s per generation, 720p/1080p)', date: '2025-10-15', strength: 'primary' },
  veo4k: { ref: 'ai.google.dev/docs/changelog (4K output for Veo, portrait in all resolutions)', date: '2026-01-13', strength: 'primary' },
  omniIo: { ref: 'en.wedoany.com; thebridgechronicle.com (Google I/O 2026: Gemini Omni)', date: '2026-05-19', strength: 'press' },
  omniApi: { ref: 'ai.google.dev/gemini-api/docs/changelog (gemini-omni-flash-preview: 3–10 s, 720p)', date: '2026-06-30', strength: 'primary' },
  omni11: { ref: 'dev.to/emree_demir; docs.venice.ai (Gemini Omni 1.1 Flash GA: 4–10 s, up to 4K)', date: '2026-08-27', strength: 'third-party' },
  omni12: { ref: 'developer.civitai.com; runware.ai (Gemini Omni 1.2 Flash: 3–15 s, up to 4K; second half of 2026)', date: '2026-07', strength: 'third-party' },
  kling3: { ref: 'cronfeed.work; chatforest.com; kling31api.org (Kling 3.0: 3–15 s, multi-shot, native audio)', date: '2026-02-05', strength: 'third-party' },
  kling3Api: { ref: 'docs.krea.ai/api-reference/video/kling-30; docs.leonardo.ai/docs/kling-30 (standard 720p, pro 1080p)', date: '2026', strength: 'third-party' },
  klingO34k: { ref: 'docs.venice.ai/zh/models/kling-o3-4k', date: '2026-04-22', strength: 'third-party' },
  seedance2: { ref: 'objectwire.org; cuty.ai; airesearch.hk (Seedance 2.0 in Doubao, Jimeng, Volcano Engine: 4–15 s, up to 1080p)', date: '2026-02-12', strength: 'third-party' },
  seedance2Api: { ref: 'awesomeagents.ai/models/seedance-2-0 (Volcano Engine enterprise API public beta)', date: '2026-04-02', strength: 'third-party' },
  wan26: { ref: 'grokipedia.com/page/Wan_26; docs.empiriolabs.ai/models/wan-2-6 (API up to 15 s, 720p/1080p)', date: '2025-12-16', strength: 'third-party' },
  wan25: { ref: 'hivebook.wiki (Wan 2.5 preview via API, not open weights)', date: '2025-09', strength: 'third-party' },
  runway45: { ref: 'runware.ai/docs/models/runway-gen-4-5; invideo.io (Gen-4.5: 5, 8 or 10 s)', date: '2025-12-01', strength: 'third-party' },
  runwayC2pa: { ref: 'aitrace.org (Runway adds C2PA to every output)', date: '2026', strength: 'third-party' },
  grokApi: { ref: 'runware.ai/docs/models/xai-grok-imagine-video; techiblog.space (grok-imagine-video API)', date: '2026-01-28', strength: 'third-party' },
  grokDocs: { ref: 'docs.x.ai/developers/model-capabilities/video (up to 15 s, 480p or 720p)', date: '2026', strength: 'primary' },
  vibes: { ref: 'webpronews.com; apex36tech.com (Meta AI "Vibes" feed)', date: '2025-09-25', strength: 'press' },
} satisfies Record<string, Source>;

function pub(from: string, source: Source, note: string, note_zh: string): AccessPeriod {
  return { status: 'public', from, source, note, note_zh };
}
function limit(from: string, release: string, maxDurationS: number | null, res: [number, number] | null, note: string, source: Source): OutputLimit {
  return { from, release, basis: 'product', maxDurationS, maxLongSide: res?.[0] ?? null, maxShortSide: res?.[1] ?? null, note, source };
}

const GOOGLE_C2PA = {
  claimGenerator: 'Google C2PA Core Generator Library', softwareAgent: 'Created by Google Generative AI',
  note: 'C2PA fields seen in Google generative-AI files',
  source: { ref: 'C2PA fields of Google generative-AI files in genproof shared/data (claim generator, description)', date: '2025', strength: 'primary' } as Source,
};

export const GENERATORS_2026: Generator[] = [
  {
    slug: 'veo-3-1', family: 'veo', name: 'Veo 3.1', vendor: 'Google', vendor_zh: '谷歌', kind: 'video', openSource: false,
    aliases: { en: ['Veo 3.1', 'Veo3.1', 'Veo 3.1 Fast', 'veo-3.1'], zh: [] },
    announced: '2025-10-15', firstPublic: '2025-10-15',
    access: [pub('2025-10-15', src.veo31, 'Veo 3.1 and Veo 3.1 Fast in the Gemini API, Vertex AI, the Gemini app and Flow', 'Veo 3.1 与 Veo 3.1 Fast 在 Gemini API、Vertex AI、Gemini 应用和 Flow 上线')],
    products: [
      { product: 'app', from: '2025-10-15', note: 'Gemini app and Flow', note_zh: 'Gemini 应用和 Flow', source: src.veo31 },
      { product: 'api', from: '2025-10-15', note: 'Gemini API and Vertex AI', note_zh: 'Gemini API 和 Vertex AI', source: src.veo31 },
    ],
    limits: [
      limit('2025-10-15', 'Veo 3.1', null, [1920, 1080], '4, 6 or 8 s per generation at 720p/1080p; extensions chain longer clips (no total cap recorded)', src.veo31),
      limit('2026-01-13', 'Veo 3.1 (4K)', null, [3840, 2160], '4K output in the Gemini API', src.veo4k),
    ],
    marks: [{ text: 'Veo', note: 'visible "Veo" mark bottom-right on Gemini app/Flow outputs (not for Ultra subscribers in Flow); SynthID on all', source: src.veo31 }],
    c2pa: [GOOGLE_C2PA], sources: [src.veo31, src.veo4k],
  },
  {
    slug: 'gemini-omni', family: 'gemini-omni', name: 'Gemini Omni', vendor: 'Google', vendor_zh: '谷歌', kind: 'video', openSource: false,
    aliases: { en: ['Gemini Omni', 'Gemini Omni Flash', 'gemini-omni-flash', 'Gemini Omni 1.1', 'Gemini Omni 1.2'], zh: [] },
    announced: '2026-05-19', firstPublic: '2026-06-30',
    access: [
      { status: 'preview', from: '2026-05-19', note: 'announced at Google I/O 2026 (Google DeepMind world model, any-to-video)', note_zh: '在 Google I/O 2026 发布（Google DeepMind 世界模型，任意输入生成视频）', source: src.omniIo },
      pub('2026-06-30', src.omniApi, 'gemini-omni-flash-preview public preview in the Gemini API', 'Gemini API 公开预览 gemini-omni-flash-preview'),
    ],
    products: [{ product: 'api', from: '2026-06-30', note: 'Gemini API (public preview), Vertex AI', note_zh: 'Gemini API（公开预览）、Vertex AI', source: src.omniApi }],
    limits: [
      limit('2026-06-30', 'Gemini Omni Flash (preview)', 10, [1280, 720], '3–10 s at 720p, 16:9 or 9:16', src.omniApi),
      limit('2026-07', 'Gemini Omni 1.2 Flash', 15, [3840, 2160], '3–15 s, 360p to 4K (date known only as the second half of 2026; the earliest day counts)', src.omni12),
      limit('2026-08-27', 'Gemini Omni 1.1 Flash (GA)', 10, [3840, 2160], '4, 6, 8 or 10 s, 360p to 4K', src.omni11),
    ],
    marks: [], c2pa: [GOOGLE_C2PA], sources: [src.omniIo, src.omniApi, src.omni11, src.omni12],
  },
  {
    slug: 'kling-3', family: 'kling', name: 'Kling 3.0', vendor: 'Kuaishou', vendor_zh: '快手', kind: 'video', openSource: false,
    aliases: { en: ['Kling 3.0', 'Kling 3', 'Kling3.0', 'Kling Video 3.0', 'Kling O3', 'Kling 3.0 Omni'], zh: ['可灵3.0', '可灵 3.0'] },
    announced: '2026-01-31', firstPublic: '2026-02-05',
    access: [
      { status: 'preview', from: '2026-01-31', note: 'early access', note_zh: '抢先体验', source: src.kling3 },
      pub('2026-02-05', src.kling3, 'Kling 3.0 family released (Video 3.0, Video 3.0 Omni)', 'Kling 3.0 系列发布（Video 3.0、Video 3.0 Omni）'),
    ],
    products: [
      { product: 'app', from: '2026-02-05', note: 'Kling app and web', note_zh: '可灵应用与网页版', source: src.kling3 },
      { product: 'api', from: '2026-02-05', note: 'Kling API (standard 720p, pro 1080p)', note_zh: '可灵 API（标准 720p，专业 1080p）', source: src.kling3Api },
    ],
    limits: [
      limit('2026-02-05', 'Kling 3.0', 15, [1920, 1080], '3–15 s, up to 1080p (claims of native 4K for the video model are disputed)', src.kling3Api),
      limit('2026-04-22', 'Kling O3 4K', 15, [3840, 2160], '4K endpoint, 3–15 s', src.klingO34k),
    ],
    marks: [], c2pa: [], sources: [src.kling3, src.kling3Api, src.klingO34k],
  },
  {
    slug: 'seedance-2', family: 'seedance', name: 'Seedance 2.0', vendor: 'ByteDance', vendor_zh: '字节跳动', kind: 'video', openSource: false,
    aliases: { en: ['Seedance 2.0', 'Seedance 2', 'Seedance2.0', 'doubao-seedance-2-0'], zh: ['即梦Seedance 2.0'] },
    announced: '2026-02-07', firstPublic: '2026-02-12',
    access: [pub('2026-02-12', src.seedance2, 'launched in China in Doubao, Jimeng and Volcano Engine Ark (some outlets date it 2026-02-07 or 02-10)', '在豆包、即梦和火山方舟上线（部分媒体记为 2026-02-07 或 02-10）')],
    products: [
      { product: 'app', from: '2026-02-12', note: 'Doubao and Jimeng apps (China)', note_zh: '豆包、即梦应用（中国）', source: src.seedance2 },
      { product: 'api', from: '2026-04-02', note: 'Volcano Engine enterprise API public beta (global via fal.ai from 2026-04-09)', note_zh: '火山引擎企业 API 公测（2026-04-09 起经 fal.ai 全球可用）', source: src.seedance2Api },
    ],
    limits: [limit('2026-02-12', 'Seedance 2.0', 15, [1920, 1080], '4–15 s, up to 1080p ("2K")', src.seedance2)],
    marks: [], c2pa: [], sources: [src.seedance2, src.seedance2Api],
  },
  {
    slug: 'wan-api', family: 'wan', name: 'Wan 2.5–2.7 (API only)', vendor: 'Alibaba', vendor_zh: '阿里巴巴', kind: 'video', openSource: false,
    aliases: { en: ['Wan 2.5', 'Wan2.5', 'Wan 2.6', 'Wan2.6', 'Wan 2.7', 'Wan2.7'], zh: ['万相2.6', '万相2.7', '通义万相2.6', '通义万相2.7'] },
    announced: '2025-09', firstPublic: '2025-09',
    access: [
      pub('2025-09', src.wan25, 'Wan 2.5 preview through the API and commercial channels (no open weights)', 'Wan 2.5 预览版通过 API 与商业渠道提供（未开源）'),
      pub('2025-12-16', src.wan26, 'Wan 2.6 (API only; Wan 2.7 followed in 2026, also API only; the last open weights are Wan 2.2)', 'Wan 2.6（仅 API；2026 年的 Wan 2.7 同样仅 API；最后开源的是 Wan 2.2）'),
    ],
    products: [{ product: 'api', from: '2025-09', note: 'Alibaba Cloud API (Wan 2.5 onward)', note_zh: '阿里云 API（Wan 2.5 起）', source: src.wan25 }],
    limits: [limit('2025-12-16', 'Wan 2.6', 15, [1920, 1080], 'API up to 15 s, 720p/1080p', src.wan26)],
    marks: [], c2pa: [], sources: [src.wan25, src.wan26],
  },
  {
    slug: 'runway-gen4-5', family: 'runway', name: 'Runway Gen-4.5', vendor: 'Runway', vendor_zh: 'Runway', kind: 'video', openSource: false,
    aliases: { en: ['Runway Gen-4.5', 'Gen-4.5', 'Runway Gen4.5'], zh: [] },
    announced: '2025-12-01', firstPublic: '2025-12-01',
    access: [pub('2025-12-01', src.runway45, 'Gen-4.5 released (text and image to video)', 'Gen-4.5 发布（文生视频、图生视频）')],
    products: [{ product: 'app', from: '2025-12-01', note: 'Runway web app', note_zh: 'Runway 网页版', source: src.runway45 }],
    limits: [limit('2025-12-01', 'Gen-4.5', 10, null, '5, 8 or 10 s clips (API at 720p)', src.runway45)],
    marks: [], c2pa: [{ note: 'outputs carry C2PA; free-plan outputs are watermarked', source: src.runwayC2pa }], sources: [src.runway45, src.runwayC2pa],
  },
  {
    slug: 'grok-imagine', family: 'grok-imagine', name: 'Grok Imagine', vendor: 'xAI', vendor_zh: 'xAI', kind: 'video', openSource: false,
    aliases: { en: ['Grok Imagine', 'grok-imagine-video', 'Grok Imagine 1.5', 'xAI Grok Imagine'], zh: [] },
    announced: '2026-01-28', existedBefore: true, firstPublic: '2026-01-28',
    access: [pub('2026-01-28', src.grokApi, 'Grok Imagine video API (text-to-video, image-to-video, editing, native audio); the consumer feature may be older', 'Grok Imagine 视频 API（文生视频、图生视频、编辑、原生音频）；消费端功能可能更早')],
    products: [{ product: 'api', from: '2026-01-28', note: 'xAI API (grok-imagine-video)', note_zh: 'xAI API（grok-imagine-video）', source: src.grokApi }],
    limits: [limit('2026-01-28', 'Grok Imagine', 15, [1280, 720], 'generation up to 15 s at 480p or 720p', src.grokDocs)],
    marks: [], c2pa: [], sources: [src.grokApi, src.grokDocs],
  },
  {
    slug: 'meta-vibes', family: 'meta-vibes', name: 'Meta AI Vibes', vendor: 'Meta', vendor_zh: 'Meta', kind: 'video', openSource: false,
    aliases: { en: ['Meta Vibes', 'Meta AI Vibes', 'Vibes feed'], zh: [] },
    announced: '2025-09-25', firstPublic: '2025-09-25',
    access: [pub('2025-09-25', src.vibes, 'Vibes feed of AI-generated short videos in the Meta AI app and meta.ai (partner models from Midjourney and Black Forest Labs)', 'Meta AI 应用和 meta.ai 中的 Vibes AI 短视频信息流（合作模型来自 Midjourney 和 Black Forest Labs）')],
    products: [{ product: 'app', from: '2025-09-25', note: 'Meta AI app and meta.ai', note_zh: 'Meta AI 应用和 meta.ai', source: src.vibes }],
    limits: [], marks: [], c2pa: [], sources: [src.vibes],
  },
];
