import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  ApiTokenSchema,
  ChangePasswordSchema,
  CreateApiTokenSchema,
  CreatedApiTokenSchema,
  LoginSchema,
  RegisterSchema,
  SessionSchema,
  UpdateProfileSchema,
  UserSchema,
} from '#shared/contracts/auth.contract';
import { IdParamSchema, OkSchema } from '#shared/contracts/common.contract';
import { clearSessionCookies, setSessionCookies, type CookieSettings } from '#server/http/authenticate';
import { AppError } from '#server/lib/app-error';
import type { AuthService } from './auth.service';
import { requireUser } from './auth.service';

type Opts = { service: AuthService; cookies: CookieSettings; loginRateLimit: { max: number; timeWindow: string } | false };

export const authRoutes: FastifyPluginAsyncZod<Opts> = async (app, { service, cookies, loginRateLimit }) => {
  const tags = ['auth'];
  const ctxOf = (req: { ip: string; headers: Record<string, unknown>; id: string }) => ({
    ip: req.ip,
    userAgent: typeof req.headers['user-agent'] === 'string' ? req.headers['user-agent'] : undefined,
    requestId: req.id,
  });

  app.post(
    '/auth/register',
    { config: { csrf: false, ...(loginRateLimit ? { rateLimit: loginRateLimit } : {}) }, schema: { tags, summary: 'Register an account (self-service roles)', body: RegisterSchema, response: { 201: SessionSchema } } },
    async (req, reply) => {
      const issued = await service.register(req.body, ctxOf(req));
      setSessionCookies(reply, issued.token, issued.session.csrfToken, cookies);
      return reply.code(201).send(issued.session);
    },
  );

  app.post(
    '/auth/login',
    { config: { csrf: false, ...(loginRateLimit ? { rateLimit: loginRateLimit } : {}) }, schema: { tags, summary: 'Sign in with e-mail and password', body: LoginSchema, response: { 200: SessionSchema } } },
    async (req, reply) => {
      const issued = await service.login(req.body, ctxOf(req));
      setSessionCookies(reply, issued.token, issued.session.csrfToken, cookies);
      return issued.session;
    },
  );

  app.post('/auth/logout', { schema: { tags, summary: 'Sign out (ends the session)', response: { 200: OkSchema } } }, async (req, reply) => {
    await service.logout(req.sessionId, req.actor);
    clearSessionCookies(reply);
    return { ok: true as const };
  });

  app.get('/auth/session', { schema: { tags, summary: 'The current session', response: { 200: SessionSchema } } }, async (req) => {
    const actor = requireUser(req.actor);
    if (!req.sessionCsrf || !req.sessionExpiresAt) {
      // API tokens have no session; they call /auth/me instead.
      throw new AppError('common/unauthenticated', 'no cookie session');
    }
    return { user: await service.userOf(actor), csrfToken: req.sessionCsrf, expiresAt: req.sessionExpiresAt };
  });

  app.get('/auth/me', { schema: { tags, summary: 'The signed-in user (session or API token)', response: { 200: UserSchema } } }, async (req) => {
    return service.userOf(requireUser(req.actor));
  });

  app.patch('/auth/profile', { schema: { tags, summary: 'Update my profile', body: UpdateProfileSchema, response: { 200: UserSchema } } }, (req) =>
    service.updateProfile(req.actor, req.body),
  );

  app.post('/auth/password', { schema: { tags, summary: 'Change my password (ends all sessions)', body: ChangePasswordSchema, response: { 200: OkSchema } } }, async (req, reply) => {
    await service.changePassword(req.actor, req.body, req.sessionId);
    clearSessionCookies(reply);
    return { ok: true as const };
  });

  app.get('/auth/tokens', { schema: { tags, summary: 'My API tokens', response: { 200: z.object({ items: z.array(ApiTokenSchema) }) } } }, (req) =>
    service.listTokens(req.actor),
  );

  app.post('/auth/tokens', { schema: { tags, summary: 'Create an API token (secret shown once)', body: CreateApiTokenSchema, response: { 201: CreatedApiTokenSchema } } }, async (req, reply) =>
    reply.code(201).send(await service.createToken(req.actor, req.body)),
  );

  app.delete('/auth/tokens/:id', { schema: { tags, summary: 'Revoke an API token', params: IdParamSchema, response: { 200: OkSchema } } }, (req) =>
    service.revokeToken(req.actor, req.params.id),
  );
};
