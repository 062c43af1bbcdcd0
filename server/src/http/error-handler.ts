import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import type { ValidationIssue } from '#shared/contracts/common.contract';
import type { ErrorCode } from '#shared/errors';
import { errorStatus } from '#shared/errors';
import { errorMessage, pickLang } from '#shared/i18n/error-messages';
import { validationMessage, type IssueLike } from '#shared/i18n/validation-messages';
import { AppError } from '#server/lib/app-error';

type FastifyValidationIssue = { keyword: string; instancePath: string; message?: string; params: Record<string, unknown> };

function sendError(
  req: FastifyRequest,
  reply: FastifyReply,
  code: ErrorCode,
  params?: Record<string, unknown>,
  details?: Record<string, unknown>,
) {
  const lang = req.lang ?? pickLang(req.headers['accept-language']);
  return reply
    .code(errorStatus[code])
    .header('cache-control', 'no-store')
    .header('content-language', lang === 'en' ? 'en' : 'zh-CN')
    .send({ error: { code, message: errorMessage(code, lang, params), ...(details ? { details } : {}) } });
}

/** Turns Fastify's wrapped Zod issues into `{ path, code, message }`, one per field. */
function toIssues(validation: FastifyValidationIssue[], context: string | undefined, req: FastifyRequest): ValidationIssue[] {
  const lang = req.lang ?? pickLang(req.headers['accept-language']);
  const out: ValidationIssue[] = [];
  for (const v of validation) {
    const issue: IssueLike = { code: v.keyword, message: v.message, ...v.params };
    const base = v.instancePath.replace(/^\//, '').replace(/\//g, '.');
    // One entry per unknown key so a form can point at each.
    if (v.keyword === 'unrecognized_keys' && Array.isArray(v.params.keys)) {
      for (const key of v.params.keys) {
        out.push({
          path: [context, base, String(key)].filter(Boolean).join('.'),
          code: 'unrecognized_key',
          message: validationMessage({ ...issue, keys: [key] }, lang),
        });
      }
      continue;
    }
    out.push({ path: [context, base].filter(Boolean).join('.'), code: v.keyword, message: validationMessage(issue, lang) });
  }
  return out;
}

const FASTIFY_CODES: Record<string, ErrorCode> = {
  FST_ERR_CTP_BODY_TOO_LARGE: 'common/payload_too_large',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'common/unsupported_media_type',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'common/bad_request',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'common/bad_request',
  FST_ERR_CTP_INVALID_JSON_BODY: 'common/bad_request',
};

/** One error shape for the whole API: `{ error: { code, message, details } }`. */
export function registerErrorHandling(app: FastifyInstance, opts: { bodyLimit: number; spa?: boolean }) {
  app.setErrorHandler((err: FastifyError, req, reply) => {
    if (err instanceof AppError) {
      if (err.status >= 500) {
        req.log.error({ err }, 'application error');
      }
      return sendError(req, reply, err.code, { ...err.details, ...err.params }, err.details);
    }
    if (hasZodFastifySchemaValidationErrors(err)) {
      const issues = toIssues(err.validation, err.validationContext, req);
      return sendError(req, reply, 'common/validation_failed', undefined, { issues });
    }
    if (isResponseSerializationError(err)) {
      req.log.error({ err, issues: err.cause.issues }, 'response does not match its schema');
      return sendError(req, reply, 'common/internal');
    }
    const mapped = err.code ? FASTIFY_CODES[err.code] : undefined;
    if (mapped) {
      return sendError(req, reply, mapped, {
        // A route may raise the limit (deal documents, imports): report the one that applied.
        limit: req.routeOptions.bodyLimit ?? opts.bodyLimit,
        contentType: req.headers['content-type'] ?? '',
        reason: err.message,
      });
    }
    if (err instanceof SyntaxError || err.statusCode === 400) {
      return sendError(req, reply, 'common/bad_request', { reason: err.message });
    }
    if (err.statusCode === 429) {
      return sendError(req, reply, 'common/rate_limited', { retryAfter: reply.getHeader('retry-after') ?? 60 });
    }
    if (err.statusCode === 413) {
      return sendError(req, reply, 'common/payload_too_large', { limit: req.routeOptions.bodyLimit ?? opts.bodyLimit });
    }
    if (err.statusCode === 415) {
      return sendError(req, reply, 'common/unsupported_media_type', { contentType: req.headers['content-type'] ?? '' });
    }
    req.log.error({ err }, 'unhandled error');
    return sendError(req, reply, 'common/internal');
  });

  app.setNotFoundHandler((req, reply) => {
    const path = req.url.split('?')[0] ?? req.url;
    // Client-side routes of the single-page app: any non-API GET that is not a file gets index.html.
    if (opts.spa && req.method === 'GET' && !path.startsWith('/api/')) {
      return reply.header('cache-control', 'no-cache').sendFile('index.html');
    }
    return sendError(req, reply, 'common/route_not_found', { method: req.method, path });
  });
}

export { sendError };
