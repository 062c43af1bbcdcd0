import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { and, eq, lt, sql } from 'drizzle-orm';
import type { Db } from '#server/db/types';
import { AppError } from '#server/lib/app-error';
import { canonicalJson, sha256Hex } from '#server/lib/crypto';
import { idempotencyKeys } from '#server/modules/platform/platform.tables';

const KEY_PATTERN = /^[A-Za-z0-9_.:-]{8,100}$/;
const RETENTION_MS = 24 * 3_600_000;

declare module 'fastify' {
  interface FastifyRequest {
    idempotency?: { actorKey: string; key: string };
  }
}

/**
 * `Idempotency-Key` on any write: the first request runs and its response is stored; a retry with
 * the same key and body gets the stored response (header `Idempotent-Replayed: true`); the same key
 * with another body is refused. Keys are per actor and kept for 24 hours.
 */
export function registerIdempotency(app: FastifyInstance, db: Db) {
  app.addHook('preHandler', async (req: FastifyRequest, reply: FastifyReply) => {
    const raw = req.headers['idempotency-key'];
    if (req.method === 'GET' || req.method === 'HEAD' || typeof raw !== 'string') {
      return;
    }
    if (!KEY_PATTERN.test(raw)) {
      throw new AppError('common/bad_request', 'bad idempotency key', undefined, { reason: 'Idempotency-Key: 8–100 characters of A–Z a–z 0–9 _ . : -' });
    }
    const actorKey = req.actor.kind === 'user' ? req.actor.userId : `anon:${req.ip}`;
    const requestHash = sha256Hex(`${req.method} ${req.url}\n${canonicalJson(req.body ?? null)}`);
    const inserted = await db
      .insert(idempotencyKeys)
      .values({ actorKey, key: raw, method: req.method, path: req.url, requestHash, state: 'in_progress' })
      .onConflictDoNothing()
      .returning({ key: idempotencyKeys.key });
    if (inserted.length > 0) {
      req.idempotency = { actorKey, key: raw };
      if (Math.random() < 0.01) {
        await db.delete(idempotencyKeys).where(lt(idempotencyKeys.createdAt, new Date(Date.now() - RETENTION_MS)));
      }
      return;
    }
    const [existing] = await db
      .select()
      .from(idempotencyKeys)
      .where(and(eq(idempotencyKeys.actorKey, actorKey), eq(idempotencyKeys.key, raw)));
    if (!existing || existing.requestHash !== requestHash) {
      throw new AppError('common/idempotency_key_reused', 'key reused with a different request');
    }
    if (existing.state !== 'done' || existing.responseStatus === null) {
      throw new AppError('common/idempotency_in_progress', 'first request still running');
    }
    return reply
      .code(existing.responseStatus)
      .header('idempotent-replayed', 'true')
      .header('content-type', 'application/json; charset=utf-8')
      .send(JSON.stringify(existing.responseBody));
  });

  app.addHook('onSend', async (req, reply, payload) => {
    const idem = req.idempotency;
    if (!idem) {
      return payload;
    }
    const where = and(eq(idempotencyKeys.actorKey, idem.actorKey), eq(idempotencyKeys.key, idem.key));
    if (reply.statusCode >= 500) {
      // Nothing was committed that the client could rely on: let it retry with the same key.
      await db.delete(idempotencyKeys).where(where);
      return payload;
    }
    let body: unknown;
    try {
      body = typeof payload === 'string' ? JSON.parse(payload) : null;
    } catch {
      body = null;
    }
    await db
      .update(idempotencyKeys)
      .set({ state: 'done', responseStatus: reply.statusCode, responseBody: sql`${JSON.stringify(body)}::jsonb` })
      .where(where);
    return payload;
  });
}
