export type Quadrant = 'authentic' | 'undisclosed_ai' | 'disclosed_ai' | 'false_ai_claim' | 'undetermined';

export interface Bilingual { en: string; zh: string }

export interface Verdict {
  quadrant: Quadrant;
  is_ai: boolean | null;
  claimed_ai: boolean | null;
  confidence: number;
  summary: Bilingual;
  /** What evidence would be needed to decide, when undetermined. */
  missing?: Bilingual[];
}

export interface GeneratorVerdict {
  claimed: string | null;
  evidenced: string | null;
  mismatch: boolean;
}
