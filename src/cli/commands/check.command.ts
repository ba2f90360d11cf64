import { readFile, rename, writeFile, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, basename } from 'node:path';
import type { Command } from 'commander';
import { loadConfig, type Config } from '../../config/config.js';
import { tuneMalloc } from '../../repositories/allocator.repository.js';
import { ValidationError } from '../../domain/errors.js';
import type { MediaSession } from '../../domain/media-session.js';
import { readTextFileStrict, validatePost } from '../../services/post.validation.js';
import { globalOpts, intOpt } from '../options.js';

// The rest of a check (the analyzers and what they read with, the KB, the reports) loads inside the action, after the
// match decode has been started: see startMatchEarly.
const loadCheckModules = () => Promise.all([
  import('../../services/verification.factory.js'),
  import('../../services/registry.service.js'),
  import('../../repositories/ocr.repository.js'),
  import('../../repositories/c2pa.repository.js'),
  import('./kb.command.js'),
  import('../render/terminal.render.js'),
  import('../render/output.js'),
]);

/**
 * One check in this process: open the media and, for a video with a registry to match against, start hashing the
 * query on its worker thread now. The analyzers' modules then load on this thread while ffmpeg decodes (about half
 * a second of start-up that no longer delays the longest task). The session is handed to the check, so the file is
 * still probed and hashed once.
 */
async function startMatchEarly(path: string, config: Config): Promise<MediaSession | null> {
  const [{ openMedia }, { registryFileExists }, { prefetchVideoQuery, queryTimeoutMs }] = await Promise.all([
    import('../../services/intake/intake.service.js'),
    import('../../db/target.js'),
    import('../../match/query-hasher.js'),
  ]);
  const session = await openMedia(path, config);
  if (session.media.kind === 'video' && registryFileExists(config.db)) {
    prefetchVideoQuery(path, session.media, {
      timeoutMs: queryTimeoutMs(config.timeouts.decodeMs, session.media.duration),
      probe: session.videoProbe, ffmpegPath: config.ffmpegPath, ffprobePath: config.ffprobePath,
    });
  }
  return session;
}

interface CheckOpts {
  caption?: string;
  captionFile?: string;
  postedAt?: string;
  url?: string[];
  html?: string;
  claimreview?: string;
  depth?: 'fast' | 'default' | 'deep';
  kbOverlay?: string[];
  batch?: string;
  out?: string;
  queue?: string;
  concurrency?: string;
}

/** Write a file atomically (temp + rename) so a failure never leaves a partial report. */
export async function writeAtomic(path: string, data: string | Buffer): Promise<void> {
  const tmp = join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
  await writeFile(tmp, data);
  await rename(tmp, path);
}

export function registerCheck(program: Command): void {
  program
    .command('check [file]')
    .description('verify one post: media file or http(s) media URL (optional), caption, links, date')
    .option('--caption <text>', 'the caption posted with the media')
    .option('--caption-file <file>', 'read the caption from a UTF-8 file')
    .option('--posted-at <date>', 'when the post appeared: YYYY-MM-DD or ISO 8601 date-time with offset (2024-03-03T09:00+08:00)')
    .option('--url <url>', 'a link in the post (repeatable)', (v: string, acc: string[] = []) => [...acc, v])
    .option('--html <out.html>', 'also write a self-contained HTML report')
    .option('--claimreview <out.jsonld>', 'also write a schema.org ClaimReview of the post (JSON-LD)')
    .option('--depth <depth>', 'fast | default | deep')
    .option('--kb-overlay <file>', 'merge a local knowledge overlay (JSON; repeatable; config kb.overlays)', (v: string, acc: string[] = []) => [...acc, v])
    .option('--batch <in.jsonl>', 'check every post of a JSONL file ({"id","file"?,"caption"?,"posted_at"?,"urls"?} per line; files relative to it)')
    .option('--out <out.jsonl>', 'with --batch: write the results here (default stdout), one line per input, in order')
    .option('--queue <url>', 'with --batch: run through `genproof worker` processes on this Redis URL (same --db and --blob-dir)')
    .option('--concurrency <n>', 'with --batch: checks at once (default 2; with --queue 16)')
    .action(async (file: string | undefined, opts: CheckOpts, cmd: Command) => {
      const g = globalOpts(cmd);
      if (opts.depth && !['fast', 'default', 'deep'].includes(opts.depth)) throw new ValidationError('bad_usage', '--depth must be fast, default or deep');
      const baseConfig = loadConfig({ file: g.config, overrides: { ...(g.db ? { db: g.db } : {}), ...(g.lang ? { lang: g.lang } : {}), ...(opts.depth ? { check: { depth: opts.depth } } : {}), ...(opts.queue ? { queue: opts.queue } : {}) } });
      // Before any analyzer thread exists (see tuneMalloc).
      tuneMalloc(baseConfig.memory);
      if (opts.batch) {
        const { withKbOverlays } = await import('./kb.command.js');
        const config = withKbOverlays(baseConfig, opts.kbOverlay);
        if (file) throw new ValidationError('bad_usage', 'Give a FILE or --batch, not both.');
        const concurrency = intOpt('concurrency', opts.concurrency, 1, 256) ?? (config.queue ? 16 : 2);
        const { runBatchCommand } = await import('./batch.command.js');
        process.exitCode = await runBatchCommand(config, { in: opts.batch, out: opts.out ?? null, concurrency, quiet: Boolean(g.quiet) });
        return;
      }
      if (g.lang && !['zh', 'en'].includes(g.lang)) throw new ValidationError('bad_usage', '--lang must be zh or en');
      if (opts.caption !== undefined && opts.captionFile) throw new ValidationError('bad_usage', 'Give --caption or --caption-file, not both.');
      let caption = opts.caption ?? null;
      if (opts.captionFile) caption = await readTextFileStrict(opts.captionFile, 'caption file');
      // FILE may be an http(s) URL of a media file: fetched (SSRF-guarded) into a private temp dir first.
      const { fetchMediaUrl, looksLikeUrl } = await import('../../services/url-intake.service.js');
      const urlDir = file && looksLikeUrl(file) ? await mkdtemp(join(tmpdir(), `genproof-url-${process.pid}-`)) : undefined;
      let mediaPath = file ?? null;
      try {
        if (urlDir && file) mediaPath = (await fetchMediaUrl(file, baseConfig, { dir: urlDir })).path;
      } catch (e) {
        await rm(urlDir!, { recursive: true, force: true });
        throw e;
      }
      // A post the check would refuse (a bad date, too many links) starts nothing. Intake errors (missing, empty,
      // corrupt file) surface from the check as before: the early session is only a head start, and the check opens
      // the media itself when there is none.
      validatePost({ file: mediaPath, caption, postedAt: opts.postedAt ?? null, urls: opts.url ?? [] }, baseConfig);
      // Knowledge overlays (flags or config) are read and validated before anything starts, so a bad one stops the
      // check before a decode; without overlays the knowledge base loads later, beside the match decode.
      const overlaid = opts.kbOverlay?.length || baseConfig.kb.overlays.length ? (await import('./kb.command.js')).withKbOverlays(baseConfig, opts.kbOverlay) : null;
      const early = mediaPath ? await startMatchEarly(mediaPath, baseConfig).catch(() => null) : null;
      const [{ createVerificationService }, { RegistryService }, { setOcrIdleRelease }, { setC2paIdleRelease }, { withKbOverlays }, { progressBar, renderTerminal }, { writeReport }] =
        await loadCheckModules();
      let config: Config;
      try {
        config = overlaid ?? withKbOverlays(baseConfig, undefined);
      } catch (e) {
        (await import('../../match/query-hasher.js')).cancelPrefetchedQueries();
        throw e;
      }
      // One check and exit: the OCR models and the C2PA reader give their memory back as soon as they are idle, so
      // what one step held is not still held while the next one peaks (idle timers never keep the process alive).
      setOcrIdleRelease(1);
      setC2paIdleRelease(1);
      const service = createVerificationService(config, {
        openMedia: (path, cfg, signal) => (early && path === mediaPath ? Promise.resolve(early) : import('../../services/intake/intake.service.js').then((m) => m.openMedia(path, cfg, signal))),
      });
      const bar = progressBar(!g.quiet && !g.json && Boolean(process.stderr.isTTY));
      const keyDir = opts.html ? await mkdtemp(join(tmpdir(), 'genproof-frames-')) : undefined;
      try {
        const { result, keyframes } = await service.check(
          { file: mediaPath, caption, postedAt: opts.postedAt ?? null, urls: opts.url ?? [] },
          { onProgress: (p) => bar.update(p.stage, p.fraction), keyframesDir: keyDir },
        );
        bar.done();
        if (opts.html) {
          const frames = await Promise.all(keyframes.map(async (k) => ({ index: k.index, timestamp: k.timestamp, jpeg: await readFile(k.path) })));
          const referenceThumbnails: Record<string, Buffer> = {};
          if (result.matches.length) {
            // Show the matched originals beside the post, as the web report does.
            const registry = RegistryService.open(config);
            try {
              for (const m of result.matches.slice(0, 5)) {
                const t = await registry.thumbnail(m.reference_id).catch(() => null);
                if (t) referenceThumbnails[m.reference_id] = t;
              }
            } finally {
              await registry.close();
            }
          }
          const { renderHtmlReport } = await import('../../report/html.report.js');
          await writeAtomic(opts.html, renderHtmlReport(result, { keyframes: frames, lang: config.lang, referenceThumbnails }));
        }
        if (opts.claimreview) {
          const { toClaimReview } = await import('../../report/claimreview.js');
          await writeAtomic(opts.claimreview, JSON.stringify(toClaimReview(result, { caption, urls: opts.url ?? [], lang: g.lang === 'zh' || g.lang === 'en' ? g.lang : undefined }), null, 2) + '\n');
        }
        if (g.json) process.stdout.write(JSON.stringify(result, null, 2) + '\n');
        else if (!g.quiet) writeReport(renderTerminal(result, config.lang));
        if (config.diagnostics.statsFile) {
          const { toolStats } = await import('../../repositories/tool-stats.repository.js');
          await writeFile(config.diagnostics.statsFile, JSON.stringify(toolStats(), null, 2) + '\n');
        }
      } finally {
        bar.done();
        (await import('../../match/query-hasher.js')).cancelPrefetchedQueries(); // a run the check never asked for
        await service.close();
        if (keyDir) await rm(keyDir, { recursive: true, force: true });
        if (urlDir) await rm(urlDir, { recursive: true, force: true });
      }
    });
}
