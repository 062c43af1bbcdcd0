import { createHash } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  ExportQuerySchema,
  IMPORT_MAX_BYTES,
  ImportIdParamSchema,
  ImportJobSchema,
  ImportQuerySchema,
} from '#shared/contracts/imports.contract';
import { AppError } from '#server/lib/app-error';
import type { ImportsService } from './imports.service';

/**
 * The uploaded file. Only the digest and size are enumerable: the idempotency layer hashes the
 * body, and a key reused with another file is refused without walking the bytes.
 */
export type UploadBody = { sha256: string; size: number; readonly bytes: Buffer };

function uploadBody(bytes: Buffer): UploadBody {
  const body = { sha256: createHash('sha256').update(bytes).digest('hex'), size: bytes.length };
  Object.defineProperty(body, 'bytes', { value: bytes, enumerable: false });
  return body as UploadBody;
}

const isUpload = (b: unknown): b is UploadBody => !!b && typeof b === 'object' && Buffer.isBuffer((b as { bytes?: unknown }).bytes);

/** Content types taken as a raw file upload (the format may also be named with `?format=`). */
const UPLOAD_TYPES = [
  'text/csv',
  'application/csv',
  'text/comma-separated-values',
  'text/tab-separated-values',
  'application/vnd.ms-excel',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'application/x-ndjson',
  'application/jsonl',
  'application/x-jsonlines',
  'application/jsonlines',
  'application/octet-stream',
];

function tooLarge(req: FastifyRequest) {
  const len = Number(req.headers['content-length']);
  if (Number.isFinite(len) && len > IMPORT_MAX_BYTES) {
    throw new AppError('import/file_too_large', `upload of ${len} bytes`, { limit: IMPORT_MAX_BYTES }, { limit: IMPORT_MAX_BYTES });
  }
}

export const importsRoutes: FastifyPluginAsyncZod<{ service: ImportsService }> = async (app, { service }) => {
  const tags = ['imports'];
  app.addContentTypeParser(UPLOAD_TYPES, { parseAs: 'buffer', bodyLimit: IMPORT_MAX_BYTES }, (_req, body, done) => {
    done(null, uploadBody(body as Buffer));
  });

  app.post(
    '/achievements/import',
    {
      bodyLimit: IMPORT_MAX_BYTES,
      onRequest: async (req) => tooLarge(req),
      schema: {
        tags,
        summary: 'Bulk import (汇交) of achievements: the file (CSV UTF-8/GBK, XLSX, JSONL) is the raw request body',
        description:
          'Send the file as the body with its content type (text/csv, application/vnd.openxmlformats-officedocument.spreadsheetml.sheet, application/x-ndjson or application/octet-stream with ?format=). Columns: English field names or Chinese labels; re-import updates by externalId. mode=all writes nothing when any row is invalid; mode=valid writes the valid rows. Answers 202 with the job (poll GET /imports/{id}), or 200 with the finished job when wait=true.',
        querystring: ImportQuerySchema,
        response: { 200: ImportJobSchema, 202: ImportJobSchema },
      },
    },
    async (req, reply) => {
      if (!isUpload(req.body)) {
        throw new AppError('import/unsupported_format', 'the file must be the raw request body');
      }
      const q = req.query;
      const { job, done } = await service.start(
        req.actor,
        req.body.bytes,
        {
          org: q.org,
          mode: q.mode,
          publish: q.publish,
          format: q.format,
          encoding: q.encoding,
          filename: q.filename,
          contentType: req.headers['content-type'],
        },
        req.lang,
      );
      if (q.wait) {
        return reply.code(200).send(await done);
      }
      done.catch((e: unknown) => req.log.error(e, 'import job'));
      return reply.code(202).header('location', `/api/v1/imports/${job.id}`).send(job);
    },
  );

  app.get(
    '/imports/:id',
    {
      schema: {
        tags,
        summary: 'An import job: progress counts and the per-row report',
        params: ImportIdParamSchema,
        response: { 200: ImportJobSchema },
      },
    },
    (req) => service.get(req.actor, req.params.id, req.lang),
  );

  app.get(
    '/achievements/export',
    {
      schema: {
        tags,
        summary: 'Export published achievements (or ?mine=true: your organisations’) as CSV, XLSX or JSONL, with the directory’s filters',
        querystring: ExportQuerySchema,
      },
    },
    async (req, reply) => {
      const { contentType, filename, body } = await service.export(req.actor, req.query);
      return reply.header('content-type', contentType).header('content-disposition', `attachment; filename="${filename}"`).send(body);
    },
  );
};
