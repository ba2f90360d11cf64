import { randomUUID } from 'node:crypto';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { NotFoundError, ValidationError, AppError } from '../../domain/errors.js';
import type { CheckResult } from '../../domain/report.js';
import type { JobQueue } from '../../queue/queue.js';
import { JobName } from '../../queue/job.types.js';
import type { BlobStore } from '../../repositories/blob-store.repository.js';
import type { CheckResultsRepository, CheckRow } from '../../repositories/check-results.repository.js';
import { toClaimReview } from '../../report/claimreview.js';
import { renderHtmlReport } from '../../report/html.report.js';
import { keyframeFileName } from '../../report/reverse-search.js';
import { storedZip } from '../../report/stored-zip.js';
import { historyPageSchema, historyQuery, requireResultReader } from '../check-history.js';
import { binaryResponse, checkFormDoc, skipValidation, checkAcceptedSchema, checkStateSchema, frameParams, idParams, langQuery, problem, publicResult } from '../dto.js';
import { sendJson } from '../problem.js';
import { parsePostInput } from '../post-input.js';
import { displayName, field, receiveMultipart } from '../upload.js';

export interface ChecksRoutesOptions {
  queue: JobQueue;
  /** Where checks and their outcomes are stored: the one source the read routes use, whichever process ran them. */
  results: CheckResultsRepository;
  /** Where uploads wait for their check. */
  blobs: BlobStore;
  /** Beyond loopback, results are readable only with `Authorization: Bearer <token>` (null: loopback only). */
  token: string | null;
  maxCaptionChars: number;
  maxUploadBytes: number;
  /** Thumbnail of a registered reference, shown beside the post's frame in the report. */
  thumbnail?: ((id: string) => Promise<Buffer | null>) | null;
  /** Fetch a `media_url` into the request's private dir (SSRF-guarded); absent → `media_url` is refused. */
  fetchMedia?: ((url: string, dir: string) => Promise<{ path: string }>) | null;
  maxUrls?: number;
}

function parseJson<T>(text: string | null): T | null {
  return text ? (JSON.parse(text) as T) : null;
}

export const checksRoutes: FastifyPluginAsyncZod<ChecksRoutesOptions> = async (app, opts) => {
  const { queue, results } = opts;
  app.addHook('onRequest', async (req) => {
    // Reading or deleting checks (someone's upload, its place and time) beyond loopback needs the token.
    if (req.method === 'POST' || !/^\/api\/checks(\/|\?|$)/.test(req.url)) return;
    requireResultReader(req, opts.token);
  });

  async function loadFrames(id: string): Promise<{ index: number; timestamp: number; jpeg: Buffer }[]> {
    const keyframes = [];
    for (const f of await results.frames(id)) {
      const full = await results.frame(id, f.idx);
      if (full) keyframes.push({ index: full.idx, timestamp: full.timestamp, jpeg: full.jpeg });
    }
    return keyframes;
  }

  async function getCheck(id: string): Promise<CheckRow> {
    const row = await results.get(id);
    if (!row) throw new NotFoundError('check_not_found', `No check with id ${id} (unknown, deleted or expired)`);
    return row;
  }

  app.post('/api/checks', {
    schema: {
      summary: 'Queue a verification of one post',
      operationId: 'createCheck',
      description: 'multipart/form-data: `file` (image or video, optional) or `media_url` (http(s) URL of a media file, fetched by the server), `caption`, `posted_at` (YYYY-MM-DD or ISO 8601 date-time with offset), `urls[]`. A file or a caption is required.',
      consumes: ['multipart/form-data'],
      body: checkFormDoc,
      tags: ['checks'],
      response: { 202: checkAcceptedSchema, 400: problem, 413: problem, 415: problem, 422: problem, 429: problem, 502: problem, 503: problem },
    },
    // The body schema documents the form; the multipart stream is validated field by field in the handler.
    validatorCompiler: skipValidation,
  }, async (req, reply) => {
    const blob = await opts.blobs.createDir();
    const workDir = blob.path;
    let id: string | null = null;
    try {
      const { fields, files } = await receiveMultipart(req, workDir, ['file'], opts.maxUploadBytes);
      if (files.length > 1) throw new ValidationError('too_many_files', 'Send one file per check');
      const { caption, postedAt, urls } = parsePostInput(
        { caption: field(fields, 'caption'), posted_at: field(fields, 'posted_at'), urls: [...(fields.urls ?? []), ...(fields.url ?? [])] },
        { maxCaptionChars: opts.maxCaptionChars, maxUrls: opts.maxUrls },
      );
      const mediaUrl = field(fields, 'media_url');
      if (mediaUrl && files.length) throw new ValidationError('file_and_media_url', 'Send a file or a media_url, not both');
      if (mediaUrl && !opts.fetchMedia) throw new ValidationError('url_forbidden', 'This server does not fetch media URLs');
      const file = mediaUrl ? await opts.fetchMedia!(mediaUrl, workDir) : (files[0] ?? null);
      if (!file && !caption && urls.length === 0) {
        throw new ValidationError('file_or_caption_required', 'Send a file, or a caption (and links) for a text-only check');
      }
      id = randomUUID();
      // The row exists before the job can start, so every API instance can answer for it at once.
      const payload = { post: { file: file?.path ?? null, caption, postedAt, urls }, workDir, blobKey: blob.key };
      await results.create({ id, fileName: file ? ('originalName' in file ? String(file.originalName) : displayName(mediaUrl?.split(/[?#]/)[0])) : null, blobKey: blob.key, payload });
      await queue.enqueue(JobName.Check, payload, {
        id, onEvict: () => opts.blobs.remove(blob.key),
      });
      return reply.code(202).send({ id, status: 'queued' as const });
    } catch (e) {
      if (id) await results.delete(id).catch(() => undefined);
      await opts.blobs.remove(blob.key);
      throw e;
    }
  });

  app.get('/api/checks', {
    schema: {
      summary: 'Past checks, newest first (history)',
      operationId: 'listChecks',
      description: '`limit` is clamped to 1–100 (default 20); pass `next_cursor` back as `cursor` for the next page. Beyond loopback: Bearer token.',
      tags: ['checks'], querystring: historyQuery, response: { 200: historyPageSchema, 401: problem },
    },
  }, async (req, reply) => {
    const limit = req.query.limit === undefined ? 20 : Number(req.query.limit);
    return sendJson(reply, 200, await results.list(req.query.cursor ?? null, Number.isFinite(limit) ? limit : 20));
  });

  app.get('/api/checks/:id', {
    schema: { summary: 'Status, progress and result of a check', operationId: 'getCheck', tags: ['checks'], params: idParams, response: { 200: checkStateSchema, 401: problem, 404: problem } },
  }, async (req, reply) => {
    const s = await getCheck(req.params.id);
    const result = s.status === 'done' ? parseJson<CheckResult>(s.result) : null;
    const error = parseJson<{ code: string; message: string }>(s.error);
    const base = `/api/checks/${encodeURIComponent(s.id)}`;
    const frames = result ? await results.frames(s.id) : [];
    return sendJson(reply, 200, {
      id: s.id,
      status: s.status,
      progress: s.status === 'done' ? 1 : s.progress,
      stage: s.stage,
      result: result ? publicResult(result) : null,
      error: error ? { code: error.code, message: error.message } : null,
      keyframes: frames.map((k) => ({ index: k.idx, timestamp: k.timestamp, url: `${base}/frames/${k.idx}.jpg` })),
      report_url: result ? `${base}/report.html` : null,
    });
  });

  app.delete('/api/checks/:id', {
    schema: { summary: 'Delete a check, its result and its files', operationId: 'deleteCheck', tags: ['checks'], params: idParams, response: { 204: z.null().describe('deleted'), 401: problem, 404: problem } },
  }, async (req, reply) => {
    const key = await results.delete(req.params.id);
    if (key === undefined) throw new NotFoundError('check_not_found', `No check with id ${req.params.id}`);
    if (key) await opts.blobs.remove(key).catch(() => undefined);
    return reply.code(204).send(null);
  });

  app.get('/api/checks/:id/report.html', {
    schema: {
      summary: 'The self-contained human report (HTML)', operationId: 'getCheckReport', tags: ['checks'], params: idParams, querystring: langQuery, produces: ['text/html'],
      response: { 200: binaryResponse('text/html', 'one HTML document: inline CSS, images as data URIs, no script'), 401: problem, 404: problem, 409: problem },
    },
  }, async (req, reply) => {
    const s = await getCheck(req.params.id);
    const result = s.status === 'done' ? parseJson<CheckResult>(s.result) : null;
    if (!result) {
      throw new AppError('check_not_done',
        s.status === 'failed' ? `The check failed: ${parseJson<{ message: string }>(s.error)?.message ?? ''}` : `The check is ${s.status}; the report is ready when it is done`);
    }
    const referenceThumbnails: Record<string, Buffer> = {};
    for (const m of result.matches.slice(0, 5)) {
      const jpeg = await opts.thumbnail?.(m.reference_id).catch(() => null);
      if (jpeg) referenceThumbnails[m.reference_id] = jpeg;
    }
    const keyframes = await loadFrames(s.id);
    const html = renderHtmlReport(result, { keyframes, lang: req.query.lang, referenceThumbnails });
    if (req.query.download === '1') reply.header('content-disposition', `attachment; filename="genproof-report-${s.id}.html"`);
    return reply
      .type('text/html; charset=utf-8')
      .header('content-security-policy', "default-src 'none'; img-src data:; style-src 'unsafe-inline'; frame-ancestors 'self'")
      .header('x-content-type-options', 'nosniff')
      .send(html);
  });

  app.get('/api/checks/:id/claimreview.jsonld', {
    schema: { summary: 'schema.org ClaimReview of the post (JSON-LD), for fact-checkers', tags: ['checks'], params: idParams, produces: ['application/ld+json'] },
  }, async (req, reply) => {
    const s = await getCheck(req.params.id);
    const result = s.status === 'done' ? parseJson<CheckResult>(s.result) : null;
    if (!result) throw new AppError('check_not_done', `The check is ${s.status}; its ClaimReview is ready when it is done`, { httpStatus: 409 });
    const review = toClaimReview(result, { url: `${req.protocol}://${req.host}/api/checks/${encodeURIComponent(s.id)}/report.html` });
    return reply.type('application/ld+json; charset=utf-8').send(JSON.stringify(review, null, 2));
  });

  app.get('/api/checks/:id/frames/:n.jpg', {
    schema: {
      summary: 'A keyframe of a check (full-resolution JPEG)', operationId: 'getCheckKeyframe', tags: ['checks'], params: frameParams, produces: ['image/jpeg'],
      response: { 200: binaryResponse('image/jpeg', 'the keyframe'), 401: problem, 404: problem },
    },
  }, async (req, reply) => {
    const s = await getCheck(req.params.id);
    const f = await results.frame(s.id, req.params.n);
    if (!f) throw new NotFoundError('frame_not_found', `Check ${s.id} has no keyframe ${req.params.n}`);
    return reply.type('image/jpeg')
      .header('cache-control', 'private, max-age=3600')
      .header('content-disposition', `inline; filename="${keyframeFileName(f.idx, f.timestamp)}"`)
      .send(f.jpeg);
  });

  app.get('/api/checks/:id/frames.zip', {
    schema: {
      summary: 'All keyframes of a check as one ZIP (full-resolution JPEGs, for reverse image search)',
      operationId: 'getCheckKeyframesZip', tags: ['checks'], params: idParams, produces: ['application/zip'],
      response: { 200: binaryResponse('application/zip', 'a stored ZIP of keyframe-NN-T.TTs.jpg'), 401: problem, 404: problem, 409: problem },
    },
  }, async (req, reply) => {
    const s = await getCheck(req.params.id);
    if (s.status !== 'done') throw new AppError('check_not_done', `The check is ${s.status}; keyframes are ready when it is done`);
    const frames = await loadFrames(s.id);
    if (frames.length === 0) throw new NotFoundError('frame_not_found', `Check ${s.id} has no keyframes (text-only check?)`);
    const zip = storedZip(frames.map((f) => ({ name: keyframeFileName(f.index, f.timestamp), data: f.jpeg })));
    return reply.type('application/zip')
      .header('content-disposition', `attachment; filename="genproof-${s.id}-keyframes.zip"`)
      .header('cache-control', 'private, max-age=3600')
      .send(zip);
  });
};
