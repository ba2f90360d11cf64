import type { Command } from 'commander';
import { loadConfig, type ConfigOverrides } from '../../config/config.js';
import { ValidationError } from '../../domain/errors.js';
import { setC2paIdleRelease } from '../../repositories/c2pa.repository.js';
import { tuneMalloc } from '../../repositories/allocator.repository.js';
import { setOcrIdleRelease } from '../../repositories/ocr.repository.js';
import { globalOpts, intOpt } from '../options.js';
import { withKbOverlays } from './kb.command.js';

interface ServeOpts {
  port?: string;
  host?: string;
  demo?: boolean;
  token?: string;
  concurrency?: string;
  log?: boolean;
  kbOverlay?: string[];
  queue?: string;
  blobDir?: string;
}

/** Run the server until SIGINT/SIGTERM. Shared by `genproof serve` and src/bin/server.ts. */
export async function serveUntilSignal(overrides: ConfigOverrides, opts: { demo?: boolean; configFile?: string; log?: boolean; kbOverlay?: string[] }): Promise<void> {
  const t0 = performance.now();
  const config = withKbOverlays(loadConfig({ file: opts.configFile, overrides }), opts.kbOverlay);
  const log = (m: string) => process.stderr.write(`genproof: ${m}\n`);
  tuneMalloc(config.memory);
  setOcrIdleRelease(config.memory.ocrIdleReleaseMs);
  setC2paIdleRelease(config.memory.c2paIdleReleaseMs);
  const { startServer } = await import('../../http/server.js');
  const server = await startServer({ config, demo: opts.demo, log, logger: opts.log ? { level: 'info' } : false });
  log(`serving the desk on ${server.url}  — open ${server.url}/ in a browser (API: ${server.url}/openapi.json; ready in ${((performance.now() - t0) / 1000).toFixed(1)} s)`);
  if (config.server.token) log('registry writes need Authorization: Bearer <token>');
  await new Promise<void>((resolve) => {
    const stop = () => {
      log('shutting down');
      server.close().then(resolve, resolve);
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
}

export function registerServe(program: Command): void {
  program
    .command('serve')
    .description('HTTP API + web desk (binds 127.0.0.1:8080 by default)')
    .option('--port <port>', 'port (default 8080; 0 = any free port)')
    .option('--host <host>', 'address to bind (default 127.0.0.1)')
    .option('--demo', 'generate and register a demo clip, offer a "repost captioned as Sora" on the page')
    .option('--token <token>', 'require Authorization: Bearer <token> for registry writes (env GENPROOF_SERVER__TOKEN)')
    .option('--concurrency <n>', 'checks that run at once (default 2)')
    .option('--log', 'log every request (pino, stdout)')
    .option('--kb-overlay <file>', 'merge a local knowledge overlay (JSON; repeatable; config kb.overlays)', (v: string, acc: string[] = []) => [...acc, v])
    .option('--queue <url>', 'enqueue checks on BullMQ at this Redis URL for `genproof worker` processes (env GENPROOF_QUEUE)')
    .option('--blob-dir <dir>', 'upload directory shared with the workers (env GENPROOF_SERVER__BLOB_DIR)')
    .action(async (opts: ServeOpts, cmd: Command) => {
      const g = globalOpts(cmd);
      const server: NonNullable<ConfigOverrides['server']> = {};
      const port = intOpt('port', opts.port, 0, 65535);
      const concurrency = intOpt('concurrency', opts.concurrency, 1, 64);
      if (port !== undefined) server.port = port;
      if (concurrency !== undefined) server.concurrency = concurrency;
      if (opts.host) server.host = opts.host;
      if (opts.token) server.token = opts.token;
      if (opts.blobDir) server.blobDir = opts.blobDir;
      await serveUntilSignal({ ...(g.db ? { db: g.db } : {}), ...(opts.queue ? { queue: opts.queue } : {}), server }, { demo: opts.demo, configFile: g.config, log: opts.log, kbOverlay: opts.kbOverlay });
    });
}
