import type { Fact } from './knowledge.types.js';
import { SOURCES as S } from './sources.data.js';

/**
 * The day the knowledge base was last brought up to date (FACTS-2026.md, compiled 2026-12-07). Events after it
 * are unknown to genproof: no claim about a later date is refuted for lack of them.
 */
export const KB_AS_OF = '2026-12-07';

/** Dated statements from 2025-10 to 2026-12 (FACTS-2026.md §1, §15, §17). */
export const FACTS_2026: Fact[] = [
  {
    id: 'sora_discontinuation_announced',
    subject: 'sora',
    date: '2026-03-24',
    text: 'On 2026-03-24 OpenAI announced it would discontinue Sora in the consumer app and the API ("We\'re saying goodbye to Sora").',
    text_zh: '2026-03-24，OpenAI 宣布停止 Sora 消费级应用和 API 服务（"We\'re saying goodbye to Sora"）。',
    source: S.soraGoodbye,
  },
  {
    id: 'sora_api_deprecated',
    subject: 'sora-2',
    date: '2026-03-24',
    text: 'OpenAI deprecated the Videos API (sora-2, sora-2-pro and their snapshots) on 2026-03-24, removal on 2026-09-24, with no replacement.',
    text_zh: 'OpenAI 于 2026-03-24 宣布弃用 Videos API（sora-2、sora-2-pro 及其快照），2026-09-24 下线，没有替代产品。',
    source: S.soraDeprecations,
  },
  {
    id: 'sora1_retired_us',
    subject: 'sora',
    date: '2026-03-13',
    text: 'Sora 1 (the original sora.com) was retired in the US on 2026-03-13; Sora 2 became the only Sora experience there.',
    text_zh: 'Sora 1（原 sora.com）于 2026-03-13 在美国下线，此后 Sora 2 是当地唯一的 Sora 产品。',
    source: S.sora1RetiredUs,
  },
  {
    id: 'sora_web_apps_closed',
    subject: 'sora',
    date: '2026-04-26',
    text: 'The Sora web and app experiences (sora.com, sora.chatgpt.com, iOS and Android) were discontinued on 2026-04-26.',
    text_zh: 'Sora 网页版和应用（sora.com、sora.chatgpt.com、iOS 与 Android）已于 2026-04-26 停止服务。',
    source: S.soraHelpDiscontinuation,
  },
  {
    id: 'sora2_api_switched_off',
    subject: 'sora-2',
    date: '2026-09-24',
    text: 'The Sora 2 API was switched off on 2026-09-24; after that no official Sora product of any kind existed.',
    text_zh: 'Sora 2 API 已于 2026-09-24 关闭；此后不再有任何官方 Sora 产品。',
    source: S.sora2ModelGone,
  },
  {
    id: 'no_sora_3',
    subject: 'sora',
    date: '2026-03',
    text: 'OpenAI has announced no "Sora 3"; "Spud" is a language model, not a Sora successor.',
    text_zh: 'OpenAI 从未发布"Sora 3"；"Spud"是语言模型，不是 Sora 的后继产品。',
    source: S.noSora3,
  },
  {
    id: 'openai_images_synthid',
    subject: 'openai',
    date: '2026-05-19',
    text: 'From 2026-05-19 OpenAI adds Google SynthID watermarks to images from ChatGPT, Codex and the API, and its Verify preview checks only OpenAI signals.',
    text_zh: '自 2026-05-19 起，OpenAI 在 ChatGPT、Codex 和 API 生成的图片中加入谷歌 SynthID 水印；其 Verify 预览版只检测 OpenAI 自己的信号。',
    source: S.openaiProvenance2026,
  },
  {
    id: 'cn_ai_label_measures',
    subject: 'cn-labels',
    date: '2025-09-01',
    text: 'China\'s labelling Measures (in force 2025-09-01) require explicit AI labels on generated video and implicit labels in file metadata; removing or forging labels, or providing tools to do so, is forbidden.',
    text_zh: '《人工智能生成合成内容标识办法》（2025-09-01 施行）要求生成视频带显式标识、文件元数据带隐式标识；禁止删除、篡改、伪造标识或为此提供工具。',
    source: S.cnLabelMeasures,
  },
  {
    id: 'douyin_ai_labels',
    subject: 'cn-labels',
    date: '2025-09-01',
    text: 'Douyin shows 「内容由AI生成」 for creators\' declarations, 「作品含AI生成内容」 when a metadata label is found and 「疑似使用了AI生成技术，请谨慎甄别」 for detected unlabelled AI content.',
    text_zh: '抖音对创作者声明显示「内容由AI生成」，检测到元数据标识时显示「作品含AI生成内容」，对检测出的未标注AI内容显示「疑似使用了AI生成技术，请谨慎甄别」。',
    source: S.douyinLabels,
  },
];
