import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError, ValidationError } from '../../domain/errors.js';
import { skipValidation, problem, scamBodySchema, scamResultSchema } from '../dto.js';
import { parsePostInput } from '../post-input.js';
import { sendJson } from '../problem.js';
import type { ScamPort } from '../../services/ports.js';
import { field, makePrivateDir, receiveMultipart, removeDir } from '../upload.js';

/** Types only: values and limits are checked by the one post-input schema, so every fault keeps its code. */
const scamBodyShape = z.object({ text: z.string().optional(), urls: z.array(z.string()).optional(), posted_at: z.string().optional() });

export interface ScamRoutesOptions { scam: ScamPort | null; maxCaptionChars: number; maxUploadBytes: number; maxUrls?: number }

export const scamRoutes: FastifyPluginAsyncZod<ScamRoutesOptions> = async (app, opts) => {
  app.post('/api/scam', {
    schema: {
      summary: 'Scam-promotion analysis of a text, its links and images',
      operationId: 'analyzeScam',
      description: 'JSON `{text, urls, posted_at}`, or multipart/form-data with `text`, `urls[]`, `posted_at` and `image` files.',
      tags: ['scam'],
      consumes: ['application/json', 'multipart/form-data'],
      body: scamBodySchema,
      response: { 200: scamResultSchema, 400: problem, 413: problem, 415: problem },
    },
    // JSON bodies are validated in preValidation (with stable codes); multipart is parsed in the handler.
    validatorCompiler: skipValidation,
    preValidation: async (req) => {
      if (req.isMultipart()) return;
      const parsed = scamBodyShape.safeParse(req.body ?? {});
      if (!parsed.success) {
        const i = parsed.error.issues[0];
        throw new ValidationError('invalid_request', `Invalid body.${i.path.join('.')}: ${i.message}`);
      }
      req.body = parsed.data;
    },
  }, async (req, reply) => {
    const limits = { maxCaptionChars: opts.maxCaptionChars, maxUrls: opts.maxUrls, captionName: 'text' };
    if (!opts.scam) throw new AppError('service_unavailable', 'Scam analysis is not available on this server', { httpStatus: 503 });
    let dir: string | null = null;
    let result: unknown;
    try {
      let text: string | null; let urls: string[]; let postedAt: string | null; let images: { path: string; name: string }[] = [];
      if (req.isMultipart()) {
        dir = await makePrivateDir('genproof-scam-');
        const { fields, files } = await receiveMultipart(req, dir, ['image', 'images', 'file'], opts.maxUploadBytes);
        ({ caption: text, postedAt, urls } = parsePostInput(
          { caption: field(fields, 'text'), posted_at: field(fields, 'posted_at'), urls: [...(fields.urls ?? []), ...(fields.url ?? [])] },
          limits,
        ));
        images = files.map((f) => ({ path: f.path, name: f.originalName }));
      } else {
        const b = req.body as { text?: string; urls?: string[]; posted_at?: string };
        ({ caption: text, postedAt, urls } = parsePostInput({ caption: b.text, posted_at: b.posted_at, urls: b.urls }, limits));
      }
      if (!text && urls.length === 0 && images.length === 0) {
        throw new ValidationError('file_or_caption_required', 'Send a text, links or images to analyse');
      }
      result = await opts.scam.analyzeScam({ text, urls, images, postedAt });
    } finally {
      if (dir) await removeDir(dir);
    }
    return sendJson(reply, 200, result);
  });
};
