import { createHash } from 'node:crypto';
import { ScamModel, type ScamModelFile } from './scam.model.js';
import modelFile from './model/scam-model.json' with { type: 'json' };

let cached: ScamModel | null = null;

/** The committed model artefact, decoded once. */
export function defaultScamModel(): ScamModel {
  cached ??= ScamModel.fromFile(modelFile as unknown as ScamModelFile);
  return cached;
}

let id: string | null = null;

/** A stable name of the committed model: its kind, format version and a hash of its content. */
export function defaultScamModelId(): string {
  if (!id) {
    const f = modelFile as unknown as { kind?: string; version?: number };
    const hash = createHash('sha256').update(JSON.stringify(modelFile)).digest('hex').slice(0, 12);
    id = `${f.kind ?? 'scam-model'} v${f.version ?? '?'} sha256:${hash}`;
  }
  return id;
}
