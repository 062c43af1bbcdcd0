import { and, count, desc, eq, inArray, ne, sql, type SQL } from 'drizzle-orm';
import type { TenderQuery } from '#shared/contracts/tenders.contract';
import type { Db, DbConn } from '#server/db/types';
import { achievements } from '../achievements/achievements.tables';
import { demands } from '../demands/demands.tables';
import { organisations } from '../organisations/organisations.tables';
import { tenderProposals, tenders } from './tenders.tables';

export type TenderRow = typeof tenders.$inferSelect;
export type TenderInsert = typeof tenders.$inferInsert;
export type ProposalRow = typeof tenderProposals.$inferSelect;
export type ProposalInsert = typeof tenderProposals.$inferInsert;
export type TenderOrg = { id: string; name: string; status: 'pending' | 'verified' | 'suspended'; type: string; regionCode: string };
export type TenderWithBuyer = { t: TenderRow; buyer: TenderOrg; demandTitle: string };
export type ProposalWithBidder = { p: ProposalRow; bidderName: string; bidderType: string };

const orgColumns = {
  id: organisations.id,
  name: organisations.name,
  status: organisations.status,
  type: organisations.type,
  regionCode: organisations.regionCode,
};

/** Proposals that count: everything but withdrawn ones. */
const counted = ne(tenderProposals.status, 'withdrawn');

export function createTendersRepo(db: Db) {
  return {
    async findOrg(id: string, conn: DbConn = db): Promise<TenderOrg | undefined> {
      const [row] = await conn.select(orgColumns).from(organisations).where(eq(organisations.id, id)).limit(1);
      return row;
    },

    async findDemand(id: string, conn: DbConn = db) {
      const [row] = await conn
        .select({
          id: demands.id,
          chainId: demands.chainId,
          ownerOrgId: demands.ownerOrgId,
          status: demands.status,
          title: demands.title,
          regionCode: demands.regionCode,
        })
        .from(demands)
        .where(eq(demands.id, id))
        .limit(1);
      return row;
    },

    async findAchievement(id: string, conn: DbConn = db) {
      const [row] = await conn
        .select({ id: achievements.id, ownerOrgId: achievements.ownerOrgId, funding: achievements.funding })
        .from(achievements)
        .where(eq(achievements.id, id))
        .limit(1);
      return row;
    },

    /** The tender with its buyer; `forUpdate` locks the tender row until the transaction ends. */
    async findById(id: string, conn: DbConn = db, forUpdate = false): Promise<TenderWithBuyer | undefined> {
      const q = conn
        .select({ t: tenders, buyer: orgColumns, demandTitle: demands.title })
        .from(tenders)
        .innerJoin(organisations, eq(organisations.id, tenders.buyerOrgId))
        .innerJoin(demands, eq(demands.id, tenders.demandId))
        .where(eq(tenders.id, id))
        .limit(1);
      const [row] = forUpdate ? await q.for('update', { of: tenders }) : await q;
      return row;
    },

    async insert(conn: DbConn, values: TenderInsert): Promise<TenderRow> {
      const [row] = await conn.insert(tenders).values(values).returning();
      return row!;
    },

    async update(conn: DbConn, id: string, values: Partial<TenderInsert>): Promise<TenderRow> {
      const [row] = await conn
        .update(tenders)
        .set({ ...values, updatedAt: new Date() })
        .where(eq(tenders.id, id))
        .returning();
      return row!;
    },

    /** Public statuses (or the caller's organisations' tenders, drafts included), deadline order for open ones. */
    async page(q: TenderQuery, scope: { orgIds: string[] } | 'public') {
      const conds: SQL[] = [];
      if (scope === 'public') {
        conds.push(ne(tenders.status, 'draft'));
      } else {
        conds.push(scope.orgIds.length ? inArray(tenders.buyerOrgId, scope.orgIds) : sql`false`);
      }
      if (q.status) {
        conds.push(eq(tenders.status, q.status));
      }
      if (q.demandId) {
        conds.push(eq(tenders.demandId, q.demandId));
      }
      const where = and(...conds);
      const [items, [total]] = await Promise.all([
        db
          .select({ t: tenders, buyerName: organisations.name })
          .from(tenders)
          .innerJoin(organisations, eq(organisations.id, tenders.buyerOrgId))
          .where(where)
          .orderBy(
            sql`case when ${tenders.status} = 'open' then 0 else 1 end`,
            sql`case when ${tenders.status} = 'open' then ${tenders.deadline} end asc`,
            desc(tenders.updatedAt),
            desc(tenders.id),
          )
          .limit(q.pageSize)
          .offset((q.page - 1) * q.pageSize),
        db.select({ n: count() }).from(tenders).where(where),
      ]);
      return { items, total: total?.n ?? 0 };
    },

    /** Proposals counted per tender (never who submitted them). */
    async proposalCounts(ids: string[], conn: DbConn = db): Promise<Map<string, number>> {
      if (ids.length === 0) {
        return new Map();
      }
      const rows = await conn
        .select({ id: tenderProposals.tenderId, n: count() })
        .from(tenderProposals)
        .where(and(inArray(tenderProposals.tenderId, ids), counted))
        .groupBy(tenderProposals.tenderId);
      return new Map(rows.map((r) => [r.id, r.n]));
    },

    /** Proposals of a tender, optionally only those of `orgIds`, with the bidder's name. */
    async proposals(
      tenderId: string,
      conn: DbConn = db,
      opts: { orgIds?: string[]; status?: ProposalRow['status'][]; forUpdate?: boolean } = {},
    ): Promise<ProposalWithBidder[]> {
      const conds: SQL[] = [eq(tenderProposals.tenderId, tenderId)];
      if (opts.orgIds) {
        conds.push(opts.orgIds.length ? inArray(tenderProposals.bidderOrgId, opts.orgIds) : sql`false`);
      }
      if (opts.status) {
        conds.push(inArray(tenderProposals.status, opts.status));
      }
      const q = conn
        .select({ p: tenderProposals, bidderName: organisations.name, bidderType: organisations.type })
        .from(tenderProposals)
        .innerJoin(organisations, eq(organisations.id, tenderProposals.bidderOrgId))
        .where(and(...conds))
        .orderBy(sql`${tenderProposals.rank} asc nulls last`, tenderProposals.submittedAt, tenderProposals.id);
      return opts.forUpdate ? q.for('update', { of: tenderProposals }) : q;
    },

    async findProposalOf(conn: DbConn, tenderId: string, bidderOrgId: string): Promise<ProposalRow | undefined> {
      const [row] = await conn
        .select()
        .from(tenderProposals)
        .where(and(eq(tenderProposals.tenderId, tenderId), eq(tenderProposals.bidderOrgId, bidderOrgId)))
        .for('update')
        .limit(1);
      return row;
    },

    async insertProposal(conn: DbConn, values: ProposalInsert): Promise<ProposalRow> {
      const [row] = await conn.insert(tenderProposals).values(values).returning();
      return row!;
    },

    async updateProposal(conn: DbConn, id: string, values: Partial<ProposalInsert>): Promise<ProposalRow> {
      const [row] = await conn
        .update(tenderProposals)
        .set({ ...values, updatedAt: new Date() })
        .where(eq(tenderProposals.id, id))
        .returning();
      return row!;
    },
  };
}
export type TendersRepo = ReturnType<typeof createTendersRepo>;
