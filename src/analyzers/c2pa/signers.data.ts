/**
 * Who signs C2PA manifests and what their names mean. Data, not logic: every row says where it was seen and when.
 * Matching is case-insensitive on the regular expressions; the first matching row of a table wins, so put specific
 * rows before general ones.
 *
 * - CLAIM_GENERATORS: the signed claim generator (`claim_generator` / `claim_generator_info[].name`). It names the
 *   product that made the claim and wins over everything else (an Adobe Firefly file made with a partner model is
 *   `firefly`).
 * - SOFTWARE_AGENTS: the `softwareAgent` of an action (or a model named in action parameters). Refines the claim
 *   generator when both belong to the same vendor (ChatGPT + "DALL·E" → dall-e-3); otherwise it is noted as the
 *   partner model.
 * - SIGNERS: the signing certificate's organisation (O) and common name (CN). Used when neither of the above names
 *   a generator, and to recognise capture devices (cameras, capture apps), whose valid manifests speak for "real".
 */

export type SignerRole = 'ai_generator' | 'capture' | 'editor' | 'test';

/** What a matching row says about the asset, with where that knowledge comes from. */
export interface AttributionRow {
  vendor: string;
  /** Generator slug (CONTRACTS.md), or null when the row names no generator (an editor, a camera). */
  generator: string | null;
  /** For Google's shared generator library: the slug to use for video instead of `generator`. */
  videoGenerator?: string;
  role: SignerRole;
  source: string;
  date: string;
}

export interface NameRow extends AttributionRow {
  /** Regular expression source, matched case-insensitively. */
  pattern: string;
}

export interface SignerRow extends AttributionRow {
  organization: string;
  /** Optional CN pattern; omitted = any CN of that organisation. */
  commonName?: string;
}

const EX = 'contentauth/example-assets';
const SHARED = 'files in shared/data (c2pa-wasm 0.13.3 reading)';

export const CLAIM_GENERATORS: NameRow[] = [
  { pattern: '^Sora\\b', vendor: 'openai', generator: 'sora', role: 'ai_generator', source: `${EX} videos_manifests_download.json; ${SHARED} media/ai/sora_c2pa_huminify_videotest2.mp4`, date: '2026-11-26' },
  { pattern: '^ChatGPT\\b', vendor: 'openai', generator: 'gpt-4o-image', role: 'ai_generator', source: `${EX} ChatGPT_Image.png`, date: '2026-11-26' },
  { pattern: '^OpenAI-API\\b', vendor: 'openai', generator: 'dall-e-3', role: 'ai_generator', source: 'Tebs-Lab/lab-report-code cape-bear.webp (DALL-E 3, Feb 2024)', date: '2026-11-26' },
  { pattern: '^Adobe[_ ]Firefly', vendor: 'adobe', generator: 'firefly', role: 'ai_generator', source: `${EX} Firefly_tabby_cat.jpg; contentauth/c2pa-js firefly_thirdparty_gemini.png`, date: '2026-11-26' },
  { pattern: '^Google C2PA Core Generator Library', vendor: 'google', generator: 'gemini-image', videoGenerator: 'veo', role: 'ai_generator', source: `FACTS.md (Veo 3 C2PA fields); ${SHARED} media/ai/img_google_genai_c2pa_lady.png`, date: '2026-11-26' },
  { pattern: '^Amazon[_ ]Bedrock', vendor: 'amazon', generator: 'titan-image', role: 'ai_generator', source: 'TrustNXT/c2pa-ts tests/fixtures amazon-titan-g1.png', date: '2026-11-26' },
  { pattern: '^Runway', vendor: 'runway', generator: 'runway-gen3', role: 'ai_generator', source: 'FACTS.md (Runway Gen-3/Gen-4 carry C2PA)', date: '2026-11-26' },
  { pattern: '^Adobe[_ ]Photoshop|^Adobe Lightroom|^Adobe[_ ]Content[_ ]Authenticity|^Adobe Express', vendor: 'adobe', generator: null, role: 'editor', source: `${EX} car-es-Ps-Cr.jpg, cloudscape-ACA-Cr.jpeg; c2pa-rs fixtures ocsp.jpg, cli_verify.jpeg`, date: '2026-11-26' },
  { pattern: '^Truepic[_ ]Lens[_ ]SDK|^Truepic Lens SDK', vendor: 'truepic', generator: null, role: 'capture', source: 'c2pa-org/public-testfiles (Truepic camera JPEG, media/real/img_truepic_c2pa_camera.jpg)', date: '2026-11-26' },
  { pattern: '^Leica|^Sony|^Nikon|^Canon|^Pixel Camera|^Google Pixel', vendor: 'camera', generator: null, role: 'capture', source: 'FACTS.md (cameras sign captures: Leica, Sony, Nikon, Pixel)', date: '2026-11-26' },
  { pattern: 'make_test_images|c2patool|TestApp|c2pa-python|Python C2PA SDK', vendor: 'c2pa-test', generator: null, role: 'test', source: 'contentauth/c2pa-rs sdk/tests/fixtures', date: '2026-11-26' },
];

export const SOFTWARE_AGENTS: NameRow[] = [
  { pattern: '^Sora ?2\\b', vendor: 'openai', generator: 'sora-2', role: 'ai_generator', source: 'FACTS.md (Sora 2, 2025-09-30)', date: '2026-11-26' },
  { pattern: '^Sora\\b', vendor: 'openai', generator: 'sora', role: 'ai_generator', source: `FACTS.md (C2PA in a Sora MP4, c2patool report in ${EX})`, date: '2026-11-26' },
  { pattern: '^GPT-?4o|^gpt-image', vendor: 'openai', generator: 'gpt-4o-image', role: 'ai_generator', source: `FACTS.md (ChatGPT images: softwareAgent GPT-4o); ${EX} ChatGPT_Image.png`, date: '2026-11-26' },
  { pattern: '^DALL[·.\\-‧ ]?E', vendor: 'openai', generator: 'dall-e-3', role: 'ai_generator', source: 'FACTS.md (older ChatGPT files: DALL·E); Tebs-Lab cape-bear.webp', date: '2026-11-26' },
  { pattern: '^Adobe Firefly|^Firefly', vendor: 'adobe', generator: 'firefly', role: 'ai_generator', source: `${EX} Firefly_tabby_cat.jpg`, date: '2026-11-26' },
  { pattern: 'gemini|nano-?banana', vendor: 'google', generator: 'gemini-image', role: 'ai_generator', source: 'contentauth/c2pa-js firefly_thirdparty_gemini.png (com.adobe.modelId gemini-flash)', date: '2026-11-26' },
  { pattern: '^Imagen', vendor: 'google', generator: 'imagen', role: 'ai_generator', source: 'CONTRACTS.md slugs', date: '2026-11-26' },
  { pattern: '^Veo', vendor: 'google', generator: 'veo', role: 'ai_generator', source: 'FACTS.md (Veo 3 / 3.1 C2PA)', date: '2026-11-26' },
  { pattern: '^Titan Image Generator', vendor: 'amazon', generator: 'titan-image', role: 'ai_generator', source: 'TrustNXT/c2pa-ts amazon-titan-g1.png', date: '2026-11-26' },
  { pattern: 'Gen-?4', vendor: 'runway', generator: 'runway-gen4', role: 'ai_generator', source: 'FACTS.md (Runway Gen-4, 2025-03-31)', date: '2026-11-26' },
  { pattern: 'Gen-?3', vendor: 'runway', generator: 'runway-gen3', role: 'ai_generator', source: 'FACTS.md (Runway Gen-3 Alpha, 2024-06-17)', date: '2026-11-26' },
  { pattern: '^Midjourney', vendor: 'midjourney', generator: 'midjourney', role: 'ai_generator', source: 'CONTRACTS.md slugs', date: '2026-11-26' },
  { pattern: '^Kling|可灵', vendor: 'kuaishou', generator: 'kling', role: 'ai_generator', source: 'FACTS.md (Kling)', date: '2026-11-26' },
];

export const SIGNERS: SignerRow[] = [
  { organization: 'OpenAI', commonName: 'in Sora', vendor: 'openai', generator: 'sora', role: 'ai_generator', source: 'FACTS.md (signer O=OpenAI, CN "Truepic Lens CLI in Sora")', date: '2026-11-26' },
  { organization: 'OpenAI', commonName: 'in ChatGPT', vendor: 'openai', generator: 'gpt-4o-image', role: 'ai_generator', source: 'FACTS.md (CN "Truepic Lens CLI in ChatGPT")', date: '2026-11-26' },
  { organization: 'OpenAI', commonName: 'in DALL', vendor: 'openai', generator: 'dall-e-3', role: 'ai_generator', source: 'Tebs-Lab cape-bear.webp (CN "Truepic Lens CLI in DALL·E")', date: '2026-11-26' },
  { organization: 'OpenAI', vendor: 'openai', generator: null, role: 'ai_generator', source: 'FACTS.md', date: '2026-11-26' },
  { organization: 'Google LLC', commonName: 'Media Processing Services', vendor: 'google', generator: 'gemini-image', videoGenerator: 'veo', role: 'ai_generator', source: `${SHARED} media/ai/img_google_genai_c2pa_lady.png`, date: '2026-11-26' },
  { organization: 'Adobe Inc', commonName: 'Firefly', vendor: 'adobe', generator: 'firefly', role: 'ai_generator', source: `${EX} Firefly_tabby_cat.jpg (CN "Adobe Firefly C2PA")`, date: '2026-11-26' },
  { organization: 'Adobe Inc', vendor: 'adobe', generator: null, role: 'editor', source: 'c2pa-rs fixtures cli_verify.jpeg, ocsp.jpg', date: '2026-11-26' },
  { organization: 'Amazon Web Services', vendor: 'amazon', generator: 'titan-image', role: 'ai_generator', source: 'TrustNXT/c2pa-ts amazon-titan-g1.png', date: '2026-11-26' },
  { organization: 'Truepic', commonName: 'Camera|Lens SDK', vendor: 'truepic', generator: null, role: 'capture', source: 'c2pa-org/public-testfiles Truepic camera JPEG (CN "Truepic Lens SDK … in Vision Camera")', date: '2026-11-26' },
  { organization: 'Leica Camera', vendor: 'leica', generator: null, role: 'capture', source: 'FACTS.md', date: '2026-11-26' },
  { organization: 'Sony', vendor: 'sony', generator: null, role: 'capture', source: 'FACTS.md', date: '2026-11-26' },
  { organization: 'Nikon', vendor: 'nikon', generator: null, role: 'capture', source: 'FACTS.md', date: '2026-11-26' },
  { organization: 'Google LLC', commonName: 'Pixel', vendor: 'google', generator: null, role: 'capture', source: 'FACTS.md (Pixel camera)', date: '2026-11-26' },
  { organization: 'C2PA Test Signing Cert|origo TESTING|Media Publisher Company', vendor: 'c2pa-test', generator: null, role: 'test', source: 'contentauth/c2pa-rs and TrustNXT test certificates', date: '2026-11-26' },
];

/** IPTC digital source types (http://cv.iptc.org/newscodes/digitalsourcetype/…) and what they say about AI. */
export const DIGITAL_SOURCE_TYPES: Record<string, 'ai' | 'ai_composite' | 'capture' | 'other'> = {
  trainedAlgorithmicMedia: 'ai',
  compositeWithTrainedAlgorithmicMedia: 'ai_composite',
  compositeSynthetic: 'ai_composite',
  algorithmicallyEnhanced: 'other',
  algorithmicMedia: 'other',
  digitalCapture: 'capture',
  negativeFilm: 'capture',
  positiveFilm: 'capture',
  print: 'capture',
  minorHumanEdits: 'other',
  humanEdits: 'other',
  composite: 'other',
  compositeCapture: 'capture',
  screenCapture: 'other',
  dataDrivenMedia: 'other',
  digitalCreation: 'other',
  virtualRecording: 'other',
};

/** Short name of a digital source type URI (last path segment). */
export function sourceTypeName(uri: string): string {
  return uri.trim().replace(/\/+$/, '').split('/').pop() ?? uri;
}
