import { createWriteStream } from 'node:fs';
import { mkdtemp, open, rename, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { FastifyRequest } from 'fastify';
import { ValidationError, UnsupportedMediaError } from '../domain/errors.js';
import type { MediaKind } from '../domain/media.js';
import { sniffMedia } from '../repositories/sniff.js';

export interface UploadedFile {
  field: string;
  /** Where it was written: a generated name (`upload-N.<sniffed format>`) inside the private dir, never the client's name. */
  path: string;
  /** The name the client sent, for display only (sanitised). */
  originalName: string;
  size: number;
  kind: MediaKind;
  /** The sniffed container (jpeg, heic, mp4, mts…), also the extension of `path`. */
  format: string;
}

export interface ParsedUpload {
  fields: Record<string, string[]>;
  files: UploadedFile[];
}

/** A private directory (0700) for one request or job. */
export async function makePrivateDir(prefix = 'genproof-'): Promise<string> {
  // mkdtemp creates the directory with mode 0700. The pid in the name lets a restart remove the dirs of a
  // process that was killed mid-request (see temp-sweep.ts).
  return mkdtemp(join(tmpdir(), `${prefix}${process.pid}-`));
}

export async function removeDir(dir: string): Promise<void> {
  await rm(dir, { recursive: true, force: true });
}

/** Keep a client-supplied file name for display: no path, no control characters, bounded length. */
export function displayName(name: string | undefined): string {
  const base = (name ?? '').split(/[\\/]/).pop() ?? '';
  const clean = base.replace(/[\u0000-\u001f\u007f]/g, '').trim().slice(0, 200);
  return clean || 'upload';
}

/**
 * Stream every part of a multipart request: files go to `dir` as `upload-N` (size-limited by the multipart
 * plugin's `fileSize` limit, which throws FST_REQ_FILE_TOO_LARGE), fields are collected. Every file is
 * sniffed by content; anything that is not an image or video is rejected (415 `unsupported_media_type`).
 * Only `allowedFileFields` may carry files; all files together may not exceed `maxTotalBytes`.
 */
export async function receiveMultipart(req: FastifyRequest, dir: string, allowedFileFields: string[], maxTotalBytes = Infinity): Promise<ParsedUpload> {
  if (!req.isMultipart()) throw new UnsupportedMediaError('multipart_required', 'Send the request as multipart/form-data');
  const fields: Record<string, string[]> = {};
  const files: UploadedFile[] = [];
  try {
    await readParts(req, dir, allowedFileFields, maxTotalBytes, fields, files);
  } catch (e) {
    throw malformed(e) ?? e;
  }
  return { fields, files };
}

/** A broken multipart stream (bad boundary, cut mid-part) is the client's fault: 400, not a 500. */
function malformed(e: unknown): ValidationError | null {
  if (e instanceof ValidationError || e instanceof UnsupportedMediaError) return null;
  const err = e as { code?: string; message?: string };
  if (typeof err.code === 'string' && err.code.startsWith('FST_')) return null;
  const clientFault = /multipart|boundary|part header|unexpected end/i.test(err.message ?? '') || ['ECONNRESET', 'ERR_STREAM_PREMATURE_CLOSE'].includes(err.code ?? '');
  return clientFault ? new ValidationError('invalid_multipart', `The multipart body is malformed or was cut off: ${err.message ?? ''}`.slice(0, 300), { cause: e }) : null;
}

async function readParts(req: FastifyRequest, dir: string, allowedFileFields: string[], maxTotalBytes: number, fields: Record<string, string[]>, files: UploadedFile[]): Promise<void> {
  let total = 0;
  for await (const part of req.parts()) {
    if (part.type === 'file') {
      if (!allowedFileFields.includes(part.fieldname)) {
        part.file.resume();
        throw new ValidationError('invalid_request', `Files are not accepted in field "${part.fieldname}"`);
      }
      const path = join(dir, `upload-${files.length}`);
      await pipeline(part.file, createWriteStream(path, { flags: 'wx', mode: 0o600 }));
      const info = { field: part.fieldname, path, originalName: displayName(part.filename), size: part.file.bytesRead };
      total += info.size;
      if (total > maxTotalBytes) throw new UnsupportedMediaError('file_too_large', `The files together are larger than ${maxTotalBytes} bytes`, { httpStatus: 413 });
      if (info.size === 0) throw new UnsupportedMediaError('empty_file', `The uploaded file "${info.originalName}" is empty`, { httpStatus: 422 });
      const sniffed = sniffMedia(await readHead(path));
      if (!sniffed) {
        throw new UnsupportedMediaError('media_unsupported', `"${info.originalName}" is not an image or video genproof can read`);
      }
      // Give the file the extension of what it really is (never the client's name or extension).
      const typed = `${path}.${sniffed.container}`;
      await rename(path, typed);
      files.push({ ...info, path: typed, kind: sniffed.kind, format: sniffed.container });
    } else {
      const key = part.fieldname.endsWith('[]') ? part.fieldname.slice(0, -2) : part.fieldname;
      (fields[key] ??= []).push(String(part.value ?? ''));
    }
  }
}

/** The first 4 KiB: enough for the sniffer to see ISO-BMFF compatible brands and two transport-stream packets. */
async function readHead(path: string): Promise<Buffer> {
  const fh = await open(path, 'r');
  try {
    const buf = Buffer.alloc(4096);
    const { bytesRead } = await fh.read(buf, 0, 4096, 0);
    return buf.subarray(0, bytesRead);
  } finally {
    await fh.close();
  }
}

/** Last value of a text field, trimmed; null when absent or empty. */
export function field(fields: Record<string, string[]>, name: string): string | null {
  const v = fields[name];
  const last = v?.[v.length - 1]?.trim();
  return last ? last : null;
}
