import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { IdParamSchema, OkSchema, pageOf } from '#shared/contracts/common.contract';
import {
  AddMemberSchema,
  CreateOrganisationSchema,
  MemberParamsSchema,
  MemberSchema,
  OrganisationQuerySchema,
  OrganisationSchema,
  SetOrganisationStatusSchema,
  UpdateMemberSchema,
  UpdateOrganisationSchema,
} from '#shared/contracts/organisations.contract';
import type { OrganisationsService } from './organisations.service';

export const organisationsRoutes: FastifyPluginAsyncZod<{ service: OrganisationsService }> = async (app, { service }) => {
  const tags = ['organisations'];
  app.get('/organisations', { schema: { tags, summary: 'Organisation directory', querystring: OrganisationQuerySchema, response: { 200: pageOf(OrganisationSchema) } } }, (req) =>
    service.list(req.actor, req.query),
  );
  app.post('/organisations', { schema: { tags, summary: 'Register an organisation (creator becomes owner)', body: CreateOrganisationSchema, response: { 201: OrganisationSchema } } }, async (req, reply) =>
    reply.code(201).send(await service.create(req.actor, req.body)),
  );
  app.get('/organisations/:id', { schema: { tags, summary: 'One organisation', params: IdParamSchema, response: { 200: OrganisationSchema } } }, (req) =>
    service.get(req.actor, req.params.id),
  );
  app.patch('/organisations/:id', { schema: { tags, summary: 'Update an organisation', params: IdParamSchema, body: UpdateOrganisationSchema, response: { 200: OrganisationSchema } } }, (req) =>
    service.update(req.actor, req.params.id, req.body),
  );
  app.post(
    '/organisations/:id/status',
    { schema: { tags, summary: 'Verify or suspend (administrators of its region)', params: IdParamSchema, body: SetOrganisationStatusSchema, response: { 200: OrganisationSchema } } },
    (req) => service.setStatus(req.actor, req.params.id, req.body.status),
  );
  app.get('/organisations/:id/members', { schema: { tags, summary: 'Members', params: IdParamSchema, response: { 200: z.object({ items: z.array(MemberSchema) }) } } }, (req) =>
    service.members(req.actor, req.params.id),
  );
  app.post('/organisations/:id/members', { schema: { tags, summary: 'Add a member by e-mail', params: IdParamSchema, body: AddMemberSchema, response: { 201: MemberSchema } } }, async (req, reply) =>
    reply.code(201).send(await service.addMember(req.actor, req.params.id, req.body.email, req.body.role)),
  );
  app.patch('/organisations/:id/members/:userId', { schema: { tags, summary: "Change a member's role", params: MemberParamsSchema, body: UpdateMemberSchema, response: { 200: MemberSchema } } }, (req) =>
    service.updateMember(req.actor, req.params.id, req.params.userId, req.body.role),
  );
  app.delete('/organisations/:id/members/:userId', { schema: { tags, summary: 'Remove a member', params: MemberParamsSchema, response: { 200: OkSchema } } }, (req) =>
    service.removeMember(req.actor, req.params.id, req.params.userId),
  );
};
