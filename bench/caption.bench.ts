/**
 * Caption analyzer throughput: claims extraction (zh + en) over real post texts from ../shared/data/text
 * (aihype_dev + the janitr X sample), plus the KB queries the claim checks use. Prints a table.
 * Run: npm run bench:caption
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const SHARED = join(process.cwd(), '..', 'shared', 'data', 'text');
function texts(): string[] {
  const out: string[] = [];
  for (const f of ['aihype_dev/posts.jsonl', 'janitr_x_scam_en/sample.jsonl']) {
    const p = join(SHARED, f);
    if (!existsSync(p)) continue;
    for (const line of readFileSync(p, 'utf8').split('\n')) if (line.trim()) out.push(String(JSON.parse(line).text ?? ''));
  }
  if (out.length === 0) out.push('这段视频由OpenAI的新模型Sora生成，附生成指令：城市夜景', 'I filmed this myself today, not AI', 'Sora课程99元');
  while (out.length < 1000) out.push(...out);
  return out.slice(0, 1000);
}

const t0 = performance.now();
const { analyzeCaption } = await import('../src/analyzers/caption/caption.claims.js');
const { kb } = await import('../src/knowledge/kb.js');
const load = performance.now() - t0;
const sample = texts();
analyzeCaption('warm-up 由Sora生成');
const runs: number[] = [];
let claims = 0;
for (let r = 0; r < 5; r++) {
  const t = performance.now();
  for (const s of sample) claims += analyzeCaption(s, { postedAt: '2024-02-20' }).claims.length;
  runs.push(performance.now() - t);
}
const tq = performance.now();
for (let i = 0; i < 1000; i++) {
  kb.canProduce('sora', { durationS: 30, width: 1920, height: 1080, date: '2025-01-10', family: true });
  kb.productAvailableOn('sora', 'api', '2024-02-20');
  kb.isAuthor('sora', '谢赛宁');
}
const queries = performance.now() - tq;
runs.sort((a, b) => a - b);
console.log('| measure | value |');
console.log('|---|---|');
console.log(`| module load (KB + caption patterns) | ${load.toFixed(0)} ms |`);
console.log(`| 1,000 captions, median of 5 runs | ${runs[2].toFixed(0)} ms |`);
console.log(`| 1,000 captions, slowest run | ${runs[4].toFixed(0)} ms |`);
console.log(`| claims found per run | ${claims / 5} |`);
console.log(`| 1,000 × (canProduce + productAvailableOn + isAuthor) | ${queries.toFixed(0)} ms |`);
