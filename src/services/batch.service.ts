import { randomUUID } from 'node:crypto';
import { copyFile, readFile, stat } from 'node:fs/promises';
import { basename, dirname, extname, isAbsolute, join, resolve } from 'node:path';
import { AppError, ValidationError } from '../domain/errors.js';
import type { Post } from '../domain/post.js';
import { JobName } from '../queue/job.types.js';
import type { JobQueue } from '../queue/queue.js';
import type { BlobStore } from '../repositories/blob-store.repository.js';
import type { CheckResultsRepository } from '../repositories/check-results.repository.js';
import { toJobError } from '../queue/queue.js';

/** One input line: `{"id","file"?,"caption"?,"posted_at"?,"urls"?}`. */
export interface BatchItem {
  id: string;
  post: Post;
}

/** One output line: the check JSON with the input's id, or the error. */
export type BatchOutput = ({ id: string | null } & Record<string, unknown>) | { id: string | null; error: { code: string; message: string } };

/** A line that could not become a post: reported in place, in order. */
interface BadLine { id: string | null; error: { code: string; message: string } }

/**
 * Read a JSONL batch: one post per line (blank lines skipped). `file` paths are relative to the batch file's folder.
 * A malformed line becomes an error output; a missing batch file throws.
 */
export async function readBatch(path: string): Promise<(BatchItem | BadLine)[]> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch {
    throw new ValidationError('file_not_found', `Batch file not found: ${path}`);
  }
  const base = dirname(resolve(path));
  const out: (BatchItem | BadLine)[] = [];
  text.split(/\r?\n/).forEach((line, i) => {
    if (!line.trim()) return;
    let v: Record<string, unknown>;
    try {
      v = JSON.parse(line);
      if (typeof v !== 'object' || v === null || Array.isArray(v)) throw new Error('not an object');
    } catch (e) {
      out.push({ id: null, error: { code: 'invalid_json', message: `Line ${i + 1} is not a JSON object: ${(e as Error).message}` } });
      return;
    }
    const id = typeof v.id === 'string' || typeof v.id === 'number' ? String(v.id) : null;
    const bad = (message: string) => out.push({ id, error: { code: 'invalid_request', message: `Line ${i + 1}: ${message}` } });
    if (id === null) return bad('needs an "id" (string)');
    for (const k of ['file', 'caption', 'posted_at'] as const) if (v[k] !== undefined && v[k] !== null && typeof v[k] !== 'string') return bad(`"${k}" must be a string`);
    if (v.urls !== undefined && (!Array.isArray(v.urls) || v.urls.some((u) => typeof u !== 'string'))) return bad('"urls" must be an array of strings');
    const file = typeof v.file === 'string' && v.file ? (isAbsolute(v.file) ? v.file : resolve(base, v.file)) : null;
    out.push({ id, post: { file, caption: (v.caption as string | undefined) ?? null, postedAt: (v.posted_at as string | undefined) ?? null, urls: (v.urls as string[] | undefined) ?? [] } });
  });
  return out;
}

/**
 * Check every item with `check` (at most `concurrency` at once) and emit one output per input, in input order, as
 * soon as every earlier one is out. Errors of one post never stop the batch.
 */
export async function runBatch(
  items: (BatchItem | BadLine)[],
  check: (item: BatchItem) => Promise<Record<string, unknown>>,
  opts: { concurrency: number; emit: (o: BatchOutput) => void | Promise<void>; progress?: (done: number, total: number, o: BatchOutput) => void },
): Promise<{ ok: number; failed: number }> {
  const results: (BatchOutput | undefined)[] = new Array(items.length);
  let next = 0;
  let emitted = 0;
  let done = 0;
  let failed = 0;
  const flush = async () => {
    while (emitted < items.length && results[emitted]) await opts.emit(results[emitted++]!);
  };
  let flushing = Promise.resolve();
  const lane = async () => {
    while (next < items.length) {
      const i = next++;
      const item = items[i];
      let out: BatchOutput;
      if ('error' in item) out = item;
      else {
        try {
          out = { id: item.id, ...(await check(item)) };
        } catch (e) {
          const { code, message } = toJobError(e);
          out = { id: item.id, error: { code, message } };
        }
      }
      if ('error' in out) failed++;
      results[i] = out;
      opts.progress?.(++done, items.length, out);
      flushing = flushing.then(flush);
      await flushing;
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, opts.concurrency) }, lane));
  await flushing.then(flush);
  return { ok: items.length - failed, failed };
}

export interface QueueSubmitDeps {
  queue: JobQueue;
  results: CheckResultsRepository;
  blobs: BlobStore;
  /** Give up waiting for one check after this long. */
  timeoutMs: number;
  pollMs?: number;
}

/** Submit one post to the workers (file copied into the shared blob dir) and wait for its stored outcome. */
export async function checkThroughQueue(deps: QueueSubmitDeps, item: BatchItem): Promise<Record<string, unknown>> {
  const src = item.post.file;
  if (src && !(await stat(src).then((s) => s.isFile(), () => false))) throw new ValidationError('file_not_found', `File not found: ${src}`);
  const blob = await deps.blobs.createDir();
  const id = randomUUID();
  try {
    const file = src ? join(blob.path, `upload-0${extname(src).slice(0, 10)}`) : null;
    if (src && file) await copyFile(src, file);
    const payload = { post: { ...item.post, file }, workDir: blob.path, blobKey: blob.key };
    await deps.results.create({ id, fileName: src ? basename(src) : null, blobKey: blob.key, payload });
    await deps.queue.enqueue(JobName.Check, payload, { id });
  } catch (e) {
    await deps.results.delete(id).catch(() => undefined);
    await deps.blobs.remove(blob.key);
    throw e;
  }
  const end = Date.now() + deps.timeoutMs;
  for (;;) {
    const row = await deps.results.get(id);
    if (row?.status === 'done' && row.result) return JSON.parse(row.result) as Record<string, unknown>;
    if (row?.status === 'failed' || !row) {
      const err = row?.error ? (JSON.parse(row.error) as { code: string; message: string; status?: number }) : { code: 'check_not_found', message: 'The check was deleted' };
      throw new AppError(err.code, err.message);
    }
    if (Date.now() > end) throw new AppError('tool_timeout', `No result for check ${id} after ${Math.round(deps.timeoutMs / 1000)} s`);
    await new Promise((r) => setTimeout(r, deps.pollMs ?? 250));
  }
}
