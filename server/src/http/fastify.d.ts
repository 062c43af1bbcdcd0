import type { Lang } from '#shared/i18n/error-messages';
import type { Actor } from '#server/modules/auth/actor';

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor;
    lang: Lang;
    /** Set when the request carried a session cookie (CSRF applies only then). */
    sessionId?: string;
  }
}
