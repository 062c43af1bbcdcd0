import type { ImportEncoding, ImportJob, ImportMode } from '#shared/contracts/imports.contract';
import { networkError, parseErrorResponse } from '../../shared/api/api-error';
import { CSRF_HEADER, currentCsrfToken } from '../../shared/api/csrf';
import { API_BASE, buildQueryString, http } from '../../shared/api/http';
import { newIdempotencyKey } from '../../shared/api/idempotency';
import { acceptLanguageOf, getLang } from '../../shared/i18n/lang-store';

export type ImportOptionsInput = { org?: string; mode: ImportMode; publish: boolean; encoding: ImportEncoding };

export const importKeys = {
  job: (id: string) => ['imports', 'job', id] as const,
};

/** The content type the server reads the file as (the extension decides; unknown → octet-stream). */
export function contentTypeOf(name: string): string {
  const ext = name.toLowerCase().split('.').pop();
  switch (ext) {
    case 'csv':
    case 'txt':
      return 'text/csv';
    case 'xlsx':
      return 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
    case 'jsonl':
    case 'ndjson':
      return 'application/x-ndjson';
    case undefined:
    default:
      return 'application/octet-stream';
  }
}

/**
 * POST /achievements/import with the file as the raw body (not JSON, so not through `http`):
 * CSRF header, language and a fresh Idempotency-Key (a retried click does not import twice).
 */
export async function startImport(file: File, options: ImportOptionsInput): Promise<ImportJob> {
  const lang = getLang();
  const headers: Record<string, string> = {
    Accept: 'application/json',
    'Accept-Language': acceptLanguageOf(lang),
    'Content-Type': contentTypeOf(file.name),
    'Idempotency-Key': newIdempotencyKey(),
  };
  const csrf = currentCsrfToken();
  if (csrf) {
    headers[CSRF_HEADER] = csrf;
  }
  const query = buildQueryString({
    org: options.org?.trim() || undefined,
    mode: options.mode,
    publish: options.publish ? 'true' : undefined,
    encoding: options.encoding,
    filename: file.name,
  });
  let response: Response;
  try {
    response = await fetch(`${API_BASE}/achievements/import${query}`, { method: 'POST', headers, body: file, credentials: 'same-origin' });
  } catch {
    throw networkError(lang);
  }
  const text = await response.text().catch(() => '');
  let body: unknown;
  try {
    body = text ? JSON.parse(text) : undefined;
  } catch {
    body = undefined;
  }
  if (!response.ok) {
    throw parseErrorResponse(response.status, body, lang, response.headers.get('x-request-id') ?? undefined);
  }
  return body as ImportJob;
}

export function getImportJob(id: string, signal?: AbortSignal): Promise<ImportJob> {
  return http.get(`/imports/${id}`, { signal });
}

/** Link of an export of the caller's organisations' listings (all statuses). */
export function exportUrl(format: 'csv' | 'xlsx' | 'jsonl', mine: boolean): string {
  return `${API_BASE}/achievements/export${buildQueryString({ format, mine: mine ? 'true' : undefined })}`;
}
