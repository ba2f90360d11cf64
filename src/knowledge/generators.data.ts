import type { Generator } from './knowledge.types.js';
import { GENERATORS_2026 } from './generators-2026.data.js';
import { MORE_GENERATORS } from './more-generators.data.js';
import { OPENAI_VIDEO } from './openai-video.data.js';
import { OTHER_VIDEO } from './video-generators.data.js';

/** Every generator the knowledge base knows, with its dated, sourced facts. */
export const GENERATORS: readonly Generator[] = [...OPENAI_VIDEO, ...OTHER_VIDEO, ...MORE_GENERATORS, ...GENERATORS_2026];
