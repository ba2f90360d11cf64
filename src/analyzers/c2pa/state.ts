import type { C2paReadResult, ManifestStoreJson, StatusEntry } from '../../repositories/c2pa.repository.js';

/** Validation state of one manifest store (CONTRACTS.md `genproof provenance`). */
export type ProvenanceState = 'trusted' | 'valid_untrusted' | 'expired' | 'invalid' | 'remote_manifest' | 'none' | 'unsupported';

/** Coarse class, as in the fixtures' EXPECTED.tsv: is the claim itself intact? */
export type ProvenanceClass = 'intact' | 'invalid' | 'none' | 'remote_manifest' | 'unsupported';

export interface StateResult {
  state: ProvenanceState;
  /** Failure codes of the active manifest (C2PA status codes), in order, deduplicated. */
  codes: string[];
  /** Failure codes recorded for ingredients (their own validation), reported apart from the active manifest's. */
  ingredient_codes: string[];
  /** CAWG identity-assertion codes (cawg.*): reported apart, they do not make the C2PA claim invalid. */
  identity_codes: string[];
  /** Informational codes of the active manifest (e.g. timeStamp.malformed, signingCredential.ocsp.skipped). */
  informational_codes: string[];
  /** Whether a trusted timestamp was validated. */
  timestamp_trusted: boolean;
  /** The validator's explanation for each failure code of the active manifest (first one per code). */
  explanations: Record<string, string>;
}

/**
 * Codes that are about who signed (trust, clock, revocation lookups), not about whether the bytes and the claim
 * are intact. Everything else in the failure list means the asset or the claim does not match what was signed.
 */
const TRUST_CODES = new Set([
  'signingCredential.untrusted',
  'signingCredential.expired',
  'signingCredential.ocsp.skipped',
  'signingCredential.ocsp.inaccessible',
  'signingCredential.ocsp.unknown',
  'timeStamp.untrusted',
  'timeStamp.outsideValidity',
]);

function uniq(xs: string[]): string[] {
  return [...new Set(xs)];
}

function codesOf(xs: StatusEntry[] | undefined): string[] {
  return (xs ?? []).map((x) => x.code).filter((c): c is string => typeof c === 'string');
}

/** Failure codes recorded for ingredients: the deltas c2pa-rs computed now, and what each ingredient recorded. */
function ingredientFailures(store: ManifestStoreJson): string[] {
  const out: string[] = [];
  for (const d of store.validation_results?.ingredientDeltas ?? []) out.push(...codesOf(d.validationDeltas?.failure));
  for (const m of Object.values(store.manifests ?? {})) {
    for (const ing of m.ingredients ?? []) {
      out.push(...codesOf(ing.validation_results?.activeManifest?.failure));
      // Older ingredients keep a flat validation_status list; successes are not failures.
      out.push(...codesOf(ing.validation_status).filter((c) => !/\.(match|validated|trusted|insideValidity)$/.test(c)));
    }
  }
  return out;
}

/**
 * Failure codes c2pa-rs recorded in this validation for ingredients (ingredientDeltas) that are about integrity
 * rather than trust: an ingredient whose manifest or hashes fail. c2pa-rs then reports the whole store's
 * validation_state as Invalid although the active manifest itself is intact.
 */
function ingredientIntegrityFailures(store: ManifestStoreJson): string[] {
  const out: string[] = [];
  for (const d of store.validation_results?.ingredientDeltas ?? []) out.push(...codesOf(d.validationDeltas?.failure));
  return out.filter((c) => !TRUST_CODES.has(c) && !c.startsWith('cawg.'));
}

/** Decide the state of a manifest store from c2pa-rs's validation results. Pure. */
export function classifyStore(store: ManifestStoreJson): StateResult {
  const active = store.validation_results?.activeManifest;
  // Prefer the structured per-manifest results; fall back to the flat status list (older stores).
  const failures = active ? codesOf(active.failure) : codesOf(store.validation_status);
  const identity = failures.filter((c) => c.startsWith('cawg.'));
  const c2pa = failures.filter((c) => !c.startsWith('cawg.'));
  const integrity = c2pa.filter((c) => !TRUST_CODES.has(c));
  const successes = codesOf(active?.success);
  const ingredientAll = uniq(ingredientFailures(store));
  const codes = uniq(c2pa);
  let state: ProvenanceState;
  if (integrity.length > 0 || ingredientIntegrityFailures(store).length > 0) state = 'invalid';
  else if (c2pa.includes('signingCredential.expired')) state = 'expired';
  else if (c2pa.includes('signingCredential.untrusted')) state = 'valid_untrusted';
  else if (store.validation_state === 'Trusted' || successes.includes('signingCredential.trusted') || identity.length > 0) state = 'trusted';
  else state = 'valid_untrusted';
  return {
    state,
    codes,
    ingredient_codes: ingredientAll,
    identity_codes: uniq(identity),
    informational_codes: uniq(codesOf(active?.informational)),
    timestamp_trusted: successes.includes('timeStamp.trusted'),
    explanations: Object.fromEntries(
      [...(active?.failure ?? store.validation_status ?? [])].reverse().filter((e) => e.explanation).map((e) => [e.code, e.explanation as string]),
    ),
  };
}

/** State for any read outcome. */
export function classifyRead(r: C2paReadResult): StateResult {
  if (r.kind === 'store') return classifyStore(r.store);
  const empty = { codes: [], ingredient_codes: [], identity_codes: [], informational_codes: [], timestamp_trusted: false, explanations: {} };
  return { state: r.kind, ...empty };
}

export function stateClass(s: ProvenanceState): ProvenanceClass {
  if (s === 'trusted' || s === 'valid_untrusted' || s === 'expired') return 'intact';
  return s;
}
