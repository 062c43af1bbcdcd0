import type { FastifyInstance, FastifyReply } from 'fastify';
import { pickLang } from '#shared/i18n/error-messages';
import { AppError } from '#server/lib/app-error';
import { safeEqual } from '#server/lib/crypto';
import type { AuthService } from '#server/modules/auth/index';

export const SESSION_COOKIE = 'tn_session';
export const CSRF_COOKIE = 'tn_csrf';
export const CSRF_HEADER = 'x-csrf-token';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

declare module 'fastify' {
  interface FastifyContextConfig {
    /** false on routes that do not act with a session's authority (login, register). */
    csrf?: boolean;
  }
}

export type CookieSettings = { secure: boolean; ttlHours: number };

export function setSessionCookies(reply: FastifyReply, token: string, csrfToken: string, s: CookieSettings) {
  const maxAge = Math.floor(s.ttlHours * 3600);
  reply.setCookie(SESSION_COOKIE, token, { path: '/', httpOnly: true, sameSite: 'lax', secure: s.secure, maxAge });
  // Readable by the page script, which echoes it in X-CSRF-Token (double submit, checked against the session).
  reply.setCookie(CSRF_COOKIE, csrfToken, { path: '/', httpOnly: false, sameSite: 'lax', secure: s.secure, maxAge });
}

export function clearSessionCookies(reply: FastifyReply) {
  reply.clearCookie(SESSION_COOKIE, { path: '/' });
  reply.clearCookie(CSRF_COOKIE, { path: '/' });
}

/**
 * Resolves `req.actor` for every API request: an API token (Authorization: Bearer) or the session
 * cookie, else anonymous. Cookie-authenticated writes must carry the session's CSRF token; token
 * writes need the `write` scope.
 */
export function registerAuthentication(app: FastifyInstance, auth: AuthService) {
  app.decorateRequest('actor', null as never);
  app.decorateRequest('lang', 'zh');
  app.addHook('onRequest', async (req, reply) => {
    req.lang = pickLang(req.headers['accept-language']);
    req.actor = { kind: 'anonymous', ip: req.ip, requestId: req.id };
    if (!req.url.startsWith('/api/')) {
      return;
    }
    const ctx = { ip: req.ip, userAgent: req.headers['user-agent'], requestId: req.id };
    const authz = req.headers.authorization;
    if (authz) {
      const m = /^Bearer\s+(\S+)$/i.exec(authz);
      const actor = m ? await auth.authenticateToken(m[1]!, ctx) : null;
      if (!actor) {
        throw new AppError('common/unauthenticated', 'invalid API token');
      }
      const needed = SAFE_METHODS.has(req.method) ? 'read' : 'write';
      if (!actor.scopes.includes(needed)) {
        throw new AppError('common/token_scope_insufficient', `token lacks ${needed}`, undefined, { scope: needed });
      }
      req.actor = actor;
      return;
    }
    const cookie = req.cookies[SESSION_COOKIE];
    if (!cookie) {
      return;
    }
    const result = await auth.authenticateSession(cookie, ctx);
    if (!result || 'expired' in result) {
      req.actor = { kind: 'anonymous', ip: req.ip, requestId: req.id, expiredSession: true };
      clearSessionCookies(reply);
      return;
    }
    req.actor = result.actor;
    req.sessionId = result.session.id;
    req.sessionCsrf = result.session.csrfToken;
    req.sessionExpiresAt = result.session.expiresAt.toISOString();
    if (!SAFE_METHODS.has(req.method) && req.routeOptions.config?.csrf !== false) {
      const sent = req.headers[CSRF_HEADER];
      if (typeof sent !== 'string' || !safeEqual(sent, result.session.csrfToken)) {
        throw new AppError('common/csrf_invalid', 'missing or wrong CSRF token');
      }
    }
  });
}

declare module 'fastify' {
  interface FastifyRequest {
    sessionCsrf?: string;
    sessionExpiresAt?: string;
  }
}
