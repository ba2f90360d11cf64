/**
 * Evaluate the caption claim reader on the labelled corpus test/caption/corpus/*.jsonl: per language and split,
 * how many captions are read right (claimed_ai true / false / null), flips (AI read as real or real as AI) and
 * the claimed generator on the posts that name one. Rules are tuned on `train`; `dev` is held back.
 *
 *   npm run eval:claims [-- --errors train|dev]
 */
import { evaluate, loadCorpus } from '../test/caption/corpus-eval.js';

const args = process.argv.slice(2);
const errorsFor = args.includes('--errors') ? args[args.indexOf('--errors') + 1] : null;
const pct = (a: number, b: number) => (b === 0 ? '   -  ' : `${((100 * a) / b).toFixed(1).padStart(5)}%`);
const rows = evaluate(loadCorpus());
console.log('split  lang     n   read right   flips   generator (named)');
for (const r of rows) {
  console.log(`${r.split.padEnd(6)} ${r.lang.padEnd(4)} ${String(r.n).padStart(5)}   ${pct(r.right, r.n)}     ${String(r.flips).padStart(5)}   ${pct(r.genRight, r.genN)} (${r.genRight}/${r.genN})`);
}
if (errorsFor) {
  const all = rows.find((r) => r.lang === 'all' && r.split === errorsFor);
  for (const e of all?.errors ?? []) {
    console.log(`want ${String(e.row.claimed_ai).padEnd(5)} ${String(e.row.generator).padEnd(12)} got ${String(e.claimed).padEnd(5)} ${String(e.generator).padEnd(12)} ${e.row.text}`);
  }
}
