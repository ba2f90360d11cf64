/**
 * Evidence: one checkable observation from one analyzer. The `code` is stable and stored; `detail` is the
 * English sentence a person can check, `detail_zh` its Chinese version.
 */
export type AnalyzerName = 'c2pa' | 'metadata' | 'match' | 'ocr' | 'caption' | 'kb' | 'scam' | 'intake' | 'label';
export type Direction = 'ai' | 'real' | 'neutral';

/**
 * How strongly a piece of evidence can decide `is_ai`. The verdict engine ranks these; higher tiers win.
 * - `signed_provenance`: C2PA manifest intact, signer on a loaded trust list.
 * - `registry_match`: perceptual match to a registered original or AI output.
 * - `file_label`: in-file AI label (IPTC digital source type, GB 45438 AIGC label, platform label).
 * - `signed_provenance_expired`: AI manifest intact but the signer cert expired with no timestamp.
 * - `camera_metadata`: a device identity plus GPS or maker telemetry (can decide "real" only).
 * A visible generator mark is not a tier: it is a claim (origin `mark`) and never decides `is_ai`.
 */
export type DecisionTier =
  | 'signed_provenance'
  | 'registry_match'
  | 'file_label'
  | 'signed_provenance_expired'
  | 'camera_metadata';

export interface Decision {
  is_ai: boolean;
  tier: DecisionTier;
  /** Generator slug this evidence attributes the media to (AI decisions only). */
  generator?: string | null;
}

export interface Evidence {
  analyzer: AnalyzerName | string;
  code: string;
  direction: Direction;
  /** 0..1: how much this item counts in the explanation. */
  weight: number;
  /** English sentence a person can check. */
  detail: string;
  /** Chinese sentence. */
  detail_zh?: string;
  data: Record<string, unknown>;
  /** Present when this item can decide `is_ai` (see DecisionTier). Not serialised in the public JSON. */
  decides?: Decision;
}

export function evidence(e: Omit<Evidence, 'data'> & { data?: Record<string, unknown> }): Evidence {
  return { ...e, data: e.data ?? {} };
}
