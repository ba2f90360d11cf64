import type { FastifyError, FastifyInstance, FastifyReply } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { isAppError, type ErrorCode } from '../domain/errors.js';
import { statusOfCode, statusOfError } from './error-status.js';

/** RFC 9457 problem details with the stable genproof `code`. */
export interface Problem {
  type: string;
  title: string;
  status: number;
  code: string;
  detail: string;
  instance?: string;
}

const TITLES: Record<number, string> = {
  400: 'Bad Request', 401: 'Unauthorized', 403: 'Forbidden', 404: 'Not Found', 406: 'Not Acceptable', 409: 'Conflict',
  413: 'Content Too Large', 414: 'URI Too Long', 415: 'Unsupported Media Type', 421: 'Misdirected Request', 422: 'Unprocessable Content', 500: 'Internal Server Error',
  429: 'Too Many Requests', 502: 'Bad Gateway', 503: 'Service Unavailable', 504: 'Gateway Timeout',
};

export function sendProblem(reply: FastifyReply, status: number, code: string, detail: string): FastifyReply {
  const body: Problem = {
    type: `https://genproof.invalid/problems/${code}`,
    title: TITLES[status] ?? 'Error',
    status,
    code,
    detail,
    instance: reply.request.url,
  };
  return reply.code(status).type('application/problem+json; charset=utf-8').send(JSON.stringify(body));
}

/**
 * Send a JSON document without the response serializer: check and scam results are documented by their zod
 * schemas (OpenAPI) but are produced by the services, and a field added there must never turn into a 500 here.
 */
export function sendJson(reply: FastifyReply, status: number, body: unknown): FastifyReply {
  return reply.code(status).type('application/json; charset=utf-8').send(JSON.stringify(body));
}

/** Fastify / plugin error codes mapped to stable genproof codes (statuses from the one table). */
const FASTIFY_CODES: Record<string, ErrorCode> = {
  FST_REQ_FILE_TOO_LARGE: 'file_too_large',
  FST_PARTS_LIMIT: 'too_many_parts',
  FST_FILES_LIMIT: 'too_many_files',
  FST_FIELDS_LIMIT: 'too_many_parts',
  FST_INVALID_MULTIPART_CONTENT_TYPE: 'multipart_required',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'unsupported_content_type',
  FST_ERR_CTP_BODY_TOO_LARGE: 'file_too_large',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'invalid_json',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'invalid_request',
};

/**
 * Errors Fastify raises before routing (a malformed URL, a path parameter over maxParamLength) bypass the
 * error handler; without this they are answered with Fastify's own JSON instead of problem+json.
 */
export function frameworkErrorHandler(err: FastifyError, _req: unknown, reply: FastifyReply): void {
  if (err.code === 'FST_ERR_MAX_PARAM_LENGTH') sendProblem(reply, 414, 'uri_too_long', 'A path parameter is too long');
  else sendProblem(reply, 400, 'invalid_request', err.code === 'FST_ERR_BAD_URL' ? 'The request URL is malformed' : err.message);
}

export function installErrorHandlers(app: FastifyInstance): void {
  app.setNotFoundHandler((req, reply) => sendProblem(reply, 404, 'route_not_found', `No route for ${req.method} ${req.url.split('?')[0]}`));
  app.setErrorHandler((err: FastifyError, req, reply) => {
    if (isAppError(err)) return sendProblem(reply, statusOfError(err), err.code, err.message);
    if (hasZodFastifySchemaValidationErrors(err)) {
      const first = err.validation[0];
      const where = err.validationContext ?? 'request';
      const path = first?.instancePath ? `${where}${first.instancePath.replace(/\//g, '.')}` : where;
      return sendProblem(reply, 400, 'invalid_request', `Invalid ${path}: ${first?.message ?? 'bad value'}`);
    }
    const mapped = err.code ? FASTIFY_CODES[err.code] : undefined;
    if (mapped) return sendProblem(reply, statusOfCode(mapped), mapped, err.message);
    if (err instanceof SyntaxError || err.code === 'FST_ERR_CTP_INVALID_JSON_BODY') return sendProblem(reply, 400, 'invalid_json', 'The request body is not valid JSON');
    const status = typeof err.statusCode === 'number' && err.statusCode >= 400 && err.statusCode < 500 ? err.statusCode : 500;
    if (status === 500) req.log.error({ err }, 'unhandled error');
    return sendProblem(reply, status, status === 500 ? 'internal_error' : 'invalid_request', status === 500 ? 'Internal error' : err.message);
  });
}
