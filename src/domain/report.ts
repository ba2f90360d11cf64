import type { Claim } from './claim.js';
import type { Evidence } from './evidence.js';
import type { Match } from './match.js';
import type { Rating } from './rating.js';
import type { MediaSummary } from './media.js';
import type { ScamResult } from './scam.js';
import type { GeneratorVerdict, Verdict } from './verdict.js';

/** A keyframe extracted by the check, for reports. */
export interface Keyframe {
  index: number;
  timestamp: number;
  /** Path of a JPEG on disk (not serialised in public JSON; the HTTP API serves it). */
  path: string;
}

/** The public result of `genproof check --json`. */
export interface CheckResult {
  /** The post's rating; first in every report. Always set by the verification service. */
  rating?: Rating;
  verdict: Verdict;
  generator: GeneratorVerdict;
  claims: Claim[];
  evidence: Evidence[];
  matches: Match[];
  media: MediaSummary | null;
  scam?: ScamResult;
  provenance?: unknown;
  keyframes?: { index: number; timestamp: number }[];
  posted_at?: string | null;
  timings_ms?: Record<string, number>;
  /** How far the knowledge base goes and which local overlays were merged in (CONTRACTS.md, wave 2). */
  kb?: { as_of: string; overlays: string[]; note?: { en: string; zh: string } };
  /** What produced the result, so an old result can be re-judged. */
  engine?: { version: string; kb_as_of: string; overlays: { file: string; sha256: string }[]; models: { ocr: string; scam: string } };
}
