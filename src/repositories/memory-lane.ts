/**
 * One lane for the steps of a check that each need hundreds of MB for a while (issue 12, bench:memory): the OCR
 * pass (ONNX detection and its arena) and a C2PA read (c2pa-rs hashes a large asset in buffers of up to 256 MiB
 * in the reader worker's WebAssembly heap), and the QR scan of an image (zxing + jsQR in a worker, ~130 MB on a
 * 12 MP photo). Run side by side their peaks added up (1 GiB C2PA MP4: ~770 MB);
 * in the lane they take turns, first come first served. Nothing that runs in the lane waits for another lane
 * user, so turns cannot deadlock. Off (config memory.exclusiveHeavySteps false), every step runs at once.
 */
let enabled = true;
let tail: Promise<unknown> = Promise.resolve();

export function setMemoryLane(on: boolean): void {
  enabled = on;
}

/** Run `fn` when the steps queued before it are done (at once when the lane is off). */
export function inMemoryLane<T>(fn: () => Promise<T>): Promise<T> {
  if (!enabled) return fn();
  const run = tail.then(fn, fn);
  tail = run.catch(() => undefined);
  return run;
}
