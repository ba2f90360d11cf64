import type { Config } from '../config/config.js';
import { sameFamily } from '../knowledge/kb.js';
import { VerificationService } from './verification.service.js';

/** Build the verification service with the default analyzer manifest and the KB's generator families. */
export function createVerificationService(config: Config): VerificationService {
  return VerificationService.create(config, { sameFamily });
}
