/** A claim made by a post (caption, burned-in text or visible mark), checked against evidence and the KB. */
export type ClaimType =
  | 'ai_generated'
  | 'generator'
  | 'real_footage'
  | 'generation_prompt'
  | 'authorship'
  | 'availability'
  | 'capability'
  | 'date'
  | 'location'
  | 'duration';
export type ClaimStatus = 'supported' | 'refuted' | 'unlikely' | 'unverified';
/** Where the claim was read: the caption, burned-in text found by OCR, a visible generator mark. */
export type ClaimOrigin = 'caption' | 'ocr' | 'mark' | 'link';

export interface Claim {
  type: ClaimType;
  /** The span of the caption (or OCR text) that makes the claim. */
  text: string;
  status: ClaimStatus;
  reasons: string[];
  reasons_zh?: string[];
  sources: string[];
  origin: ClaimOrigin;
  /** Every place the same claim was read, when more than one ("caption" and "ocr"); `origin` is the first. */
  origins?: ClaimOrigin[];
  /** Character offsets in the caption (UTF-16), when origin is caption. */
  span?: { start: number; end: number };
  /** Generator slug the claim names, if any. */
  generator?: string | null;
  /** Claim-specific values: durations in seconds, dates, person names… */
  value?: Record<string, unknown>;
}

/** Does this claim say the media is AI-made (true), real (false), or neither (null)? */
export function claimPolarity(c: Claim): boolean | null {
  if (c.type === 'ai_generated' || c.type === 'generator' || c.type === 'generation_prompt') return true;
  if (c.type === 'real_footage') return false;
  return null;
}
