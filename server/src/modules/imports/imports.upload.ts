import { createHash } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { IMPORT_MAX_BYTES } from '#shared/contracts/imports.contract';
import { AppError } from '#server/lib/app-error';

// A file sent as the raw request body (every bulk import: achievements, contract registrations).

/**
 * The uploaded file. Only the digest and size are enumerable: the idempotency layer hashes the
 * body (a retried upload with the same Idempotency-Key answers the first result), and a key reused
 * with another file is refused without walking the bytes.
 */
export type UploadBody = { sha256: string; size: number; readonly bytes: Buffer };

function uploadBody(bytes: Buffer): UploadBody {
  const body = { sha256: createHash('sha256').update(bytes).digest('hex'), size: bytes.length };
  Object.defineProperty(body, 'bytes', { value: bytes, enumerable: false });
  return body as UploadBody;
}

const isUpload = (b: unknown): b is UploadBody => !!b && typeof b === 'object' && Buffer.isBuffer((b as { bytes?: unknown }).bytes);

/** Content types of a table file (CSV, XLSX, or anything with `?format=`) taken as a raw upload. */
export const TABLE_UPLOAD_TYPES: readonly string[] = [
  'text/csv',
  'application/csv',
  'text/comma-separated-values',
  'text/tab-separated-values',
  'application/vnd.ms-excel',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'application/octet-stream',
];

/** Content types of a JSON Lines file. */
export const JSONL_UPLOAD_TYPES: readonly string[] = ['application/x-ndjson', 'application/jsonl', 'application/x-jsonlines', 'application/jsonlines'];

/**
 * Takes bodies of these content types, in this plugin's scope, as the raw file (up to
 * IMPORT_MAX_BYTES); the route reads it with `uploadedBytes`.
 */
export function acceptUploads(app: FastifyInstance, types: readonly string[]): void {
  app.addContentTypeParser([...types], { parseAs: 'buffer', bodyLimit: IMPORT_MAX_BYTES }, (_req, body, done) => {
    done(null, uploadBody(body as Buffer));
  });
}

/** An upload route's `onRequest`: refuses a declared Content-Length above IMPORT_MAX_BYTES before the body is read. */
export async function refuseOversizedUpload(req: FastifyRequest): Promise<void> {
  const len = Number(req.headers['content-length']);
  if (Number.isFinite(len) && len > IMPORT_MAX_BYTES) {
    throw new AppError('import/file_too_large', `upload of ${len} bytes`, { limit: IMPORT_MAX_BYTES }, { limit: IMPORT_MAX_BYTES });
  }
}

/** The uploaded file's bytes; import/unsupported_format when the body was not taken as a raw file. */
export function uploadedBytes(body: unknown): Buffer {
  if (!isUpload(body)) {
    throw new AppError('import/unsupported_format', 'the file must be the raw request body');
  }
  return body.bytes;
}
