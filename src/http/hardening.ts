import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import type { FastifyInstance } from 'fastify';
import type { Config } from '../config/config.js';
import { AppError, ConfigError } from '../domain/errors.js';

const WRITE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** Is this bind address reachable only from this machine? */
export function isLoopbackHost(host: string): boolean {
  const h = host.trim().toLowerCase().replace(/^\[|\]$/g, '');
  return h === 'localhost' || h === '::1' || h.startsWith('127.');
}

/**
 * A desk reachable from the network must not let strangers write to its registry: refuse to start beyond
 * loopback without a token (config `server.token`, `--token`, env GENPROOF_SERVER__TOKEN).
 */
export function assertSafeBind(config: Config): void {
  if (isLoopbackHost(config.server.host)) return;
  const token = config.server.token ?? '';
  if (token.length < 16) {
    throw new ConfigError('config_invalid',
      `Listening on ${config.server.host} (beyond loopback) needs a registry write token of at least 16 characters: ` +
      'pass --token <secret> or set GENPROOF_SERVER__TOKEN, or bind 127.0.0.1. ' +
      '对外监听时必须设置至少16个字符的写入令牌（--token 或 GENPROOF_SERVER__TOKEN），或只绑定 127.0.0.1。');
  }
}

/**
 * Security headers and per-client rate limits. Must be registered before the routes (the rate limiter hooks
 * routes as they are added). Pages that need more (the desk, the report) set their own CSP on the reply.
 */
export async function installHardening(app: FastifyInstance, config: Config): Promise<void> {
  await app.register(helmet, {
    // A strict default for API answers; `/` and report.html override it with the CSP they need.
    contentSecurityPolicy: { useDefaults: false, directives: { defaultSrc: ["'none'"], frameAncestors: ["'self'"], baseUri: ["'none'"], formAction: ["'self'"] } },
    // Desks often run over plain http on a LAN; HSTS there would only confuse browsers.
    hsts: false,
    crossOriginEmbedderPolicy: false,
  });
  await app.register(rateLimit, {
    global: true,
    max: config.api.postsPerMinute,
    timeWindow: 60_000,
    // Only state-changing requests are limited: reading a result or polling progress stays free.
    allowList: (req) => !WRITE_METHODS.has(req.method),
    errorResponseBuilder: (_req, ctx) =>
      new AppError('rate_limited', `Too many requests: at most ${ctx.max} per minute per client; retry in ${ctx.after}`, { httpStatus: 429, exitCode: 2 }),
  });
}
