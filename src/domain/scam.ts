import type { Claim } from './claim.js';

export type ScamLabel = 'scam' | 'suspicious' | 'ok';

export interface ScamSymbol {
  code: string;
  weight: number;
  span: string | null;
  detail: string;
  detail_zh?: string;
}

export interface ScamResult {
  label: ScamLabel;
  score: number;
  claims: Claim[];
  symbols: ScamSymbol[];
  qr_codes: { image: string; text: string; kind?: string }[];
  urls: { url: string; lookalike_of: string | null; reasons?: string[] }[];
}
