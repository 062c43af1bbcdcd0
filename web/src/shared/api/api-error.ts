import type { ValidationIssue } from '#shared/contracts/common.contract';
import type { ErrorCode } from '#shared/errors';
import { errorMessage, errorMessages, type Lang } from '#shared/i18n/error-messages';

/**
 * Same answer as `isErrorCode` from shared/errors, but read from the message table: shared/errors
 * imports every contract (and so zod), which would put zod on the critical path of the first page.
 */
export function isKnownErrorCode(code: string): code is ErrorCode {
  return Object.hasOwn(errorMessages, code);
}

/** A failed API call: the server's `{ error: { code, message, details } }`, or a local stand-in. */
export class ApiError extends Error {
  override readonly name = 'ApiError';

  constructor(
    /** HTTP status; 0 when the server could not be reached. */
    readonly status: number,
    /** Namespaced error code, e.g. 'auth/invalid_credentials'. */
    readonly code: string,
    /** Already localised by the server in `lang`. */
    message: string,
    /** The language `message` is written in. */
    readonly lang: Lang,
    readonly details?: Record<string, unknown>,
    /** The server's request id, quoted to support staff. */
    readonly requestId?: string,
  ) {
    super(message);
  }

  is(code: ErrorCode): boolean {
    return this.code === code;
  }

  /** Field issues of a `common/validation_failed` error; empty for every other error. */
  get issues(): ValidationIssue[] {
    const raw = this.details?.['issues'];
    if (!Array.isArray(raw)) {
      return [];
    }
    return raw.flatMap((item: unknown) => {
      if (typeof item !== 'object' || item === null) {
        return [];
      }
      const { path, code, message } = item as Record<string, unknown>;
      return typeof path === 'string' && typeof message === 'string'
        ? [{ path, code: typeof code === 'string' ? code : 'custom', message }]
        : [];
    });
  }
}

export function isApiError(value: unknown): value is ApiError {
  return value instanceof ApiError;
}

/** The code a bare HTTP status stands for, when a body is missing or not ours (proxy pages). */
export function codeForStatus(status: number): ErrorCode {
  switch (status) {
    case 400:
      return 'common/bad_request';
    case 401:
      return 'common/unauthenticated';
    case 403:
      return 'common/forbidden';
    case 404:
      return 'common/not_found';
    case 409:
      return 'common/conflict';
    case 413:
      return 'common/payload_too_large';
    case 415:
      return 'common/unsupported_media_type';
    case 429:
      return 'common/rate_limited';
    case 0:
    case 502:
    case 503:
    case 504:
      return 'common/unavailable';
    default:
      return 'common/internal';
  }
}

/** Turns an error response (status and parsed JSON body, or undefined) into an ApiError. */
export function parseErrorResponse(status: number, body: unknown, lang: Lang, requestId?: string): ApiError {
  const error = typeof body === 'object' && body !== null ? (body as Record<string, unknown>)['error'] : undefined;
  if (typeof error === 'object' && error !== null) {
    const { code, message, details } = error as Record<string, unknown>;
    if (typeof code === 'string' && code.length > 0) {
      const text =
        typeof message === 'string' && message.length > 0
          ? message
          : isKnownErrorCode(code)
            ? stripPlaceholders(errorMessage(code, lang, asRecord(details)))
            : stripPlaceholders(errorMessage(codeForStatus(status), lang));
      return new ApiError(status, code, text, lang, asRecord(details), requestId);
    }
  }
  const code = codeForStatus(status);
  return new ApiError(status, code, stripPlaceholders(errorMessage(code, lang)), lang, undefined, requestId);
}

/** The error for a request that never got an answer (offline, DNS, server down). */
export function networkError(lang: Lang): ApiError {
  return new ApiError(0, 'common/unavailable', errorMessage('common/unavailable', lang), lang);
}

/**
 * User-facing text for any thrown value, in `lang`. The server's message is used when it is in the
 * wanted language; after a language switch the text is rebuilt locally from the code and details.
 */
export function describeError(error: unknown, lang: Lang): string {
  if (isApiError(error)) {
    if (error.lang === lang || !isKnownErrorCode(error.code)) {
      return error.message;
    }
    return stripPlaceholders(errorMessage(error.code, lang, error.details));
  }
  return errorMessage('common/internal', lang);
}

function asRecord(value: unknown): Record<string, unknown> | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
}

// Templates such as 'retry in {retryAfter} s' keep their placeholder when the detail is missing.
// Never show a raw '{name}': drop the parenthesis, quote or clause that holds it.
export function stripPlaceholders(text: string): string {
  const PLACEHOLDER = /\{\w+\}/;
  if (!PLACEHOLDER.test(text)) {
    return text;
  }
  let out = text.replace(/\s*[（(][^（()）]*\{\w+\}[^（()）]*[)）]/g, '').replace(/\s*["“]\{\w+\}["”]/g, '');
  const clauses = out.split(/(?<=[，,;；:：])/);
  const kept = clauses.filter((clause) => !PLACEHOLDER.test(clause));
  if (kept.length > 0 && kept.length < clauses.length) {
    out = kept.join('');
  }
  return out
    .replace(/\{\w+\}/g, '')
    .replace(/[\s，,;；:：]+$/, '')
    .replace(/\s{2,}/g, ' ')
    .trim();
}
