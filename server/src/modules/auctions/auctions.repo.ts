import { and, count, desc, eq, gt, inArray, isNotNull, or, sql, type SQL } from 'drizzle-orm';
import { rowsOf, type DbConn, type Tx } from '#server/db/types';
import { marketListings } from '../market/market.tables';
import { organisations } from '../organisations/organisations.tables';
import { auctionBids, auctionRegistrations, auctions, depositLedger } from './auctions.tables';

export type AuctionRow = typeof auctions.$inferSelect;
export type AuctionInsert = typeof auctions.$inferInsert;
export type RegistrationRow = typeof auctionRegistrations.$inferSelect;
export type ListingRow = typeof marketListings.$inferSelect;
export type BidRow = { seq: number; amountFen: number; paddleNo: number; kind: 'manual' | 'proxy'; placedAt: Date };

/**
 * Raw correlated subqueries on the outer "auctions" row (drizzle leaves columns unqualified in a
 * one-table select, which a correlated subquery cannot use). Built once, not per bid.
 */
const PROXIES_ABOVE_PRICE = sql.raw(
  `(select coalesce(json_agg(json_build_object('id', r.id, 'maxFen', r.proxy_max_fen, 'paddleNo', r.paddle_no, 'createdAt', r.created_at)), '[]'::json) from auction_registrations r where r.auction_id = "auctions"."id" and r.status = 'approved' and r.deposit_status = 'held' and r.proxy_max_fen > coalesce("auctions"."current_price_fen", 0))`,
);
/** Every proxy that may act, as text: equal before and after ⇔ no proxy (or its bidder's standing) changed in between. */
const PROXY_FINGERPRINT = sql.raw(
  `(select coalesce(string_agg(r.id::text || ':' || r.proxy_max_fen::text, ',' order by r.id), '') from auction_registrations r where r.auction_id = "auctions"."id" and r.status = 'approved' and r.deposit_status = 'held' and r.proxy_max_fen is not null)`,
);

/** A json column as parsed by the driver (node-postgres parses json, PGlite may hand back text). */
function parsedJson<T>(value: T | string): T {
  return typeof value === 'string' ? (JSON.parse(value) as T) : value;
}

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
    /** Proxies that can still act: bidder approved with its deposit held, maximum above `aboveFen` (all when null). */
    async proxies(conn: DbConn, auctionId: string, aboveFen: number | null) {
      return conn
        .select({ id: auctionRegistrations.id, maxFen: auctionRegistrations.proxyMaxFen, paddleNo: auctionRegistrations.paddleNo, createdAt: auctionRegistrations.createdAt })
        .from(auctionRegistrations)
        .where(
          and(
            eq(auctionRegistrations.auctionId, auctionId),
            eq(auctionRegistrations.status, 'approved'),
            eq(auctionRegistrations.depositStatus, 'held'),
            aboveFen === null ? isNotNull(auctionRegistrations.proxyMaxFen) : gt(auctionRegistrations.proxyMaxFen, aboveFen),
          ),
        );
    },

    // Bids --------------------------------------------------------------------------------------
    /**
     * The bid path's one locking read: the auction row FOR UPDATE, with the proxies above its current
     * price in the same round trip. The proxies come from the statement's snapshot, taken BEFORE it
     * waited for the lock (PostgreSQL, read committed): a proxy set by the transaction that held the
     * lock is missing from them. `proxyFingerprint` (same snapshot) lets `writeBids` detect that.
     */
    async lockForBid(tx: Tx, id: string) {
      const [row] = await tx
        .select({
          a: auctions,
          proxies: sql<{ id: string; maxFen: number; paddleNo: number; createdAt: string }[]>`${PROXIES_ABOVE_PRICE}`,
          proxyFingerprint: sql<string>`${PROXY_FINGERPRINT}`,
        })
        .from(auctions)
        .where(eq(auctions.id, id))
        .for('update');
      if (!row) {
        return undefined;
      }
      const proxies = parsedJson(row.proxies).map((p) => ({ id: p.id, maxFen: Number(p.maxFen), paddleNo: p.paddleNo, createdAt: new Date(p.createdAt) }));
      return { a: row.a, proxies, proxyFingerprint: row.proxyFingerprint };
    },
    /**
     * Inserts the bids and moves the auction in one statement (a data-modifying CTE). With `guard`
     * (from `lockForBid`'s older snapshot), the auction moves only if, as of now, no proxy changed and
     * the bidder is still approved with its deposit held: false means the plan is stale and the caller
     * must roll back and plan again.
     */
    async writeBids(tx: Tx, auctionId: string, rows: (typeof auctionBids.$inferInsert)[], changes: Partial<AuctionInsert>, guard?: { proxyFingerprint: string; bidderId: string }): Promise<boolean> {
      const where = guard
        ? and(
            eq(auctions.id, auctionId),
            sql`${PROXY_FINGERPRINT} = ${guard.proxyFingerprint}`,
            sql`exists (select 1 from auction_registrations g where g.id = ${guard.bidderId} and g.status = 'approved' and g.deposit_status = 'held')`,
          )
        : eq(auctions.id, auctionId);
      const update = tx.update(auctions).set(changes).where(where).returning({ id: auctions.id });
      if (rows.length === 0) {
        return (await update).length > 0;
      }
      return rowsOf(await tx.execute(sql`with inserted as (${tx.insert(auctionBids).values(rows).getSQL()}) ${update.getSQL()}`)).length > 0;
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
    /**
     * The watched auctions (with the leader's paddle) and each one's bids after the sequence this
     * process already sent (oldest first, at most 500): the live poller's one query per tick.
     */
    async pollRows(conn: DbConn, watch: readonly { id: string; afterSeq: number }[]) {
      const after = sql.join(watch.map((w) => sql`(${w.id}::uuid, ${w.afterSeq}::int)`), sql`, `);
      const rows = await conn
        .select({
          a: auctions,
          leadingPaddleNo: auctionRegistrations.paddleNo,
          bids: sql<{ seq: number; amountFen: number; paddleNo: number; kind: BidRow['kind']; placedAt: string }[]>`(select coalesce(json_agg(json_build_object('seq', n.seq, 'amountFen', n.amount_fen, 'paddleNo', n.paddle_no, 'kind', n.kind, 'placedAt', n.placed_at) order by n.seq), '[]'::json)
            from (select b.seq, b.amount_fen, r.paddle_no, b.kind, b.placed_at from auction_bids b join auction_registrations r on r.id = b.registration_id
              where b.auction_id = "auctions"."id" and b.seq > (select w.after_seq from (values ${after}) as w(id, after_seq) where w.id = "auctions"."id")
              order by b.seq limit 500) n)`,
        })
        .from(auctions)
        .leftJoin(auctionRegistrations, eq(auctionRegistrations.id, auctions.leadingRegistrationId))
        .where(inArray(auctions.id, watch.map((w) => w.id)));
      return rows.map(({ a, leadingPaddleNo, bids }) => ({
        a,
        leadingPaddleNo,
        bids: parsedJson(bids).map((b): BidRow => ({ seq: b.seq, amountFen: Number(b.amountFen), paddleNo: b.paddleNo, kind: b.kind, placedAt: new Date(b.placedAt) })),
      }));
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
