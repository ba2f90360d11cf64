import { mkdir, readFile, rm } from 'node:fs/promises';
import { join, relative, isAbsolute } from 'node:path';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { NotFoundError, ValidationError, AppError } from '../../domain/errors.js';
import type { CheckResult, Keyframe } from '../../domain/report.js';
import type { JobQueue } from '../../queue/queue.js';
import { JobName, type JobState } from '../../queue/job.types.js';
import { renderHtmlReport } from '../../report/html.report.js';
import { keyframeFileName } from '../../report/reverse-search.js';
import { storedZip } from '../../report/stored-zip.js';
import { binaryResponse, checkFormDoc, skipValidation, checkAcceptedSchema, checkStateSchema, frameParams, idParams, langQuery, problem, publicResult } from '../dto.js';
import { sendJson } from '../problem.js';
import { parseCaption, parsePostedAt, parseUrls } from '../post-input.js';
import { field, makePrivateDir, receiveMultipart, removeDir } from '../upload.js';
import type { CheckRunnerPort } from '../ports.js';

export interface CheckOutcomeView { result: CheckResult; keyframes: Keyframe[]; workDir: string }

export interface ChecksRoutesOptions {
  queue: JobQueue;
  maxCaptionChars: number;
  maxUploadBytes: number;
  /** Thumbnail of a registered reference, shown beside the post's frame in the report. */
  thumbnail?: ((id: string) => Promise<Buffer | null>) | null;
}

/** Register the `check` job handler: runs the verification service inside the job's private directory. */
export function registerCheckJob(queue: JobQueue, runner: CheckRunnerPort): void {
  queue.register(JobName.Check, async ({ post, workDir }, ctx): Promise<CheckOutcomeView> => {
    ctx.progress(0.01, 'start');
    const keyframesDir = join(workDir, 'frames');
    await mkdir(keyframesDir, { recursive: true, mode: 0o700 });
    try {
      const outcome = await runner.check(post, {
        signal: ctx.signal,
        keyframesDir,
        onProgress: (p) => ctx.progress(p.fraction, p.stage),
      });
      return { result: outcome.result, keyframes: outcome.keyframes, workDir };
    } finally {
      // The upload is not needed once the check ran; only the small keyframes stay until the job is evicted.
      if (post.file) await rm(post.file, { force: true });
    }
  });
}

function outcomeOf(state: JobState): CheckOutcomeView | null {
  return state.status === 'done' ? (state.result as CheckOutcomeView) : null;
}

/** A keyframe path is served only when it lies inside the job's own directory. */
function insideDir(dir: string, path: string): boolean {
  const rel = relative(dir, path);
  return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel);
}

export const checksRoutes: FastifyPluginAsyncZod<ChecksRoutesOptions> = async (app, opts) => {
  const { queue } = opts;

  async function getJob(id: string): Promise<JobState> {
    const s = await queue.get(id);
    if (!s || s.name !== JobName.Check) throw new NotFoundError('check_not_found', `No check with id ${id} (unknown or expired)`);
    return s;
  }

  app.post('/api/checks', {
    schema: {
      summary: 'Queue a verification of one post',
      operationId: 'createCheck',
      description: 'multipart/form-data: `file` (image or video, optional), `caption`, `posted_at` (YYYY-MM-DD), `urls[]`. A file or a caption is required.',
      consumes: ['multipart/form-data'],
      body: checkFormDoc,
      tags: ['checks'],
      response: { 202: checkAcceptedSchema, 400: problem, 413: problem, 415: problem, 422: problem, 429: problem, 503: problem },
    },
    // The body schema documents the form; the multipart stream is validated field by field in the handler.
    validatorCompiler: skipValidation,
  }, async (req, reply) => {
    const workDir = await makePrivateDir('genproof-check-');
    try {
      const { fields, files } = await receiveMultipart(req, workDir, ['file'], opts.maxUploadBytes);
      if (files.length > 1) throw new ValidationError('too_many_files', 'Send one file per check');
      const caption = parseCaption(field(fields, 'caption'), opts.maxCaptionChars);
      const postedAt = parsePostedAt(field(fields, 'posted_at'));
      const urls = parseUrls([...(fields.urls ?? []), ...(fields.url ?? [])]);
      const file = files[0] ?? null;
      if (!file && !caption && urls.length === 0) {
        throw new ValidationError('file_or_caption_required', 'Send a file, or a caption (and links) for a text-only check');
      }
      const id = await queue.enqueue(JobName.Check, { post: { file: file?.path ?? null, caption, postedAt, urls }, workDir }, {
        onEvict: () => removeDir(workDir),
      });
      return reply.code(202).send({ id, status: 'queued' as const });
    } catch (e) {
      await removeDir(workDir);
      throw e;
    }
  });

  app.get('/api/checks/:id', {
    schema: { summary: 'Status, progress and result of a check', operationId: 'getCheck', tags: ['checks'], params: idParams, response: { 200: checkStateSchema, 404: problem } },
  }, async (req, reply) => {
    const s = await getJob(req.params.id);
    const out = outcomeOf(s);
    const base = `/api/checks/${encodeURIComponent(s.id)}`;
    return sendJson(reply, 200, {
      id: s.id,
      status: s.status,
      progress: s.progress,
      stage: s.stage,
      result: out ? publicResult(out.result) : null,
      error: s.error ? { code: s.error.code, message: s.error.message } : null,
      keyframes: (out?.keyframes ?? []).map((k) => ({ index: k.index, timestamp: k.timestamp, url: `${base}/frames/${k.index}.jpg` })),
      report_url: out ? `${base}/report.html` : null,
    });
  });

  async function loadFrames(out: CheckOutcomeView): Promise<{ index: number; timestamp: number; jpeg: Buffer }[]> {
    const frames = [];
    for (const k of out.keyframes) {
      if (!insideDir(out.workDir, k.path)) continue;
      try {
        frames.push({ index: k.index, timestamp: k.timestamp, jpeg: await readFile(k.path) });
      } catch {
        /* a missing frame is left out of the report */
      }
    }
    return frames;
  }

  app.get('/api/checks/:id/report.html', {
    schema: {
      summary: 'The self-contained human report (HTML)', operationId: 'getCheckReport', tags: ['checks'], params: idParams, querystring: langQuery, produces: ['text/html'],
      response: { 200: binaryResponse('text/html', 'one HTML document: inline CSS, images as data URIs, no script'), 404: problem, 409: problem },
    },
  }, async (req, reply) => {
    const s = await getJob(req.params.id);
    const out = outcomeOf(s);
    if (!out) {
      throw new AppError('check_not_done',
        s.status === 'failed' ? `The check failed: ${s.error?.message ?? ''}` : `The check is ${s.status}; the report is ready when it is done`);
    }
    const referenceThumbnails: Record<string, Buffer> = {};
    for (const m of out.result.matches.slice(0, 5)) {
      const jpeg = await opts.thumbnail?.(m.reference_id).catch(() => null);
      if (jpeg) referenceThumbnails[m.reference_id] = jpeg;
    }
    const html = renderHtmlReport(out.result, { keyframes: await loadFrames(out), lang: req.query.lang, referenceThumbnails });
    if (req.query.download === '1') reply.header('content-disposition', `attachment; filename="genproof-report-${s.id}.html"`);
    return reply
      .type('text/html; charset=utf-8')
      .header('content-security-policy', "default-src 'none'; img-src data:; style-src 'unsafe-inline'; frame-ancestors 'self'")
      .header('x-content-type-options', 'nosniff')
      .send(html);
  });

  app.get('/api/checks/:id/frames/:n.jpg', {
    schema: {
      summary: 'A keyframe of a check (full-resolution JPEG)', operationId: 'getCheckKeyframe', tags: ['checks'], params: frameParams, produces: ['image/jpeg'],
      response: { 200: binaryResponse('image/jpeg', 'the keyframe'), 404: problem },
    },
  }, async (req, reply) => {
    const s = await getJob(req.params.id);
    const out = outcomeOf(s);
    const k = out?.keyframes.find((f) => f.index === req.params.n);
    if (!out || !k || !insideDir(out.workDir, k.path)) throw new NotFoundError('frame_not_found', `Check ${s.id} has no keyframe ${req.params.n}`);
    let jpeg: Buffer;
    try {
      jpeg = await readFile(k.path);
    } catch {
      throw new NotFoundError('frame_not_found', `Keyframe ${req.params.n} of check ${s.id} is gone`);
    }
    return reply.type('image/jpeg')
      .header('cache-control', 'private, max-age=3600')
      .header('content-disposition', `inline; filename="${keyframeFileName(k.index, k.timestamp)}"`)
      .send(jpeg);
  });

  app.get('/api/checks/:id/frames.zip', {
    schema: {
      summary: 'All keyframes of a check as one ZIP (full-resolution JPEGs, for reverse image search)',
      operationId: 'getCheckKeyframesZip', tags: ['checks'], params: idParams, produces: ['application/zip'],
      response: { 200: binaryResponse('application/zip', 'a stored ZIP of keyframe-NN-T.TTs.jpg'), 404: problem, 409: problem },
    },
  }, async (req, reply) => {
    const s = await getJob(req.params.id);
    const out = outcomeOf(s);
    if (!out) throw new AppError('check_not_done', `The check is ${s.status}; keyframes are ready when it is done`);
    const frames = await loadFrames(out);
    if (frames.length === 0) throw new NotFoundError('frame_not_found', `Check ${s.id} has no keyframes (text-only check?)`);
    const zip = storedZip(frames.map((f) => ({ name: keyframeFileName(f.index, f.timestamp), data: f.jpeg })));
    return reply.type('application/zip')
      .header('content-disposition', `attachment; filename="genproof-${s.id}-keyframes.zip"`)
      .header('cache-control', 'private, max-age=3600')
      .send(zip);
  });
};
