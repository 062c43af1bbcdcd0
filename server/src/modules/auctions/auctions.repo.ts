import { and, count, desc, eq, gt, inArray, isNotNull, or, sql, type SQL } from 'drizzle-orm';
import type { DbConn, Tx } from '#server/db/types';
import { marketListings } from '../market/market.tables';
import { organisations } from '../organisations/organisations.tables';
import { auctionBids, auctionRegistrations, auctions, depositLedger } from './auctions.tables';

export type AuctionRow = typeof auctions.$inferSelect;
export type AuctionInsert = typeof auctions.$inferInsert;
export type RegistrationRow = typeof auctionRegistrations.$inferSelect;
export type ListingRow = typeof marketListings.$inferSelect;
export type BidRow = { seq: number; amountFen: number; paddleNo: number; kind: 'manual' | 'proxy'; placedAt: Date };

const bidColumns = {
  seq: auctionBids.seq,
  amountFen: auctionBids.amountFen,
  paddleNo: auctionRegistrations.paddleNo,
  kind: auctionBids.kind,
  placedAt: auctionBids.placedAt,
};

export function createAuctionsRepo() {
  return {
    async find(conn: DbConn, id: string, forUpdate = false): Promise<AuctionRow | undefined> {
      const q = conn.select().from(auctions).where(eq(auctions.id, id));
      const [row] = forUpdate ? await q.for('update') : await q;
      return row;
    },
    async orgName(conn: DbConn, id: string): Promise<string> {
      const [row] = await conn.select({ name: organisations.name }).from(organisations).where(eq(organisations.id, id));
      return row?.name ?? '';
    },
    async org(conn: DbConn, id: string) {
      const [row] = await conn.select().from(organisations).where(eq(organisations.id, id));
      return row;
    },
    async paddleOf(conn: DbConn, registrationId: string | null): Promise<number | null> {
      if (!registrationId) {
        return null;
      }
      const [row] = await conn.select({ p: auctionRegistrations.paddleNo }).from(auctionRegistrations).where(eq(auctionRegistrations.id, registrationId));
      return row?.p ?? null;
    },
    async insert(conn: DbConn, values: AuctionInsert): Promise<AuctionRow> {
      const [row] = await conn.insert(auctions).values(values).returning();
      return row!;
    },
    async update(conn: DbConn, id: string, values: Partial<AuctionInsert>): Promise<AuctionRow> {
      const [row] = await conn
        .update(auctions)
        .set({ ...values, updatedAt: new Date() })
        .where(eq(auctions.id, id))
        .returning();
      return row!;
    },
    async page(conn: DbConn, where: SQL | undefined, page: number, pageSize: number) {
      const [items, [total]] = await Promise.all([
        conn
          .select()
          .from(auctions)
          .where(where)
          .orderBy(desc(auctions.startsAt), desc(auctions.id))
          .limit(pageSize)
          .offset((page - 1) * pageSize),
        conn.select({ n: count() }).from(auctions).where(where),
      ]);
      return { items, total: total?.n ?? 0 };
    },
    async listing(conn: DbConn, id: string, forUpdate = false): Promise<ListingRow | undefined> {
      const q = conn.select().from(marketListings).where(eq(marketListings.id, id));
      const [row] = forUpdate ? await q.for('update') : await q;
      return row;
    },
    async setListingStatus(conn: DbConn, id: string, status: ListingRow['status']) {
      await conn.update(marketListings).set({ status, updatedAt: new Date() }).where(eq(marketListings.id, id));
    },

    // Registrations ---------------------------------------------------------------------------
    /**
     * The caller's registration (first of its organisations) plus, when `clientKey` is given, the bid
     * it already placed with that key: one query on the bid hot path.
     */
    async registrationForBid(conn: DbConn, auctionId: string, orgIds: string[], clientKey?: string) {
      if (orgIds.length === 0) {
        return undefined;
      }
      const [row] = await conn
        .select({
          r: auctionRegistrations,
          bidSeq: auctionBids.seq,
          bidAmount: auctionBids.amountFen,
          bidKind: auctionBids.kind,
          bidAt: auctionBids.placedAt,
          // The auction's committed price in the same snapshot: a bid already below the next valid
          // amount is refused without taking the auction's lock (prices only go up).
          startPriceFen: auctions.startPriceFen,
          currentPriceFen: auctions.currentPriceFen,
          increments: auctions.increments,
        })
        .from(auctionRegistrations)
        .innerJoin(auctions, eq(auctions.id, auctionRegistrations.auctionId))
        .leftJoin(
          auctionBids,
          and(eq(auctionBids.auctionId, auctionRegistrations.auctionId), eq(auctionBids.registrationId, auctionRegistrations.id), eq(auctionBids.clientKey, clientKey ?? '')),
        )
        .where(and(eq(auctionRegistrations.auctionId, auctionId), inArray(auctionRegistrations.bidderOrgId, orgIds)))
        .orderBy(auctionRegistrations.createdAt)
        .limit(1);
      return row;
    },
    async registration(conn: DbConn, auctionId: string, id: string, forUpdate = false): Promise<RegistrationRow | undefined> {
      const q = conn
        .select()
        .from(auctionRegistrations)
        .where(and(eq(auctionRegistrations.id, id), eq(auctionRegistrations.auctionId, auctionId)));
      const [row] = forUpdate ? await q.for('update') : await q;
      return row;
    },
    async registrations(conn: DbConn, auctionId: string) {
      return conn
        .select({ r: auctionRegistrations, orgName: organisations.name })
        .from(auctionRegistrations)
        .innerJoin(organisations, eq(organisations.id, auctionRegistrations.bidderOrgId))
        .where(eq(auctionRegistrations.auctionId, auctionId))
        .orderBy(auctionRegistrations.paddleNo);
    },
    async ledger(conn: DbConn, auctionId: string) {
      return conn.select().from(depositLedger).where(eq(depositLedger.auctionId, auctionId)).orderBy(depositLedger.recordedAt);
    },
    async nextPaddle(conn: DbConn, auctionId: string): Promise<number> {
      const [row] = await conn
        .select({ max: sql<number | null>`max(${auctionRegistrations.paddleNo})` })
        .from(auctionRegistrations)
        .where(eq(auctionRegistrations.auctionId, auctionId));
      return Number(row?.max ?? 100) + 1;
    },
    async insertRegistration(conn: DbConn, values: typeof auctionRegistrations.$inferInsert): Promise<RegistrationRow> {
      const [row] = await conn.insert(auctionRegistrations).values(values).returning();
      return row!;
    },
    async updateRegistration(conn: DbConn, id: string, values: Partial<typeof auctionRegistrations.$inferInsert>): Promise<RegistrationRow> {
      const [row] = await conn.update(auctionRegistrations).set(values).where(eq(auctionRegistrations.id, id)).returning();
      return row!;
    },
    async heldRegistrations(conn: DbConn, auctionId: string): Promise<RegistrationRow[]> {
      return conn
        .select()
        .from(auctionRegistrations)
        .where(and(eq(auctionRegistrations.auctionId, auctionId), eq(auctionRegistrations.depositStatus, 'held')));
    },
    async addLedger(conn: DbConn, values: typeof depositLedger.$inferInsert) {
      const [row] = await conn.insert(depositLedger).values(values).returning();
      return row!;
    },
    /** Proxies that can still act: maximum above `aboveFen` (all when null). */
    async proxies(conn: DbConn, auctionId: string, aboveFen: number | null) {
      return conn
        .select({ id: auctionRegistrations.id, maxFen: auctionRegistrations.proxyMaxFen, paddleNo: auctionRegistrations.paddleNo, createdAt: auctionRegistrations.createdAt })
        .from(auctionRegistrations)
        .where(
          and(
            eq(auctionRegistrations.auctionId, auctionId),
            aboveFen === null ? isNotNull(auctionRegistrations.proxyMaxFen) : gt(auctionRegistrations.proxyMaxFen, aboveFen),
          ),
        );
    },

    // Bids --------------------------------------------------------------------------------------
    /**
     * The bid path's one locking read: the auction row FOR UPDATE, with the proxies above its current
     * price in the same round trip.
     */
    async lockForBid(tx: Tx, id: string) {
      const [row] = await tx
        .select({
          a: auctions,
          // Raw names: drizzle leaves columns unqualified in a one-table select, which a correlated subquery cannot use.
          proxies: sql<{ id: string; maxFen: number; paddleNo: number; createdAt: string }[]>`${sql.raw(
            `(select coalesce(json_agg(json_build_object('id', r.id, 'maxFen', r.proxy_max_fen, 'paddleNo', r.paddle_no, 'createdAt', r.created_at)), '[]'::json) from auction_registrations r where r.auction_id = "auctions"."id" and r.proxy_max_fen > coalesce("auctions"."current_price_fen", 0))`,
          )}`,
        })
        .from(auctions)
        .where(eq(auctions.id, id))
        .for('update');
      if (!row) {
        return undefined;
      }
      const raw = typeof row.proxies === 'string' ? (JSON.parse(row.proxies) as typeof row.proxies) : row.proxies;
      return { a: row.a, proxies: raw.map((p) => ({ id: p.id, maxFen: Number(p.maxFen), paddleNo: p.paddleNo, createdAt: new Date(p.createdAt) })) };
    },
    /** Inserts the bids and moves the auction in one statement (a data-modifying CTE). */
    async writeBids(tx: Tx, auctionId: string, rows: (typeof auctionBids.$inferInsert)[], changes: Partial<AuctionInsert>) {
      const update = tx.update(auctions).set(changes).where(eq(auctions.id, auctionId));
      if (rows.length === 0) {
        await update;
        return;
      }
      await tx.execute(sql`with inserted as (${tx.insert(auctionBids).values(rows).getSQL()}) ${update.getSQL()}`);
    },
    async insertBids(conn: DbConn, rows: (typeof auctionBids.$inferInsert)[]) {
      if (rows.length) {
        await conn.insert(auctionBids).values(rows);
      }
    },
    async hasBid(conn: DbConn, auctionId: string, registrationId: string): Promise<boolean> {
      const [row] = await conn
        .select({ seq: auctionBids.seq })
        .from(auctionBids)
        .where(and(eq(auctionBids.auctionId, auctionId), eq(auctionBids.registrationId, registrationId)))
        .limit(1);
      return row !== undefined;
    },
    async bidByClientKey(conn: DbConn, auctionId: string, registrationId: string, clientKey: string): Promise<BidRow | undefined> {
      const [row] = await conn
        .select(bidColumns)
        .from(auctionBids)
        .innerJoin(auctionRegistrations, eq(auctionRegistrations.id, auctionBids.registrationId))
        .where(and(eq(auctionBids.auctionId, auctionId), eq(auctionBids.registrationId, registrationId), eq(auctionBids.clientKey, clientKey)));
      return row;
    },
    async recentBids(conn: DbConn, auctionId: string, limit: number): Promise<BidRow[]> {
      return conn
        .select(bidColumns)
        .from(auctionBids)
        .innerJoin(auctionRegistrations, eq(auctionRegistrations.id, auctionBids.registrationId))
        .where(eq(auctionBids.auctionId, auctionId))
        .orderBy(desc(auctionBids.seq))
        .limit(limit);
    },
    async bidsAfter(conn: DbConn, auctionId: string, seq: number): Promise<BidRow[]> {
      return conn
        .select(bidColumns)
        .from(auctionBids)
        .innerJoin(auctionRegistrations, eq(auctionRegistrations.id, auctionBids.registrationId))
        .where(and(eq(auctionBids.auctionId, auctionId), gt(auctionBids.seq, seq)))
        .orderBy(auctionBids.seq)
        .limit(500);
    },
    /** Sequence, status, end and live state of watched auctions, with the leader's paddle, in one query. */
    async pollRows(conn: DbConn, ids: string[]) {
      return conn
        .select({ a: auctions, leadingPaddleNo: auctionRegistrations.paddleNo })
        .from(auctions)
        .leftJoin(auctionRegistrations, eq(auctionRegistrations.id, auctions.leadingRegistrationId))
        .where(inArray(auctions.id, ids));
    },
    /** Organisations the actor is in that registered for some auction (for `scope=mine`). */
    registeredIn(orgIds: string[]): SQL {
      return or(
        inArray(auctions.sellerOrgId, orgIds),
        sql`exists (select 1 from ${auctionRegistrations} where ${auctionRegistrations.auctionId} = ${auctions.id} and ${inArray(auctionRegistrations.bidderOrgId, orgIds)})`,
      )!;
    },
  };
}
export type AuctionsRepo = ReturnType<typeof createAuctionsRepo>;
