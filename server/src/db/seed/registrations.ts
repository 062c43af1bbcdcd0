import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import { rowsOf, type DbHandle } from '#server/db/types';
import { organisations } from '#server/modules/organisations/organisations.tables';
import type { BulkRegistration } from '#server/modules/registrations/index';
import type { Services } from '#server/services';
import { demoActor } from './demo-actor';
import { demoCreditCode } from './demo';
import { generateNationalContracts, loadLevelRegionCodes, loadNationalSeries, type GeneratedContract, type GeneratedParty } from './national-contracts';

/** The applicant of the historical national records (a registry's own data entry, no members). */
export const NATIONAL_RECORDS_ORG = '全国技术合同登记历史数据（演示）';
/** External ids of the national profile: `NAT-<year>-<n>`. */
const PREFIX = 'NAT-';

const TYPE_WORDS: Record<string, string> = { DEV: '技术开发', TRF: '技术转让', LIC: '技术许可', CON: '技术咨询', SVC: '技术服务' };
const PARTY_WORDS: Record<string, string> = {
  enterprise: '科技有限公司',
  research_institute: '研究院',
  university: '大学',
  medical: '医院',
  other_public: '技术中心',
  government: '管理委员会',
  association: '学会',
  individual: '（个人）',
};

/** The published national series shipped with the statistics module. */
export function nationalSeries() {
  const name = 'national_tech_market_turnover.csv';
  // From sources: the statistics module's data folder; from the bundle: dist/server/data (scripts/build.mjs copies it).
  const candidates = ['../../modules/statistics/data/', './data/', '../data/'].map((dir) => fileURLToPath(new URL(dir + name, import.meta.url)));
  const file = candidates.find((f) => existsSync(f));
  if (!file) {
    throw new Error(`${name} not found; looked in:\n  ${candidates.join('\n  ')}`);
  }
  return loadNationalSeries(readFileSync(file, 'utf8'));
}

function partyOf(p: GeneratedParty, key: string, regionNames: Map<string, string>) {
  const place = p.regionCode ? (regionNames.get(p.regionCode) ?? regionNames.get(`${p.regionCode.slice(0, 2)}0000`) ?? '') : p.countryCode;
  const name = `${place}${key.slice(-4)}${PARTY_WORDS[p.type] ?? ''}`;
  const domestic = p.countryCode === 'CN';
  return {
    name,
    type: p.type,
    ...(p.enterpriseOwnership ? { enterpriseOwnership: p.enterpriseOwnership } : {}),
    ...(domestic && p.type !== 'individual' ? { creditCode: demoCreditCode(p.type === 'enterprise' ? '91' : '12', p.regionCode!, key) } : {}),
    countryCode: p.countryCode,
    ...(domestic ? { regionCode: p.regionCode! } : {}),
  };
}

/** A generated contract as a bulk registration of the historical records. Pure apart from names. */
export function toBulkRegistration(g: GeneratedContract, n: number, applicantOrgId: string, regionNames: Map<string, string>): BulkRegistration {
  const externalId = `${PREFIX}${g.year}-${n}`;
  return {
    externalId,
    projectName: `${g.year}年${TYPE_WORDS[g.subtype.slice(0, 3)] ?? ''}合同 ${String(n).padStart(6, '0')}`,
    subtype: g.subtype,
    ...(g.licenceMode ? { licenceMode: g.licenceMode } : {}),
    summary: '',
    seller: partyOf(g.seller, `${externalId}-S`, regionNames),
    buyer: partyOf(g.buyer, `${externalId}-B`, regionNames),
    technologyDomain: g.technologyDomain as BulkRegistration['technologyDomain'],
    // The generator names divisions with their section letter (C35); the code list's division code is 35.
    industryCode: g.industryCode.slice(1),
    ipTypes: g.ipTypes,
    ipNumbers: [],
    planCategory: g.planCategory,
    ...(g.planCategory !== 'none' ? { planProjectNo: `${g.year}-${g.planCategory.toUpperCase()}-${n}` } : {}),
    socioEconomicObjective: g.socioEconomicObjective,
    signedOn: g.signedOn,
    validFrom: g.validFrom,
    validTo: g.validTo,
    paymentMethod: g.paymentMethod,
    paymentSchedule: [],
    contractAmountFen: g.contractAmountFen,
    nonTechnicalCosts: g.nonTechnicalCostFen > 0 ? [{ item: '设备、仪器及原材料', amountFen: g.nonTechnicalCostFen }] : [],
    techAmountFen: g.techAmountFen,
    registeredOn: g.registeredOn,
    applicantOrgId,
  };
}

export type NationalReport = { created: number; years: number };

/**
 * The national profile: registered contracts for 2013–2024 whose national 成交额 per year equals the
 * published series exactly (counts scaled, default 1/1000), registered through
 * `registrations.registerBulk` in batches so the statistics are kept by the same path as any
 * registration. Idempotent: skipped when the profile is present.
 */
export async function seedNationalContracts(
  handle: DbHandle,
  services: Services,
  onProgress?: (msg: string) => void,
  opts: { scale?: number; seed?: number; batch?: number } = {},
): Promise<NationalReport> {
  const { db } = handle;
  const [done] = rowsOf<{ n: number }>(await db.execute(sql`select count(*)::int as n from tech_contracts where external_id like ${`${PREFIX}%`}`));
  if ((done?.n ?? 0) > 0) {
    return { created: 0, years: 0 };
  }
  const admin = await demoActor(handle, 'admin');
  if (!admin) {
    return { created: 0, years: 0 };
  }
  const [org] = await db
    .insert(organisations)
    .values({ name: NATIONAL_RECORDS_ORG, type: 'government', regionCode: '110000', status: 'verified', description: '演示用：按已公布的全国技术合同成交额年度序列生成的历史登记记录（合同数按比例缩减）' })
    .returning({ id: organisations.id });
  const series = nationalSeries();
  const regionCodes = await loadLevelRegionCodes();
  const names = new Map(rowsOf<{ code: string; name: string }>(await db.execute(sql`select code, name from regions`)).map((r) => [r.code, r.name]));
  const batchSize = opts.batch ?? 1000;
  let batch: BulkRegistration[] = [];
  let created = 0;
  let n = 0;
  const flush = async () => {
    if (batch.length) {
      await services.registrations.registerBulk(admin, batch);
      created += batch.length;
      onProgress?.(`national contract records: ${created} registered`);
      batch = [];
    }
  };
  for (const g of generateNationalContracts(series, { scale: opts.scale ?? 1 / 1000, seed: opts.seed ?? 2026, regionCodes })) {
    batch.push(toBulkRegistration(g, ++n, org!.id, names));
    if (batch.length >= batchSize) {
      await flush();
    }
  }
  await flush();
  // Planner statistics for the fresh rows (PGlite never autovacuums; PostgreSQL would only later).
  await db.execute(sql`analyze tech_contracts`);
  await db.execute(sql`analyze contract_stat_cells`);
  return { created, years: series.length };
}
