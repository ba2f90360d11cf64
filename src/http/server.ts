import type { Config } from '../config/config.js';
import { prepareDemo, type DemoAssets } from '../services/demo.service.js';
import { RegistryService } from '../services/registry.service.js';
import { ScamService } from '../services/scam.service.js';
import { createVerificationService } from '../services/verification.factory.js';
import { buildApp, type GenproofApp } from './app.js';
import { assertSafeBind } from './hardening.js';
import { sweepStaleTempDirs } from './temp-sweep.js';
import { demoPort, registryPort, scamPort } from './service-adapters.js';

export interface ServeOptions {
  config: Config;
  /** Generate + register the demo clip and offer the "repost captioned as Sora" on the page. */
  demo?: boolean;
  /** Human progress lines (stderr). */
  log?: (msg: string) => void;
  logger?: boolean | { level: string };
}

export interface RunningServer extends GenproofApp {
  url: string;
  demo: DemoAssets | null;
  close(): Promise<void>;
}

/** Wire the real services into the HTTP app and listen on config.server.host:port. */
export async function startServer(opts: ServeOptions): Promise<RunningServer> {
  const { config } = opts;
  const log = opts.log ?? (() => {});
  assertSafeBind(config);
  const swept = await sweepStaleTempDirs();
  if (swept.length) log(`removed ${swept.length} temp dir(s) left by a server that was killed: ${swept.slice(0, 5).join(', ')}`);
  const verification = createVerificationService(config);
  const registry = RegistryService.open(config);
  let demo: DemoAssets | null = null;
  try {
    if (opts.demo) demo = await prepareDemo(config, registry, log);
    const built = await buildApp({
      config,
      checks: verification,
      registry: registryPort(registry),
      scam: scamPort(new ScamService({ qrTimeoutMs: config.timeouts.decodeMs })),
      demo: demoPort(demo),
      logger: opts.logger,
      onClose: async () => {
        await verification.close();
        await registry.close();
      },
    });
    const address = await built.app.listen({ host: config.server.host, port: config.server.port });
    return { ...built, url: address, demo, close: () => built.app.close() };
  } catch (e) {
    await verification.close().catch(() => {});
    await registry.close().catch(() => {});
    throw e;
  }
}
