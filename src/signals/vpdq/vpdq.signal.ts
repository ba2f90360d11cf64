/**
 * vPDQ as a ThreatExchange-style SignalType: stable name, validation of stored hash lists, hashing of a video
 * file, and comparison with ThreatExchange's thresholds (frame distance ≤ 31, quality ≥ 50; a match when at
 * least 80 % of the query's frames match).
 */
import { type VpdqFrame, type VpdqHashOptions, type VpdqMatchResult, formatVpdqLines, matchVpdq, parseVpdqLines, vpdqHashFile } from './vpdq.js';

export const VPDQ_DISTANCE_THRESHOLD = 31;
export const VPDQ_QUALITY_THRESHOLD = 50;
export const VPDQ_QUERY_MATCH_THRESHOLD = 0.8;
export const VPDQ_INDEX_MATCH_THRESHOLD = 0;

export class VpdqSignal {
  static readonly signalName = 'vpdq';
  readonly name = VpdqSignal.signalName;
  readonly contentTypes = ['video'] as const;

  /** Normalise a stored vPDQ hash list (ThreatExchange lines); throws ValidationError on malformed lines. */
  validate(text: string): string {
    return formatVpdqLines(parseVpdqLines(text));
  }

  hashFile(path: string, opts: VpdqHashOptions): Promise<{ fps: number; duration: number; frames: VpdqFrame[] }> {
    return vpdqHashFile(path, opts);
  }

  compare(query: readonly VpdqFrame[], reference: readonly VpdqFrame[]): VpdqMatchResult & { match: boolean } {
    const r = matchVpdq(query, reference, { distance: VPDQ_DISTANCE_THRESHOLD, quality: VPDQ_QUALITY_THRESHOLD });
    return { ...r, match: r.queryCoverage >= VPDQ_QUERY_MATCH_THRESHOLD && r.referenceCoverage >= VPDQ_INDEX_MATCH_THRESHOLD && r.queryCoverage > 0 };
  }
}
