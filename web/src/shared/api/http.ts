import { acceptLanguageOf, getLang, type Lang } from '../i18n/lang-store';
import { networkError, parseErrorResponse } from './api-error';
import { CSRF_HEADER, currentCsrfToken } from './csrf';
import { newIdempotencyKey } from './idempotency';

/** Base path of the versioned REST API. */
export const API_BASE = '/api/v1';

export type QueryValue = string | number | boolean | null | undefined;
export type QueryParams = Record<string, QueryValue>;

export type RequestOptions = {
  query?: QueryParams;
  /** Serialised as JSON. */
  body?: unknown;
  /** `true` sends a fresh Idempotency-Key; a string sends that key. */
  idempotencyKey?: boolean | string;
  signal?: AbortSignal;
};

/** The house list shape. */
export type Page<T> = { items: T[]; total: number; page: number; pageSize: number };

type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

export type HttpDeps = {
  fetch: typeof fetch;
  getLang: () => Lang;
  getCsrfToken: () => string | null;
  newIdempotencyKey: () => string;
  baseUrl: string;
};

/** `?a=1&b=x`, leaving out undefined, null and empty values; '' when nothing is left. */
export function buildQueryString(query: QueryParams | undefined): string {
  if (!query) {
    return '';
  }
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '') {
      continue;
    }
    params.append(key, String(value));
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}

/** Creates the fetch wrapper; tests pass their own `fetch`, the app uses `http` below. */
export function createHttp(deps: HttpDeps) {
  async function request<T>(method: Method, path: string, options: RequestOptions = {}): Promise<T> {
    const lang = deps.getLang();
    const headers: Record<string, string> = {
      Accept: 'application/json',
      'Accept-Language': acceptLanguageOf(lang),
    };
    if (options.body !== undefined) {
      headers['Content-Type'] = 'application/json';
    }
    if (method !== 'GET') {
      const csrf = deps.getCsrfToken();
      if (csrf) {
        headers[CSRF_HEADER] = csrf;
      }
    }
    if (options.idempotencyKey) {
      headers['Idempotency-Key'] = typeof options.idempotencyKey === 'string' ? options.idempotencyKey : deps.newIdempotencyKey();
    }

    let response: Response;
    try {
      response = await deps.fetch(`${deps.baseUrl}${path}${buildQueryString(options.query)}`, {
        method,
        headers,
        credentials: 'same-origin',
        body: options.body === undefined ? undefined : JSON.stringify(options.body),
        signal: options.signal,
      });
    } catch (error) {
      // Cancellation is not a failure: let react-query see the AbortError it expects.
      if (error instanceof DOMException && error.name === 'AbortError') {
        throw error;
      }
      throw networkError(lang);
    }

    const requestId = response.headers.get('x-request-id') ?? undefined;
    const body = await readJson(response);
    if (!response.ok) {
      throw parseErrorResponse(response.status, body, lang, requestId);
    }
    if (body === INVALID_JSON) {
      throw parseErrorResponse(502, undefined, lang, requestId);
    }
    return body as T;
  }

  return {
    request,
    get: <T>(path: string, options?: Omit<RequestOptions, 'body'>) => request<T>('GET', path, options),
    post: <T>(path: string, body?: unknown, options?: RequestOptions) => request<T>('POST', path, { ...options, body }),
    patch: <T>(path: string, body?: unknown, options?: RequestOptions) => request<T>('PATCH', path, { ...options, body }),
    put: <T>(path: string, body?: unknown, options?: RequestOptions) => request<T>('PUT', path, { ...options, body }),
    delete: <T>(path: string, options?: RequestOptions) => request<T>('DELETE', path, options),
  };
}
export type Http = ReturnType<typeof createHttp>;

const INVALID_JSON = Symbol('invalid-json');

async function readJson(response: Response): Promise<unknown> {
  if (response.status === 204) {
    return undefined;
  }
  const text = await response.text().catch(() => '');
  if (!text) {
    return undefined;
  }
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return INVALID_JSON;
  }
}

/** The one HTTP client of the web app: same-origin cookies, CSRF, Accept-Language, typed errors. */
export const http: Http = createHttp({
  fetch: (input, init) => globalThis.fetch(input, init),
  getLang,
  getCsrfToken: currentCsrfToken,
  newIdempotencyKey,
  baseUrl: API_BASE,
});
