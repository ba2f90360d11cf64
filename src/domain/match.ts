/** A near-duplicate match against the registry (public contract of `genproof match --json`). */
export type ReferenceLabel = 'original' | 'ai' | 'scam_poster';

export interface MatchSegment {
  query_start: number;
  query_end: number;
  reference_start: number;
  reference_end: number;
}

export interface Match {
  reference_id: string;
  reference_file: string;
  label: ReferenceLabel;
  generator: string | null;
  source?: string | null;
  query_coverage: number;
  reference_coverage: number;
  min_distance: number;
  segments: MatchSegment[];
  /** Whether the query matched through a flipped/rotated (dihedral) hash. */
  transform?: string | null;
}
