import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { AuditEventSchema, AuditQuerySchema, AuditVerifyResultSchema } from '#shared/contracts/audit.contract';
import { pageOf } from '#shared/contracts/common.contract';
import type { AuditService } from './audit.service';

export const auditRoutes: FastifyPluginAsyncZod<{ service: AuditService }> = async (app, { service }) => {
  const tags = ['audit'];
  app.get('/audit/verify', { schema: { tags, summary: 'Recompute the hash chain; reports the first broken link (platform admin)', response: { 200: AuditVerifyResultSchema } } }, (req) =>
    service.verify(req.actor),
  );
  app.get('/audit/events', { schema: { tags, summary: 'Audit events, newest first (platform admin)', querystring: AuditQuerySchema, response: { 200: pageOf(AuditEventSchema) } } }, (req) =>
    service.list(req.actor, req.query),
  );
};
