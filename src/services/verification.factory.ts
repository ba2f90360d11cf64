import type { Config } from '../config/config.js';
import { kbForConfig } from '../knowledge/kb.loader.js';
import { VerificationService } from './verification.service.js';

/** Build the verification service with the default analyzer manifest and the KB's generator families. */
export function createVerificationService(config: Config): VerificationService {
  const kb = kbForConfig(config);
  return VerificationService.create(config, { sameFamily: (a, b) => kb.sameFamily(a, b) });
}
