/**
 * Defaults of memory settings that code outside the config schema also falls back to (one value, read by the
 * schema and by the repository that uses it when called without a config).
 */

/**
 * memory.ocrMaxCanvasPixels: the largest OCR detection canvas. A tile larger than this gets a canvas of its own, so
 * the whole-frame pass (960×544 for a 16:9 video at the default depth) is always read alone, and at 2^18 pixels each
 * corner crop is too (736×256 for a 1080p or 720p frame): the detector's arena never grows beyond the whole-frame
 * canvas. Before, a 1080p frame's four corner crops shared one 736×1120 canvas, which grew the arena by ~45 MB
 * (OCR pass on the 60 s bench clip: peak 377 → 332 MB, same text, same CPU). Corners read two by two lost the
 * underscore of a Sora 2 handle ("@alice_42", test/system/ocr.system.ts); alone, as four together, they read it.
 */
export const DEFAULT_OCR_MAX_CANVAS_PIXELS = 262_144;
