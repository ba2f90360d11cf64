import type { Config } from '../config/config.js';
import { VerificationService } from './verification.service.js';

/** Build the verification service with the default analyzer manifest. */
export function createVerificationService(config: Config): VerificationService {
  return VerificationService.create(config);
}
