import type { Notification, NotificationList, NotificationQuery } from '#shared/contracts/notifications.contract';
import type { Db, DbConn } from '#server/db/types';
import { AppError } from '#server/lib/app-error';
import type { Clock } from '#server/lib/clock';
import type { AuditService } from '#server/modules/audit/index';
import { requireUser, type Actor } from '#server/modules/auth/index';
import type { MailMessage, MailSender } from './mail';
import type { NotificationRow, NotificationsRepo } from './notifications.repo';

export type NotificationsDeps = { db: Db; repo: NotificationsRepo; audit: AuditService; clock: Clock; mail: MailSender };

export type NewNotification = { userId: string; kind: NotificationRow['kind']; title: string; body: string; data: Record<string, unknown>; dedupeKey: string };

function toDto(r: NotificationRow): Notification {
  return { id: r.id, kind: r.kind, title: r.title, body: r.body, data: r.data, readAt: r.readAt ? r.readAt.toISOString() : null, createdAt: r.createdAt.toISOString() };
}

/** A market event for every member of an organisation; `link` is the web page to open. */
export type OrganisationNotice = { kind: NotificationRow['kind']; title: string; body: string; link: string; dedupeKey: string; data?: Record<string, unknown> };
/** What the market modules are given: write in-app notifications inside their transaction. */
export type NotifyOrganisation = (conn: DbConn, organisationId: string, n: OrganisationNotice) => Promise<void>;

export function createNotificationsService({ db, repo, audit, clock, mail }: NotificationsDeps) {
  return {
    /**
     * In-app notification to every member of an organisation, written in the caller's transaction
     * (so it exists exactly when the event does), once per member and dedupe key. Market events are
     * in-app only: e-mails are sent for catalogue matches, whose outbox runs after commit.
     */
    async notifyOrganisation(conn: DbConn, organisationId: string, n: OrganisationNotice): Promise<void> {
      const data = { ...n.data, link: n.link };
      const members = await repo.memberIds(conn, organisationId);
      await repo.insertManyOnce(conn, members.map((userId) => ({ userId, kind: n.kind, title: n.title, body: n.body, data, dedupeKey: n.dedupeKey })));
    },

    /**
     * Writes a notification inside the caller's transaction (once per user and dedupe key) and
     * returns the e-mail to send after the transaction commits (undefined when it already existed).
     */
    async notify(conn: DbConn, n: NewNotification): Promise<MailMessage | undefined> {
      const row = await repo.insertOnce(conn, n);
      if (!row) {
        return undefined;
      }
      const to = await repo.emailOf(n.userId, conn);
      return to ? { to, subject: n.title, text: n.body } : undefined;
    },

    /** Hands e-mails to the transport; a failing transport is logged by the caller, never retried blindly. */
    async deliver(messages: readonly MailMessage[]): Promise<void> {
      for (const m of messages) {
        await mail.send(m);
      }
    },

    async list(actor: Actor, q: NotificationQuery): Promise<NotificationList> {
      const me = requireUser(actor);
      const r = await repo.list(me.userId, q.unread ?? false, q.limit, q.offset);
      return { items: r.items.map(toDto), total: r.total, unread: r.unread };
    },

    async markRead(actor: Actor, id: string): Promise<Notification> {
      const me = requireUser(actor);
      return db.transaction(async (tx) => {
        const before = await repo.find(id, tx);
        // Someone else's notification is as invisible as a missing one.
        if (!before || before.userId !== me.userId) {
          throw new AppError('notification/not_found', `notification ${id} not found`);
        }
        if (before.readAt) {
          return toDto(before);
        }
        const after = (await repo.markRead(tx, id, clock.now())) ?? before;
        await audit.record(tx, { actor, action: 'notification.read', entityType: 'notification', entityId: id, before: { readAt: null }, after: { readAt: after.readAt?.toISOString() ?? null } });
        return toDto(after);
      });
    },

    async markAllRead(actor: Actor): Promise<{ updated: number }> {
      const me = requireUser(actor);
      return db.transaction(async (tx) => {
        const updated = await repo.markAllRead(tx, me.userId, clock.now());
        if (updated > 0) {
          await audit.record(tx, { actor, action: 'notification.read_all', entityType: 'user', entityId: me.userId, before: null, after: { updated } });
        }
        return { updated };
      });
    },
  };
}
export type NotificationsService = ReturnType<typeof createNotificationsService>;
