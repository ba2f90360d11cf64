import { readFile } from 'node:fs/promises';
import type { Config } from '../config/config.js';
import { ValidationError } from '../domain/errors.js';
import type { Post } from '../domain/post.js';
import { parsePostInput } from '../domain/post-input.js';

/** Decode caption bytes strictly: broken UTF-8 is bad input, not mojibake. */
export function decodeUtf8Strict(buf: Buffer, what = 'caption'): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(buf).replace(/^\uFEFF/, '');
  } catch {
    throw new ValidationError('invalid_caption', `The ${what} is not valid UTF-8 text.`);
  }
}

/** Read a text file given on the command line: missing → file_not_found, broken UTF-8 → invalid_utf8 (both exit 2). */
export async function readTextFileStrict(path: string, what: string): Promise<string> {
  let buf: Buffer;
  try {
    buf = await readFile(path);
  } catch {
    throw new ValidationError('file_not_found', `${what[0].toUpperCase()}${what.slice(1)} not found: ${path}`);
  }
  return decodeUtf8Strict(buf, what);
}

/** Validate and normalise a post before any work starts (the one post-input schema, src/domain/post-input.ts). */
export function validatePost(post: Post, config: Config): Post {
  const { caption, postedAt, urls } = parsePostInput({ caption: post.caption, posted_at: post.postedAt, urls: post.urls }, { maxCaptionChars: config.limits.maxCaptionChars, maxUrls: config.api.maxUrls });
  if (!post.file && !caption && urls.length === 0) throw new ValidationError('file_or_caption_required', 'Give a media file, a caption or a link to check.');
  return { file: post.file, caption, postedAt, urls };
}
