import { and, asc, desc, eq, ilike, inArray, isNull, or, sql, type SQL } from 'drizzle-orm';
import type { ParameterKey, RegistrationStatus } from '#shared/contracts/registrations.contract';
import { rowsOf, type Db, type DbConn } from '#server/db/types';
import type { OrganisationType, ENTERPRISE_OWNERSHIPS } from '#shared/contracts/organisations.contract';
import { registrationParameters, registrationPoints, techContractEvents, techContracts } from './registrations.tables';

export type ContractRow = typeof techContracts.$inferSelect;
export type ContractInsert = typeof techContracts.$inferInsert;
export type PointRow = typeof registrationPoints.$inferSelect;
export type ParameterRow = typeof registrationParameters.$inferSelect;
export type EventRow = typeof techContractEvents.$inferSelect & { actorName: string | null };
/** What registration needs of an organisation and of a market deal (read by SQL: other modules' tables stay theirs). */
export type OrgRow = { id: string; name: string; type: OrganisationType; enterpriseOwnership: (typeof ENTERPRISE_OWNERSHIPS)[number] | null; creditCode: string | null; regionCode: string };
export type DealRow = { id: string; dealNo: string; chainId: string; title: string; sellerOrgId: string; buyerOrgId: string; status: string; priceFen: number; contractDraft: Record<string, unknown> | null };

export type ListFilter = {
  applicantOrgIds?: string[];
  /** Region prefixes of points (registrar queue); null = all points. */
  pointRegionPrefixes?: string[] | null;
  statuses?: RegistrationStatus[];
  q?: string;
  year?: number;
  regionPrefix?: string;
  page: number;
  pageSize: number;
};

export function createRegistrationsRepo(db: Db) {
  return {
    async byId(conn: DbConn, id: string, lock = false): Promise<ContractRow | undefined> {
      const q = conn.select().from(techContracts).where(eq(techContracts.id, id)).limit(1);
      const [row] = lock ? await q.for('update') : await q;
      return row;
    },
    async byDeal(conn: DbConn, dealId: string): Promise<ContractRow | undefined> {
      const [row] = await conn.select().from(techContracts).where(eq(techContracts.dealId, dealId)).limit(1);
      return row;
    },
    async byExternalId(conn: DbConn, orgId: string, externalId: string): Promise<ContractRow | undefined> {
      const [row] = await conn
        .select()
        .from(techContracts)
        .where(and(eq(techContracts.applicantOrgId, orgId), eq(techContracts.externalId, externalId)))
        .limit(1);
      return row;
    },
    async byRegistrationNo(no: string): Promise<ContractRow | undefined> {
      const [row] = await db.select().from(techContracts).where(eq(techContracts.registrationNo, no)).limit(1);
      return row;
    },
    async insert(conn: DbConn, values: ContractInsert): Promise<ContractRow> {
      const [row] = await conn.insert(techContracts).values(values).returning();
      return row!;
    },
    async insertMany(conn: DbConn, values: ContractInsert[]): Promise<ContractRow[]> {
      const out: ContractRow[] = [];
      for (let i = 0; i < values.length; i += 500) {
        out.push(...(await conn.insert(techContracts).values(values.slice(i, i + 500)).returning()));
      }
      return out;
    },
    async update(conn: DbConn, id: string, values: Partial<ContractInsert>): Promise<ContractRow> {
      const [row] = await conn
        .update(techContracts)
        .set({ ...values, updatedAt: new Date() })
        .where(eq(techContracts.id, id))
        .returning();
      return row!;
    },

    async addEvent(conn: DbConn, e: Omit<typeof techContractEvents.$inferInsert, 'seq'>): Promise<void> {
      await conn.execute(sql`
        insert into tech_contract_events (contract_id, seq, action, from_status, to_status, actor_id, note, reasons, changes, at)
        select ${e.contractId}, coalesce(max(seq), 0) + 1, ${e.action}, ${e.fromStatus ?? null}, ${e.toStatus}, ${e.actorId ?? null}, ${e.note ?? null},
               ${JSON.stringify(e.reasons ?? [])}::jsonb, ${e.changes ? JSON.stringify(e.changes) : null}::jsonb, ${e.at ?? new Date()}
        from tech_contract_events where contract_id = ${e.contractId}`);
    },
    async events(contractId: string): Promise<EventRow[]> {
      const rows = await db
        .select({ e: techContractEvents, actorName: sql<string | null>`(select display_name from users u where u.id = ${techContractEvents.actorId})` })
        .from(techContractEvents)
        .where(eq(techContractEvents.contractId, contractId))
        .orderBy(asc(techContractEvents.seq));
      return rows.map((r) => ({ ...r.e, actorName: r.actorName }));
    },

    async list(f: ListFilter): Promise<{ rows: (ContractRow & { pointName: string | null })[]; total: number }> {
      const conds: SQL[] = [];
      if (f.applicantOrgIds) {
        conds.push(f.applicantOrgIds.length ? inArray(techContracts.applicantOrgId, f.applicantOrgIds) : sql`false`);
      }
      if (f.pointRegionPrefixes !== undefined && f.pointRegionPrefixes !== null) {
        const prefixes = f.pointRegionPrefixes;
        conds.push(prefixes.length ? or(...prefixes.map((p) => sql`${registrationPoints.regionCode} like ${`${p}%`}`))! : sql`false`);
      }
      if (f.statuses?.length) {
        conds.push(inArray(techContracts.status, f.statuses));
      }
      if (f.q) {
        const like = `%${f.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
        conds.push(or(ilike(techContracts.projectName, like), ilike(techContracts.registrationNo, like), sql`${techContracts.seller}->>'name' ilike ${like}`, sql`${techContracts.buyer}->>'name' ilike ${like}`)!);
      }
      if (f.year) {
        conds.push(sql`coalesce(${techContracts.registeredOn}, ${techContracts.signedOn}) between ${`${f.year}-01-01`} and ${`${f.year}-12-31`}`);
      }
      if (f.regionPrefix) {
        conds.push(sql`${techContracts.sellerRegionCode} like ${`${f.regionPrefix}%`}`);
      }
      const where = conds.length ? and(...conds) : undefined;
      const rows = await db
        .select({ c: techContracts, pointName: registrationPoints.name, total: sql<number>`count(*) over ()`.mapWith(Number) })
        .from(techContracts)
        .leftJoin(registrationPoints, eq(registrationPoints.id, techContracts.pointId))
        .where(where)
        .orderBy(desc(techContracts.updatedAt), desc(techContracts.id))
        .limit(f.pageSize)
        .offset((f.page - 1) * f.pageSize);
      return { rows: rows.map((r) => ({ ...r.c, pointName: r.pointName })), total: rows[0]?.total ?? 0 };
    },

    async org(conn: DbConn, id: string): Promise<OrgRow | undefined> {
      const [row] = rowsOf<OrgRow>(
        await conn.execute(sql`select id, name, type, enterprise_ownership as "enterpriseOwnership", credit_code as "creditCode", region_code as "regionCode" from organisations where id = ${id}`),
      );
      return row;
    },
    async deal(conn: DbConn, id: string): Promise<DealRow | undefined> {
      const [row] = rowsOf<DealRow>(
        await conn.execute(sql`
          select id, deal_no as "dealNo", chain_id as "chainId", title, seller_org_id as "sellerOrgId", buyer_org_id as "buyerOrgId", status,
                 price_fen::float8 as "priceFen", contract_draft as "contractDraft"
          from market_deals where id = ${id}`),
      );
      return row;
    },

    /** The section letter of a GB/T 4754 code (itself for a section), or undefined for an unknown code. */
    async industrySection(conn: DbConn, code: string): Promise<string | undefined> {
      const [row] = rowsOf<{ s: string }>(
        await conn.execute(sql`
          with recursive up as (select code, parent_code from industries where code = ${code}
            union all select i.code, i.parent_code from industries i join up on i.code = up.parent_code)
          select code as s from up where parent_code is null limit 1`),
      );
      return row?.s;
    },
    async regionExists(conn: DbConn, code: string): Promise<boolean> {
      const [row] = rowsOf<{ n: number }>(await conn.execute(sql`select count(*)::int as n from regions where code = ${code}`));
      return (row?.n ?? 0) > 0;
    },

    async points(conn: DbConn = db): Promise<PointRow[]> {
      return conn.select().from(registrationPoints).orderBy(asc(registrationPoints.code));
    },
    async point(conn: DbConn, id: string): Promise<PointRow | undefined> {
      const [row] = await conn.select().from(registrationPoints).where(eq(registrationPoints.id, id)).limit(1);
      return row;
    },
    async nationalPoint(conn: DbConn): Promise<PointRow | undefined> {
      const [row] = await conn.select().from(registrationPoints).where(and(isNull(registrationPoints.regionCode), eq(registrationPoints.active, true))).limit(1);
      return row;
    },

    /** The next registration number's sequence at a point in a year (the row lock serialises numbering per point). */
    async nextSequence(conn: DbConn, pointId: string, year: number): Promise<number> {
      const [row] = rowsOf<{ last: number }>(
        await conn.execute(sql`
          insert into registration_sequences (point_id, year, last) values (${pointId}, ${year}, 1)
          on conflict (point_id, year) do update set last = registration_sequences.last + 1
          returning last`),
      );
      return row!.last;
    },
    /** Reserves `n` numbers at once (bulk registration). Returns the first. */
    async reserveSequences(conn: DbConn, pointId: string, year: number, n: number): Promise<number> {
      const [row] = rowsOf<{ last: number }>(
        await conn.execute(sql`
          insert into registration_sequences (point_id, year, last) values (${pointId}, ${year}, ${n})
          on conflict (point_id, year) do update set last = registration_sequences.last + ${n}
          returning last`),
      );
      return row!.last - n + 1;
    },

    async parameters(conn: DbConn = db): Promise<ParameterRow[]> {
      return conn.select().from(registrationParameters).orderBy(asc(registrationParameters.key), asc(registrationParameters.effectiveFrom));
    },
    async putParameter(conn: DbConn, p: { key: ParameterKey; effectiveFrom: string; value: Record<string, unknown>; source: string; updatedBy: string | null }): Promise<ParameterRow> {
      const [row] = await conn
        .insert(registrationParameters)
        .values(p)
        .onConflictDoUpdate({ target: [registrationParameters.key, registrationParameters.effectiveFrom], set: { value: p.value, source: p.source, updatedBy: p.updatedBy, updatedAt: new Date() } })
        .returning();
      return row!;
    },

    /**
     * The seller's registered 技术转让收入 in a year: the recognised technology amounts of its
     * counted contracts of the given sub-types (the EIT threshold is per seller per year).
     */
    async sellerYearIncome(conn: DbConn, seller: { organisationId: string | null; creditCode: string | null }, year: number, subtypes: string[]): Promise<bigint> {
      if (!seller.organisationId && !seller.creditCode) {
        return 0n;
      }
      const who = seller.organisationId ? sql`seller->>'organisationId' = ${seller.organisationId}` : sql`seller->>'creditCode' = ${seller.creditCode}`;
      const [row] = rowsOf<{ s: string | null }>(
        await conn.execute(sql`
          select sum(coalesce(recognised_tech_amount_fen, tech_amount_fen))::text as s from tech_contracts
          where ${who} and status in ('registered', 'change_requested') and registered_on between ${`${year}-01-01`} and ${`${year}-12-31`}
            and coalesce(recognised_subtype, subtype) in (${sql.join(subtypes.map((s) => sql`${s}`), sql`, `)})`),
      );
      return BigInt(row?.s ?? '0');
    },
  };
}
export type RegistrationsRepo = ReturnType<typeof createRegistrationsRepo>;
