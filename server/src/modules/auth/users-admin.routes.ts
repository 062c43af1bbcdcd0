import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AdminUserQuerySchema, GrantRoleSchema, SetUserStatusSchema, UserSchema } from '#shared/contracts/auth.contract';
import { IdParamSchema, pageOf } from '#shared/contracts/common.contract';
import type { UsersAdminService } from './users-admin.service';

export const usersAdminRoutes: FastifyPluginAsyncZod<{ service: UsersAdminService }> = async (app, { service }) => {
  const tags = ['admin'];
  app.get('/admin/users', { schema: { tags, summary: 'Users (regional admins: their region only)', querystring: AdminUserQuerySchema, response: { 200: pageOf(UserSchema) } } }, (req) =>
    service.list(req.actor, req.query),
  );
  app.get('/admin/users/:id', { schema: { tags, summary: 'One user', params: IdParamSchema, response: { 200: UserSchema } } }, (req) =>
    service.get(req.actor, req.params.id),
  );
  app.post('/admin/users/:id/roles', { schema: { tags, summary: 'Grant a role', params: IdParamSchema, body: GrantRoleSchema, response: { 200: UserSchema } } }, (req) =>
    service.grantRole(req.actor, req.params.id, req.body),
  );
  app.delete(
    '/admin/users/:id/roles/:assignmentId',
    { schema: { tags, summary: 'Revoke a role', params: z.object({ id: z.uuid(), assignmentId: z.uuid() }), response: { 200: UserSchema } } },
    (req) => service.revokeRole(req.actor, req.params.id, req.params.assignmentId),
  );
  app.patch('/admin/users/:id/status', { schema: { tags, summary: 'Enable or disable an account', params: IdParamSchema, body: SetUserStatusSchema, response: { 200: UserSchema } } }, (req) =>
    service.setStatus(req.actor, req.params.id, req.body.status),
  );
};
