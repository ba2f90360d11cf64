import { isAppError, type ErrorCode } from '../domain/errors.js';

/** The HTTP status of each error code (the domain table, src/domain/errors.ts, has the codes and exit codes). */
export const HTTP_STATUS: Record<ErrorCode, number> = {
  file_not_found: 400, empty_file: 422, media_corrupt: 422, media_unsupported: 415, file_too_large: 413,
  file_or_caption_required: 400, invalid_posted_at: 400, invalid_caption: 400, too_many_urls: 400,
  url_forbidden: 400, url_not_media: 422, url_fetch_failed: 502, kb_overlay_invalid: 500, config_invalid: 500,
  tool_failed: 502, tool_timeout: 504, check_not_found: 404, check_not_done: 409, frame_not_found: 404,
  unauthorized: 401, rate_limited: 429, queue_full: 503,
  bad_usage: 400, invalid_request: 400, invalid_json: 400, invalid_url: 400, too_many_files: 413, too_many_parts: 413, file_and_media_url: 400,
  file_required: 400, invalid_label: 400, invalid_generator: 400, invalid_source: 400, invalid_hash_list: 400,
  registry_corrupt: 500, aborted: 503,
  multipart_required: 415, unsupported_content_type: 415, route_not_found: 404, reference_not_found: 404, generator_not_found: 404,
  demo_unavailable: 404, service_unavailable: 503, cross_origin_forbidden: 403, host_not_allowed: 421,
  invalid_multipart: 400, uri_too_long: 414,
  internal_error: 500,
};

/** Status for a code; a code outside the table (should not happen: a test checks) is a 500. */
export function statusOfCode(code: string): number {
  return (HTTP_STATUS as Record<string, number>)[code] ?? 500;
}

/** Status for an error thrown by a service. */
export function statusOfError(e: unknown): number {
  if (!isAppError(e)) return 500;
  const s = (HTTP_STATUS as Record<string, number>)[e.code];
  return s ?? e.httpStatus;
}
