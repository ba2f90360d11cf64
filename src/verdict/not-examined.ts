import { evidence as mkEvidence, type Evidence } from '../domain/evidence.js';
import type { MediaInfo } from '../domain/media.js';
import type { CheckResult } from '../domain/report.js';
import type { Bilingual } from '../domain/verdict.js';

/**
 * What genproof did not examine, said out loud rather than left silent. Any analyzer can add an item: an evidence
 * item whose `data.not_examined` is a short bilingual label ("the audio track") is listed under "Not examined"
 * in every report.
 */
export function notExaminedEvidence(media: Pick<MediaInfo, 'kind' | 'audioCodec' | 'streams'> | null): Evidence[] {
  if (!media) return [];
  const audio = media.streams.filter((s) => s.type === 'audio');
  if (!media.audioCodec && audio.length === 0) return [];
  const codec = media.audioCodec ?? audio[0]?.codec ?? 'unknown codec';
  return [mkEvidence({
    analyzer: 'intake', code: 'audio_not_examined', direction: 'neutral', weight: 0.05,
    detail: `The file has an audio track (${codec}); genproof did not examine it: a cloned voice or dubbed sound would not show in this report.`,
    detail_zh: `文件含有音轨（${codec}）；genproof 没有检查音轨：克隆的人声或后配的声音不会体现在本报告中。`,
    data: { codec, tracks: Math.max(1, audio.length), not_examined: { en: 'the audio track', zh: '音轨' } },
  })];
}

function isBilingual(x: unknown): x is Bilingual {
  return typeof x === 'object' && x !== null && typeof (x as Bilingual).en === 'string' && typeof (x as Bilingual).zh === 'string';
}

/** The "Not examined" list of a result, from its evidence. */
export function notExamined(r: Pick<CheckResult, 'evidence'>): Bilingual[] {
  const out: Bilingual[] = [];
  for (const e of r.evidence) {
    const n = e.data?.not_examined;
    if (isBilingual(n) && !out.some((o) => o.en === n.en)) out.push(n);
  }
  return out;
}
