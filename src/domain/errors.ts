/**
 * Domain errors. Services throw these; the CLI maps them to exit codes and the HTTP layer to problem+json
 * statuses (src/http/error-status.ts). Every error has a stable `code` (snake_case) from ERROR_CODES below:
 * the one table of CONTRACTS.md ("Error codes"), shared by the CLI's `{"error":{"code"}}` and the API's
 * problem+json `code`. Add codes; never rename one.
 */

export interface ErrorCodeInfo {
  /** CLI exit code: 2 bad input/usage, 3 a tool failed on valid-looking input, 1 anything else. */
  exit: 1 | 2 | 3;
  /** One line for the README table and the OpenAPI description. */
  en: string;
}

const input = (en: string): ErrorCodeInfo => ({ exit: 2, en });

/** The contract's codes first (CONTRACTS.md order), then the codes genproof added since. */
export const ERROR_CODES = {
  file_not_found: input('The file given does not exist (a local path; to check a web video, download it and pass the file).'),
  empty_file: input('The file is empty.'),
  media_corrupt: input('The file is truncated or corrupt: it cannot be decoded.'),
  media_unsupported: input('The file is not an image or video genproof can read (or has no video stream).'),
  file_too_large: input('The file (or upload) is over a size, pixel or duration limit.'),
  file_or_caption_required: input('Nothing to check: give a file, a caption/text or links.'),
  invalid_posted_at: input('posted_at is not a date YYYY-MM-DD nor an ISO 8601 date-time with offset.'),
  invalid_caption: input('The caption/text is too long or is not valid UTF-8.'),
  too_many_urls: input('More links than the limit per post.'),
  url_forbidden: input('The URL points to a private, loopback, link-local or metadata address.'),
  url_not_media: input('The URL is not a media file (e.g. a social-platform page): download the media and pass the file.'),
  url_fetch_failed: input('The URL could not be fetched.'),
  kb_overlay_invalid: input('A knowledge-base overlay file does not validate.'),
  config_invalid: input('The configuration (file, environment or flags) is invalid.'),
  tool_failed: { exit: 3, en: 'An external tool (ffmpeg, exiftool, …) failed on input that looks valid.' },
  tool_timeout: { exit: 3, en: 'An external tool or the whole check took longer than its timeout.' },
  check_not_found: input('No check with that id (unknown, deleted or expired).'),
  check_not_done: input('The check is queued, running or failed: no result/report yet.'),
  frame_not_found: input('The check has no keyframe with that number.'),
  unauthorized: input('A Bearer token is required, or the one given is wrong.'),
  rate_limited: input('Too many requests from this client; try again later.'),
  queue_full: { exit: 1, en: 'Too many checks waiting; try again later.' },
  // Added by genproof beyond the contract's first list.
  bad_usage: input('Bad command-line usage (unknown option, bad flag value).'),
  invalid_request: input('The request does not match the API schema.'),
  invalid_json: input('The request body or an input line is not valid JSON.'),
  invalid_url: input('A link in the post is not an http(s) URL.'),
  too_many_files: input('More files than the route accepts.'),
  file_and_media_url: input('Both a file and a media_url were sent: send one.'),
  too_many_parts: input('A multipart request with more parts or fields than allowed.'),
  file_required: input('The registry needs at least one file.'),
  invalid_label: input('A registry label other than original, ai or scam_poster.'),
  invalid_generator: input('A generator slug that is not lower-case kebab-case.'),
  invalid_source: input('A registry source that is too long or not text.'),
  invalid_hash_list: input('A PDQ/vPDQ hash or hash list that cannot be parsed.'),
  registry_corrupt: { exit: 1, en: 'The registry database or its index cannot be read (corrupt or from another version).' },
  aborted: { exit: 1, en: 'The work was cancelled (timeout of the whole check, or shutdown).' },
  multipart_required: input('The route needs multipart/form-data.'),
  unsupported_content_type: input('The request body has a content type the route does not take.'),
  route_not_found: input('No API route with that method and path.'),
  reference_not_found: input('No registered reference with that id.'),
  generator_not_found: input('No generator with that slug in the knowledge base (genproof kb show lists them).'),
  demo_unavailable: input('The server was not started with --demo.'),
  service_unavailable: { exit: 1, en: 'A part of the server (registry, scam desk) is not configured, or the server is shutting down.' },
  cross_origin_forbidden: input('A cross-origin write was refused.'),
  host_not_allowed: input('The Host header is not one this server answers.'),
  invalid_multipart: input('A multipart body that is malformed (bad boundary) or was cut off mid-upload.'),
  uri_too_long: input('A path parameter (an id) longer than the server accepts.'),
  internal_error: { exit: 1, en: 'A bug: the error was not expected.' },
} as const satisfies Record<string, ErrorCodeInfo>;

export type ErrorCode = keyof typeof ERROR_CODES;

/** The CONTRACTS.md list, in order (a test checks every one is in ERROR_CODES). */
export const CONTRACT_ERROR_CODES: readonly ErrorCode[] = [
  'file_not_found', 'empty_file', 'media_corrupt', 'media_unsupported', 'file_too_large', 'file_or_caption_required',
  'invalid_posted_at', 'invalid_caption', 'too_many_urls', 'url_forbidden', 'url_not_media', 'url_fetch_failed',
  'kb_overlay_invalid', 'config_invalid', 'tool_failed', 'tool_timeout', 'check_not_found', 'check_not_done',
  'frame_not_found', 'unauthorized', 'rate_limited', 'queue_full',
];

export function isKnownErrorCode(code: string): code is ErrorCode {
  return Object.hasOwn(ERROR_CODES, code);
}

export class AppError extends Error {
  readonly code: string;
  /** CLI exit code: from ERROR_CODES for a known code. */
  readonly exitCode: number;
  /**
   * @deprecated The HTTP layer maps codes to statuses (src/http/error-status.ts); this is only the fallback for a
   * code that table does not know.
   */
  readonly httpStatus: number;
  constructor(code: string, message: string, opts: { cause?: unknown; exitCode?: number; httpStatus?: number } = {}) {
    super(message, opts.cause === undefined ? undefined : { cause: opts.cause });
    this.name = new.target.name;
    this.code = code;
    this.exitCode = isKnownErrorCode(code) ? ERROR_CODES[code].exit : opts.exitCode ?? 1;
    this.httpStatus = opts.httpStatus ?? 500;
  }
}

/** Bad usage or bad input that the user can fix (exit 2). */
export class ValidationError extends AppError {
  constructor(code: string, message: string, opts: { cause?: unknown; httpStatus?: number } = {}) {
    super(code, message, { ...opts, exitCode: 2, httpStatus: opts.httpStatus ?? 400 });
  }
}

/** Media that cannot be read: empty, truncated, wrong type, over a limit (exit 2). */
export class UnsupportedMediaError extends AppError {
  constructor(code: string, message: string, opts: { cause?: unknown; httpStatus?: number } = {}) {
    super(code, message, { ...opts, exitCode: 2, httpStatus: opts.httpStatus ?? 415 });
  }
}

/** A required external tool failed or timed out on input that looks valid (exit 3). */
export class ToolError extends AppError {
  constructor(code: string, message: string, opts: { cause?: unknown } = {}) {
    super(code, message, { ...opts, exitCode: 3, httpStatus: 502 });
  }
}

/** Invalid configuration (exit 2). */
export class ConfigError extends AppError {
  constructor(code: string, message: string, opts: { cause?: unknown } = {}) {
    super(code, message, { ...opts, exitCode: 2, httpStatus: 500 });
  }
}

/** Something looked up does not exist (exit 2). */
export class NotFoundError extends AppError {
  constructor(code: string, message: string) {
    super(code, message, { exitCode: 2, httpStatus: 404 });
  }
}

export function isAppError(e: unknown): e is AppError {
  return e instanceof AppError;
}

const ERROR_CLASSES = ['ValidationError', 'UnsupportedMediaError', 'ToolError', 'ConfigError', 'NotFoundError'] as const;

/** An AppError as plain data, to cross a worker-thread boundary (class instances arrive as plain Errors). */
export interface AppErrorData {
  kind: (typeof ERROR_CLASSES)[number] | 'AppError' | 'Error';
  code: string;
  message: string;
  exitCode?: number;
  httpStatus?: number;
}

export function appErrorData(e: unknown): AppErrorData {
  if (!(e instanceof Error)) return { kind: 'Error', code: 'internal_error', message: String(e) };
  if (!isAppError(e)) return { kind: 'Error', code: 'internal_error', message: e.message };
  const kind = ERROR_CLASSES.find((k) => e.name === k) ?? 'AppError';
  return { kind, code: e.code, message: e.message, exitCode: e.exitCode, httpStatus: e.httpStatus };
}

/** The error `appErrorData` described, as the same class (a plain Error when it was not an AppError). */
export function appErrorFrom(d: AppErrorData): Error {
  switch (d.kind) {
    case 'ValidationError': return new ValidationError(d.code, d.message, { httpStatus: d.httpStatus });
    case 'UnsupportedMediaError': return new UnsupportedMediaError(d.code, d.message, { httpStatus: d.httpStatus });
    case 'ToolError': return new ToolError(d.code, d.message);
    case 'ConfigError': return new ConfigError(d.code, d.message);
    case 'NotFoundError': return new NotFoundError(d.code, d.message);
    case 'AppError': return new AppError(d.code, d.message, { exitCode: d.exitCode, httpStatus: d.httpStatus });
    default: return new Error(d.message);
  }
}
