import type { ManifestJson, ManifestStoreJson } from '../../repositories/c2pa.repository.js';

/** One action of a manifest, in plain fields. */
export interface ActionNode {
  action: string;
  software_agent: string | null;
  digital_source_type: string | null;
  /** Where the digital source type came from: the standard field or Firefly's `com.adobe.digitalSourceType`. */
  digital_source_type_field: 'digitalSourceType' | 'parameters.com.adobe.digitalSourceType' | null;
  description: string | null;
  /** Models named in the parameters (partner models: com.adobe.details / modelId / modelVersion). */
  models: string[];
  when: string | null;
}

export interface IngredientNode {
  title: string | null;
  relationship: string | null;
  /** Label of the ingredient's own manifest in the store, when it has one. */
  manifest: string | null;
}

/** One manifest of the chain, flattened for reports (`manifests` in the provenance JSON). */
export interface ManifestNode {
  label: string;
  active: boolean;
  /** Depth in the ingredient tree: 0 = active manifest. */
  depth: number;
  title: string | null;
  format: string | null;
  claim_generator: string | null;
  signer: { organization: string | null; common_name: string | null; time: string | null; alg: string | null; serial: string | null };
  actions: ActionNode[];
  ingredients: IngredientNode[];
  /** Camera make/model from stds.exif assertions, when present. */
  device: { make: string | null; model: string | null } | null;
  assertion_labels: string[];
}

function str(v: unknown): string | null {
  return typeof v === 'string' && v.trim() !== '' ? v : null;
}

function agentName(v: unknown): string | null {
  if (typeof v === 'string') return str(v);
  if (v && typeof v === 'object') {
    const o = v as Record<string, unknown>;
    const name = str(o.name);
    const version = str(o.version);
    return name ? (version ? `${name} ${version}` : name) : null;
  }
  return null;
}

/** The claim generator as one string: the legacy `claim_generator` or the first `claim_generator_info` name. */
export function claimGeneratorOf(m: ManifestJson): string | null {
  const info = (m.claim_generator_info ?? []).map((i) => str(i?.name)).filter((x): x is string => x !== null);
  return str(m.claim_generator) ?? info[0] ?? null;
}

function actionsOf(m: ManifestJson): ActionNode[] {
  const out: ActionNode[] = [];
  for (const a of m.assertions ?? []) {
    if (!a.label.startsWith('c2pa.actions')) continue;
    const list = (a.data as { actions?: unknown[] } | undefined)?.actions ?? [];
    for (const raw of list) {
      if (!raw || typeof raw !== 'object') continue;
      const x = raw as Record<string, unknown>;
      const params = (x.parameters && typeof x.parameters === 'object' ? x.parameters : {}) as Record<string, unknown>;
      const std = str(x.digitalSourceType);
      const adobe = str(params['com.adobe.digitalSourceType']);
      const models = [params['com.adobe.details'], params['com.adobe.modelId'], params['com.adobe.modelVersion'], params.model, params.modelName]
        .map(str)
        .filter((s): s is string => s !== null);
      out.push({
        action: str(x.action) ?? '?',
        software_agent: agentName(x.softwareAgent),
        digital_source_type: std ?? adobe,
        digital_source_type_field: std ? 'digitalSourceType' : adobe ? 'parameters.com.adobe.digitalSourceType' : null,
        description: str(x.description) ?? str(params.description),
        models: [...new Set(models)],
        when: str(x.when),
      });
    }
  }
  return out;
}

function deviceOf(m: ManifestJson): ManifestNode['device'] {
  let make: string | null = null;
  let model: string | null = null;
  for (const a of m.assertions ?? []) {
    if (a.label !== 'stds.exif' && !a.label.startsWith('stds.exif__')) continue;
    const d = (a.data ?? {}) as Record<string, unknown>;
    make ??= str(d['EXIF:Make']) ?? str(d['tiff:Make']);
    model ??= str(d['EXIF:Model']) ?? str(d['tiff:Model']);
  }
  return make || model ? { make, model } : null;
}

function node(label: string, m: ManifestJson, depth: number, active: boolean): ManifestNode {
  const s = m.signature_info ?? {};
  return {
    label,
    active,
    depth,
    title: str(m.title),
    format: str(m.format),
    claim_generator: claimGeneratorOf(m),
    // c2pa-rs puts the subject's organisation (O) in `issuer`.
    signer: { organization: str(s.issuer), common_name: str(s.common_name), time: str(s.time), alg: str(s.alg), serial: str(s.cert_serial_number) },
    actions: actionsOf(m),
    ingredients: (m.ingredients ?? []).map((i) => ({ title: str(i.title), relationship: str(i.relationship), manifest: str(i.active_manifest) })),
    device: deviceOf(m),
    assertion_labels: (m.assertions ?? []).map((a) => a.label),
  };
}

/** Walk the store from the active manifest through ingredient manifests (depth-first, active first, no repeats). */
export function walkManifests(store: ManifestStoreJson): ManifestNode[] {
  const out: ManifestNode[] = [];
  const seen = new Set<string>();
  const visit = (label: string, depth: number) => {
    if (seen.has(label) || depth > 32) return;
    const m = store.manifests?.[label];
    if (!m) return;
    seen.add(label);
    const n = node(label, m, depth, depth === 0);
    out.push(n);
    for (const i of n.ingredients) if (i.manifest) visit(i.manifest, depth + 1);
  };
  if (store.active_manifest) visit(store.active_manifest, 0);
  // Manifests not reachable from the active one (rare) are listed after, so nothing is hidden.
  for (const label of Object.keys(store.manifests ?? {})) visit(label, 1);
  return out;
}
