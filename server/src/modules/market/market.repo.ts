import { and, asc, count, desc, eq, gt, ilike, inArray, isNull, like, or, sql, type SQL } from 'drizzle-orm';
import type { DealQuery, ListingQuery } from '#shared/contracts/market.contract';
import { regionPrefix } from '#shared/format/region-scope';
import type { Db, DbConn } from '#server/db/types';
import { achievementAccessRequests, achievements } from '../achievements/achievements.tables';
import { users } from '../auth/auth.tables';
import { publicNotices } from '../notices/notices.tables';
import { memberships, organisations } from '../organisations/organisations.tables';
import { marketDeals, marketFeeSchedules, marketListings, marketMessages, marketOffers } from './market.tables';

export type ListingRow = typeof marketListings.$inferSelect;
export type ListingInsert = typeof marketListings.$inferInsert;
export type OfferRow = typeof marketOffers.$inferSelect;
export type OfferInsert = typeof marketOffers.$inferInsert;
export type MessageRow = typeof marketMessages.$inferSelect;
export type OrgRow = {
  id: string;
  name: string;
  type: string;
  status: 'pending' | 'verified' | 'suspended';
  regionCode: string;
  isTechTransferOrg: boolean;
};
export type ListingWithOrg = { l: ListingRow; org: OrgRow };

const orgColumns = {
  id: organisations.id,
  name: organisations.name,
  type: organisations.type,
  status: organisations.status,
  regionCode: organisations.regionCode,
  isTechTransferOrg: organisations.isTechTransferOrg,
};

/** Escapes LIKE wildcards in user text. */
const likeText = (s: string) => `%${s.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** The message's author is a member of the buyer organisation (else they wrote for the seller). */
const fromBuyer = (buyerOrg: SQL) =>
  sql<boolean>`exists (select 1 from ${memberships} mb where mb.organisation_id = ${buyerOrg} and mb.user_id = ${marketMessages.authorId})`.mapWith(
    Boolean,
  );

export function createMarketRepo(db: Db) {
  return {
    async org(id: string, conn: DbConn = db): Promise<OrgRow | undefined> {
      const [row] = await conn.select(orgColumns).from(organisations).where(eq(organisations.id, id));
      return row;
    },
    async orgs(ids: string[], conn: DbConn = db): Promise<OrgRow[]> {
      return ids.length ? conn.select(orgColumns).from(organisations).where(inArray(organisations.id, ids)) : [];
    },
    async achievement(id: string, conn: DbConn = db) {
      const [row] = await conn
        .select({
          id: achievements.id,
          chainId: achievements.chainId,
          title: achievements.title,
          ownerOrgId: achievements.ownerOrgId,
          regionCode: achievements.regionCode,
          status: achievements.status,
          funding: achievements.funding,
        })
        .from(achievements)
        .where(eq(achievements.id, id));
      return row;
    },
    /** Of `achievementIds`, those on which the user holds a granted (NDA) access request: one query per page of listings. */
    async grantedAchievementIds(userId: string, achievementIds: string[]): Promise<Set<string>> {
      const ids = [...new Set(achievementIds)];
      if (!ids.length) {
        return new Set();
      }
      const rows = await db
        .selectDistinct({ id: achievementAccessRequests.achievementId })
        .from(achievementAccessRequests)
        .where(
          and(
            inArray(achievementAccessRequests.achievementId, ids),
            eq(achievementAccessRequests.requesterId, userId),
            eq(achievementAccessRequests.status, 'granted'),
          ),
        );
      return new Set(rows.map((r) => r.id));
    },

    // ── listings ──
    async findListing(id: string, conn: DbConn = db, forUpdate = false): Promise<ListingWithOrg | undefined> {
      const q = conn
        .select({ l: marketListings, org: orgColumns })
        .from(marketListings)
        .innerJoin(organisations, eq(organisations.id, marketListings.sellerOrgId))
        .where(eq(marketListings.id, id));
      const [row] = forUpdate ? await q.for('update', { of: marketListings }) : await q;
      return row;
    },
    async insertListing(conn: DbConn, values: ListingInsert): Promise<ListingRow> {
      const [row] = await conn.insert(marketListings).values(values).returning();
      return row!;
    },
    async updateListing(conn: DbConn, id: string, values: Partial<ListingInsert>): Promise<ListingRow> {
      const [row] = await conn
        .update(marketListings)
        .set({ ...values, updatedAt: new Date() })
        .where(eq(marketListings.id, id))
        .returning();
      return row!;
    },
    /** The public directory (listed and inside the period) or the listings of `orgIds` in every status. */
    async pageListings(q: ListingQuery, scope: 'public' | { orgIds: string[] }, now: Date) {
      const conds: SQL[] = [];
      if (scope === 'public') {
        conds.push(eq(marketListings.status, 'listed'), or(isNull(marketListings.listedUntil), gt(marketListings.listedUntil, now))!);
      } else {
        conds.push(scope.orgIds.length ? inArray(marketListings.sellerOrgId, scope.orgIds) : sql`false`);
      }
      if (q.mode) {
        conds.push(eq(marketListings.mode, q.mode));
      }
      if (q.pricing) {
        conds.push(eq(marketListings.pricing, q.pricing));
      }
      if (q.region) {
        conds.push(like(marketListings.regionCode, `${regionPrefix(q.region)}%`));
      }
      if (q.q) {
        conds.push(or(ilike(marketListings.title, likeText(q.q)), ilike(organisations.name, likeText(q.q)))!);
      }
      if (q.achievementId) {
        conds.push(eq(marketListings.achievementId, q.achievementId));
      }
      const where = and(...conds);
      const [items, [total]] = await Promise.all([
        db
          .select({ l: marketListings, org: orgColumns })
          .from(marketListings)
          .innerJoin(organisations, eq(organisations.id, marketListings.sellerOrgId))
          .where(where)
          .orderBy(desc(marketListings.listedFrom), desc(marketListings.updatedAt), desc(marketListings.id))
          .limit(q.pageSize)
          .offset((q.page - 1) * q.pageSize),
        db
          .select({ n: count() })
          .from(marketListings)
          .innerJoin(organisations, eq(organisations.id, marketListings.sellerOrgId))
          .where(where),
      ]);
      return { items, total: total?.n ?? 0 };
    },

    // ── offers and messages ──
    async findOffer(id: string, conn: DbConn = db, forUpdate = false): Promise<OfferRow | undefined> {
      const q = conn.select().from(marketOffers).where(eq(marketOffers.id, id));
      const [row] = forUpdate ? await q.for('update') : await q;
      return row;
    },
    async insertOffer(conn: DbConn, values: OfferInsert): Promise<OfferRow> {
      const [row] = await conn.insert(marketOffers).values(values).returning();
      return row!;
    },
    async updateOffer(conn: DbConn, id: string, values: Partial<OfferInsert>): Promise<OfferRow> {
      const [row] = await conn.update(marketOffers).set(values).where(eq(marketOffers.id, id)).returning();
      return row!;
    },
    async threadOffers(listingId: string, buyerOrgId: string, conn: DbConn = db): Promise<OfferRow[]> {
      return conn
        .select()
        .from(marketOffers)
        .where(and(eq(marketOffers.listingId, listingId), eq(marketOffers.buyerOrgId, buyerOrgId)))
        .orderBy(asc(marketOffers.createdAt), asc(marketOffers.id));
    },
    async openOffersOfListing(conn: DbConn, listingId: string): Promise<OfferRow[]> {
      return conn
        .select()
        .from(marketOffers)
        .where(and(eq(marketOffers.listingId, listingId), eq(marketOffers.status, 'open')))
        .for('update');
    },
    async threadMessages(listingId: string, buyerOrgId: string) {
      return db
        .select({ m: marketMessages, authorName: users.displayName, fromBuyer: fromBuyer(sql`${marketMessages.buyerOrgId}`) })
        .from(marketMessages)
        .innerJoin(users, eq(users.id, marketMessages.authorId))
        .where(and(eq(marketMessages.listingId, listingId), eq(marketMessages.buyerOrgId, buyerOrgId)))
        .orderBy(asc(marketMessages.createdAt), asc(marketMessages.id));
    },
    async insertMessage(conn: DbConn, values: typeof marketMessages.$inferInsert): Promise<MessageRow> {
      const [row] = await conn.insert(marketMessages).values(values).returning();
      return row!;
    },
    /** Buyer organisations that wrote or offered on a listing. */
    async threadBuyers(listingId: string): Promise<string[]> {
      const [m, o] = await Promise.all([
        db.selectDistinct({ id: marketMessages.buyerOrgId }).from(marketMessages).where(eq(marketMessages.listingId, listingId)),
        db.selectDistinct({ id: marketOffers.buyerOrgId }).from(marketOffers).where(eq(marketOffers.listingId, listingId)),
      ]);
      return [...new Set([...m.map((r) => r.id), ...o.map((r) => r.id)].filter((id): id is string => id !== null))];
    },
    async threadMessageStats(listingId: string) {
      return db
        .select({
          buyerOrgId: marketMessages.buyerOrgId,
          n: count(),
          last: sql<Date>`max(${marketMessages.createdAt})`.mapWith((v: string | Date) => new Date(v)),
        })
        .from(marketMessages)
        .where(eq(marketMessages.listingId, listingId))
        .groupBy(marketMessages.buyerOrgId);
    },
    async listingOffers(listingId: string): Promise<OfferRow[]> {
      return db
        .select()
        .from(marketOffers)
        .where(eq(marketOffers.listingId, listingId))
        .orderBy(asc(marketOffers.createdAt), asc(marketOffers.id));
    },

    // ── deals ──
    async dealByOffers(offerIds: string[]): Promise<string | null> {
      if (!offerIds.length) {
        return null;
      }
      const [row] = await db.select({ id: marketDeals.id }).from(marketDeals).where(inArray(marketDeals.offerId, offerIds));
      return row?.id ?? null;
    },
    async pageDeals(q: DealQuery, scope: { all: boolean; sellerOrgIds: string[]; buyerOrgIds: string[]; regionPrefixes: string[] }) {
      const visible: SQL[] = [];
      if (scope.all) {
        visible.push(sql`true`);
      }
      if (scope.sellerOrgIds.length && q.role !== 'buyer') {
        visible.push(inArray(marketDeals.sellerOrgId, scope.sellerOrgIds));
      }
      if (scope.buyerOrgIds.length && q.role !== 'seller') {
        visible.push(inArray(marketDeals.buyerOrgId, scope.buyerOrgIds));
      }
      if (!q.role) {
        for (const p of scope.regionPrefixes) {
          visible.push(
            sql`exists (select 1 from organisations so where so.id = ${marketDeals.sellerOrgId} and so.region_code like ${`${p}%`})`,
          );
        }
      }
      const where = and(visible.length ? or(...visible)! : sql`false`, q.status ? eq(marketDeals.status, q.status) : undefined);
      const [items, [total]] = await Promise.all([
        db
          .select()
          .from(marketDeals)
          .where(where)
          .orderBy(desc(marketDeals.createdAt), desc(marketDeals.id))
          .limit(q.pageSize)
          .offset((q.page - 1) * q.pageSize),
        db.select({ n: count() }).from(marketDeals).where(where),
      ]);
      return { items, total: total?.n ?? 0 };
    },
    async dealOffers(offerId: string | null): Promise<OfferRow[]> {
      if (!offerId) {
        return [];
      }
      const offer = await this.findOffer(offerId);
      return offer ? this.threadOffers(offer.listingId, offer.buyerOrgId) : [];
    },
    async noticeOfDeal(dealId: string) {
      const [row] = await db
        .select({ id: publicNotices.id, status: publicNotices.status, startsOn: publicNotices.startsOn, endsOn: publicNotices.endsOn })
        .from(publicNotices)
        .where(eq(publicNotices.dealId, dealId))
        .orderBy(desc(publicNotices.publishedAt))
        .limit(1);
      return row ?? null;
    },
    async dealMessages(dealId: string, buyerOrgId: string) {
      return db
        .select({ m: marketMessages, authorName: users.displayName, fromBuyer: fromBuyer(sql`${buyerOrgId}`) })
        .from(marketMessages)
        .innerJoin(users, eq(users.id, marketMessages.authorId))
        .where(eq(marketMessages.dealId, dealId))
        .orderBy(asc(marketMessages.createdAt), asc(marketMessages.id));
    },
    async dealMessage(dealId: string, messageId: string): Promise<MessageRow | undefined> {
      const [row] = await db
        .select()
        .from(marketMessages)
        .where(and(eq(marketMessages.dealId, dealId), eq(marketMessages.id, messageId)));
      return row;
    },

    // ── fees ──
    async feeSchedulesFrom(day: string) {
      return db
        .select()
        .from(marketFeeSchedules)
        .where(gt(marketFeeSchedules.effectiveFrom, day))
        .orderBy(asc(marketFeeSchedules.effectiveFrom));
    },
    async insertFeeSchedule(conn: DbConn, values: typeof marketFeeSchedules.$inferInsert) {
      const [row] = await conn.insert(marketFeeSchedules).values(values).returning();
      return row!;
    },
  };
}
export type MarketRepo = ReturnType<typeof createMarketRepo>;
