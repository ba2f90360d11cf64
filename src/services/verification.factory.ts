import type { Config } from '../config/config.js';
import { kbForConfig } from '../knowledge/kb.loader.js';
import { setMemoryLane } from '../repositories/memory-lane.js';
import { VerificationService } from './verification.service.js';

/** Build the verification service with the default analyzer manifest and the KB's generator families. */
export function createVerificationService(config: Config): VerificationService {
  const kb = kbForConfig(config);
  setMemoryLane(config.memory.exclusiveHeavySteps); // process-wide: the lane is shared by every check of the process
  return VerificationService.create(config, { sameFamily: (a, b) => kb.sameFamily(a, b) });
}
