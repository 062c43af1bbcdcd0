import { and, asc, count, desc, eq, gt, sql, type SQL } from 'drizzle-orm';
import type { AuditQuery } from '#shared/contracts/audit.contract';
import type { DbConn } from '#server/db/types';
import { auditEvents } from './audit.tables';

// Serialises appends across every process sharing the database: the chain has one head.
const AUDIT_CHAIN_LOCK = 4_207_301_122;

export function createAuditRepo() {
  return {
    /** Must run inside the transaction that makes the change, so both commit or neither. */
    async lockHead(tx: DbConn) {
      await tx.execute(sql`select pg_advisory_xact_lock(${AUDIT_CHAIN_LOCK})`);
      const [head] = await tx
        .select({ seq: auditEvents.seq, hash: auditEvents.hash })
        .from(auditEvents)
        .orderBy(desc(auditEvents.seq))
        .limit(1);
      return head ?? null;
    },
    async insert(tx: DbConn, row: typeof auditEvents.$inferInsert) {
      await tx.insert(auditEvents).values(row);
    },
    /** Several events in one statement (bulk import), in the order given. */
    async insertMany(tx: DbConn, rows: (typeof auditEvents.$inferInsert)[]) {
      if (rows.length) {
        await tx.insert(auditEvents).values(rows);
      }
    },
    /** Events after `afterSeq`, in order, `limit` at a time (verification walks the chain in batches). */
    batchAfter(db: DbConn, afterSeq: number, limit: number) {
      return db.select().from(auditEvents).where(gt(auditEvents.seq, afterSeq)).orderBy(asc(auditEvents.seq)).limit(limit);
    },
    async page(db: DbConn, q: AuditQuery) {
      const conds: SQL[] = [];
      if (q.entityType) {
        conds.push(eq(auditEvents.entityType, q.entityType));
      }
      if (q.entityId) {
        conds.push(eq(auditEvents.entityId, q.entityId));
      }
      if (q.actorId) {
        conds.push(eq(auditEvents.actorId, q.actorId));
      }
      const where = conds.length ? and(...conds) : undefined;
      const [items, [total]] = await Promise.all([
        db
          .select()
          .from(auditEvents)
          .where(where)
          .orderBy(desc(auditEvents.seq))
          .limit(q.pageSize)
          .offset((q.page - 1) * q.pageSize),
        db.select({ n: count() }).from(auditEvents).where(where),
      ]);
      return { items, total: total?.n ?? 0 };
    },
    async total(db: DbConn) {
      const [row] = await db.select({ n: count() }).from(auditEvents);
      return row?.n ?? 0;
    },
  };
}
export type AuditRepo = ReturnType<typeof createAuditRepo>;
