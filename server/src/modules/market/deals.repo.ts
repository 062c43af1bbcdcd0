import { desc, eq, lte, sql } from 'drizzle-orm';
import type { DbConn } from '#server/db/types';
import { achievements } from '../achievements/achievements.tables';
import { organisations } from '../organisations/organisations.tables';
import { marketDeals, marketFeeSchedules } from './market.tables';

export type DealRow = typeof marketDeals.$inferSelect;
export type DealInsert = typeof marketDeals.$inferInsert;

export function createDealsRepo() {
  return {
    async feesOn(conn: DbConn, day: string) {
      const [row] = await conn
        .select()
        .from(marketFeeSchedules)
        .where(lte(marketFeeSchedules.effectiveFrom, day))
        .orderBy(desc(marketFeeSchedules.effectiveFrom))
        .limit(1);
      return row;
    },
    async insert(conn: DbConn, values: DealInsert): Promise<DealRow> {
      const [row] = await conn.insert(marketDeals).values(values).returning();
      return row!;
    },
    async update(conn: DbConn, id: string, values: Partial<DealInsert>): Promise<DealRow> {
      const [row] = await conn
        .update(marketDeals)
        .set({ ...values, updatedAt: sql`now()` })
        .where(eq(marketDeals.id, id))
        .returning();
      return row!;
    },
    async findById(conn: DbConn, id: string, forUpdate = false): Promise<DealRow | undefined> {
      const q = conn.select().from(marketDeals).where(eq(marketDeals.id, id));
      const [row] = forUpdate ? await q.for('update') : await q;
      return row;
    },
    async org(conn: DbConn, id: string) {
      const [row] = await conn
        .select({
          id: organisations.id,
          name: organisations.name,
          type: organisations.type,
          creditCode: organisations.creditCode,
          regionCode: organisations.regionCode,
        })
        .from(organisations)
        .where(eq(organisations.id, id));
      return row;
    },
    async achievement(conn: DbConn, id: string) {
      const [row] = await conn
        .select({
          id: achievements.id,
          title: achievements.title,
          domainCode: achievements.domainCode,
          industryCodes: achievements.industryCodes,
          ip: achievements.ip,
          funding: achievements.funding,
        })
        .from(achievements)
        .where(eq(achievements.id, id));
      return row;
    },
  };
}
export type DealsRepo = ReturnType<typeof createDealsRepo>;
