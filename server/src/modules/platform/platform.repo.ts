import { count, eq, sql } from 'drizzle-orm';
import type { Db } from '#server/db/types';
import { rowsOf } from '#server/db/types';
import { auditEvents } from '../audit/audit.tables';
import { users } from '../auth/auth.tables';
import { organisations } from '../organisations/organisations.tables';
import { regions } from '../regions/regions.tables';

export function createPlatformRepo(db: Db) {
  return {
    async figures() {
      const [[orgs], byType, [userCount], byProvince, [tto], [audit]] = await Promise.all([
        db.select({ n: count() }).from(organisations),
        db.select({ type: organisations.type, n: count() }).from(organisations).groupBy(organisations.type).orderBy(organisations.type),
        db.select({ n: count() }).from(users),
        db.execute(sql`
          select p.code as province_code, p.name as province_name, count(*)::int as n
          from ${organisations} o join ${regions} p on p.code = substr(o.region_code, 1, 2) || '0000'
          group by p.code, p.name order by n desc, p.code`),
        db.select({ n: count() }).from(organisations).where(eq(organisations.isTechTransferOrg, true)),
        db.select({ n: count() }).from(auditEvents),
      ]);
      return {
        organisations: orgs?.n ?? 0,
        organisationsByType: byType.map((r) => ({ type: r.type, count: r.n })),
        users: userCount?.n ?? 0,
        organisationsByProvince: rowsOf<{ province_code: string; province_name: string; n: number }>(byProvince).map((r) => ({
          provinceCode: r.province_code,
          provinceName: r.province_name,
          count: Number(r.n),
        })),
        techTransferOrgs: tto?.n ?? 0,
        auditEvents: audit?.n ?? 0,
      };
    },
  };
}
export type PlatformRepo = ReturnType<typeof createPlatformRepo>;
