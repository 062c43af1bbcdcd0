import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newChainId } from '#server/lib/ids';
import { systemActor } from '#server/modules/auth/index';
import { syncHolidayCalendar } from '#server/modules/notices/index';
import { insertOrganisation, insertUser } from '#server/test-factories';
import { createTestApp, fixedClock, type Agent, type TestApp } from '#server/test-app';

// Monday 2026-11-02, 10:00 in Beijing. 15 working days later (no November holidays): Monday 11-23.
const T0 = '2026-11-02T02:00:00Z';
const clock = fixedClock(T0);
let t: TestApp;
let uni: { id: string; name: string };
let ent: { id: string; name: string };
let tto: Agent;
let entOwner: Agent;
let bjRegistrar: Agent;
let gdRegistrar: Agent;
let admin: Agent;

/** A valid application: 京华大学 (海淀) assigns a patent to 鹏城智能 (深圳南山). */
function application(extra: Record<string, unknown> = {}) {
  return {
    projectName: '高效固废基胶凝材料制备技术专利权转让',
    subtype: 'TRF-PAT',
    summary: '转让发明专利一项及其配套工艺文件，受让方据此建设年产十万吨生产线。',
    seller: { organisationId: uni.id, name: uni.name, type: 'university' },
    buyer: { organisationId: ent.id, name: ent.name, type: 'enterprise' },
    technologyDomain: 'TD07',
    industryCode: '30',
    ipTypes: ['patent_invention'],
    ipNumbers: ['ZL202310123456.7'],
    planCategory: 'none',
    socioEconomicObjective: 'SE06',
    signedOn: '2026-10-20',
    validFrom: '2026-10-20',
    validTo: '2031-10-19',
    paymentMethod: 'instalments',
    paymentSchedule: [
      { dueOn: '2026-11-30', amountFen: 600_000_00 },
      { dueOn: '2027-06-30', amountFen: 600_000_00 },
    ],
    contractAmountFen: 1_200_000_00,
    nonTechnicalCosts: [{ item: '试验设备', amountFen: 200_000_00 }],
    techAmountFen: 1_000_000_00,
    expectedInvestmentFen: 50_000_000_00,
    expectedOutputFen: 200_000_000_00,
    ...extra,
  };
}

async function created(extra: Record<string, unknown> = {}) {
  const res = await t.request('POST', '/api/v1/registrations', { as: tto, body: application(extra) });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body;
}

async function submitted(extra: Record<string, unknown> = {}) {
  const c = await created(extra);
  const res = await t.request('POST', `/api/v1/registrations/${c.id}/submit`, { as: tto });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body;
}

async function registered(extra: Record<string, unknown> = {}) {
  const s = await submitted(extra);
  const res = await t.request('POST', `/api/v1/registrations/${s.id}/decision`, { as: bjRegistrar, body: { action: 'register', outcome: 'full' } });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body;
}

async function verified() {
  const v = await t.request('GET', '/api/v1/statistics/verify', { as: admin });
  expect(v.status).toBe(200);
  expect(v.body.mismatches).toEqual([]);
  expect(v.body.ok).toBe(true);
  return v.body;
}

beforeAll(async () => {
  t = await createTestApp({ clock });
  await syncHolidayCalendar(t.handle.db);
  const db = t.handle.db;
  const u = await insertOrganisation(db, { name: '京华大学（登记测试）', type: 'university', regionCode: '110108' });
  const e = await insertOrganisation(db, { name: '鹏城智能（登记测试）', type: 'enterprise', enterpriseOwnership: 'domestic', regionCode: '440305' });
  uni = { id: u.id, name: u.name };
  ent = { id: e.id, name: e.name };
  await insertUser(db, { email: 'tto@reg.test', roles: [{ role: 'tto_officer', organisationId: u.id }], orgs: [{ organisationId: u.id, role: 'member' }] });
  await insertUser(db, { email: 'owner@reg.test', regionCode: '440305', orgs: [{ organisationId: e.id, role: 'owner' }] });
  await insertUser(db, { email: 'bj-reg@reg.test', regionCode: '110000', roles: [{ role: 'registrar', regionCode: '110000' }] });
  await insertUser(db, { email: 'gd-reg@reg.test', regionCode: '440000', roles: [{ role: 'registrar', regionCode: '440000' }] });
  await insertUser(db, { email: 'admin@reg.test', roles: [{ role: 'platform_admin' }] });
  tto = await t.login('tto@reg.test');
  entOwner = await t.login('owner@reg.test');
  bjRegistrar = await t.login('bj-reg@reg.test');
  gdRegistrar = await t.login('gd-reg@reg.test');
  admin = await t.login('admin@reg.test');
});
afterAll(async () => {
  await t.close();
});

describe('registration applications', () => {
  it('creates a draft with both amounts, a new chain id and the party data of the platform organisations', async () => {
    const c = await created();
    expect(c).toMatchObject({ status: 'draft', category: 'TRF', contractAmountFen: 1_200_000_00, techAmountFen: 1_000_000_00, crossBorder: 'domestic', applicantOrgId: uni.id });
    expect(c.chainId).toMatch(/^TNC2026[0-9A-Z]{10}$/);
    expect(c.seller).toMatchObject({ regionCode: '110108', type: 'university' });
    expect(c.buyer.regionName).toBeTruthy();
    expect(c.allowedActions).toEqual(['submit', 'withdraw']);
    expect(c.history.map((h: { action: string }) => h.action)).toEqual(['create']);
  });

  it.each([
    ['技术交易额 above 成交额', { techAmountFen: 1_300_000_00, nonTechnicalCosts: [] }, 'registration/amounts_inconsistent', 'body.techAmountFen'],
    ['costs that do not add up', { techAmountFen: 1_100_000_00 }, 'registration/amounts_inconsistent', 'body.techAmountFen'],
    ['validity ending before it starts', { validTo: '2026-10-01' }, 'registration/dates_out_of_order', 'body.validTo'],
    ['signed in the future', { signedOn: '2026-12-01' }, 'registration/dates_out_of_order', 'body.signedOn'],
    ['an unknown industry code', { industryCode: '99' }, 'registration/unknown_code', 'body.industryCode'],
    ['instalments that miss the amount', { paymentSchedule: [{ dueOn: '2026-11-30', amountFen: 1 }] }, 'registration/payment_schedule_mismatch', 'body.paymentSchedule'],
    ['a licence without its mode', { subtype: 'LIC-PAT' }, 'registration/party_incomplete', 'body.licenceMode'],
  ])('refuses %s with a field error and writes nothing', async (_name, extra, code, path) => {
    const before = await t.request('GET', '/api/v1/registrations?view=mine&pageSize=200', { as: tto });
    const res = await t.request('POST', '/api/v1/registrations', { as: tto, body: application(extra) });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe(code);
    expect(res.body.error.details.issues[0].path).toBe(path);
    const after = await t.request('GET', '/api/v1/registrations?view=mine&pageSize=200', { as: tto });
    expect(after.body.total).toBe(before.body.total);
  });

  it('refuses negative and fractional money, and unknown codes, before the service (field by field, English on request)', async () => {
    const res = await t.request('POST', '/api/v1/registrations', { as: tto, body: application({ contractAmountFen: -5, techAmountFen: 1.5, technologyDomain: 'TD99' }), headers: { 'accept-language': 'en' } });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('common/validation_failed');
    const paths = res.body.error.details.issues.map((i: { path: string }) => i.path);
    expect(paths).toEqual(expect.arrayContaining(['body.contractAmountFen', 'body.techAmountFen', 'body.technologyDomain']));
  });

  it('lets only the seller side apply (the buyer of a domestic contract may not)', async () => {
    const res = await t.request('POST', '/api/v1/registrations', { as: entOwner, body: application() });
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe('registration/not_applicant');
  });

  it('checks the recognition rules in force at submission: a development contract needs a concrete objective', async () => {
    const c = await created({ subtype: 'DEV-COM', summary: '开发', ipTypes: [], ipNumbers: [] });
    expect(c.findings.map((f: { ruleId: string }) => f.ruleId)).toContain('dev.objective');
    const res = await t.request('POST', `/api/v1/registrations/${c.id}/submit`, { as: tto });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('registration/rules_not_met');
    expect(res.body.error.details.findings[0].ruleId).toBe('dev.objective');
    const fixed = await t.request('PATCH', `/api/v1/registrations/${c.id}`, { as: tto, body: { summary: '研究开发低能耗固废基胶凝材料配方，28 天抗压强度不低于 42.5 MPa，能耗较现有工艺降低 20% 以上。' } });
    expect(fixed.status, JSON.stringify(fixed.body)).toBe(200);
    expect(fixed.body.history.at(-1)).toMatchObject({ action: 'update', changes: { summary: { before: '开发' } } });
    expect((await t.request('POST', `/api/v1/registrations/${c.id}/submit`, { as: tto })).status).toBe(200);
  });

  it('submits to the most local point serving the seller and sets the review deadline in working days', async () => {
    const s = await submitted();
    // 海淀 has a delegated point for contracts below ¥10M; 15 working days from Monday 11-02.
    expect(s).toMatchObject({ status: 'submitted', pointName: '海淀区技术合同登记站（中关村）', decideBy: '2026-11-23' });
    const big = await submitted({ contractAmountFen: 12_000_000_00, techAmountFen: 11_800_000_00, paymentSchedule: [] });
    // Above the delegated ceiling → the province; ≥ ¥5M technology amount → 30 working days.
    expect(big.pointName).toBe('北京市技术合同登记处');
    expect(big.decideBy).toBe('2026-12-14');
    expect(big.findings.map((f: { ruleId: string }) => f.ruleId)).toContain('large.expert_review');
  });
});

describe('recognition and registration', () => {
  it('a registrar outside the point’s region cannot see or decide; the Beijing registrar recognises it and numbers it', async () => {
    const s = await submitted();
    const outside = await t.request('POST', `/api/v1/registrations/${s.id}/decision`, { as: gdRegistrar, body: { action: 'register', outcome: 'full' } });
    expect(outside.status).toBe(404);
    const queue = await t.request('GET', '/api/v1/registrations?view=queue', { as: bjRegistrar });
    expect(queue.body.items.map((i: { id: string }) => i.id)).toContain(s.id);
    const gdQueue = await t.request('GET', '/api/v1/registrations?view=queue', { as: gdRegistrar });
    expect(gdQueue.body.items.map((i: { id: string }) => i.id)).not.toContain(s.id);
    const res = await t.request('POST', `/api/v1/registrations/${s.id}/decision`, { as: bjRegistrar, body: { action: 'register', outcome: 'full', note: '材料齐全' } });
    expect(res.status).toBe(200);
    expect(res.body.status).toBe('registered');
    expect(res.body.registrationNo).toMatch(/^2026110108\d{6}$/);
    expect(res.body.registeredOn).toBe('2026-11-02');
    expect(res.body.recognition).toMatchObject({ outcome: 'full', recognisedTechAmountFen: 1_000_000_00 });
    // A university seller: no EIT relief (not an enterprise), PIT reward rule applies for 36 months.
    expect(res.body.taxEffects.eit.eligible).toBe(false);
    expect(res.body.taxEffects.pit).toMatchObject({ eligible: true, rewardWindowEndsOn: '2029-11-02' });
    expect(res.body.taxEffects.vat.eligible).toBe(true);
    await verified();
  });

  it('recognises in part with a lower technology amount, refuses one with reasons, returns one for correction', async () => {
    const a = await submitted();
    const tooHigh = await t.request('POST', `/api/v1/registrations/${a.id}/decision`, { as: bjRegistrar, body: { action: 'register', outcome: 'partial', recognisedTechAmountFen: 2_000_000_00 } });
    expect(tooHigh.body.error.code).toBe('registration/recognised_amount_invalid');
    const partial = await t.request('POST', `/api/v1/registrations/${a.id}/decision`, { as: bjRegistrar, body: { action: 'register', outcome: 'partial', recognisedTechAmountFen: 800_000_00, recognisedSubtype: 'TRF-OTH' } });
    expect(partial.status).toBe(200);
    expect(partial.body.recognition).toMatchObject({ outcome: 'partial', recognisedTechAmountFen: 800_000_00, recognisedSubtype: 'TRF-OTH' });
    const b = await submitted();
    const rejected = await t.request('POST', `/api/v1/registrations/${b.id}/decision`, { as: bjRegistrar, body: { action: 'reject', reasons: ['R02', 'R07'], note: '非技术合同，证明文件不全' } });
    expect(rejected.body).toMatchObject({ status: 'rejected', recognition: { outcome: 'none', reasons: ['R02', 'R07'] }, allowedActions: [] });
    const c = await submitted();
    const returned = await t.request('POST', `/api/v1/registrations/${c.id}/decision`, { as: bjRegistrar, body: { action: 'return', reasons: ['R03'], note: '请写明价款支付方式' } });
    expect(returned.body.status).toBe('returned');
    expect(returned.body.allowedActions).toEqual([]);
    expect((await t.request('GET', `/api/v1/registrations/${c.id}`, { as: tto })).body.allowedActions).toEqual(['submit', 'withdraw']);
    const again = await t.request('POST', `/api/v1/registrations/${c.id}/decision`, { as: bjRegistrar, body: { action: 'register', outcome: 'full' } });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('registration/invalid_transition');
    await verified();
  });

  it('issues a PDF certificate that the public can check by number', async () => {
    const r = await registered();
    const pdf = await t.request('GET', `/api/v1/registrations/${r.id}/certificate.pdf`, { as: tto });
    expect(pdf.status).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.raw.rawPayload.subarray(0, 8).toString()).toBe('%PDF-1.7');
    const check = await t.request('GET', `/api/v1/registrations/certificates/${r.registrationNo}`);
    expect(check.status).toBe(200);
    expect(check.body).toMatchObject({ registrationNo: r.registrationNo, sellerName: uni.name, status: 'registered', version: 1 });
    expect(check.body.digest).toMatch(/^[0-9a-f]{64}$/);
    const unknown = await t.request('GET', '/api/v1/registrations/certificates/2026000000999999');
    expect(unknown.status).toBe(404);
    const stranger = await t.request('GET', `/api/v1/registrations/${r.id}/certificate.pdf`, { as: gdRegistrar });
    expect(stranger.status).toBe(404);
  });

  it('amends (applicant requests, registrar approves) and cancels, keeping history and the statistics equal to a recount', async () => {
    const r = await registered();
    const before = await t.request('GET', '/api/v1/statistics/overview?year=2026&region=110000', { as: bjRegistrar });
    const req = await t.request('POST', `/api/v1/registrations/${r.id}/change-request`, {
      as: tto,
      body: { kind: 'amend', reason: '补充协议增加价款', changes: { contractAmountFen: 1_500_000_00, techAmountFen: 1_300_000_00, paymentSchedule: [] } },
    });
    expect(req.status, JSON.stringify(req.body)).toBe(200);
    expect(req.body.status).toBe('change_requested');
    const ok = await t.request('POST', `/api/v1/registrations/${r.id}/change-decision`, { as: bjRegistrar, body: { approve: true, note: '补充协议已核' } });
    expect(ok.status, JSON.stringify(ok.body)).toBe(200);
    expect(ok.body).toMatchObject({ status: 'registered', version: 2, contractAmountFen: 1_500_000_00, registrationNo: r.registrationNo });
    expect(ok.body.history.at(-1).changes.contractAmountFen).toEqual({ before: 1_200_000_00, after: 1_500_000_00 });
    const after = await t.request('GET', '/api/v1/statistics/overview?year=2026&region=110000', { as: bjRegistrar });
    expect(after.body.total.count).toBe(before.body.total.count);
    expect(BigInt(after.body.total.amountFen) - BigInt(before.body.total.amountFen)).toBe(300_000_00n);
    await verified();
    const cancel = await t.request('POST', `/api/v1/registrations/${r.id}/change-request`, { as: bjRegistrar, body: { kind: 'cancel', reason: '税务机关提出异议，经复核撤销' } });
    expect(cancel.body.status).toBe('cancelled');
    const gone = await t.request('GET', '/api/v1/statistics/overview?year=2026&region=110000', { as: bjRegistrar });
    expect(gone.body.total.count).toBe(before.body.total.count - 1);
    await verified();
    const check = await t.request('GET', `/api/v1/registrations/certificates/${r.registrationNo}`);
    expect(check.body).toMatchObject({ status: 'cancelled', version: 2 });
  });

  it('carries a concluded market deal into a registration with the same chain id, once', async () => {
    const deal = await t.handle.db.transaction((tx) =>
      t.services.deals.open(tx, systemActor('test'), { chainId: newChainId('A', clock.now()), title: '固废基胶凝材料', sellerOrgId: uni.id, buyerOrgId: ent.id, transferMode: 'license', licenceKind: 'exclusive', pricingMethod: 'listing', priceFen: 300_000_00, stateFunded: true }),
    );
    expect(deal.status).toBe('concluded');
    const res = await t.request('POST', '/api/v1/registrations/from-deal', { as: tto, body: { dealId: deal.id } });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body).toMatchObject({ chainId: deal.chainId, dealId: deal.id, subtype: 'LIC-OTH', contractAmountFen: 300_000_00, status: 'draft' });
    const twice = await t.request('POST', '/api/v1/registrations/from-deal', { as: tto, body: { dealId: deal.id } });
    expect(twice.status).toBe(409);
    expect(twice.body.error.code).toBe('registration/duplicate');
    const buyerTries = await t.request('POST', '/api/v1/registrations/from-deal', { as: entOwner, body: { dealId: deal.id } });
    expect(buyerTries.status).toBe(404);
  });

  it('an enterprise seller’s transfer income is summed per year for the EIT threshold', async () => {
    const seller = await insertOrganisation(t.handle.db, { name: '中关村材料科技（测试）', type: 'enterprise', enterpriseOwnership: 'domestic', regionCode: '110108' });
    await insertUser(t.handle.db, { email: 'ent-seller@reg.test', orgs: [{ organisationId: seller.id, role: 'owner' }] });
    const owner = await t.login('ent-seller@reg.test');
    const body = application({ seller: { organisationId: seller.id, name: seller.name, type: 'enterprise' }, contractAmountFen: 4_000_000_00, techAmountFen: 4_000_000_00, nonTechnicalCosts: [], paymentSchedule: [] });
    const ids: string[] = [];
    for (let i = 0; i < 2; i++) {
      const c = await t.request('POST', '/api/v1/registrations', { as: owner, body });
      await t.request('POST', `/api/v1/registrations/${c.body.id}/submit`, { as: owner });
      const r = await t.request('POST', `/api/v1/registrations/${c.body.id}/decision`, { as: bjRegistrar, body: { action: 'register', outcome: 'full' } });
      ids.push(r.body.id);
    }
    const second = await t.request('GET', `/api/v1/registrations/${ids[1]}`, { as: owner });
    // ¥8M in the year: ¥5M exempt, ¥3M halved.
    expect(second.body.taxEffects.eit).toMatchObject({ eligible: true, year: 2026, sellerYearIncomeFen: '800000000', exemptFen: '500000000', halvedFen: '300000000' });
  });
});

describe('dated parameters', () => {
  it('only platform admins add versions, checked against the key’s schema', async () => {
    const bad = await t.request('PUT', '/api/v1/registration-parameters', { as: admin, body: { key: 'deadline', effectiveFrom: '2026-11-01', value: { kind: 'days_after_signing', days: -1 }, source: '测试' } });
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe('registration/parameter_invalid');
    const notAdmin = await t.request('PUT', '/api/v1/registration-parameters', { as: bjRegistrar, body: { key: 'deadline', effectiveFrom: '2026-11-01', value: { kind: 'none' }, source: '测试' } });
    expect(notAdmin.status).toBe(403);
  });

  it('a deadline configured as 30 days after signing refuses a late application (and the old rule applies before its date)', async () => {
    const c = await created({ signedOn: '2026-08-01', validFrom: '2026-08-01' });
    const put = await t.request('PUT', '/api/v1/registration-parameters', { as: admin, body: { key: 'deadline', effectiveFrom: '2026-11-01', value: { kind: 'days_after_signing', days: 30 }, source: '测试：登记期限 30 日' } });
    expect(put.status, JSON.stringify(put.body)).toBe(200);
    const late = await t.request('POST', `/api/v1/registrations/${c.id}/submit`, { as: tto });
    expect(late.status).toBe(409);
    expect(late.body.error).toMatchObject({ code: 'registration/deadline_passed', details: { deadline: '2026-08-31' } });
    const list = await t.request('GET', '/api/v1/registration-parameters', { as: tto });
    expect(list.body.filter((p: { key: string }) => p.key === 'deadline').map((p: { effectiveFrom: string }) => p.effectiveFrom)).toEqual(['2001-01-01', '2026-01-23', '2026-11-01']);
  });
});

describe('statistics', () => {
  it('regional roles see their own area only; anonymous callers are refused; open data is public', async () => {
    expect((await t.request('GET', '/api/v1/statistics/overview?year=2026&region=440000', { as: bjRegistrar })).status).toBe(403);
    expect((await t.request('GET', '/api/v1/statistics/overview?year=2026')).status).toBe(401);
    expect((await t.request('GET', '/api/v1/statistics/overview?year=2026', { as: tto })).status).toBe(403);
    const own = await t.request('GET', '/api/v1/statistics/overview?year=2026', { as: bjRegistrar });
    expect(own.body.region).toBe('110000');
    const open = await t.request('GET', '/api/v1/open-data/technology-market/overview?year=2026');
    expect(open.status).toBe(200);
    expect(open.body.total.count).toBeGreaterThan(0);
    const county = await t.request('GET', '/api/v1/open-data/technology-market/overview?year=2026&region=110108');
    expect(county.status).toBe(403);
  });

  it('drills down nation → province → city → county and keeps seller and buyer sides apart', async () => {
    const nation = await t.request('GET', '/api/v1/statistics/regions?year=2026', { as: admin });
    expect(nation.body.rows.map((r: { code: string }) => r.code)).toEqual(['110000']);
    const city = await t.request('GET', '/api/v1/statistics/regions?year=2026&region=110000', { as: admin });
    expect(city.body.rows.map((r: { code: string }) => r.code)).toEqual(['110100']);
    const county = await t.request('GET', '/api/v1/statistics/regions?year=2026&region=110100', { as: admin });
    expect(county.body.rows[0]).toMatchObject({ code: '110108', level: 'county', hasChildren: false });
    const inflow = await t.request('GET', '/api/v1/statistics/regions?year=2026&side=in', { as: admin });
    expect(inflow.body.rows.map((r: { code: string }) => r.code)).toEqual(['440000']);
    const flows = await t.request('GET', '/api/v1/statistics/flows?year=2026', { as: admin });
    expect(flows.body.flows[0]).toMatchObject({ from: '110000', to: '440000' });
    expect(flows.body.zones[0]).toMatchObject({ from: 'east', to: 'east' });
    const types = await t.request('GET', '/api/v1/statistics/breakdown?year=2026&dimension=subtype&region=110108', { as: admin });
    expect(types.body.rows.map((r: { code: string }) => r.code)).toEqual(expect.arrayContaining(['TRF-PAT']));
    const all = await t.request('GET', '/api/v1/statistics/annual-report?year=2026', { as: admin });
    expect(all.body.totals.out.count).toBe(all.body.totals.in.count);
    expect(all.body.tables).toHaveLength(10);
    const xlsx = await t.request('GET', '/api/v1/statistics/annual-report.xlsx?year=2026', { as: admin });
    expect(xlsx.raw.rawPayload.subarray(0, 2).toString()).toBe('PK');
    const csv = await t.request('GET', '/api/v1/statistics/annual-report.csv?year=2026', { as: admin });
    expect(csv.raw.body).toContain('技术合同按合同类别分');
  });
});
