import { open, rename } from 'node:fs/promises';
import { join } from 'node:path';
import type { Config } from '../config/config.js';
import { AppError, UnsupportedMediaError, ValidationError } from '../domain/errors.js';
import { fetchUrlToFile, UrlFetchRefused, type Resolver } from '../repositories/url-fetch.repository.js';
import { sniffMedia, type Sniffed } from '../repositories/sniff.js';

/** Page hosts of social platforms: their URLs are web pages (players), never the media file itself. */
const PLATFORMS: { name: string; hosts: string[] }[] = [
  { name: 'YouTube', hosts: ['youtube.com', 'youtu.be', 'youtube-nocookie.com'] },
  { name: 'TikTok', hosts: ['tiktok.com'] },
  { name: 'Douyin (抖音)', hosts: ['douyin.com', 'iesdouyin.com'] },
  { name: 'X (Twitter)', hosts: ['x.com', 'twitter.com', 't.co'] },
  { name: 'Weibo (微博)', hosts: ['weibo.com', 'weibo.cn'] },
  { name: 'Bilibili (哔哩哔哩)', hosts: ['bilibili.com', 'b23.tv'] },
  { name: 'Instagram', hosts: ['instagram.com', 'instagr.am'] },
  { name: 'Facebook', hosts: ['facebook.com', 'fb.watch', 'fb.com'] },
  { name: 'Xiaohongshu (小红书)', hosts: ['xiaohongshu.com', 'xhslink.com'] },
  { name: 'Kuaishou (快手)', hosts: ['kuaishou.com', 'gifshow.com'] },
  { name: 'Threads', hosts: ['threads.net', 'threads.com'] },
  { name: 'Telegram', hosts: ['t.me', 'telegram.me'] },
  { name: 'WeChat Channels (视频号)', hosts: ['channels.weixin.qq.com', 'mp.weixin.qq.com'] },
  { name: 'Vimeo', hosts: ['vimeo.com'] },
  { name: 'Reddit', hosts: ['reddit.com', 'redd.it'] },
  { name: 'Snapchat', hosts: ['snapchat.com'] },
];

/** Is this argument a URL rather than a path? (Only http(s) URLs are fetched.) */
export function looksLikeUrl(s: string): boolean {
  return /^https?:\/\//i.test(s.trim());
}

/** The social platform whose page this URL is, or null. */
export function socialPlatformOf(url: URL): string | null {
  const host = url.hostname.toLowerCase().replace(/\.$/, '');
  for (const p of PLATFORMS) {
    if (p.hosts.some((h) => host === h || host.endsWith(`.${h}`))) return p.name;
  }
  return null;
}

export class UrlForbiddenError extends ValidationError {
  constructor(message: string) {
    super('url_forbidden', message);
  }
}
export class UrlNotMediaError extends ValidationError {
  constructor(message: string) {
    super('url_not_media', message);
  }
}
export class UrlFetchFailedError extends AppError {
  constructor(message: string) {
    super('url_fetch_failed', message);
  }
}

/** Parse and vet a media URL without any network access: scheme, credentials, social-platform pages. */
export function parseMediaUrl(raw: string): URL {
  let u: URL;
  try {
    u = new URL(raw.trim());
  } catch {
    throw new ValidationError('invalid_url', `Not a URL: "${raw.slice(0, 80)}"`);
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') throw new UrlForbiddenError(`Only http(s) media URLs are fetched, not ${u.protocol}`);
  if (u.username || u.password) throw new UrlForbiddenError('Media URLs with a user name or password are not fetched');
  const platform = socialPlatformOf(u);
  if (platform) {
    throw new UrlNotMediaError(
      `${u.hostname} is a ${platform} page, not a media file. Download the video or image from ${platform} (or save it from the app) and upload the file. ` +
      `这是${platform}的网页，不是媒体文件：请先下载视频或图片，再上传文件。`,
    );
  }
  return u;
}

function looksLikeHtml(head: Buffer): boolean {
  const t = head.subarray(0, 1024).toString('latin1').replace(/^\uFEFF|^\xEF\xBB\xBF/, '').trimStart().toLowerCase();
  return t.startsWith('<!doctype html') || t.startsWith('<html') || t.startsWith('<head') || t.startsWith('<?xml') || t.includes('<html');
}

export interface FetchedMedia {
  path: string;
  sniffed: Sniffed;
  finalUrl: string;
  size: number;
}

export interface UrlIntakeOptions {
  /** Directory the caller owns and removes (the fetched file lands inside it). */
  dir: string;
  signal?: AbortSignal;
  /** Tests only: a fake DNS. */
  resolver?: Resolver;
}

/**
 * Fetch a media URL into `opts.dir` and return a file the ordinary intake can read. Only real media (sniffed by
 * bytes, never by Content-Type) is accepted: a web page gives `url_not_media`, a refused address `url_forbidden`.
 */
export async function fetchMediaUrl(raw: string, config: Config, opts: UrlIntakeOptions): Promise<FetchedMedia> {
  const u = parseMediaUrl(raw);
  const c = config.urlIntake;
  const dest = join(opts.dir, 'url-download');
  let fetched;
  try {
    fetched = await fetchUrlToFile(u.toString(), {
      dest, maxBytes: Math.min(c.maxBytes, config.limits.maxFileBytes), timeoutMs: c.timeoutMs, maxRedirects: c.maxRedirects,
      allowLoopback: c.allowLoopbackForTests, resolver: opts.resolver, signal: opts.signal,
    });
  } catch (e) {
    if (!(e instanceof UrlFetchRefused)) throw e;
    if (e.kind === 'forbidden') throw new UrlForbiddenError(e.message);
    if (e.kind === 'too_large') throw new UnsupportedMediaError('file_too_large', e.message);
    throw new UrlFetchFailedError(e.message);
  }
  const head = await readHead(dest, 4096);
  if (head.length === 0) throw new UrlFetchFailedError(`${u.origin} sent an empty body`);
  const sniffed = sniffMedia(head);
  if (!sniffed) {
    const what = looksLikeHtml(head) ? 'a web page' : 'not an image or video genproof can read';
    throw new UrlNotMediaError(`${fetched.finalUrl.slice(0, 200)} is ${what}. Link the media file itself, or download it and upload the file. 链接不是媒体文件：请下载后上传。`);
  }
  const typed = `${dest}.${sniffed.container}`;
  await rename(dest, typed);
  return { path: typed, sniffed, finalUrl: fetched.finalUrl, size: fetched.size };
}

async function readHead(path: string, n: number): Promise<Buffer> {
  const fh = await open(path, 'r');
  try {
    const buf = Buffer.alloc(n);
    const { bytesRead } = await fh.read(buf, 0, n, 0);
    return buf.subarray(0, bytesRead);
  } finally {
    await fh.close();
  }
}
