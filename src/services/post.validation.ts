import { readFile } from 'node:fs/promises';
import type { Config } from '../config/config.js';
import { ValidationError } from '../domain/errors.js';
import type { Post } from '../domain/post.js';
import { parsePostedAt } from '../domain/posted-at.js';

/** Decode caption bytes strictly: broken UTF-8 is bad input, not mojibake. */
export function decodeUtf8Strict(buf: Buffer, what = 'caption'): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(buf).replace(/^\uFEFF/, '');
  } catch {
    throw new ValidationError('invalid_utf8', `The ${what} is not valid UTF-8 text.`);
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

/** Validate and normalise a post before any work starts. */
export function validatePost(post: Post, config: Config): Post {
  let caption = post.caption;
  if (caption !== null && caption !== undefined) {
    if (caption.includes('\uFFFD')) throw new ValidationError('invalid_utf8', 'The caption is not valid UTF-8 text (it contains undecodable bytes).');
    if (caption.length > config.limits.maxCaptionChars)
      throw new ValidationError('caption_too_long', `The caption has ${caption.length} characters; the limit is ${config.limits.maxCaptionChars}.`);
    caption = caption.normalize('NFC');
    if (!caption.trim()) caption = null;
  } else caption = null;
  const postedAt = parsePostedAt(post.postedAt);
  const urls = (post.urls ?? []).map((u) => u.trim()).filter(Boolean);
  if (urls.length > 100) throw new ValidationError('too_many_urls', 'At most 100 links per post.');
  for (const u of urls) if (u.length > 4096 || u.includes('\uFFFD')) throw new ValidationError('invalid_url', `Invalid link: ${u.slice(0, 80)}`);
  if (!post.file && !caption && urls.length === 0) throw new ValidationError('empty_post', 'Give a media file, a caption or a link to check.');
  return { file: post.file, caption, postedAt, urls };
}
