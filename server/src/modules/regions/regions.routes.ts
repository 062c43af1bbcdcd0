import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { RegionCodeSchema } from '#shared/contracts/common.contract';
import {
  CODE_LIST_NAMES,
  CodeListParamsSchema,
  CodeListQuerySchema,
  CodeListSchema,
  RegionSchema,
} from '#shared/contracts/regions.contract';
import type { RegionsService } from './regions.service';

// Reference data changes only with a new release, so clients and proxies may keep it for an hour.
const CACHE_CONTROL = 'public, max-age=3600';

const CodeListIndexSchema = z.object({
  items: z.array(z.object({ name: z.enum(CODE_LIST_NAMES), title: z.string(), titleEn: z.string(), total: z.number().int() })),
});

/** Public reference data: code lists and administrative divisions (no authentication). */
export const regionsRoutes: FastifyPluginAsyncZod<{ service: RegionsService }> = async (app, { service }) => {
  const tags = ['code-lists'];

  app.get(
    '/code-lists',
    { schema: { tags, summary: 'List the available code lists', response: { 200: CodeListIndexSchema } } },
    async (_req, reply) => {
      const lists = await service.listCodeLists();
      return reply.header('cache-control', CACHE_CONTROL).send(lists);
    },
  );

  app.get(
    '/code-lists/:name',
    {
      schema: {
        tags,
        summary: 'Get one code list (regions, industries, TRL, contract types, …), optionally filtered',
        params: CodeListParamsSchema,
        querystring: CodeListQuerySchema,
        response: { 200: CodeListSchema },
      },
    },
    async (req, reply) =>
      {
        const list = await service.getCodeList(req.params.name, req.query);
        return reply.header('cache-control', CACHE_CONTROL).send(list);
      },
  );

  app.get(
    '/regions/:code',
    {
      schema: {
        tags,
        summary: 'Get one GB/T 2260 administrative division',
        params: z.object({ code: RegionCodeSchema }),
        response: { 200: RegionSchema },
      },
    },
    (req) => service.getRegion(req.params.code),
  );
};
