import { bigint, index, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/**
 * Append-only, hash-chained audit trail. `hash = sha256(prevHash + canonical event)`; a trigger
 * (migration 0001) refuses UPDATE and DELETE, and `audit verify` detects edits made around it.
 */
export const auditEvents = pgTable(
  'audit_events',
  {
    seq: bigint({ mode: 'number' }).primaryKey(),
    occurredAt: timestamp({ withTimezone: true }).notNull(),
    actorId: text(),
    actorLabel: text(),
    action: text().notNull(),
    entityType: text().notNull(),
    entityId: text().notNull(),
    beforeDigest: text(),
    afterDigest: text(),
    requestId: text(),
    prevHash: text().notNull(),
    hash: text().notNull(),
  },
  (t) => [index('audit_events_entity_idx').on(t.entityType, t.entityId), index('audit_events_actor_idx').on(t.actorId)],
);
