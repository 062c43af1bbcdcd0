import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ClientConfigSchema, HealthSchema, PlatformFiguresSchema } from '#shared/contracts/platform.contract';
import type { PlatformService } from './platform.service';

export const platformRoutes: FastifyPluginAsyncZod<{ service: PlatformService }> = async (app, { service }) => {
  const tags = ['platform'];
  app.get('/health', { schema: { tags, summary: 'Health, database mode and version', response: { 200: HealthSchema, 503: HealthSchema } } }, async (_req, reply) => {
    const h = await service.health();
    return reply.code(h.status === 'ok' ? 200 : 503).send(h);
  });
  app.get('/config', { schema: { tags, summary: 'Public client configuration', response: { 200: ClientConfigSchema } } }, () => service.clientConfig());
  app.get('/platform/figures', { schema: { tags, summary: 'Live platform figures for the home page', response: { 200: PlatformFiguresSchema } } }, () =>
    service.figures(),
  );
};
