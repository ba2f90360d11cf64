import type { Source } from './knowledge.types.js';

/** Sources cited more than once across the knowledge base. */
export const SOURCES = {
  soraReport: {
    ref: 'openai.com/index/video-generation-models-as-world-simulators',
    date: '2024-02-15',
    strength: 'primary',
  },
  soraAxios: { ref: 'axios.com/2024/02/15/openai-text-to-video-sora', date: '2024-02-15', strength: 'press' },
  soraIsHere: { ref: 'openai.com/index/sora-is-here', date: '2024-12-09', strength: 'primary' },
  sora2Launch: { ref: 'press coverage of the Sora 2 and Sora app launch', date: '2025-09-30', strength: 'press' },
  sora2Api: { ref: 'coverage of OpenAI DevDay 2025 (Sora 2 in the API)', date: '2025-10-06', strength: 'third-party' },
  sora2Longer: {
    ref: 'Sora release notes as relayed by the press (15 s for all users, 25 s for Pro)',
    date: '2025-10-15',
    strength: 'third-party',
  },
  soraC2pa: {
    ref: 'c2patool report of a Sora MP4 in github.com/contentauth/example-assets',
    date: '2025-01',
    strength: 'primary',
  },
  chatgptC2pa: {
    ref: 'C2PA manifests of ChatGPT images (signer chain in genproof shared/data/c2pa/trust)',
    date: '2025-03',
    strength: 'primary',
  },
  seedArticle: {
    ref: 'seed article on Sora rumours and scams (Chinese tech press, republished in English)',
    date: '2024-02',
    strength: 'press',
  },
  veoIO: { ref: 'aiwiki.ai/wiki/Veo; Google I/O 2024 coverage', date: '2024-05-14', strength: 'press' },
  veo2: { ref: 'mindstudio.ai; hostman.com', date: '2024-12', strength: 'third-party' },
  veo3: { ref: 'androidguias.com; aiwiki.ai', date: '2025-05-20', strength: 'third-party' },
  googleC2pa: {
    ref: 'C2PA fields of Google generative-AI files in genproof shared/data (claim generator, description)',
    date: '2025',
    strength: 'primary',
  },
  kling: { ref: 'MIT Technology Review via iceloungemedia.com', date: '2024-06-06', strength: 'press' },
  kling2: { ref: 'zenn.dev', date: '2025-04-15', strength: 'third-party' },
  runwayGen12: { ref: 'press coverage of Runway Gen-1 (2023-02) and Gen-2 (2023-03, public 2023-06)', date: '2023-06', strength: 'press' },
  runwayGen3: { ref: 'centerconsulting.com', date: '2024-06-17', strength: 'third-party' },
  runwayGen4: { ref: 'bgr.com; actuia.com', date: '2025-04-01', strength: 'press' },
  pika1: { ref: 'everyeye.it; ruetir.com', date: '2023-12-20', strength: 'press' },
  pikaBeta: { ref: 'press coverage of the Pika Labs Discord beta', date: '2023-04', strength: 'third-party' },
  hailuo: { ref: 'cometapi.com citing MiniMax', date: '2024-09', strength: 'third-party' },
  hailuo02: { ref: 'cometapi.com', date: '2025-06-18', strength: 'third-party' },
  luma: { ref: 'ainewsera.com', date: '2024-06-12', strength: 'third-party' },
  openSora: { ref: 'github.com/hpcaitech/Open-Sora README', date: '2024-03', strength: 'primary' },
  openSoraPlan: { ref: 'github.com/PKU-YuanGroup/Open-Sora-Plan README', date: '2024-03', strength: 'primary' },
  cogvideox: { ref: 'github.com/THUDM/CogVideo README', date: '2024-08', strength: 'primary' },
} satisfies Record<string, Source>;
