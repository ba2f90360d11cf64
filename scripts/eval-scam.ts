/**
 * Evaluate the scam desk (symbols + links + claims + model, as `genproof scam` runs it) on held-out material:
 * - sms_spam_collection_en, janitr_x_scam_en: the `test` split (never trained on; scripts/scam-datasets.ts);
 * - aihype_dev: all 35 posts, held out from training unless the model was trained with --with-aihype;
 * - telecom_fraud_zh (evaluation only): fraud texts positive, ordinary SMS (label00) negative;
 * - weibo_ced_zh, weibo_checked_zh (evaluation only): ordinary Weibo posts, all negative (false-positive rate).
 * `scam` and `suspicious` both count as flagged. Prints one table row per set.
 *
 *   npm run eval:scam [-- --symbols-only | --errors SET | --split valid]
 */
import { ScamService } from '../src/services/scam.service.js';
import { aihype, janitr, smsSpam, splitOf, telecomFraud, weiboOrdinary, type Example } from './scam-datasets.js';

const args = process.argv.slice(2);
const symbolsOnly = args.includes('--symbols-only');
const errorsFor = args.includes('--errors') ? args[args.indexOf('--errors') + 1] : null;
const svc = new ScamService(symbolsOnly ? { model: null } : {});

interface Row { set: string; n: number; pos: number; tp: number; fp: number; fn: number; tn: number; ms: number }

function evaluate(set: string, xs: Example[]): Row {
  const r: Row = { set, n: xs.length, pos: 0, tp: 0, fp: 0, fn: 0, tn: 0, ms: 0 };
  const t0 = performance.now();
  const errors: string[] = [];
  for (const e of xs) {
    const a = svc.analyzeText({ text: e.text, postedAt: e.postedAt ?? null });
    const flagged = a.label !== 'ok';
    if (e.y) r.pos++;
    if (flagged && e.y) r.tp++;
    else if (flagged && !e.y) r.fp++;
    else if (!flagged && e.y) r.fn++;
    else r.tn++;
    if (errorsFor === set && flagged !== Boolean(e.y)) {
      errors.push(`${e.y ? 'FN' : 'FP'} ${a.label} ${a.raw} [${a.hits.map((h) => `${h.code}:${h.weight}`).join(' ')}] ${e.text.replace(/\s+/g, ' ').slice(0, 160)}`);
    }
  }
  r.ms = performance.now() - t0;
  if (errors.length) console.error(errors.join('\n'));
  return r;
}

const pct = (x: number) => (Number.isFinite(x) ? (100 * x).toFixed(1) : '—');
function line(r: Row): string {
  const p = r.tp / (r.tp + r.fp);
  const rec = r.tp / (r.tp + r.fn);
  const f1 = (2 * r.tp) / (2 * r.tp + r.fp + r.fn);
  const fpr = r.fp / (r.fp + r.tn);
  const acc = (r.tp + r.tn) / r.n;
  return [r.set.padEnd(26), String(r.n).padStart(6), String(r.pos).padStart(6), pct(p).padStart(7), pct(rec).padStart(7), pct(f1).padStart(7), pct(fpr).padStart(7), pct(acc).padStart(7), (r.ms / r.n).toFixed(2).padStart(8)].join(' ');
}

const SPLIT = args.includes('--split') ? args[args.indexOf('--split') + 1] : 'test';
const test = (xs: Example[]) => xs.filter((e) => splitOf(e.text) === SPLIT);
const hype = aihype();
const weibo = weiboOrdinary();
const sets: [string, Example[]][] = [
  ['sms_spam_collection_en', test(smsSpam())],
  ['janitr_x_scam_en', test(janitr())],
  ['aihype_dev_zh', hype.filter((e) => e.lang === 'zh')],
  ['aihype_dev_en', hype.filter((e) => e.lang === 'en')],
  ['telecom_fraud_zh', telecomFraud()],
  ['weibo_ced_zh', weibo.filter((e) => e.set === 'weibo_ced_zh')],
  ['weibo_checked_zh', weibo.filter((e) => e.set === 'weibo_checked_zh')],
];
console.log(`scam desk evaluation (${symbolsOnly ? 'symbols only' : 'symbols + model'}); flagged = scam or suspicious; F1/P/R/FPR/accuracy in %`);
console.log(['set'.padEnd(26), 'n'.padStart(6), 'pos'.padStart(6), 'prec'.padStart(7), 'recall'.padStart(7), 'F1'.padStart(7), 'FPR'.padStart(7), 'acc'.padStart(7), 'ms/post'.padStart(8)].join(' '));
for (const [name, xs] of sets) console.log(line(evaluate(name, xs)));
