import type { FastifyInstance } from 'fastify';
import { sendProblem } from './problem.js';

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '::1', '[::1]']);

function hostname(hostHeader: string): string {
  // "[::1]:8080" → "[::1]", "example.org:80" → "example.org"
  const m = /^(\[[^\]]+\]|[^:]+)(?::\d+)?$/.exec(hostHeader.trim().toLowerCase());
  return m ? m[1] : '';
}

/**
 * Browser-facing guards for a desk that usually runs on the user's own machine:
 * - when bound to loopback, only loopback Host headers are answered (defeats DNS rebinding);
 * - state-changing requests (POST…) from another origin are refused (a web page elsewhere cannot make the
 *   user's local desk register files or run checks; multipart forms need no CORS preflight).
 */
export function installGuards(app: FastifyInstance, opts: { bindHost: string; allowedHosts?: string[] }): void {
  const loopbackOnly = LOOPBACK.has(opts.bindHost) || opts.bindHost.startsWith('127.');
  const extra = new Set((opts.allowedHosts ?? []).map((h) => h.toLowerCase()));
  app.addHook('onRequest', async (req, reply) => {
    const host = hostname(req.headers.host ?? '');
    if (loopbackOnly && !LOOPBACK.has(host) && !host.startsWith('127.') && !extra.has(host)) {
      return sendProblem(reply, 421, 'host_not_allowed', `This server answers only on loopback, not for host "${host}"`);
    }
    if (req.method !== 'GET' && req.method !== 'HEAD' && req.method !== 'OPTIONS') {
      const origin = req.headers.origin;
      if (origin && origin !== 'null') {
        let originHost = '';
        try {
          originHost = new URL(origin).host.toLowerCase();
        } catch {
          /* unparsable origin: refuse below */
        }
        if (originHost !== (req.headers.host ?? '').toLowerCase()) {
          return sendProblem(reply, 403, 'cross_origin_forbidden', `Requests from ${origin} are not accepted; use the desk's own page or a non-browser client`);
        }
      } else if (origin === 'null') {
        return sendProblem(reply, 403, 'cross_origin_forbidden', 'Requests from an opaque origin are not accepted');
      }
    }
  });
}
