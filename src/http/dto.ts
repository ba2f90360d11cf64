import { z } from 'zod';
import { postFieldsDoc } from '../domain/post-input.js';
import type { CheckResult } from '../domain/report.js';

/** zod schemas of the API: they validate requests and generate /openapi.json. */

export const problemSchema = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number().int(),
  code: z.string().describe('stable snake_case error code'),
  detail: z.string(),
  instance: z.string().optional(),
}).meta({ id: 'Problem' });

/** An error response in the OpenAPI document (the server sends application/problem+json). */
export const problem = { description: 'Problem details (RFC 9457) with a stable `code`', content: { 'application/problem+json': { schema: problemSchema } } };

// z.any(): the handlers send Buffers and streams; the document says string/binary.
const binarySchema = z.any().meta({ type: 'string', format: 'binary' });
/** A binary response with its content type, for the OpenAPI document. */
export function binaryResponse(contentType: string, description: string) {
  return { description, content: { [contentType]: { schema: binarySchema } } };
}

export const idParams = z.object({ id: z.string().min(1).max(100) });
export const frameParams = z.object({ id: z.string().min(1).max(100), n: z.coerce.number().int().min(0).max(1000) });
export const langQuery = z.object({
  lang: z.enum(['en', 'zh']).optional(),
  download: z.enum(['0', '1']).optional().describe('1: send as an attachment'),
});

const evidenceSchema = z.looseObject({
  analyzer: z.string(), code: z.string(), direction: z.enum(['ai', 'real', 'neutral']), weight: z.number(),
  detail: z.string(), detail_zh: z.string().optional(), data: z.record(z.string(), z.unknown()),
}).meta({ id: 'Evidence' });
const claimSchema = z.looseObject({
  type: z.string(), text: z.string(), status: z.enum(['supported', 'refuted', 'unlikely', 'unverified']),
  reasons: z.array(z.string()), sources: z.array(z.string()),
}).meta({ id: 'Claim' });
const matchSchema = z.looseObject({
  reference_id: z.string(), reference_file: z.string(), label: z.string(), generator: z.string().nullable(),
  query_coverage: z.number(), reference_coverage: z.number(), min_distance: z.number(),
  segments: z.array(z.object({ query_start: z.number(), query_end: z.number(), reference_start: z.number(), reference_end: z.number() })),
}).meta({ id: 'Match' });
export const scamResultSchema = z.looseObject({
  label: z.enum(['scam', 'suspicious', 'ok']), score: z.number(), claims: z.array(claimSchema),
  symbols: z.array(z.looseObject({ code: z.string(), weight: z.number(), span: z.string().nullable(), detail: z.string() })),
  qr_codes: z.array(z.looseObject({ image: z.string(), text: z.string() })),
  urls: z.array(z.looseObject({ url: z.string(), lookalike_of: z.string().nullable() })),
}).meta({ id: 'ScamResult' });
export const ratingSchema = z.object({
  value: z.enum(['scam', 'false', 'misleading', 'true', 'unproven']),
  finding: z.object({ en: z.string(), zh: z.string() }),
  basis: z.array(z.string()),
}).meta({ id: 'Rating', description: 'is this post telling the truth? precedence scam > false > misleading > true > unproven; shown first' });

export const checkResultSchema = z.looseObject({
  rating: ratingSchema.optional(),
  verdict: z.looseObject({
    quadrant: z.enum(['authentic', 'undisclosed_ai', 'disclosed_ai', 'false_ai_claim', 'undetermined']),
    is_ai: z.boolean().nullable(), claimed_ai: z.boolean().nullable(), confidence: z.number(),
    summary: z.object({ en: z.string(), zh: z.string() }),
  }),
  generator: z.object({ claimed: z.string().nullable(), evidenced: z.string().nullable(), mismatch: z.boolean() }),
  claims: z.array(claimSchema),
  evidence: z.array(evidenceSchema),
  matches: z.array(matchSchema),
  media: z.looseObject({ kind: z.string(), duration: z.number().nullable(), width: z.number(), height: z.number(), fps: z.number().nullable(), container: z.string() }).nullable(),
  scam: scamResultSchema.optional(),
}).meta({ id: 'CheckResult', description: 'same document as `genproof check --json`' });

const binary = binarySchema;
/** Multipart bodies, for the OpenAPI document only (multipart is parsed and validated by the handlers). */
export const checkFormDoc = z.object({
  file: binary.optional().describe('image or video; optional for a text-only check'),
  media_url: z.string().optional().describe('http(s) URL of a media file to fetch instead of uploading one (url_forbidden, url_not_media, url_fetch_failed)'),
  caption: z.string().optional(),
  posted_at: postFieldsDoc.posted_at,
  'urls[]': postFieldsDoc.urls,
});
export const registryFormDoc = z.object({
  file: z.array(binary).describe('one or more images or videos'),
  label: z.enum(['original', 'ai', 'scam_poster']).optional(),
  source: z.string().optional(),
  generator: z.string().optional(),
});

export const checkAcceptedSchema = z.object({ id: z.string(), status: z.literal('queued') }).meta({ id: 'CheckAccepted' });
export const checkStateSchema = z.object({
  id: z.string(),
  status: z.enum(['queued', 'running', 'done', 'failed']),
  progress: z.number().min(0).max(1),
  stage: z.string().nullable(),
  result: checkResultSchema.nullable(),
  error: z.object({ code: z.string(), message: z.string() }).nullable(),
  keyframes: z.array(z.object({ index: z.number(), timestamp: z.number(), url: z.string() })),
  report_url: z.string().nullable(),
}).meta({ id: 'CheckState' });

export const referenceSchema = z.object({
  id: z.string(), file: z.string(), label: z.enum(['original', 'ai', 'scam_poster']), source: z.string().nullable(),
  generator: z.string().nullable(), kind: z.string().nullable(), created_at: z.string().nullable(), thumbnail_url: z.string(),
}).meta({ id: 'Reference' });
export const registryPageQuery = z.object({
  offset: z.coerce.number().int().min(0).default(0),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export const registryPageSchema = z.object({ total: z.number().int(), offset: z.number().int(), limit: z.number().int(), items: z.array(referenceSchema) }).meta({ id: 'RegistryPage' });
export const registryAddedSchema = z.object({ ids: z.array(z.string()), id: z.string() });

export const scamBodySchema = z.object({
  text: z.string().max(100_000).optional(),
  urls: postFieldsDoc.urls,
  posted_at: postFieldsDoc.posted_at,
}).meta({ id: 'ScamRequest' });
/** The multipart form of POST /api/scam (OpenAPI only; parsed by the handler): poster images like `genproof scam --image`. */
export const scamFormDoc = z.object({
  text: z.string().optional(),
  'urls[]': postFieldsDoc.urls,
  posted_at: postFieldsDoc.posted_at,
  image: z.array(binary).optional().describe('poster images: QR codes and known scam posters are checked'),
});

/** The public JSON of a check: drops internal fields (`decides`) that are not part of the contract. */
export function publicResult(r: CheckResult): CheckResult {
  return { ...r, evidence: r.evidence.map(({ decides: _d, ...rest }) => rest) };
}

/** Route-level validator that accepts anything: for routes whose body schema only documents a multipart form. */
export const skipValidation = () => (data: unknown) => ({ value: data });
