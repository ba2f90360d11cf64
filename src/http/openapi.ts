import type { FastifyDynamicSwaggerOptions } from '@fastify/swagger';
import { jsonSchemaTransform, jsonSchemaTransformObject } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ERROR_CODES } from '../domain/errors.js';
import { HTTP_STATUS } from './error-status.js';

type Json = Record<string, unknown>;
const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options'];
const PROBLEM_REF = { $ref: '#/components/schemas/Problem' };

/** `getApiChecksByIdFramesZip`-style name for a route that did not name its operation. */
function derivedOperationId(method: string, path: string): string {
  const words = path.split(/[/.{}-]+/).filter(Boolean).map((w, i, all) => (all[i - 1] !== undefined && path.includes(`{${w}}`) ? `By${w}` : w));
  return method + words.map((w) => w[0].toUpperCase() + w.slice(1)).join('');
}

/**
 * Finish the generated document: every error response is `application/problem+json` with the shared Problem
 * schema (and every operation has a `default` error), every operation has an `operationId`, and the error-code
 * table is in the Problem schema's description.
 */
export interface ExtraBody { method: string; path: string; contentType: string; schema: z.ZodType }

export function finishOpenApi(doc: Json, extraBodies: readonly ExtraBody[] = []): Json {
  const paths = (doc.paths ?? {}) as Record<string, Record<string, Json>>;
  const seen = new Set<string>();
  for (const [path, item] of Object.entries(paths)) {
    for (const method of METHODS) {
      const op = item[method];
      if (!op) continue;
      let id = (op.operationId as string | undefined) ?? derivedOperationId(method, path);
      while (seen.has(id)) id += '_';
      seen.add(id);
      op.operationId = id;
      const responses = (op.responses ?? {}) as Record<string, Json>;
      for (const [status, res] of Object.entries(responses)) {
        if (!/^[45]/.test(status)) continue;
        const content = (res.content ?? {}) as Record<string, Json>;
        delete content['application/json'];
        content['application/problem+json'] = { schema: PROBLEM_REF };
        res.content = content;
        if (!res.description || res.description === 'Default Response') res.description = 'Problem details (RFC 9457) with a stable `code`';
      }
      for (const b of extraBodies.filter((x) => x.method === method && x.path === path)) {
        const body = (op.requestBody ?? { content: {} }) as { content: Record<string, Json> };
        body.content[b.contentType] = { schema: z.toJSONSchema(b.schema, { target: 'openapi-3.0', io: 'input' }) as Json };
        op.requestBody = body;
      }
      responses.default ??= { description: 'Any other error: problem details with a stable `code`', content: { 'application/problem+json': { schema: PROBLEM_REF } } };
      op.responses = responses;
    }
  }
  const components = (doc.components ?? {}) as Json;
  const schemas = (components.schemas ?? {}) as Record<string, Json>;
  if (schemas.Problem) {
    const codes = Object.entries(ERROR_CODES).map(([c, i]) => `\`${c}\` (${HTTP_STATUS[c as keyof typeof HTTP_STATUS]}): ${i.en}`);
    schemas.Problem.description = `application/problem+json. Error codes:\n- ${codes.join('\n- ')}`;
    const props = (schemas.Problem.properties ?? {}) as Record<string, Json>;
    if (props.code) props.code.enum = Object.keys(ERROR_CODES);
  }
  return doc;
}

/** The @fastify/swagger options of the app: zod schemas → OpenAPI 3.0 with shared components. */
export function swaggerOptions(version: string, extraBodies: readonly ExtraBody[] = []): FastifyDynamicSwaggerOptions {
  return {
    openapi: {
      openapi: '3.0.3',
      info: { title: 'genproof API', description: 'Verify a post: real video, fake video, real fake video, fake fake video. Errors are application/problem+json with a stable `code` (see the Problem schema).', version },
      components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } } },
    },
    transform: jsonSchemaTransform,
    transformObject: (documentObject) => finishOpenApi(jsonSchemaTransformObject(documentObject) as Json, extraBodies) as ReturnType<typeof jsonSchemaTransformObject>,
  };
}
