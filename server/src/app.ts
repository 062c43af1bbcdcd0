import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import fastifyCompress from '@fastify/compress';
import fastifyCookie from '@fastify/cookie';
import fastifyHelmet from '@fastify/helmet';
import fastifyRateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance } from 'fastify';
import { jsonSchemaTransform, jsonSchemaTransformObject, serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ErrorResponseSchema } from '#shared/contracts/common.contract';
import type { DbHandle } from '#server/db/types';
import { registerAuthentication } from '#server/http/authenticate';
import { registerErrorHandling } from '#server/http/error-handler';
import { registerIdempotency } from '#server/http/idempotency';
import { loggerOptions } from '#server/lib/logger';
import { achievementsRoutes } from '#server/modules/achievements/index';
import { auditRoutes } from '#server/modules/audit/index';
import { demandsRoutes } from '#server/modules/demands/index';
import { expertsRoutes } from '#server/modules/experts/index';
import { importsRoutes } from '#server/modules/imports/index';
import { authRoutes, usersAdminRoutes } from '#server/modules/auth/index';
import { organisationsRoutes } from '#server/modules/organisations/index';
import { platformRoutes } from '#server/modules/platform/index';
import { regionsRoutes } from '#server/modules/regions/index';
import { SEARCH_RATE_LIMIT, searchRoutes } from '#server/modules/search/index';
import { MATCHING_RATE_LIMIT, matchingRoutes } from '#server/modules/matching/index';
import { notificationsRoutes } from '#server/modules/notifications/index';
import { auctionsRoutes } from '#server/modules/auctions/index';
import { noticesRoutes, OBJECTION_RATE_LIMIT } from '#server/modules/notices/index';
import { tendersRoutes } from '#server/modules/tenders/index';
import { registrationsImportRoutes, registrationsRoutes } from '#server/modules/registrations/index';
import { statisticsRoutes } from '#server/modules/statistics/index';
import { marketRoutes } from '#server/modules/market/index';
import type { Services } from './services';

export type AppOptions = {
  handle: DbHandle;
  services: Services;
  logLevel: string;
  bodyLimit: number;
  rateLimit: boolean;
  secureCookies: boolean;
  sessionTtlHours: number;
  /** Built web client (dist/web); the API works without it. */
  webRoot?: string;
  trustProxy?: boolean;
};

const REQUEST_ID = /^[A-Za-z0-9._-]{8,64}$/;

/** Builds the HTTP application: conventions, security, OpenAPI, every module's routes, the web client. */
export async function buildApp(opts: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: opts.logLevel === 'silent' ? false : loggerOptions(opts.logLevel),
    bodyLimit: opts.bodyLimit,
    trustProxy: opts.trustProxy ?? false,
    genReqId: (req) => {
      const given = req.headers['x-request-id'];
      return typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
    },
    routerOptions: { ignoreTrailingSlash: true },
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  // JSON only: a text/plain body is refused with 415 instead of reaching validation as a string.
  app.removeContentTypeParser('text/plain');
  // Every API operation documents the one error shape for its 4xx/5xx answers.
  if (!z.globalRegistry.has(ErrorResponseSchema)) {
    z.globalRegistry.add(ErrorResponseSchema, { id: 'ErrorResponse' });
  }
  app.addHook('onRoute', (route) => {
    if (route.url.startsWith('/api/v1') && route.schema) {
      const response = (route.schema.response ?? {}) as Record<string, unknown>;
      route.schema.response = { ...response, '4xx': ErrorResponseSchema, '5xx': ErrorResponseSchema };
    }
  });
  const hasWeb = !!opts.webRoot && existsSync(opts.webRoot);
  registerErrorHandling(app, { bodyLimit: opts.bodyLimit, spa: hasWeb });

  app.addHook('onSend', async (req, reply, payload) => {
    reply.header('x-request-id', req.id);
    if (req.url.startsWith('/api/') && !reply.hasHeader('cache-control')) {
      reply.header('cache-control', 'no-store');
    }
    return payload;
  });

  await app.register(fastifyHelmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        // Ant Design and ECharts write inline styles (CSS-in-JS); scripts stay same-origin only.
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        connectSrc: ["'self'"],
        fontSrc: ["'self'", 'data:'],
        objectSrc: ["'none'"],
        frameAncestors: ["'none'"],
        upgradeInsecureRequests: null,
      },
    },
    crossOriginEmbedderPolicy: false,
    frameguard: { action: 'deny' },
  });
  // gzip/brotli for JSON and the web client (the full region list is ~440 KB of JSON).
  await app.register(fastifyCompress, { threshold: 1024 });
  await app.register(fastifyCookie);
  await app.register(fastifyRateLimit, { global: false, enableDraftSpec: false });

  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'TransferNet API 技术转移网络平台',
        version: '1',
        description:
          'REST API of TransferNet. Errors: `{ error: { code, message, details } }` with namespaced codes; messages in Chinese by default, English with `Accept-Language: en`. Cookie sessions need `X-CSRF-Token` on writes; machine clients use `Authorization: Bearer tn_…` API tokens. Writes accept an `Idempotency-Key` header.',
      },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'tn_session' },
          bearer: { type: 'http', scheme: 'bearer' },
        },
      },
    },
    transform: jsonSchemaTransform,
    transformObject: jsonSchemaTransformObject,
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/api/docs', staticCSP: true });

  registerAuthentication(app, opts.services.auth);
  registerIdempotency(app, opts.handle.db);

  const loginRateLimit = opts.rateLimit ? { max: 20, timeWindow: '1 minute' } : false;
  await app.register(
    async (api) => {
      await api.register(platformRoutes, { service: opts.services.platform });
      await api.register(regionsRoutes, { service: opts.services.regions });
      await api.register(authRoutes, {
        service: opts.services.auth,
        cookies: { secure: opts.secureCookies, ttlHours: opts.sessionTtlHours },
        loginRateLimit,
      });
      await api.register(usersAdminRoutes, { service: opts.services.usersAdmin });
      await api.register(organisationsRoutes, { service: opts.services.organisations });
      await api.register(auditRoutes, { service: opts.services.audit });
      await api.register(searchRoutes, { service: opts.services.search, rateLimit: opts.rateLimit ? SEARCH_RATE_LIMIT : false });
      await api.register(matchingRoutes, { service: opts.services.matching, rateLimit: opts.rateLimit ? MATCHING_RATE_LIMIT : false });
      await api.register(notificationsRoutes, { service: opts.services.notifications });
      await api.register(importsRoutes, { service: opts.services.imports });
      await api.register(achievementsRoutes, { service: opts.services.achievements });
      await api.register(demandsRoutes, { service: opts.services.demands });
      await api.register(expertsRoutes, { service: opts.services.experts });
      // market routes (each slice registers its own below its marker)
      // ── market: listings, offers, deals ──
      await api.register(marketRoutes, { service: opts.services.market });
      // ── notices ──
      await api.register(noticesRoutes, { service: opts.services.notices, rateLimit: opts.rateLimit ? OBJECTION_RATE_LIMIT : false });
      // ── auctions ──
      await api.register(auctionsRoutes, { service: opts.services.auctions });
      // ── tenders ──
      await api.register(tendersRoutes, { service: opts.services.tenders });
      // ── contract registration and statistics ──
      await api.register(registrationsRoutes, { service: opts.services.registrations });
      await api.register(registrationsImportRoutes, { service: opts.services.registrations, organisations: opts.services.organisations });
      await api.register(statisticsRoutes, { service: opts.services.statistics });
    },
    { prefix: '/api/v1' },
  );

  if (hasWeb && opts.webRoot) {
    await app.register(fastifyStatic, {
      root: opts.webRoot,
      wildcard: false,
      index: ['index.html'],
      setHeaders: (reply, path) => {
        // Hashed asset names never change; index.html must always be revalidated.
        reply.header('cache-control', path.includes('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache');
      },
    });
  }

  return app;
}
