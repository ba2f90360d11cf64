/** A rectangle in pixel coordinates (top-left corner and size). */
export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/**
 * Packed 8-bit RGB pixels: 3 bytes per pixel, rows top to bottom, no row padding. `P` narrows the pixel buffer
 * (frames grabbed with ffmpeg carry a Buffer).
 */
export interface RgbFrame<P extends Uint8Array = Uint8Array> {
  width: number;
  height: number;
  rgb: P;
}

/** One decoded video frame: its pixels and the presentation time of the requested seek point. */
export interface VideoFrame extends RgbFrame<Buffer> {
  /** Presentation time in seconds of the requested seek point. */
  timestamp: number;
}
