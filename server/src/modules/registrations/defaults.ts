import { sql } from 'drizzle-orm';
import { rowsOf, type Db } from '#server/db/types';
import { registrationParameters, registrationPoints } from './registrations.tables';
import { DEFAULT_PARAMETERS } from './registration.rules';

/** Delegated points (domain-cn §1.6: e.g. 山东 delegated contracts below ¥10M to its cities). */
const DELEGATED_POINTS: { code: string; name: string; level: 'city' | 'county'; regionCode: string; maxContractAmountFen: number | null }[] = [
  { code: '110108', name: '海淀区技术合同登记站（中关村）', level: 'county', regionCode: '110108', maxContractAmountFen: 1_000_000_000 },
  { code: '440300', name: '深圳市技术合同登记处', level: 'city', regionCode: '440300', maxContractAmountFen: null },
  { code: '370200', name: '青岛市技术合同登记处', level: 'city', regionCode: '370200', maxContractAmountFen: 1_000_000_000 },
  { code: '610100', name: '西安市技术合同登记处', level: 'city', regionCode: '610100', maxContractAmountFen: 1_000_000_000 },
];

/**
 * Loads the shipped dated parameters and the registration points: one national point, one per
 * province, and a few delegated city/county points. Existing rows (an administrator's edits) stay.
 * Returns how many rows were added.
 */
export async function syncRegistrationDefaults(db: Db): Promise<number> {
  let added = 0;
  const params = await db
    .insert(registrationParameters)
    .values(DEFAULT_PARAMETERS.map((p) => ({ key: p.key, effectiveFrom: p.effectiveFrom, value: p.value, source: p.source })))
    .onConflictDoNothing()
    .returning({ key: registrationParameters.key });
  added += params.length;
  const provinces = rowsOf<{ code: string; name: string }>(await db.execute(sql`select code, name from regions where level = 'province' order by code`));
  const existing = new Set(rowsOf<{ code: string }>(await db.execute(sql`select code from regions where level in ('city', 'county') and code in (${sql.join(DELEGATED_POINTS.map((p) => sql`${p.regionCode}`), sql`, `)})`)).map((r) => r.code));
  const points = [
    { code: '000000', name: '全国技术合同登记中心（国家级）', level: 'national' as const, regionCode: null, maxContractAmountFen: null },
    ...provinces.map((p) => ({ code: p.code, name: `${p.name}技术合同登记处`, level: 'province' as const, regionCode: p.code, maxContractAmountFen: null })),
    ...DELEGATED_POINTS.filter((p) => existing.has(p.regionCode)),
  ];
  if (provinces.length) {
    const rows = await db.insert(registrationPoints).values(points).onConflictDoNothing().returning({ id: registrationPoints.id });
    added += rows.length;
  }
  return added;
}
