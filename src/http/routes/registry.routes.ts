import { timingSafeEqual, createHash } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { AppError, NotFoundError, ValidationError } from '../../domain/errors.js';
import type { ReferenceLabel } from '../../domain/match.js';
import { binaryResponse, registryFormDoc, skipValidation, idParams, problem, registryAddedSchema, registryPageQuery, registryPageSchema } from '../dto.js';
import type { RegistryPort } from '../../services/ports.js';
import { field, makePrivateDir, receiveMultipart, removeDir } from '../upload.js';

export interface RegistryRoutesOptions {
  registry: RegistryPort | null;
  /** When set, POST /api/registry needs `Authorization: Bearer <token>`. */
  token: string | null;
  maxUploadBytes: number;
}

const LABELS: ReferenceLabel[] = ['original', 'ai', 'scam_poster'];
const SLUG = /^[a-z0-9]+(?:[-.][a-z0-9]+)*$/;

function sha(s: string): Buffer {
  return createHash('sha256').update(s).digest();
}

/** Constant-time bearer token check. */
export function checkBearer(req: FastifyRequest, token: string | null): void {
  if (!token) return;
  const h = req.headers.authorization ?? '';
  const m = /^Bearer\s+(.+)$/i.exec(h);
  if (!m) throw new AppError('unauthorized', 'This registry needs Authorization: Bearer <token> to add references', { httpStatus: 401 });
  if (!timingSafeEqual(sha(m[1].trim()), sha(token))) throw new AppError('unauthorized', 'The bearer token is not valid', { httpStatus: 401 });
}

export const registryRoutes: FastifyPluginAsyncZod<RegistryRoutesOptions> = async (app, opts) => {
  function registry(): RegistryPort {
    if (!opts.registry) throw new AppError('service_unavailable', 'No registry is configured on this server', { httpStatus: 503 });
    return opts.registry;
  }

  app.get('/api/registry', {
    schema: { summary: 'Registered references, paged', operationId: 'listReferences', tags: ['registry'], querystring: registryPageQuery, response: { 200: registryPageSchema, 400: problem } },
  }, async (req) => {
    const { offset, limit } = req.query;
    const page = await registry().list({ offset, limit });
    return {
      total: page.total, offset, limit,
      items: page.items.map((r) => ({ ...r, thumbnail_url: `/api/registry/${encodeURIComponent(r.id)}/thumbnail.jpg` })),
    };
  });

  app.get('/api/registry/:id/thumbnail.jpg', {
    schema: { summary: 'Thumbnail of a reference (JPEG)', operationId: 'getReferenceThumbnail', tags: ['registry'], params: idParams, produces: ['image/jpeg'], response: { 200: binaryResponse('image/jpeg', 'the thumbnail'), 404: problem } },
  }, async (req, reply) => {
    const reg = registry();
    const jpeg = await reg.thumbnail(req.params.id);
    if (!jpeg) {
      const exists = await reg.exists(req.params.id);
      throw exists
        ? new NotFoundError('reference_not_found', `Reference ${req.params.id} has no thumbnail`)
        : new NotFoundError('reference_not_found', `No reference with id ${req.params.id}`);
    }
    return reply.type('image/jpeg').header('cache-control', 'public, max-age=86400').send(jpeg);
  });

  app.post('/api/registry', {
    schema: {
      summary: 'Register reference media (originals, AI outputs, scam posters)',
      operationId: 'addReferences',
      description: 'multipart/form-data: `file` (one or more), `label` (original|ai|scam_poster), `source`, `generator`. Needs `Authorization: Bearer <token>` when the server has a token.',
      consumes: ['multipart/form-data'],
      body: registryFormDoc,
      tags: ['registry'],
      security: [{ bearer: [] }],
      response: { 201: registryAddedSchema, 400: problem, 401: problem, 413: problem, 415: problem },
    },
    validatorCompiler: skipValidation,
  }, async (req, reply) => {
    checkBearer(req, opts.token);
    const reg = registry();
    const dir = await makePrivateDir('genproof-reg-');
    let ids: string[];
    try {
      const { fields, files } = await receiveMultipart(req, dir, ['file', 'files'], opts.maxUploadBytes);
      if (files.length === 0) throw new ValidationError('file_required', 'Send at least one file to register');
      const label = (field(fields, 'label') ?? 'original') as ReferenceLabel;
      if (!LABELS.includes(label)) throw new ValidationError('invalid_label', `label must be one of ${LABELS.join(', ')}`);
      const generator = field(fields, 'generator');
      if (generator && !SLUG.test(generator)) throw new ValidationError('invalid_generator', 'generator must be a lowercase slug such as sora-2');
      const source = field(fields, 'source');
      if (source && source.length > 2000) throw new ValidationError('invalid_source', 'source is longer than 2000 characters');
      ({ ids } = await reg.add(files.map((f) => ({ path: f.path, name: f.originalName })), { label, source, generator }));
    } finally {
      // Removed before answering: the registry keeps its own copy/hashes, never our temp file.
      await removeDir(dir);
    }
    return reply.code(201).send({ ids, id: ids[0] ?? '' });
  });
};
