/**
 * Defaults of memory settings that code outside the config schema also falls back to (one value, read by the
 * schema and by the repository that uses it when called without a config).
 */

/**
 * memory.ocrMaxCanvasPixels: the largest OCR detection canvas. 2^19 pixels holds the whole-frame pass of a 16:9
 * video at the default 960 px side (960×544), the largest canvas a video check needs, so detail crops never make
 * the detector's arena grow beyond it: a 1080p frame's four corner crops (736×1120 together) are read two by two.
 * Measured on the 60 s 1080p bench clip (default depth): OCR peak RSS 377 → 332 MB against 900 000, same text, CPU
 * 3.7–3.8 → 3.6 s.
 */
export const DEFAULT_OCR_MAX_CANVAS_PIXELS = 524_288;
