import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { IdParamSchema } from '#shared/contracts/common.contract';
import { NotificationListSchema, NotificationQuerySchema, NotificationSchema } from '#shared/contracts/notifications.contract';
import type { NotificationsService } from './notifications.service';

export const notificationsRoutes: FastifyPluginAsyncZod<{ service: NotificationsService }> = async (app, { service }) => {
  const tags = ['notifications'];
  app.get('/notifications', { schema: { tags, summary: 'Your notifications, newest first (?unread=true for unread only)', querystring: NotificationQuerySchema, response: { 200: NotificationListSchema } } }, (req) =>
    service.list(req.actor, req.query),
  );
  app.post('/notifications/:id/read', { schema: { tags, summary: 'Mark one notification read', params: IdParamSchema, response: { 200: NotificationSchema } } }, (req) =>
    service.markRead(req.actor, req.params.id),
  );
  app.post('/notifications/read-all', { schema: { tags, summary: 'Mark all your notifications read', response: { 200: z.object({ updated: z.number().int() }) } } }, (req) =>
    service.markAllRead(req.actor),
  );
};
