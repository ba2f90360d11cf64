import { createReadStream } from 'node:fs';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { NotFoundError } from '../../domain/errors.js';
import { binaryResponse, problem } from '../dto.js';
import type { DemoPort } from '../../services/ports.js';

/** The demo repost offered on the page when the server runs with --demo. */
export const demoRoutes: FastifyPluginAsyncZod<{ demo: DemoPort | null }> = async (app, opts) => {
  app.get('/api/demo', {
    schema: {
      summary: 'The demo post ("repost captioned as Sora"), when the server runs with --demo',
      tags: ['demo'],
      operationId: 'getDemo',
      response: { 200: z.object({ caption: z.string(), posted_at: z.string(), file_name: z.string(), file_url: z.string() }).meta({ id: 'Demo' }), 404: problem },
    },
  }, async () => {
    const info = opts.demo?.info();
    if (!info) throw new NotFoundError('demo_unavailable', 'This server was not started with --demo');
    return { ...info, file_url: '/api/demo/file' };
  });
  app.get('/api/demo/file', { schema: { summary: 'The demo clip', operationId: 'getDemoFile', tags: ['demo'], produces: ['video/mp4'], response: { 200: binaryResponse('video/mp4', 'the demo repost'), 404: problem } } }, async (_req, reply) => {
    const file = opts.demo?.file();
    if (!file) throw new NotFoundError('demo_unavailable', 'This server was not started with --demo');
    return reply.type('video/mp4').send(createReadStream(file));
  });
};
