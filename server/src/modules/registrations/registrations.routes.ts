import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { IdParamSchema } from '#shared/contracts/common.contract';
import {
  CertificateCheckSchema,
  ChangeDecisionSchema,
  ChangeRequestSchema,
  CreateRegistrationSchema,
  DecideSchema,
  FromDealSchema,
  ParameterSchema,
  PutParameterSchema,
  RegistrationPageSchema,
  RegistrationPointSchema,
  RegistrationQuerySchema,
  RegistrationSchema,
  UpdateRegistrationSchema,
} from '#shared/contracts/registrations.contract';
import type { RegistrationsService } from './registrations.service';

export const registrationsRoutes: FastifyPluginAsyncZod<{ service: RegistrationsService }> = async (app, { service }) => {
  const tags = ['registrations'];
  app.get('/registrations', { schema: { tags, summary: 'Registrations: mine (my organisations), queue (my registrar points: to decide), all (my registrar region)', querystring: RegistrationQuerySchema, response: { 200: RegistrationPageSchema } } }, (req) => service.list(req.actor, req.query));
  app.post('/registrations', { schema: { tags, summary: 'A registration application (draft) for a contract signed outside the market (seller; domestic buyer for imports)', body: CreateRegistrationSchema, response: { 201: RegistrationSchema } } }, async (req, reply) =>
    reply.code(201).send(await service.create(req.actor, req.body)),
  );
  app.post('/registrations/from-deal', { schema: { tags, summary: 'A draft pre-filled from a concluded market deal (same chain id; once per deal)', body: FromDealSchema, response: { 201: RegistrationSchema } } }, async (req, reply) =>
    reply.code(201).send(await service.fromDeal(req.actor, req.body.dealId)),
  );
  app.get('/registrations/certificates/:registrationNo', { schema: { tags, summary: 'Check a certificate by its registration number (public)', params: z.object({ registrationNo: z.string().max(20) }), response: { 200: CertificateCheckSchema } } }, (req) =>
    service.checkCertificate(req.params.registrationNo),
  );
  app.get('/registrations/:id', { schema: { tags, summary: 'One registration with rule findings, tax effects, history and the caller’s allowed actions', params: IdParamSchema, response: { 200: RegistrationSchema } } }, (req) => service.get(req.actor, req.params.id));
  app.patch('/registrations/:id', { schema: { tags, summary: 'Correct a draft or returned application (applicant)', params: IdParamSchema, body: UpdateRegistrationSchema, response: { 200: RegistrationSchema } } }, (req) => service.update(req.actor, req.params.id, req.body));
  app.post('/registrations/:id/submit', { schema: { tags, summary: 'Submit to the registration point of the applicant’s region (rules and deadline checked)', params: IdParamSchema, response: { 200: RegistrationSchema } } }, (req) => service.submit(req.actor, req.params.id));
  app.post('/registrations/:id/withdraw', { schema: { tags, summary: 'Withdraw an application before the decision (applicant)', params: IdParamSchema, response: { 200: RegistrationSchema } } }, (req) => service.withdraw(req.actor, req.params.id));
  app.post('/registrations/:id/decision', { schema: { tags, summary: 'Recognise (in full or in part), refuse or return for correction (registrar of the point)', params: IdParamSchema, body: DecideSchema, response: { 200: RegistrationSchema } } }, (req) => service.decide(req.actor, req.params.id, req.body));
  app.post('/registrations/:id/change-request', { schema: { tags, summary: '变更/撤销: the applicant requests; a registrar of the point amends or cancels directly', params: IdParamSchema, body: ChangeRequestSchema, response: { 200: RegistrationSchema } } }, (req) => service.requestChange(req.actor, req.params.id, req.body));
  app.post('/registrations/:id/change-decision', { schema: { tags, summary: 'Approve or decline a requested amendment or cancellation (registrar)', params: IdParamSchema, body: ChangeDecisionSchema, response: { 200: RegistrationSchema } } }, (req) => service.decideChange(req.actor, req.params.id, req.body));
  app.get('/registrations/:id/certificate.pdf', { schema: { tags, summary: 'The registration certificate (登记证明) as PDF', params: IdParamSchema } }, async (req, reply) => {
    const { fileName, pdf } = await service.certificate(req.actor, req.params.id);
    return reply.header('content-type', 'application/pdf').header('content-disposition', `attachment; filename="certificate.pdf"; filename*=UTF-8''${encodeURIComponent(fileName)}`).send(pdf);
  });
  app.get('/registration-points', { schema: { tags, summary: 'Registration points (national, province, city, county; delegated ceilings) — public', response: { 200: z.array(RegistrationPointSchema) } } }, () => service.points());
  app.get('/registration-parameters', { schema: { tags, summary: 'Dated parameters: deadline, review period, recognition checks, tax rules', response: { 200: z.array(ParameterSchema) } } }, (req) => service.parameters(req.actor));
  app.put('/registration-parameters', { schema: { tags, summary: 'A new dated version of a parameter (platform administrators)', body: PutParameterSchema, response: { 200: ParameterSchema } } }, (req) => service.putParameter(req.actor, req.body));
};
