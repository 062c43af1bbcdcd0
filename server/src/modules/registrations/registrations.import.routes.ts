import { createHash } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { IMPORT_MAX_BYTES } from '#shared/contracts/imports.contract';
import { AppError } from '#server/lib/app-error';
import {
  importRegistrations,
  RegistrationImportQuerySchema,
  RegistrationImportReportSchema,
  type RegistrationImportDeps,
} from './registrations.import';

/**
 * The uploaded file. Only the digest and size are enumerable: the idempotency layer hashes the body
 * (a retried upload with the same Idempotency-Key answers the first report, another file is refused).
 */
type UploadBody = { sha256: string; size: number; readonly bytes: Buffer };

function uploadBody(bytes: Buffer): UploadBody {
  const body = { sha256: createHash('sha256').update(bytes).digest('hex'), size: bytes.length };
  Object.defineProperty(body, 'bytes', { value: bytes, enumerable: false });
  return body as UploadBody;
}

const isUpload = (b: unknown): b is UploadBody => !!b && typeof b === 'object' && Buffer.isBuffer((b as { bytes?: unknown }).bytes);

/** Content types taken as the raw file (the format may also be named with `?format=`). */
const UPLOAD_TYPES = [
  'text/csv',
  'application/csv',
  'text/comma-separated-values',
  'text/tab-separated-values',
  'application/vnd.ms-excel',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'application/octet-stream',
];

function tooLarge(req: FastifyRequest) {
  const len = Number(req.headers['content-length']);
  if (Number.isFinite(len) && len > IMPORT_MAX_BYTES) {
    throw new AppError('import/file_too_large', `upload of ${len} bytes`, { limit: IMPORT_MAX_BYTES }, { limit: IMPORT_MAX_BYTES });
  }
}

/** `POST /registrations/import`: contracts signed elsewhere, as draft applications, from CSV (UTF-8/GBK) or XLSX. */
export const registrationsImportRoutes: FastifyPluginAsyncZod<RegistrationImportDeps> = async (app, deps) => {
  app.addContentTypeParser(UPLOAD_TYPES, { parseAs: 'buffer', bodyLimit: IMPORT_MAX_BYTES }, (_req, body, done) => {
    done(null, uploadBody(body as Buffer));
  });

  app.post(
    '/registrations/import',
    {
      bodyLimit: IMPORT_MAX_BYTES,
      onRequest: async (req) => tooLarge(req),
      schema: {
        tags: ['registrations'],
        summary:
          'Bulk import of contracts signed elsewhere as draft registration applications (CSV UTF-8/GBK or XLSX as the raw body), with a row report',
        description:
          'Send the file as the request body with its content type (text/csv, application/vnd.openxmlformats-officedocument.spreadsheetml.sheet, or application/octet-stream with ?format=). Columns: API field names (seller.creditCode, contractAmountFen…) or the Chinese labels of the template (项目名称, 合同子类, 卖方统一社会信用代码, 成交额（元）…). Amounts in yuan (up to 2 decimals) or fen. The seller (the domestic buyer for a technology import) must be one of your organisations: give its 统一社会信用代码 or 机构ID. mode=all writes nothing when any row is refused; mode=valid writes the valid rows. Rows whose 外部编号 your organisation already has are skipped. An undecodable file (encoding), unknown columns or an empty file answer 400 and write nothing.',
        querystring: RegistrationImportQuerySchema,
        response: { 200: RegistrationImportReportSchema },
      },
    },
    async (req) => {
      if (!isUpload(req.body)) {
        throw new AppError('import/unsupported_format', 'the file must be the raw request body');
      }
      const q = req.query;
      return importRegistrations(deps, req.actor, req.body.bytes, {
        mode: q.mode,
        format: q.format,
        encoding: q.encoding,
        filename: q.filename,
        contentType: req.headers['content-type'],
        lang: req.lang,
      });
    },
  );
};
