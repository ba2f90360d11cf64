import { ScamModel, type ScamModelFile } from './scam.model.js';
import modelFile from './model/scam-model.json' with { type: 'json' };

let cached: ScamModel | null = null;

/** The committed model artefact, decoded once. */
export function defaultScamModel(): ScamModel {
  cached ??= ScamModel.fromFile(modelFile as unknown as ScamModelFile);
  return cached;
}
