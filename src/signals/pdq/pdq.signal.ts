/**
 * PDQ as a ThreatExchange-style SignalType: a stable storage name, validation of stored values, hashing of a
 * file and comparison with the distance reported.
 */
import { decodeImageRgb } from '../../repositories/pixels.repository.js';
import { type Dihedral, type PdqHash, hamming, pdqDihedralFromRgb, pdqFromHex, pdqFromRgb, pdqToHex } from './pdq.js';

/** ThreatExchange's default PDQ match threshold (distance ≤ 31 of 256 bits). */
export const PDQ_MATCH_DISTANCE = 31;
/** Hashes below this quality are too featureless to match reliably. */
export const PDQ_MIN_QUALITY = 50;
/** The C++ reference tool resamples images larger than this to a square of this size before hashing. */
export const PDQ_REFERENCE_MAX_DIM = 512;

export interface PdqFileOptions {
  timeoutMs?: number;
  /** Default 512 (the C++ reference tool's rule); 0 hashes the full-resolution pixels. */
  maxDim?: number;
  /** Apply the EXIF orientation first (default false, like the reference: stored pixels are hashed). */
  autoOrient?: boolean;
}

/** PDQ hash of an image file, computed the way Meta's C++ `pdq-photo-hasher` does (decode included). */
export async function pdqHashImageFile(path: string, opts: PdqFileOptions = {}): Promise<PdqHash> {
  const max = opts.maxDim ?? PDQ_REFERENCE_MAX_DIM;
  const img = await decodeImageRgb(path, { maxDim: max > 0 ? max : undefined, timeoutMs: opts.timeoutMs, autoOrient: opts.autoOrient });
  return pdqFromRgb(img.rgb, img.width, img.height);
}

/** The 8 dihedral hashes of an image file (to match flipped or rotated reposts). */
export async function pdqDihedralImageFile(path: string, opts: PdqFileOptions = {}): Promise<Record<Dihedral, PdqHash>> {
  const max = opts.maxDim ?? PDQ_REFERENCE_MAX_DIM;
  const img = await decodeImageRgb(path, { maxDim: max > 0 ? max : undefined, timeoutMs: opts.timeoutMs, autoOrient: opts.autoOrient });
  return pdqDihedralFromRgb(img.rgb, img.width, img.height);
}

export interface SignalComparison {
  match: boolean;
  distance: number;
}

/** ThreatExchange `SignalType` shape for PDQ. The name is the stable storage key. */
export class PdqSignal {
  static readonly signalName = 'pdq';
  readonly name = PdqSignal.signalName;
  readonly contentTypes = ['photo', 'video_frame'] as const;

  /** Normalise a stored value (lowercase hex); throws ValidationError on anything else. */
  validate(value: string): string {
    return pdqToHex(pdqFromHex(value));
  }

  async hashFile(path: string, opts: PdqFileOptions = {}): Promise<PdqHash> {
    return pdqHashImageFile(path, opts);
  }

  compare(a: string | Uint8Array, b: string | Uint8Array, threshold = PDQ_MATCH_DISTANCE): SignalComparison {
    const ha = typeof a === 'string' ? pdqFromHex(a) : a;
    const hb = typeof b === 'string' ? pdqFromHex(b) : b;
    const distance = hamming(ha, hb);
    return { match: distance <= threshold, distance };
  }

  /** Examples for tests and docs: the reference hash of Meta's bridge test image. */
  static readonly examples = ['d8f8f0cee0f4a84f0637022a078f67f0b36e2ed596621e1d33e6339c4e9c9b22'];
}
