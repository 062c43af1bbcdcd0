import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { IdParamSchema, OkSchema, PageQuerySchema } from '#shared/contracts/common.contract';
import {
  CalendarDayParamsSchema,
  CalendarDaySchema,
  CalendarQuerySchema,
  CalendarYearSchema,
  CreateObjectionSchema,
  DecideObjectionSchema,
  NoticeObjectionParamsSchema,
  NoticePageSchema,
  NoticeQuerySchema,
  NoticeSchema,
  ObjectionReceiptSchema,
  PublishNoticeSchema,
  PutCalendarDaySchema,
  WithdrawNoticeSchema,
} from '#shared/contracts/notices.contract';
import type { NoticesService } from './notices.service';

/** Per-client limit of objections (anonymous allowed); `false` when RATE_LIMIT=off. */
export type NoticeRateLimit = { max: number; timeWindow: string } | false;
export const OBJECTION_RATE_LIMIT = { max: 10, timeWindow: '1 hour' } as const;

export const noticesRoutes: FastifyPluginAsyncZod<{ service: NoticesService; rateLimit: NoticeRateLimit }> = async (app, { service, rateLimit }) => {
  const tags = ['notices'];
  app.get(
    '/notices',
    { schema: { tags, summary: 'Public board of 协议定价公示 (no login), or ?dealId= for the notice of one deal', querystring: NoticeQuerySchema, response: { 200: NoticePageSchema } } },
    (req) => service.list(req.actor, req.query),
  );
  app.get(
    '/notices/queue',
    { schema: { tags, summary: 'Open notices with undecided objections the caller may decide (seller side, market operators)', querystring: PageQuerySchema, response: { 200: NoticePageSchema } } },
    (req) => service.queue(req.actor, req.query),
  );
  app.post(
    '/notices',
    { schema: { tags, summary: 'Publish the notice of a deal awaiting it (seller organisation)', body: PublishNoticeSchema, response: { 201: NoticeSchema } } },
    async (req, reply) => reply.code(201).send(await service.publish(req.actor, req.body)),
  );
  app.get(
    '/notices/:id',
    { schema: { tags, summary: 'One notice (public); objections with contacts for the seller side and operators', params: IdParamSchema, response: { 200: NoticeSchema } } },
    (req) => service.get(req.actor, req.params.id),
  );
  app.post(
    '/notices/:id/objections',
    {
      config: { ...(rateLimit ? { rateLimit } : {}) },
      schema: { tags, summary: 'Object to an open notice (anyone, no login; rate-limited per client)', params: IdParamSchema, body: CreateObjectionSchema, response: { 201: ObjectionReceiptSchema } },
    },
    async (req, reply) => reply.code(201).send(await service.object(req.actor, req.params.id, req.body)),
  );
  app.post(
    '/notices/:id/objections/:objectionId/decide',
    { schema: { tags, summary: 'Decide an objection with a recorded decision (seller side, market operator)', params: NoticeObjectionParamsSchema, body: DecideObjectionSchema, response: { 200: NoticeSchema } } },
    (req) => service.decide(req.actor, req.params.id, req.params.objectionId, req.body),
  );
  app.post(
    '/notices/:id/withdraw',
    { schema: { tags, summary: 'Withdraw an open notice before its end (seller side); the deal is cancelled', params: IdParamSchema, body: WithdrawNoticeSchema.nullish(), response: { 200: NoticeSchema } } },
    (req) => service.withdraw(req.actor, req.params.id, req.body?.reason),
  );
  app.get(
    '/calendar',
    { schema: { tags, summary: 'Working-day calendar exceptions of a year: holidays on weekdays, 调休 workdays on weekends (public)', querystring: CalendarQuerySchema, response: { 200: CalendarYearSchema } } },
    (req) => service.calendar(req.query.year),
  );
  app.put(
    '/calendar/:day',
    { schema: { tags, summary: 'Set a calendar exception (platform admins, market operators)', params: CalendarDayParamsSchema, body: PutCalendarDaySchema, response: { 200: CalendarDaySchema } } },
    (req) => service.putCalendarDay(req.actor, req.params.day, req.body),
  );
  app.delete(
    '/calendar/:day',
    { schema: { tags, summary: 'Remove a calendar exception (platform admins, market operators)', params: CalendarDayParamsSchema, response: { 200: OkSchema } } },
    async (req) => {
      await service.deleteCalendarDay(req.actor, req.params.day);
      return { ok: true as const };
    },
  );
};
