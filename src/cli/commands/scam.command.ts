import { createReadStream, existsSync, statSync } from 'node:fs';
import { createInterface } from 'node:readline';
import type { Command } from 'commander';
import { loadConfig, type Config } from '../../config/config.js';
import type { ScamResult } from '../../domain/scam.js';
import { isAppError, ValidationError } from '../../domain/errors.js';
import { readTextFileStrict } from '../../services/post.validation.js';
import { scamDeskFor, type ScamService } from '../../services/scam.service.js';
import { parsePostInput } from '../../domain/post-input.js';
import { globalOpts, type GlobalOptions } from '../options.js';
import { writeReport } from '../render/output.js';
import { withKbOverlays } from './kb.command.js';

interface ScamOpts {
  text?: string;
  textFile?: string;
  image?: string[];
  url?: string[];
  postedAt?: string;
  batch?: string;
  officialDomain?: string[];
  kbOverlay?: string[];
}

const collect = (v: string, acc: string[] = []) => [...acc, v];

export function registerScam(program: Command): void {
  program
    .command('scam')
    .description('scam-promotion analysis of a post: symbols, QR codes, lookalike links, authorship and availability claims')
    .option('--text <text>', 'the post text')
    .option('--text-file <file>', 'read the post text from a UTF-8 file')
    .option('--image <file>', 'an image of the post, scanned for QR codes (repeatable)', collect)
    .option('--url <url>', 'a link in the post (repeatable)', collect)
    .option('--posted-at <date>', 'when the post appeared (YYYY-MM-DD)')
    .option('--official-domain <domain>', 'treat this domain as official too, like openai.com (repeatable; config kb.officialDomains)', collect)
    .option('--kb-overlay <file>', 'merge a local knowledge overlay (JSON; repeatable; config kb.overlays)', collect)
    .option('--batch <in.jsonl>', 'one JSON object per line {"id","text","posted_at"?} → one {"id","label","score"} line each ("-" = stdin)')
    .action(async (opts: ScamOpts, cmd: Command) => {
      const g = globalOpts(cmd);
      const config = withKbOverlays(
        loadConfig({ file: g.config, overrides: { ...(g.db ? { db: g.db } : {}), ...(g.lang === 'zh' || g.lang === 'en' ? { lang: g.lang } : {}) } }),
        opts.kbOverlay,
      );
      // The same desk as the scam analyzer of `check` (config official domains, registered scam posters).
      const desk = scamDeskFor(config, { extraOfficialDomains: opts.officialDomain ?? [] });
      try {
        await runScam(desk.service, opts, g, config);
      } finally {
        await desk.close();
      }
    });
}

function postLimits(config: Config, captionName: string) {
  return { maxCaptionChars: config.limits.maxCaptionChars, maxUrls: config.api.maxUrls, captionName };
}

async function runScam(service: ScamService, opts: ScamOpts, g: GlobalOptions, config: Config): Promise<void> {
  if (opts.batch) {
    if (opts.text || opts.textFile || opts.image?.length || opts.url?.length) {
      throw new ValidationError('bad_usage', '--batch cannot be combined with --text, --text-file, --image or --url.');
    }
    await runBatch(service, opts.batch, config);
    return;
  }
  if (opts.text !== undefined && opts.textFile) throw new ValidationError('bad_usage', 'Give --text or --text-file, not both.');
  let text = opts.text ?? '';
  if (opts.textFile) text = await readTextFileStrict(opts.textFile, 'text file');
  // The one post-input schema of check, scam and the API (same limits, same error codes).
  const post = parsePostInput({ caption: text, posted_at: opts.postedAt, urls: opts.url }, postLimits(config, 'text'));
  text = post.caption ?? '';
  const { urls, postedAt } = post;
  const images = opts.image ?? [];
  for (const img of images) {
    if (!existsSync(img) || !statSync(img).isFile()) throw new ValidationError('file_not_found', `Image not found: ${img}`);
  }
  if (!text.trim() && images.length === 0 && urls.length === 0) {
    throw new ValidationError('file_or_caption_required', 'Give --text, --text-file, --image or --url (or --batch FILE).');
  }
  const result = await service.analyzeScam({ text, urls, images, postedAt });
  if (g.json) process.stdout.write(JSON.stringify(result, null, 2) + '\n');
  else if (!g.quiet) writeReport(renderScam(result, config.lang));
}

function write(line: string): Promise<void> {
  return new Promise((resolve) => {
    if (process.stdout.write(line)) resolve();
    else process.stdout.once('drain', () => resolve());
  });
}

/** Streaming batch: one output line per non-empty input line, in order; a bad line gives an error line. */
async function runBatch(service: ScamService, file: string, config: Config): Promise<void> {
  const maxChars = config.limits.maxCaptionChars;
  if (file !== '-' && (!existsSync(file) || !statSync(file).isFile())) throw new ValidationError('file_not_found', `Batch file not found: ${file}`);
  const input = file === '-' ? process.stdin : createReadStream(file, { encoding: 'utf8', highWaterMark: 1 << 16 });
  const rl = createInterface({ input, crlfDelay: Infinity });
  let lineNo = 0;
  for await (const raw of rl) {
    lineNo++;
    const line = raw.replace(/^\uFEFF/, '');
    if (!line.trim()) continue;
    let id: unknown = null;
    try {
      if (line.length > maxChars * 2 + 1024) throw new ValidationError('invalid_caption', `line ${lineNo} is longer than ${maxChars * 2 + 1024} characters`);
      let obj: unknown;
      try {
        obj = JSON.parse(line);
      } catch {
        throw new ValidationError('invalid_json', `line ${lineNo} is not valid JSON`);
      }
      if (typeof obj !== 'object' || obj === null || Array.isArray(obj)) throw new ValidationError('invalid_json', `line ${lineNo} is not a JSON object`);
      const o = obj as Record<string, unknown>;
      id = o.id ?? null;
      if (typeof o.text !== 'string') throw new ValidationError('file_or_caption_required', `line ${lineNo} has no "text" string`);
      const post = parsePostInput(
        { caption: o.text, posted_at: o.posted_at === undefined || o.posted_at === null ? null : String(o.posted_at), urls: Array.isArray(o.urls) ? o.urls.filter((u): u is string => typeof u === 'string') : [] },
        postLimits(config, `text of line ${lineNo}`),
      );
      const a = service.analyzeText({ text: post.caption ?? '', urls: post.urls, postedAt: post.postedAt });
      await write(JSON.stringify({ id, label: a.label, score: a.score }) + '\n');
    } catch (e) {
      const code = isAppError(e) ? e.code : 'internal_error';
      const message = e instanceof Error ? e.message : String(e);
      await write(JSON.stringify({ id, error: { code, message } }) + '\n');
    }
  }
}

const LABEL_ZH: Record<string, string> = { scam: '诈骗', suspicious: '可疑', ok: '正常' };
const STATUS_ZH: Record<string, string> = { supported: '属实', refuted: '不实', unlikely: '可能性低', unverified: '未核实' };

export function renderScam(r: ScamResult, lang: 'zh' | 'en'): string {
  const zh = lang === 'zh';
  const out: string[] = [];
  out.push(zh ? `结论：${LABEL_ZH[r.label]}（得分 ${r.score.toFixed(2)}）` : `Verdict: ${r.label} (score ${r.score.toFixed(2)})`);
  if (r.symbols.length) {
    out.push(zh ? '依据：' : 'Signals:');
    for (const s of r.symbols) out.push(`  ${s.weight >= 0 ? '+' : ''}${s.weight.toFixed(1)} ${s.code}: ${zh ? s.detail_zh ?? s.detail : s.detail}`);
  }
  if (r.claims.length) {
    out.push(zh ? '说法核查：' : 'Claims:');
    for (const c of r.claims) {
      out.push(`  [${zh ? STATUS_ZH[c.status] : c.status}] ${c.type}: “${c.text}”`);
      for (const why of (zh ? c.reasons_zh : undefined) ?? c.reasons) out.push(`      ${why}`);
      if (c.sources.length) out.push(`      ${zh ? '来源' : 'sources'}: ${c.sources.join('; ')}`);
    }
  }
  for (const u of r.urls.filter((x) => x.lookalike_of)) out.push(zh ? `  仿冒链接：${u.url} → ${u.lookalike_of}` : `  Lookalike link: ${u.url} → ${u.lookalike_of}`);
  for (const q of r.qr_codes) out.push(zh ? `  二维码（${q.image}）：${q.text}` : `  QR code (${q.image}): ${q.text}`);
  return out.join('\n') + '\n';
}
