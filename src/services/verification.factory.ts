import type { Config } from '../config/config.js';
import { kbForConfig } from '../knowledge/kb.loader.js';
import { setMemoryLane } from '../repositories/memory-lane.js';
import type { RegistryService } from './registry.service.js';
import { VerificationService, type VerificationDeps } from './verification.service.js';

/**
 * Build the verification service with the default analyzer manifest and the KB's generator families. `openMedia`
 * replaces intake (the CLI hands over the session it opened to start the match decode early); `registry` is one the
 * caller already holds (the server's), read by the match analyzer and the scam desk instead of their own.
 */
export function createVerificationService(config: Config, opts: { openMedia?: VerificationDeps['openMedia']; registry?: RegistryService } = {}): VerificationService {
  const kb = kbForConfig(config);
  setMemoryLane(config.memory.exclusiveHeavySteps); // process-wide: the lane is shared by every check of the process
  return VerificationService.create(config, { sameFamily: (a, b) => kb.sameFamily(a, b), openMedia: opts.openMedia, registry: opts.registry });
}
