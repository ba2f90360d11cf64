import type { Generator, Source } from './knowledge.types.js';
import { SOURCES as S } from './sources.data.js';

/**
 * Generators beyond FACTS.md's table: image generators whose C2PA files are in shared/data, and widely known
 * video models. Dates here come from the vendors' own announcements where marked 'primary'.
 */
const src = {
  svd: { ref: 'stability.ai/news/stable-video-diffusion-open-ai-video-model', date: '2023-11-21', strength: 'primary' },
  wanx: { ref: 'press coverage of Alibaba Cloud Apsara Conference (Tongyi Wanxiang video generation)', date: '2024-09-19', strength: 'press' },
  wan21: { ref: 'github.com/Wan-Video/Wan2.1 README', date: '2025-02-25', strength: 'primary' },
  jimeng: { ref: 'press coverage of ByteDance Jimeng AI (Dreamina)', date: '2024-05', strength: 'third-party' },
  vidu: { ref: 'press coverage of Shengshu Technology / Tsinghua Vidu', date: '2024-04-27', strength: 'press' },
  viduPublic: { ref: 'press coverage of the Vidu global launch', date: '2024-07-30', strength: 'press' },
  hunyuan: { ref: 'github.com/Tencent/HunyuanVideo README', date: '2024-12-03', strength: 'primary' },
  mochi: { ref: 'genmo.ai blog (Mochi 1 preview, open weights)', date: '2024-10-22', strength: 'primary' },
  seedance: { ref: 'press coverage of ByteDance Seedance 1.0', date: '2025-06', strength: 'third-party' },
  wan22: { ref: 'web-origin.lbkrs.com/news/251266264 (Wan2.2 open weights, Apache-2.0)', date: '2025-07-28', strength: 'press' },
  viduQ2: { ref: 'ai2people.com; help.scenario.com (Vidu Q2: 1–10 s up to 1080p)', date: '2025-09-25', strength: 'third-party' },
  viduQ3: { ref: 'help.scenario.com; cometapi.com (Vidu Q3: 1–16 s, native 1080p; early 2026)', date: '2026-01', strength: 'third-party' },
  hunyuan15: { ref: 'github.com/Tencent-Hunyuan/HunyuanVideo-1.5 (5–10 s, 480p–720p, super-resolution to 1080p)', date: '2025-11-20', strength: 'primary' },
  openaiSynthId: { ref: 'theaitea.news; letsdatascience.com (summarising openai.com: SynthID in images from ChatGPT, Codex and the API)', date: '2026-05-19', strength: 'press' },
  gpt4o: { ref: 'openai.com/index/introducing-4o-image-generation', date: '2025-03-25', strength: 'primary' },
  dalle3: { ref: 'openai.com/index/dall-e-3', date: '2023-09-20', strength: 'primary' },
  firefly: { ref: 'news.adobe.com (Adobe Firefly beta announcement)', date: '2023-03-21', strength: 'primary' },
  imagen: { ref: 'imagen.research.google', date: '2022-05-23', strength: 'primary' },
  imageFx: { ref: 'press coverage of Google ImageFX (Imagen 2)', date: '2024-02-01', strength: 'press' },
  geminiImage: { ref: 'developers.googleblog.com (Gemini 2.5 Flash Image)', date: '2025-08-26', strength: 'primary' },
  geminiFlashExp: { ref: 'developers.googleblog.com (Gemini 2.0 Flash native image output)', date: '2025-03-12', strength: 'primary' },
  midjourney: { ref: 'press coverage of the Midjourney open beta', date: '2022-07-12', strength: 'press' },
  midjourneyBeta: { ref: 'press coverage of the Midjourney closed beta (v1)', date: '2022-02', strength: 'third-party' },
  dalle2: { ref: 'openai.com/index/dall-e-2', date: '2022-04-06', strength: 'primary' },
  dalle2Beta: { ref: 'openai.com/index/dall-e-now-available-in-beta', date: '2022-07-20', strength: 'primary' },
  sd: { ref: 'stability.ai/news/stable-diffusion-public-release', date: '2022-08-22', strength: 'primary' },
  fireflyC2pa: { ref: 'C2PA manifest of a Firefly partner-model file (contentauth/c2pa-js test asset)', date: '2025', strength: 'primary' },
} satisfies Record<string, Source>;

function simple(g: Omit<Generator, 'products' | 'marks' | 'c2pa' | 'sources' | 'access'> & Partial<Generator> & { src: Source }): Generator {
  const { src: s, ...rest } = g;
  return {
    products: [],
    marks: [],
    c2pa: [],
    sources: [s],
    access: [{ status: 'public', from: g.firstPublic ?? g.announced, note: `${g.name} released`, note_zh: `${g.name} 发布`, source: s }],
    ...rest,
  };
}

export const MORE_GENERATORS: Generator[] = [
  simple({
    slug: 'stable-video-diffusion', family: 'stable-video-diffusion', name: 'Stable Video Diffusion', vendor: 'Stability AI', vendor_zh: 'Stability AI',
    kind: 'video', openSource: true, aliases: { en: ['Stable Video Diffusion', 'SVD-XT', 'SVD XT', 'Stable Video'], zh: [] },
    announced: '2023-11-21', firstPublic: '2023-11-21', src: src.svd,
    limits: [{ from: '2023-11-21', release: 'SVD / SVD-XT', basis: 'reference', maxDurationS: null, maxLongSide: 1024, maxShortSide: 576, note: '14 or 25 frames at 576×1024 by default', source: src.svd }],
  }),
  simple({
    slug: 'wan', family: 'wan', name: 'Wan (Tongyi Wanxiang)', vendor: 'Alibaba', vendor_zh: '阿里巴巴', kind: 'video', openSource: true,
    aliases: { en: ['Wan2.1', 'Wan 2.1', 'Wan2.2', 'Wan 2.2', 'Wanx', 'Wan AI'], zh: [], family: ['通义万相', '万相', 'Tongyi Wanxiang'] },
    announced: '2024-09-19', firstPublic: '2024-09-19', src: src.wanx,
    limits: [{ from: '2025-07-28', release: 'Wan 2.2 (open weights)', basis: 'reference', maxDurationS: 5, maxLongSide: 1280, maxShortSide: 720, note: '5 s at 720p/24 fps by default (TI2V-5B)', source: src.wan22 }],
    access: [
      { status: 'public', from: '2024-09-19', note: 'Tongyi Wanxiang video generation launched', note_zh: '通义万相视频生成上线', source: src.wanx },
      { status: 'public', from: '2025-02-25', note: 'Wan 2.1 open-sourced', note_zh: 'Wan 2.1 开源', source: src.wan21 },
      { status: 'public', from: '2025-07-28', note: 'Wan 2.2 open weights (the last open-weight Wan as of 2026; 2.5–2.7 are API only)', note_zh: 'Wan 2.2 开源权重（截至 2026 年最后一个开源版本；2.5–2.7 仅 API）', source: src.wan22 },
    ],
    sources: [src.wanx, src.wan21, src.wan22],
  }),
  simple({
    slug: 'jimeng', family: 'jimeng', name: 'Jimeng AI (Dreamina)', vendor: 'ByteDance', vendor_zh: '字节跳动', kind: 'video', openSource: false,
    aliases: { en: ['Jimeng', 'Jimeng AI', 'Dreamina'], zh: ['即梦', '即梦AI'] },
    announced: '2024-05', firstPublic: '2024-05', src: src.jimeng, limits: [],
    marks: [{ text: '即梦AI', note: 'visible "即梦AI" mark', source: src.jimeng }],
  }),
  simple({
    slug: 'vidu', family: 'vidu', name: 'Vidu', vendor: 'Shengshu Technology', vendor_zh: '生数科技', kind: 'video', openSource: false,
    aliases: { en: ['Vidu', 'Vidu Q1', 'Vidu Q2', 'Vidu Q3'], zh: ['生数Vidu'] },
    announced: '2024-04-27', firstPublic: '2024-07-30', src: src.vidu,
    limits: [
      { from: '2025-09-25', release: 'Vidu Q2', basis: 'product', maxDurationS: 10, maxLongSide: 1920, maxShortSide: 1080, note: '1–10 s up to 1080p', source: src.viduQ2 },
      { from: '2026-01', release: 'Vidu Q3', basis: 'product', maxDurationS: 16, maxLongSide: 1920, maxShortSide: 1080, note: '1–16 s, native 1080p, joint audio', source: src.viduQ3 },
    ],
    access: [
      { status: 'preview', from: '2024-04-27', note: 'announced with demo clips', note_zh: '发布演示片段', source: src.vidu },
      { status: 'public', from: '2024-07-30', note: 'opened to the public', note_zh: '全面开放', source: src.viduPublic },
    ],
    sources: [src.vidu, src.viduPublic, src.viduQ2, src.viduQ3],
  }),
  simple({
    slug: 'hunyuan-video', family: 'hunyuan-video', name: 'HunyuanVideo', vendor: 'Tencent', vendor_zh: '腾讯', kind: 'video', openSource: true,
    aliases: { en: ['HunyuanVideo', 'Hunyuan Video', 'Tencent Hunyuan', 'HunyuanVideo 1.5', 'HunyuanVideo-1.5'], zh: ['混元视频', '腾讯混元', '混元视频1.5'] },
    announced: '2024-12-03', firstPublic: '2024-12-03', src: src.hunyuan,
    access: [
      { status: 'public', from: '2024-12-03', note: 'HunyuanVideo open-sourced', note_zh: 'HunyuanVideo 开源', source: src.hunyuan },
      { status: 'public', from: '2025-11-20', note: 'HunyuanVideo 1.5 open-sourced (8.3B, runs on about 14 GB VRAM)', note_zh: 'HunyuanVideo 1.5 开源（83 亿参数，约 14 GB 显存可运行）', source: src.hunyuan15 },
    ],
    limits: [{ from: '2025-11-20', release: 'HunyuanVideo 1.5', basis: 'reference', maxDurationS: 10, maxLongSide: 1920, maxShortSide: 1080, note: '5–10 s at 480p–720p, super-resolution to 1080p', source: src.hunyuan15 }],
    sources: [src.hunyuan, src.hunyuan15],
  }),
  simple({
    slug: 'mochi', family: 'mochi', name: 'Mochi 1', vendor: 'Genmo', vendor_zh: 'Genmo', kind: 'video', openSource: true,
    aliases: { en: ['Mochi 1', 'Mochi-1', 'Genmo Mochi'], zh: [] },
    announced: '2024-10-22', firstPublic: '2024-10-22', src: src.mochi, limits: [],
  }),
  simple({
    slug: 'seedance', family: 'seedance', name: 'Seedance', vendor: 'ByteDance', vendor_zh: '字节跳动', kind: 'video', openSource: false,
    aliases: { en: ['Seedance', 'Seedance 1.0', 'Seedance Pro', 'Seedance 1.5', 'Seedance 1.5 Pro'], zh: [] },
    announced: '2025-06', firstPublic: '2025-06', src: src.seedance, limits: [],
  }),
  simple({
    slug: 'gpt-4o-image', family: 'openai-image', name: 'GPT-4o image generation', vendor: 'OpenAI', vendor_zh: 'OpenAI', kind: 'image', openSource: false,
    aliases: { en: ['GPT-4o image', 'GPT-4o image generation', '4o image generation', 'gpt-image-1', 'ChatGPT image', 'ChatGPT Images'], zh: ['GPT-4o 生图', 'ChatGPT 生图'] },
    announced: '2025-03-25', firstPublic: '2025-03-25', src: src.gpt4o, limits: [],
    marks: [{ text: 'SynthID', note: 'from 2026-05-19 OpenAI adds Google SynthID watermarks to images from ChatGPT, Codex and the API (OpenAI Verify checks only OpenAI signals)', source: src.openaiSynthId }],
    c2pa: [{ claimGenerator: 'ChatGPT', softwareAgent: 'GPT-4o', organization: 'OpenAI', organizationalUnit: 'ChatGPT', commonName: 'Truepic Lens CLI in ChatGPT', note: 'two manifests; the ingredient carries c2pa.created by GPT-4o with trainedAlgorithmicMedia; chain to Truepic roots', source: S.chatgptC2pa }],
  }),
  simple({
    slug: 'dall-e-2', family: 'openai-image', name: 'DALL·E 2', vendor: 'OpenAI', vendor_zh: 'OpenAI', kind: 'image', openSource: false,
    aliases: { en: ['DALL-E 2', 'DALL·E 2', 'DALLE 2', 'DALLE2', 'DALL-E2'], zh: [], family: ['DALL-E', 'DALL·E', 'DALLE'] },
    announced: '2022-04-06', firstPublic: '2022-07-20', src: src.dalle2, limits: [],
    access: [
      { status: 'preview', from: '2022-04-06', note: 'announced with a waitlist', note_zh: '发布，需排队申请', source: src.dalle2 },
      { status: 'public', from: '2022-07-20', note: 'beta opened to waitlisted users (waitlist removed 2022-09-28)', note_zh: '向排队用户开放测试（2022-09-28 取消排队）', source: src.dalle2Beta },
    ],
    sources: [src.dalle2, src.dalle2Beta],
  }),
  simple({
    slug: 'dall-e-3', family: 'openai-image', name: 'DALL·E 3', vendor: 'OpenAI', vendor_zh: 'OpenAI', kind: 'image', openSource: false,
    aliases: { en: ['DALL-E 3', 'DALL·E 3', 'DALLE 3', 'DALLE3', 'DALL-E3'], zh: [] },
    announced: '2023-09-20', firstPublic: '2023-10', src: src.dalle3, limits: [],
    access: [
      { status: 'preview', from: '2023-09-20', note: 'announced', note_zh: '发布', source: src.dalle3 },
      { status: 'public', from: '2023-10', note: 'available in ChatGPT Plus and Enterprise', note_zh: '在 ChatGPT Plus 和企业版上线', source: src.dalle3 },
    ],
    c2pa: [{ claimGenerator: 'ChatGPT', softwareAgent: 'DALL·E', organization: 'OpenAI', organizationalUnit: 'ChatGPT', commonName: 'Truepic Lens CLI in ChatGPT', note: 'older ChatGPT images name DALL·E as softwareAgent', source: S.chatgptC2pa }],
  }),
  simple({
    slug: 'firefly', family: 'firefly', name: 'Adobe Firefly', vendor: 'Adobe', vendor_zh: 'Adobe', kind: 'image', openSource: false,
    aliases: { en: ['Firefly', 'Adobe Firefly', 'Adobe_Firefly'], zh: [] },
    announced: '2023-03-21', firstPublic: '2023-03-21', src: src.firefly, limits: [],
    c2pa: [{ claimGenerator: 'Adobe_Firefly', organization: 'Adobe', note: 'the signed claim generator wins even when a partner model (e.g. Gemini) made the pixels', source: src.fireflyC2pa }],
  }),
  simple({
    slug: 'imagen', family: 'imagen', name: 'Google Imagen', vendor: 'Google', vendor_zh: '谷歌', kind: 'image', openSource: false,
    aliases: { en: ['Google Imagen', 'Imagen 2', 'Imagen 3', 'Imagen 4', 'ImageFX'], zh: [] },
    announced: '2022-05-23', firstPublic: '2024-02-01', src: src.imagen, limits: [],
    access: [
      { status: 'preview', from: '2022-05-23', note: 'research announcement', note_zh: '研究发布', source: src.imagen },
      { status: 'public', from: '2024-02-01', note: 'public in ImageFX (Imagen 2)', note_zh: '在 ImageFX 中公开（Imagen 2）', source: src.imageFx },
    ],
    sources: [src.imagen, src.imageFx],
  }),
  simple({
    slug: 'gemini-image', family: 'gemini-image', name: 'Gemini image generation', vendor: 'Google', vendor_zh: '谷歌', kind: 'image', openSource: false,
    aliases: { en: ['Gemini image', 'Gemini 2.5 Flash Image', 'Nano Banana', 'nano-banana', 'Gemini Flash Image'], zh: ['纳米香蕉'] },
    announced: '2025-03-12', firstPublic: '2025-03-12', src: src.geminiFlashExp, limits: [],
    c2pa: [{ claimGenerator: 'Google C2PA Core Generator Library', softwareAgent: 'Created by Google Generative AI', note: 'C2PA fields seen in Google generative-AI images', source: S.googleC2pa }],
    sources: [src.geminiFlashExp, src.geminiImage, S.googleC2pa],
  }),
  simple({
    slug: 'midjourney', family: 'midjourney', name: 'Midjourney', vendor: 'Midjourney', vendor_zh: 'Midjourney', kind: 'image', openSource: false,
    aliases: { en: ['Midjourney', 'MJ v6', 'Midjourney v6', 'Midjourney v7'], zh: [] },
    announced: '2022-02', firstPublic: '2022-07-12', src: src.midjourney, limits: [],
    access: [
      { status: 'preview', from: '2022-02', note: 'closed beta (v1)', note_zh: '封闭测试（v1）', source: src.midjourneyBeta },
      { status: 'public', from: '2022-07-12', note: 'open beta', note_zh: '公开测试', source: src.midjourney },
    ],
    sources: [src.midjourneyBeta, src.midjourney],
  }),
  simple({
    slug: 'stable-diffusion', family: 'stable-diffusion', name: 'Stable Diffusion', vendor: 'Stability AI', vendor_zh: 'Stability AI', kind: 'image', openSource: true,
    aliases: { en: ['Stable Diffusion', 'SDXL', 'SD 1.5', 'SD3'], zh: [] },
    announced: '2022-08-22', firstPublic: '2022-08-22', src: src.sd, limits: [],
  }),
];
