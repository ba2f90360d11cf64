import type { AccessPeriod, Generator, OutputLimit, Source } from './knowledge.types.js';
import { SOURCES as S } from './sources.data.js';

/** Shorthands that keep the table below readable. */
function pub(from: string, source: Source, note: string, note_zh: string): AccessPeriod {
  return { status: 'public', from, source, note, note_zh };
}
function preview(from: string, source: Source, note: string, note_zh: string): AccessPeriod {
  return { status: 'preview', from, source, note, note_zh };
}
function limit(
  from: string,
  release: string,
  basis: OutputLimit['basis'],
  maxDurationS: number | null,
  res: [number, number] | null,
  note: string,
  source: Source,
): OutputLimit {
  return { from, release, basis, maxDurationS, maxLongSide: res?.[0] ?? null, maxShortSide: res?.[1] ?? null, note, source };
}

/** Other video generators (FACTS.md table "Other generators", plus a few widely reported Chinese ones). */
export const OTHER_VIDEO: Generator[] = [
  {
    slug: 'veo', family: 'veo', name: 'Veo', vendor: 'Google', vendor_zh: '谷歌', kind: 'video', openSource: false,
    aliases: { en: ['Veo 1'], zh: [], family: ['Veo', 'Google Veo', '谷歌Veo'] },
    announced: '2024-05-14', firstPublic: null,
    access: [preview('2024-05-14', S.veoIO, 'announced at Google I/O with a waitlist', 'Google I/O 发布，需排队申请')],
    products: [],
    limits: [limit('2024-05-14', 'Veo (demos)', 'research', null, [1920, 1080], '1080p, "over a minute" in demos', S.veoIO)],
    marks: [{ text: 'SynthID', note: 'invisible SynthID watermark (no public detector)', source: S.veoIO }],
    c2pa: [], sources: [S.veoIO],
  },
  {
    slug: 'veo-2', family: 'veo', name: 'Veo 2', vendor: 'Google', vendor_zh: '谷歌', kind: 'video', openSource: false,
    aliases: { en: ['Veo 2', 'Veo2'], zh: [] },
    announced: '2024-12', firstPublic: '2024-12',
    access: [pub('2024-12', S.veo2, 'released in Google products', '在谷歌产品中上线')],
    products: [{ product: 'app', from: '2024-12', note: 'Google apps (VideoFX, later Gemini)', note_zh: '谷歌应用（VideoFX，后为 Gemini）', source: S.veo2 }],
    limits: [limit('2024-12', 'Veo 2 in products', 'product', 8, [3840, 2160], 'products about 8 s; the model up to 4K', S.veo2)],
    marks: [{ text: 'SynthID', note: 'invisible SynthID watermark', source: S.veo2 }],
    c2pa: [], sources: [S.veo2],
  },
  {
    slug: 'veo-3', family: 'veo', name: 'Veo 3', vendor: 'Google', vendor_zh: '谷歌', kind: 'video', openSource: false,
    aliases: { en: ['Veo 3', 'Veo3', 'Google Flow'], zh: [] },
    announced: '2025-05-20', firstPublic: '2025-05-20',
    access: [pub('2025-05-20', S.veo3, 'Veo 3 with native audio (Veo 3.1 from 2025-10)', 'Veo 3 发布，原生音频（2025-10 推出 Veo 3.1）')],
    products: [{ product: 'app', from: '2025-05-20', note: 'Gemini app and Flow', note_zh: 'Gemini 应用和 Flow', source: S.veo3 }],
    limits: [limit('2025-05-20', 'Veo 3', 'product', 8, null, '8 s clips with native audio', S.veo3)],
    marks: [
      { text: 'Veo', note: 'visible "Veo" mark in consumer apps; SynthID', source: S.veo3 },
    ],
    c2pa: [{
      claimGenerator: 'Google C2PA Core Generator Library', softwareAgent: 'Created by Google Generative AI',
      note: 'C2PA fields seen in Google generative-AI files', source: S.googleC2pa,
    }],
    sources: [S.veo3, S.googleC2pa],
  },
  {
    slug: 'kling', family: 'kling', name: 'Kling', vendor: 'Kuaishou', vendor_zh: '快手', kind: 'video', openSource: false,
    aliases: { en: ['Kling 2.0', 'Kling 1.5', 'Kling 1.6', 'Kling 2.1', 'Kling 2.5', 'Kling 2.5 Turbo', 'Kling 2.6', 'Kling O1'], zh: ['可灵2.0'], family: ['Kling', 'Kling AI', 'KlingAI', '可灵', '可灵AI', '快手可灵'] },
    announced: '2024-06-06', firstPublic: '2024-06-06',
    access: [pub('2024-06-06', S.kling, 'launched by Kuaishou', '快手发布可灵')],
    products: [{ product: 'app', from: '2024-06-06', note: 'Kuaishou apps and the Kling web app', note_zh: '快手应用与可灵网页版', source: S.kling }],
    limits: [
      limit('2024-06-06', 'Kling 1.0', 'product', 120, [1920, 1080], 'up to 2 min with extensions, 1080p, 30 fps', S.kling),
      limit('2025-04-15', 'Kling 2.0', 'product', null, null, 'limits of Kling 2.0 not recorded here', S.kling2),
    ],
    marks: [{ text: '可灵AI', note: 'visible "可灵AI" mark', source: S.kling }],
    c2pa: [], sources: [S.kling, S.kling2],
  },
  {
    slug: 'runway-gen2', family: 'runway', name: 'Runway Gen-1/Gen-2', vendor: 'Runway', vendor_zh: 'Runway', kind: 'video', openSource: false,
    aliases: { en: ['Runway Gen-2', 'Runway Gen2', 'Runway Gen-1', 'Runway Gen1'], zh: [], family: ['Runway', 'RunwayML', 'Runway AI'] },
    announced: '2023-02', firstPublic: '2023-06',
    access: [
      preview('2023-02', S.runwayGen12, 'Gen-1 (video-to-video) announced, then Gen-2 (text-to-video) in 2023-03', 'Gen-1（视频转视频）发布，2023-03 发布 Gen-2（文生视频）'),
      pub('2023-06', S.runwayGen12, 'Gen-2 opened to the public', 'Gen-2 向公众开放'),
    ],
    products: [{ product: 'app', from: '2023-06', note: 'Runway web and iOS apps', note_zh: 'Runway 网页版与 iOS 应用', source: S.runwayGen12 }],
    limits: [], marks: [], c2pa: [], sources: [S.runwayGen12],
  },
  {
    slug: 'runway-gen3', family: 'runway', name: 'Runway Gen-3 Alpha', vendor: 'Runway', vendor_zh: 'Runway', kind: 'video', openSource: false,
    aliases: { en: ['Gen-3 Alpha', 'Runway Gen-3', 'Runway Gen3'], zh: [] },
    announced: '2024-06-17', firstPublic: '2024-06-17',
    access: [pub('2024-06-17', S.runwayGen3, 'Gen-3 Alpha released', 'Gen-3 Alpha 发布')],
    products: [{ product: 'app', from: '2024-06-17', note: 'Runway web app', note_zh: 'Runway 网页版', source: S.runwayGen3 }],
    limits: [limit('2024-06-17', 'Gen-3 Alpha', 'product', 10, [1280, 768], '10 s, 1280×768', S.runwayGen3)],
    marks: [], c2pa: [{ note: 'outputs carry C2PA', source: S.runwayGen3 }], sources: [S.runwayGen3],
  },
  {
    slug: 'runway-gen4', family: 'runway', name: 'Runway Gen-4', vendor: 'Runway', vendor_zh: 'Runway', kind: 'video', openSource: false,
    aliases: { en: ['Runway Gen-4', 'Runway Gen4', 'Gen-4 Turbo', 'Runway Gen-4 Turbo'], zh: [] },
    announced: '2025-03-31', firstPublic: '2025-03-31',
    access: [pub('2025-03-31', S.runwayGen4, 'Gen-4 released', 'Gen-4 发布')],
    products: [{ product: 'app', from: '2025-03-31', note: 'Runway web app', note_zh: 'Runway 网页版', source: S.runwayGen4 }],
    limits: [limit('2025-03-31', 'Gen-4', 'product', 10, null, '5 or 10 s at 24 fps', S.runwayGen4)],
    marks: [], c2pa: [{ note: 'outputs carry C2PA', source: S.runwayGen4 }], sources: [S.runwayGen4],
  },
  {
    slug: 'pika', family: 'pika', name: 'Pika', vendor: 'Pika Labs', vendor_zh: 'Pika Labs', kind: 'video', openSource: false,
    aliases: { en: ['Pika 1.0', 'Pika 1.5', 'Pika 2.0'], zh: [], family: ['Pika', 'Pika Labs', 'Pika Art'] },
    announced: '2023-04', firstPublic: '2023-04',
    access: [
      pub('2023-04', S.pikaBeta, 'Discord beta', 'Discord 公测'),
      pub('2023-11-28', S.pika1, 'Pika 1.0 (1.5 on 2024-10-01, 2.0 in 2024-12)', 'Pika 1.0 发布（1.5 于 2024-10-01，2.0 于 2024-12）'),
    ],
    products: [{ product: 'app', from: '2023-11-28', note: 'pika.art web app', note_zh: 'pika.art 网页版', source: S.pika1 }],
    limits: [
      limit('2023-11-28', 'Pika 1.0', 'product', 3, null, '3 s clips at 1.0', S.pika1),
      limit('2024-10-01', 'Pika 1.5', 'product', null, null, 'limits of Pika 1.5/2.0 not recorded here', S.pika1),
    ],
    marks: [{ text: 'Pika', note: 'visible mark', source: S.pika1 }], c2pa: [], sources: [S.pikaBeta, S.pika1],
  },
  {
    slug: 'hailuo', family: 'hailuo', name: 'MiniMax Hailuo', vendor: 'MiniMax', vendor_zh: '稀宇科技（MiniMax）', kind: 'video', openSource: false,
    aliases: { en: ['video-01', 'Hailuo 02', 'Hailuo02', 'Hailuo 2.3', 'Hailuo 2.3 Fast', 'MiniMax Hailuo 2.3'], zh: ['海螺02', '海螺2.3'], family: ['Hailuo', 'Hailuo AI', 'MiniMax Hailuo', '海螺', '海螺AI', '海螺视频'] },
    announced: '2024-09', firstPublic: '2024-09',
    access: [pub('2024-09', S.hailuo, 'video-01 released', 'video-01 上线')],
    products: [{ product: 'app', from: '2024-09', note: 'Hailuo AI web app', note_zh: '海螺AI 网页版', source: S.hailuo }],
    limits: [
      limit('2024-09', 'video-01', 'product', 6, [1280, 720], '6 s, 720p, 25 fps', S.hailuo),
      limit('2025-06-18', 'Hailuo 02', 'product', 10, [1920, 1080], '1080p 6 s or 768p 10 s', S.hailuo02),
      limit('2025-10-28', 'Hailuo 2.3', 'product', 10, [1920, 1080], '6 or 10 s at 768p, 1080p only for 6 s', S.hailuo23),
    ],
    marks: [{ text: '海螺AI', note: 'visible "海螺AI" mark', source: S.hailuo }], c2pa: [], sources: [S.hailuo, S.hailuo02, S.hailuo23],
  },
  {
    slug: 'luma-dream-machine', family: 'luma', name: 'Luma Dream Machine', vendor: 'Luma AI', vendor_zh: 'Luma AI', kind: 'video', openSource: false,
    aliases: { en: ['Dream Machine', 'Luma Dream Machine', 'Luma Ray2', 'Luma Ray 2', 'Luma AI'], zh: [] },
    announced: '2024-06-12', firstPublic: '2024-06-12',
    access: [pub('2024-06-12', S.luma, 'Dream Machine released', 'Dream Machine 发布')],
    products: [{ product: 'app', from: '2024-06-12', note: 'Luma web app', note_zh: 'Luma 网页版', source: S.luma }],
    limits: [limit('2024-06-12', 'Dream Machine', 'product', 5, null, '5 s clips', S.luma)],
    marks: [], c2pa: [], sources: [S.luma],
  },
  {
    slug: 'open-sora', family: 'open-sora', name: 'Open-Sora', vendor: 'HPC-AI Tech', vendor_zh: '潞晨科技', kind: 'video', openSource: true,
    aliases: { en: ['Open-Sora', 'OpenSora', 'Open Sora'], zh: ['开源Sora'] },
    announced: '2024-03', firstPublic: '2024-03',
    access: [pub('2024-03', S.openSora, 'open-source release 1.0 (1.1 in 2024-04, 1.2 in 2024-06)', '开源 1.0（1.1 于 2024-04，1.2 于 2024-06）')],
    products: [],
    limits: [limit('2024-03', 'Open-Sora 1.x', 'reference', null, [1280, 720], 'short clips, 240p to 720p', S.openSora)],
    marks: [], c2pa: [], sources: [S.openSora],
  },
  {
    slug: 'open-sora-plan', family: 'open-sora-plan', name: 'Open-Sora-Plan', vendor: 'PKU-YuanGroup', vendor_zh: '北京大学袁粒团队', kind: 'video', openSource: true,
    aliases: { en: ['Open-Sora-Plan', 'Open Sora Plan', 'OpenSoraPlan'], zh: [] },
    announced: '2024-03', firstPublic: '2024-03',
    access: [pub('2024-03', S.openSoraPlan, 'open-source release', '开源发布')],
    products: [],
    limits: [limit('2024-03', 'Open-Sora-Plan v1.0', 'reference', null, [256, 256], 'v1.0: 256×256 clips', S.openSoraPlan)],
    marks: [], c2pa: [], sources: [S.openSoraPlan],
  },
  {
    slug: 'cogvideox', family: 'cogvideo', name: 'CogVideoX', vendor: 'Zhipu AI / THUDM', vendor_zh: '智谱 / 清华 THUDM', kind: 'video', openSource: true,
    aliases: { en: ['CogVideoX', 'CogVideo'], zh: [] },
    announced: '2024-08', firstPublic: '2024-08',
    access: [pub('2024-08', S.cogvideox, 'open-source release', '开源发布')],
    products: [],
    limits: [limit('2024-08', 'CogVideoX', 'reference', 6.2, [720, 480], '720×480, 49 frames at 8 fps (the same shape is common for re-encoded real clips: never evidence by itself)', S.cogvideox)],
    marks: [], c2pa: [], sources: [S.cogvideox],
  },
];
