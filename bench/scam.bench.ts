/**
 * Scam desk throughput: 1,000 captions (zh + en, scam and ordinary, generated from templates here) through the
 * full text pipeline (normalisation, symbols, links, claims, model). Target: < 2 s on this machine. Wall time
 * depends on what else runs (the load average is printed); CPU time of this process is printed too.
 *
 *   npm run bench:scam [-- --n 1000]
 */
import { loadavg } from 'node:os';
import { ScamService } from '../src/services/scam.service.js';

const args = process.argv.slice(2);
const N = args.includes('--n') ? Number(args[args.indexOf('--n') + 1]) : 1000;

const parts = {
  zh: ['Sora课程', '扫码进群', '限时特价99元', '今天天气很好', 'OpenAI发布了新模型', '加V私聊', '月入三万', '飞书文档合集', '第一代AI导演', '已获得Sora接口', '朋友聚会拍的视频', '谢赛宁是Sora发明者之一', 's0ra-ai.cn'],
  en: ['Sora masterclass $49', 'join our Discord', 'limited seats', 'the weather is nice today', 'OpenAI announced a model', 'DM me', 'earn $500/day', 'prompt pack', 'first AI directors', 'I have Sora API access', 'family trip video', 'visit chatgpt-sora.live', 'read the technical report'],
};
let seed = 7;
const rnd = () => (seed = (seed * 48271) % 2147483647) / 2147483647;
const captions: { text: string; postedAt: string }[] = [];
for (let i = 0; i < N; i++) {
  const lang = i % 2 ? 'zh' : 'en';
  const p = parts[lang];
  const k = 2 + Math.floor(rnd() * 4);
  const words = Array.from({ length: k }, () => p[Math.floor(rnd() * p.length)]);
  captions.push({ text: words.join(lang === 'zh' ? '，' : '. ') + ` #${i}`, postedAt: '2024-02-20' });
}

const svc = new ScamService();
const t0 = performance.now();
svc.analyzeText({ text: 'warm-up Sora课程 99元', postedAt: '2024-02-20' });
const warm = performance.now() - t0;
const counts: Record<string, number> = { scam: 0, suspicious: 0, ok: 0 };
const t1 = performance.now();
const cpu0 = process.cpuUsage();
for (const c of captions) counts[svc.analyzeText(c).label]++;
const ms = performance.now() - t1;
const cpu = process.cpuUsage(cpu0);
const cpuMs = (cpu.user + cpu.system) / 1000;
const rows = [
  ['captions', String(N)],
  ['first call (model load, warm-up) ms', warm.toFixed(0)],
  ['total ms', ms.toFixed(0)],
  ['CPU ms (this process)', cpuMs.toFixed(0)],
  ['machine load average (1 min)', loadavg()[0].toFixed(2)],
  ['per caption ms', (ms / N).toFixed(3)],
  ['captions / s', ((N * 1000) / ms).toFixed(0)],
  ['labels scam / suspicious / ok', `${counts.scam} / ${counts.suspicious} / ${counts.ok}`],
  ['target (1,000 captions < 2 s), wall', ms * (1000 / N) < 2000 ? 'met' : 'MISSED (see load average)'],
  ['target (1,000 captions < 2 s), CPU', cpuMs * (1000 / N) < 2000 ? 'met' : 'MISSED'],
];
const w = Math.max(...rows.map((r) => r[0].length));
console.log('| measure'.padEnd(w + 2) + ' | value |');
console.log('|' + '-'.repeat(w + 2) + '|-------|');
for (const [k, v] of rows) console.log(`| ${k.padEnd(w)} | ${v} |`);
