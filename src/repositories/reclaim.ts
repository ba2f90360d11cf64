import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

/**
 * Pixel buffers are external memory to V8: a dead one is freed only by a garbage collection, and V8 starts one for
 * external memory only after ~64 MB more has been allocated since the last. In a check that left up to ~64 MB of
 * dead frames, canvases and decoder output in the process while the OCR detector took its working memory, which is
 * when a check peaks (bench:memory, 60 s 1080p clip: the OCR pass's full-size frames, let go one by one, were still
 * counted at the end of the check).
 *
 * `reclaimGarbage` runs a full collection now, but only when array buffers grew by `minBytes` since the last one it
 * ran: a collection of a check's heap takes 20–60 ms on the main thread, so it is done between heavy steps (before
 * each OCR detection pass), not on a timer. The collector is V8's own `gc`, made reachable once through the
 * `--expose-gc` flag; where that is refused it does nothing and returns false.
 */
const MiB = 1024 * 1024;
let collect: (() => void) | null | undefined;
let afterLast = 0;

function collector(): (() => void) | null {
  if (collect === undefined) {
    try {
      setFlagsFromString('--expose-gc');
      const gc: unknown = runInNewContext('gc');
      collect = typeof gc === 'function' ? (gc as () => void) : null;
    } catch {
      collect = null;
    }
  }
  return collect;
}

/** Collect garbage now if array buffers grew by at least `minBytes` since the last collection run here. */
export function reclaimGarbage(minBytes = 24 * MiB): boolean {
  const before = process.memoryUsage().arrayBuffers;
  if (before - afterLast < minBytes) return false;
  const gc = collector();
  if (!gc) return false;
  gc();
  // V8 frees dead array buffers' memory on a background thread, right after the collection: read the new baseline
  // once that had its chance (until then the reading before it stands, which only delays the next collection).
  afterLast = before;
  setImmediate(() => {
    afterLast = process.memoryUsage().arrayBuffers;
  });
  return true;
}
