import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { IMPORT_MAX_BYTES } from '#shared/contracts/imports.contract';
import { acceptUploads, refuseOversizedUpload, TABLE_UPLOAD_TYPES, uploadedBytes } from '#server/modules/imports/index';
import {
  importRegistrations,
  RegistrationImportQuerySchema,
  RegistrationImportReportSchema,
  type RegistrationImportDeps,
} from './registrations.import';

/** `POST /registrations/import`: contracts signed elsewhere, as draft applications, from CSV (UTF-8/GBK) or XLSX. */
export const registrationsImportRoutes: FastifyPluginAsyncZod<RegistrationImportDeps> = async (app, deps) => {
  acceptUploads(app, TABLE_UPLOAD_TYPES);

  app.post(
    '/registrations/import',
    {
      bodyLimit: IMPORT_MAX_BYTES,
      onRequest: refuseOversizedUpload,
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
      const q = req.query;
      return importRegistrations(deps, req.actor, uploadedBytes(req.body), {
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
