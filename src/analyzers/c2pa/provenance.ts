import { basename } from 'node:path';
import type { Config } from '../../config/config.js';
import { loadTrustSettings, readC2pa, type C2paReadResult, type C2paTrustSettings } from '../../repositories/c2pa.repository.js';
import { readGroupedTags } from '../../repositories/exif.repository.js';
import { readRawMetadata } from '../../repositories/xmp.repository.js';
import { extractLabels, extractLabelsFromTags, mergeLabels, type FileLabel } from '../label/labels.js';
import { attribute, type Attribution } from './attribution.js';
import { walkManifests, type ManifestNode } from './manifest-walk.js';
import { classifyRead, type ProvenanceState } from './state.js';
import { checkExpiredSignerChain, parsePemList, type ChainCheck } from './trust-chain.js';
import type { MediaSession } from '../../domain/media-session.js';

/** The provenance object (CONTRACTS.md `genproof provenance --json`, extended). */
export interface Provenance {
  state: ProvenanceState;
  codes: string[];
  ingredient_codes: string[];
  /** Generator evidenced by an intact manifest whose signer is trusted (or expired but chained); else null. */
  generator: string | null;
  signer: { organization: string | null; common_name: string | null; time: string | null } | null;
  digital_source_type: string | null;
  labels: FileLabel[];
  manifests: ManifestNode[];
  /** What the manifest names, whether or not its signer is trusted. */
  claimed_generator: string | null;
  partner: string | null;
  attribution: Omit<Attribution, 'generator' | 'partner' | 'digital_source_type'>;
  identity_codes: string[];
  informational_codes: string[];
  /** The validator's explanation per failure code (e.g. why a data hash does not match). */
  code_explanations: Record<string, string>;
  timestamp_trusted: boolean;
  format: string | null;
  remote_url: string | null;
  /** Why the store could not be read (unsupported). */
  reason: string | null;
  /** For expired signers: does the certificate still chain to a loaded anchor? */
  expired_chain: ChainCheck | null;
  trust: { loaded: boolean; sources: string[] };
  read_ms: number;
}

const trustCache = new Map<string, C2paTrustSettings>();

/** Trust settings from the config, loaded once per distinct setting. */
export function trustFromConfig(config: Config): C2paTrustSettings {
  const key = JSON.stringify([config.c2pa.trustDir, config.c2pa.extraAnchors]);
  let t = trustCache.get(key);
  if (!t) {
    t = loadTrustSettings({ trustDir: config.c2pa.trustDir, extraAnchors: config.c2pa.extraAnchors });
    trustCache.set(key, t);
  }
  return t;
}

const VIDEO_FORMATS = new Set(['mp4', 'mov', 'avi', 'mp4-fragment']);

/** Build the provenance object from a read result and labels. Pure apart from certificate parsing. */
export function buildProvenance(read: C2paReadResult, labels: FileLabel[], trust: C2paTrustSettings | null): Provenance {
  const s = classifyRead(read);
  const nodes = read.kind === 'store' ? walkManifests(read.store) : [];
  const isVideo = read.format ? VIDEO_FORMATS.has(read.format.name) : false;
  const att = attribute(nodes, isVideo);
  const active = nodes.find((n) => n.active) ?? null;
  let chain: ChainCheck | null = null;
  if (s.state === 'expired' && read.kind === 'store' && active) {
    chain = checkExpiredSignerChain(active.signer, read.certificatesPem, parsePemList(trust?.anchorsPem ?? ''), parsePemList(trust?.allowedPem ?? ''));
  }
  const signerCounts = s.state === 'trusted' || (s.state === 'expired' && chain?.chained === true);
  const { generator, partner, digital_source_type, ...rest } = att;
  return {
    state: s.state,
    codes: s.codes,
    ingredient_codes: s.ingredient_codes,
    generator: signerCounts ? generator : null,
    signer: active ? { organization: active.signer.organization, common_name: active.signer.common_name, time: active.signer.time } : null,
    digital_source_type: digital_source_type ?? labels.find((l) => l.kind === 'iptc')?.value ?? null,
    labels,
    manifests: nodes,
    claimed_generator: generator,
    partner,
    attribution: rest,
    identity_codes: s.identity_codes,
    informational_codes: s.informational_codes,
    code_explanations: s.explanations,
    timestamp_trusted: s.timestamp_trusted,
    format: read.format?.name ?? null,
    remote_url: read.kind === 'remote_manifest' ? read.url : null,
    reason: read.kind === 'unsupported' ? read.reason : null,
    expired_chain: chain,
    trust: { loaded: Boolean(trust && (trust.anchorsPem.trim() || trust.allowedPem.trim())), sources: (trust?.sources ?? []).map((p) => basename(p)) },
    read_ms: read.ms,
  };
}

/**
 * In-file labels: exiftool's grouped tags (XMP, PNG text, QuickTime/MP4 item lists), merged with a raw scan of the
 * bytes (XMP packets, PNG text chunks, AIGC JSON anywhere) that also catches what exiftool does not map. If exiftool
 * fails, the raw scan alone is used.
 */
export async function readLabels(path: string, config: Config, groupedTags?: () => Promise<Record<string, unknown>>): Promise<FileLabel[]> {
  const tags = groupedTags ? groupedTags() : readGroupedTags(path, config.timeouts.exiftoolMs);
  const [grouped, raw] = await Promise.all([tags.catch(() => ({})), readRawMetadata(path)]);
  return mergeLabels(extractLabelsFromTags(grouped), extractLabels(raw));
}

/** Read and validate a file's C2PA store and in-file labels. */
export async function inspectProvenance(path: string, config: Config, session?: Pick<MediaSession, 'groupedTags'>): Promise<Provenance> {
  const trust = trustFromConfig(config);
  const [read, labels] = await Promise.all([readC2pa(path, { trust, timeoutMs: config.timeouts.c2paMs }), readLabels(path, config, session?.groupedTags)]);
  return buildProvenance(read, labels, trust);
}
