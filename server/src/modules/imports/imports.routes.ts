import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  ExportQuerySchema,
  IMPORT_MAX_BYTES,
  ImportIdParamSchema,
  ImportJobSchema,
  ImportQuerySchema,
} from '#shared/contracts/imports.contract';
import type { ImportsService } from './imports.service';
import { acceptUploads, JSONL_UPLOAD_TYPES, refuseOversizedUpload, TABLE_UPLOAD_TYPES, uploadedBytes } from './imports.upload';

export const importsRoutes: FastifyPluginAsyncZod<{ service: ImportsService }> = async (app, { service }) => {
  const tags = ['imports'];
  acceptUploads(app, [...TABLE_UPLOAD_TYPES, ...JSONL_UPLOAD_TYPES]);

  app.post(
    '/achievements/import',
    {
      bodyLimit: IMPORT_MAX_BYTES,
      onRequest: refuseOversizedUpload,
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
      const q = req.query;
      const { job, done } = await service.start(
        req.actor,
        uploadedBytes(req.body),
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
