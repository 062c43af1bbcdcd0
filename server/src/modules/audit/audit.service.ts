import type { AuditEvent, AuditQuery, AuditVerifyResult } from '#shared/contracts/audit.contract';
import type { Db, DbConn } from '#server/db/types';
import { AppError } from '#server/lib/app-error';
import type { Clock } from '#server/lib/clock';
import { actorLabel, isPlatformAdmin, type Actor } from '../auth/actor';
import { checkLink, digestOf, GENESIS_HASH, hashEvent, type BrokenLink } from './audit.chain';
import type { AuditRepo } from './audit.repo';

export type AuditInput = {
  actor: Actor;
  /** `<module>.<past-tense>`, e.g. `organisation.created`. */
  action: string;
  entityType: string;
  entityId: string;
  before?: unknown;
  after?: unknown;
};

type Deps = { db: Db; repo: AuditRepo; clock: Clock };

const VERIFY_BATCH = 5_000;

export function createAuditService({ db, repo, clock }: Deps) {
  return {
    /** Appends one event to the chain; call it inside the transaction that makes the change. */
    async record(tx: DbConn, input: AuditInput): Promise<void> {
      const head = await repo.lockHead(tx);
      const event = {
        seq: (head?.seq ?? 0) + 1,
        occurredAt: clock.now(),
        actorId: input.actor.kind === 'user' ? input.actor.userId : null,
        actorLabel: actorLabel(input.actor),
        action: input.action,
        entityType: input.entityType,
        entityId: input.entityId,
        beforeDigest: digestOf(input.before),
        afterDigest: digestOf(input.after),
        requestId: input.actor.requestId,
        prevHash: head?.hash ?? GENESIS_HASH,
      };
      await repo.insert(tx, { ...event, hash: hashEvent(event) });
    },

    /**
     * Appends several events in order under one lock of the chain head and one insert (bulk
     * writes such as imports); the chain is the same as from one `record` per event.
     */
    async recordMany(tx: DbConn, inputs: readonly AuditInput[]): Promise<void> {
      if (inputs.length === 0) {
        return;
      }
      const head = await repo.lockHead(tx);
      let seq = head?.seq ?? 0;
      let prevHash = head?.hash ?? GENESIS_HASH;
      const occurredAt = clock.now();
      const rows = inputs.map((input) => {
        const event = {
          seq: ++seq,
          occurredAt,
          actorId: input.actor.kind === 'user' ? input.actor.userId : null,
          actorLabel: actorLabel(input.actor),
          action: input.action,
          entityType: input.entityType,
          entityId: input.entityId,
          beforeDigest: digestOf(input.before),
          afterDigest: digestOf(input.after),
          requestId: input.actor.requestId,
          prevHash,
        };
        prevHash = hashEvent(event);
        return { ...event, hash: prevHash };
      });
      await repo.insertMany(tx, rows);
    },

    /** Walks the whole chain and reports the first broken link. Platform admins only (or the CLI). */
    async verify(actor: Actor): Promise<AuditVerifyResult> {
      if (!isPlatformAdmin(actor)) {
        throw new AppError(actor.kind === 'user' ? 'common/forbidden' : 'common/unauthenticated', 'audit verify needs platform_admin');
      }
      const started = performance.now();
      let prev: { seq: number; hash: string } | null = null;
      let checked = 0;
      let broken: BrokenLink | null = null;
      for (;;) {
        const batch = await repo.batchAfter(db, prev?.seq ?? 0, VERIFY_BATCH);
        for (const row of batch) {
          broken = checkLink(prev, row);
          if (broken) {
            break;
          }
          prev = { seq: row.seq, hash: row.hash };
          checked++;
        }
        if (broken || batch.length < VERIFY_BATCH) {
          break;
        }
      }
      return {
        ok: broken === null,
        checked,
        headSeq: prev?.seq ?? null,
        headHash: prev?.hash ?? null,
        firstBroken: broken,
        durationMs: Math.round(performance.now() - started),
      };
    },

    /** Lists events, newest first. Platform admins only. */
    async list(actor: Actor, q: AuditQuery): Promise<{ items: AuditEvent[]; total: number; page: number; pageSize: number }> {
      if (!isPlatformAdmin(actor)) {
        throw new AppError(actor.kind === 'user' ? 'common/forbidden' : 'common/unauthenticated', 'audit list needs platform_admin');
      }
      const { items, total } = await repo.page(db, q);
      return {
        items: items.map((r) => ({ ...r, occurredAt: r.occurredAt.toISOString() })),
        total,
        page: q.page,
        pageSize: q.pageSize,
      };
    },

    count: () => repo.total(db),
  };
}
export type AuditService = ReturnType<typeof createAuditService>;
