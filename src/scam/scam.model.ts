import { DIM, HASH_BITS, featurize, type SparseVec } from './features.js';

/** The committed model artefact (src/scam/model/scam-model.json), written by scripts/train-scam.ts. */
export interface ScamModelFile {
  version: 1;
  kind: 'logistic-regression-hashed-char-ngrams';
  hashBits: number;
  bias: number;
  /** Weights quantised to int16: w = q * scale. Base64 of a little-endian Int16Array of length 2^hashBits. */
  scale: number;
  weights: string;
  /** Probability at which the model's symbol alone reaches `suspicious`. */
  threshold: number;
  trainedOn: string[];
  seed: number;
  createdBy: string;
}

/** A loaded linear model: probability that a text is a scam/spam promotion. */
export class ScamModel {
  private readonly w: Float32Array;
  constructor(
    w: Float32Array,
    readonly bias: number,
    readonly threshold: number,
  ) {
    if (w.length !== DIM) throw new Error(`model has ${w.length} weights, expected ${DIM}`);
    this.w = w;
  }

  static fromFile(f: ScamModelFile): ScamModel {
    if (f.hashBits !== HASH_BITS) throw new Error(`model hashBits ${f.hashBits} != ${HASH_BITS}`);
    const buf = Buffer.from(f.weights, 'base64');
    const q = new Int16Array(buf.buffer, buf.byteOffset, buf.byteLength / 2);
    const w = new Float32Array(q.length);
    for (let i = 0; i < q.length; i++) w[i] = q[i] * f.scale;
    return new ScamModel(w, f.bias, f.threshold);
  }

  static toFile(w: Float32Array, bias: number, threshold: number, meta: { trainedOn: string[]; seed: number }): ScamModelFile {
    let max = 0;
    for (const x of w) max = Math.max(max, Math.abs(x));
    const scale = max / 32767 || 1;
    const q = new Int16Array(w.length);
    for (let i = 0; i < w.length; i++) q[i] = Math.round(w[i] / scale);
    return {
      version: 1,
      kind: 'logistic-regression-hashed-char-ngrams',
      hashBits: HASH_BITS,
      bias,
      scale,
      weights: Buffer.from(q.buffer).toString('base64'),
      threshold,
      trainedOn: meta.trainedOn,
      seed: meta.seed,
      createdBy: 'scripts/train-scam.ts',
    };
  }

  logit(v: SparseVec): number {
    let z = this.bias;
    for (let j = 0; j < v.idx.length; j++) z += this.w[v.idx[j]] * v.val[j];
    return z;
  }

  /** P(scam) of a text; `folded` is normalizeText(text).folded when the caller has it. */
  probability(text: string, folded?: string): number {
    return sigmoid(this.logit(featurize(text, folded)));
  }
}

export function sigmoid(z: number): number {
  return z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z));
}

/**
 * The model symbol's weight: 0 up to `lo`, rising to SUSPICIOUS_AT (3) exactly at the threshold, up to 6 at p = 1.
 * Between `lo` and the threshold the model adds partial weight, so it can tip a post that also fires a symbol.
 */
export function modelWeight(p: number, threshold: number): number {
  const lo = Math.max(0.2, threshold - 0.3);
  if (p <= lo) return 0;
  if (p < threshold) return (3 * (p - lo)) / Math.max(1e-6, threshold - lo);
  return 3 + (3 * (p - threshold)) / Math.max(1e-6, 1 - threshold);
}
