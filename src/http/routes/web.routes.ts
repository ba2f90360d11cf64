import { existsSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { dirname, extname, join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyPluginAsync } from 'fastify';
import { NotFoundError } from '../../domain/errors.js';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml', '.png': 'image/png', '.ico': 'image/x-icon', '.json': 'application/json', '.webmanifest': 'application/manifest+json',
};

/** The built page: <package>/dist/web, found from src/http/routes (tsx) and dist/http/routes (compiled) alike. */
export function findWebDir(): string | null {
  const here = dirname(fileURLToPath(import.meta.url));
  for (const c of [join(here, '..', '..', '..', 'dist', 'web')]) {
    if (existsSync(join(c, 'index.html'))) return resolve(c);
  }
  return null;
}

const NOT_BUILT = `<!doctype html><meta charset="utf-8"><title>genproof</title>
<p>The web page is not built. Run <code>npm run build</code> (or <code>npx vite build</code>), then reload. The API is up: <a href="/openapi.json">/openapi.json</a>.</p>`;

/** A tiny static handler for the built page: fixed root, no directory listing, no path escapes. */
export const webRoutes: FastifyPluginAsync<{ webDir: string | null }> = async (app, opts) => {
  const root = opts.webDir;
  const csp = "default-src 'self'; img-src 'self' data: blob:; style-src 'self' 'unsafe-inline'; frame-src 'self'; object-src 'none'; base-uri 'none'";
  app.get('/', { schema: { hide: true } }, async (_req, reply) => {
    reply.header('content-security-policy', csp).type('text/html; charset=utf-8');
    if (!root) return reply.send(NOT_BUILT);
    return reply.header('cache-control', 'no-cache').send(await readFile(join(root, 'index.html')));
  });
  app.get('/assets/*', { schema: { hide: true } }, async (req, reply) => {
    const rel = (req.params as { '*': string })['*'];
    if (!root) throw new NotFoundError('route_not_found', 'The web page is not built');
    const path = resolve(root, 'assets', rel);
    if (!path.startsWith(join(root, 'assets') + sep)) throw new NotFoundError('route_not_found', 'No such asset');
    const st = await stat(path).catch(() => null);
    if (!st?.isFile()) throw new NotFoundError('route_not_found', `No asset ${rel}`);
    return reply
      .type(TYPES[extname(path)] ?? 'application/octet-stream')
      .header('cache-control', 'public, max-age=31536000, immutable')
      .header('x-content-type-options', 'nosniff')
      .send(await readFile(path));
  });
};
