import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { AppError } from '../domain/errors.js';

export const historyQuery = z.object({
  cursor: z.string().max(400).optional(),
  limit: z.string().max(10).optional(),
});

export const historyItemSchema = z.object({
  id: z.string(),
  status: z.enum(['queued', 'running', 'done', 'failed']),
  created_at: z.string(),
  rating: z.string().nullable(),
  quadrant: z.string().nullable(),
  file_name: z.string().nullable(),
});

export const historyPageSchema = z.object({ items: z.array(historyItemSchema), next_cursor: z.string().nullable() });

function isLoopbackIp(ip: string): boolean {
  return ip === '::1' || ip.startsWith('127.') || ip.startsWith('::ffff:127.');
}

const sha = (s: string) => createHash('sha256').update(s).digest();

/**
 * Checks hold someone's upload and where and when it was made: beyond loopback (or through a proxy, which forwards
 * the client's address) they are readable only with the server's Bearer token; without a token, only on loopback.
 */
export function requireResultReader(req: FastifyRequest, token: string | null): void {
  const proxied = req.headers['x-forwarded-for'] !== undefined || req.headers.forwarded !== undefined;
  if (isLoopbackIp(req.ip) && !proxied) return;
  if (!token) {
    throw new AppError('unauthorized', 'Check results are readable beyond loopback only when the server has a token (--token) and the request sends it', { httpStatus: 401 });
  }
  const m = /^Bearer\s+(.+)$/i.exec(req.headers.authorization ?? '');
  if (!m || !timingSafeEqual(sha(m[1].trim()), sha(token))) {
    throw new AppError('unauthorized', 'Reading check results needs Authorization: Bearer <token>', { httpStatus: 401 });
  }
}
