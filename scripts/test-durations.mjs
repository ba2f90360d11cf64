// node --test reporter: at the end, the slowest test files by wall time (each file runs in its own process).
// Used by scripts/run-tests.mjs next to the spec reporter, so CI logs show where the time goes.
import { relative } from 'node:path';

export default async function* durations(source) {
  const files = new Map();
  for await (const ev of source) {
    if (ev.type === 'test:complete' && ev.data.nesting === 0 && ev.data.file && ev.data.name === ev.data.file) {
      files.set(relative(process.cwd(), ev.data.file), ev.data.details?.duration_ms ?? 0);
    }
  }
  if (files.size === 0) return;
  const rows = [...files].sort((a, b) => b[1] - a[1]);
  const total = rows.reduce((a, [, ms]) => a + ms, 0);
  const top = rows.slice(0, Number(process.env.GENPROOF_SLOWEST ?? 15));
  yield `\nℹ slowest test files (wall s; ${rows.length} files, ${(total / 1000).toFixed(0)} s summed over workers):\n`;
  for (const [f, ms] of top) yield `ℹ   ${(ms / 1000).toFixed(1).padStart(7)}  ${f}\n`;
}
