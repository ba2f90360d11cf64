import { BUILTIN_DATA, kb as builtin, KnowledgeBase } from './kb.js';
import { mergeOverlays, readOverlay } from './kb.overlay.js';

const cache = new Map<string, KnowledgeBase>();

/**
 * The knowledge base a run works with: the built-in data plus the configured overlays (`kb.overlays`,
 * `--kb-overlay`). Throws KbOverlayError (`kb_overlay_invalid`) for a bad file. Built once per list of files
 * and contents, so analyzers created for the same config share it.
 */
export function knowledgeWithOverlays(files: readonly string[]): KnowledgeBase {
  if (files.length === 0) return builtin;
  const loaded = files.map(readOverlay);
  const key = loaded.map((l) => `${l.ref.file}@${l.ref.sha256}`).join('\n');
  let hit = cache.get(key);
  if (!hit) {
    hit = new KnowledgeBase(mergeOverlays(BUILTIN_DATA, loaded));
    cache.set(key, hit);
  }
  return hit;
}

/** The knowledge base for a parsed config (`kb.overlays`). */
export function kbForConfig(config: { kb?: { overlays?: readonly string[] } }): KnowledgeBase {
  return knowledgeWithOverlays(config.kb?.overlays ?? []);
}
