import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { ConfigError } from '../domain/errors.js';
import { generatorProblems } from './kb.consistency.js';
import { generatorSchema, jsonPath, overlaySchema, type Overlay } from './kb.schema.js';
import type { KnowledgeData, OverlayRef } from './kb.js';
import type { Fact, Generator, Source } from './knowledge.types.js';

/**
 * Local overlays: JSON files a desk adds to the built-in knowledge without a release (a new generator, a new end
 * date, a new watermark, extra official domains). Validated by the same schema as the built-in data
 * (kb.schema.ts); every fact they add is cited as "local overlay FILE". A bad file is an error naming the file,
 * the JSON path and the problem (code `kb_overlay_invalid`, exit 2) — never a silently ignored fact.
 *
 * Merge rules for a generator whose slug exists: scalar fields replace the built-in ones; list entries replace
 * the built-in entry they match (access by status+from, the `ended` period by status, products by product+from, limits by release+from, marks
 * by text) and are appended otherwise. Facts replace the fact with the same id; domains are added.
 */

export class KbOverlayError extends ConfigError {
  constructor(readonly file: string, readonly path: string, readonly problem: string) {
    super('kb_overlay_invalid', `Knowledge overlay ${file}: ${path}: ${problem}`);
  }
}

export interface LoadedOverlay {
  ref: OverlayRef;
  overlay: Overlay;
}

/** Read and validate one overlay file (schema only; `mergeOverlays` checks it against the data). */
export function readOverlay(file: string): LoadedOverlay {
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (e) {
    throw new KbOverlayError(file, '(file)', `cannot be read (${(e as NodeJS.ErrnoException).code ?? String(e)})`);
  }
  let json: unknown;
  try {
    json = JSON.parse(bytes.toString('utf8'));
  } catch (e) {
    throw new KbOverlayError(file, '(root)', `not valid JSON (${e instanceof Error ? e.message : String(e)})`);
  }
  const parsed = overlaySchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new KbOverlayError(file, jsonPath(issue.path), issue.message);
  }
  return { ref: { file, sha256: createHash('sha256').update(bytes).digest('hex') }, overlay: parsed.data };
}

const KEYS: Record<string, (x: Record<string, unknown>) => string> = {
  // A release has at most one final `ended` period: an overlay's replaces it (a new end date).
  access: (x) => (x.status === 'ended' ? 'ended' : `${x.status}|${x.from}`),
  products: (x) => `${x.product}|${x.from}`,
  limits: (x) => `${x.release}|${x.from}`,
  marks: (x) => String(x.text),
};

function mergeList(base: readonly unknown[], extra: readonly unknown[], key?: (x: Record<string, unknown>) => string): unknown[] {
  const out = [...base];
  for (const e of extra) {
    const i = key ? out.findIndex((b) => key(b as Record<string, unknown>) === key(e as Record<string, unknown>)) : -1;
    if (i >= 0) out[i] = e;
    else out.push(e);
  }
  return out;
}

/** Every `source` object in a value gets `local` = the overlay's file name. */
function stampLocal<T>(v: T, local: string): T {
  if (Array.isArray(v)) return v.map((x) => stampLocal(x, local)) as T;
  if (v && typeof v === 'object') {
    const o = Object.fromEntries(Object.entries(v).map(([k, x]) => [k, stampLocal(x, local)]));
    if ('ref' in o && 'strength' in o && 'date' in o) (o as unknown as Source).local = local;
    return o as T;
  }
  return v;
}

function mergeGenerator(base: Generator, patch: Record<string, unknown>): Generator {
  const out: Record<string, unknown> = { ...base };
  for (const [k, v] of Object.entries(patch)) {
    if (v === undefined) continue;
    if (Array.isArray(v) && Array.isArray(out[k])) out[k] = mergeList(out[k] as unknown[], v, KEYS[k]);
    else if (k === 'aliases') {
      const a = v as Generator['aliases'];
      out[k] = { en: [...base.aliases.en, ...a.en], zh: [...base.aliases.zh, ...a.zh], family: [...(base.aliases.family ?? []), ...(a.family ?? [])] };
    } else out[k] = v;
  }
  return out as unknown as Generator;
}

/** The built-in data with the overlays merged in, in order. */
export function mergeOverlays(data: KnowledgeData, loaded: readonly LoadedOverlay[]): KnowledgeData {
  let generators = [...data.generators];
  let facts: Fact[] = [...data.facts];
  let channels = [...data.channels];
  let asOf = data.asOf;
  for (const { ref, overlay: raw } of loaded) {
    const overlay = stampLocal(raw, basename(ref.file));
    overlay.generators.forEach((patch, i) => {
      const at = generators.findIndex((g) => g.slug === patch.slug);
      let merged: Generator;
      if (at >= 0) {
        merged = mergeGenerator(generators[at], patch as Record<string, unknown>);
      } else {
        const full = generatorSchema.safeParse(patch);
        if (!full.success) {
          const issue = full.error.issues[0];
          throw new KbOverlayError(ref.file, jsonPath(['generators', i, ...issue.path]), `${issue.message} (a new generator "${patch.slug}" needs every field)`);
        }
        merged = full.data as Generator;
      }
      const problems = generatorProblems(merged);
      if (problems.length > 0) throw new KbOverlayError(ref.file, `generators[${i}].${problems[0].split(':')[0]}`, problems[0].slice(problems[0].indexOf(':') + 2));
      if (at >= 0) generators[at] = merged;
      else generators = [...generators, merged];
    });
    for (const f of overlay.facts as Fact[]) facts = [...facts.filter((x) => x.id !== f.id), f];
    for (const c of overlay.official_domains) channels = [...channels.filter((x) => x.domain !== c.domain), c];
    if (overlay.as_of && (!asOf || overlay.as_of > asOf)) asOf = overlay.as_of;
  }
  return { ...data, generators, facts, channels, asOf, overlays: [...(data.overlays ?? []), ...loaded.map((l) => l.ref)] };
}
