import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newChainId } from '#server/lib/ids';
import { systemActor } from '#server/modules/auth/index';
import { createDealsRepo } from '#server/modules/market/index';
import { createServices } from '#server/services';
import { insertOrganisation, insertUser, makeActor } from '#server/test-factories';
import { createTestApp, fixedClock, type Agent, type TestApp } from '#server/test-app';
import { NOTICE_EXPIRE_JOB, OBJECTION_RATE_LIMIT, syncHolidayCalendar } from './index';

// Monday 2026-11-02, 10:00 in Beijing. 15 working days (no holidays in November) end on Friday 11-20.
const T0 = '2026-11-02T02:00:00Z';
const ENDS_ON = '2026-11-20';
const AFTER_END = '2026-11-20T16:00:01Z';

const clock = fixedClock(T0);
let t: TestApp;
let seller: { id: string; name: string };
let buyer: { id: string; name: string };
let tto: Agent;
let buyerAgent: Agent;
let outsider: Agent;
let opBj: Agent;
let opGd: Agent;

const CONTACT = 'objector-13800000000@example.cn';
const objection = { submitterName: '张三', submitterContact: CONTACT, body: '该成果的完成人名单遗漏了参与研发的人员，请核实。' };
const publishBody = (dealId: string, extra: Record<string, unknown> = {}) => ({
  dealId,
  contributors: '王磊、赵强',
  objectionChannel: '请于公示期内以书面形式向技术转移中心提出异议，电话 010-12345678，邮箱 tto@jh.example.cn',
  ...extra,
});

/** A deal awaiting its notice: a university (state-funded) seller that priced by negotiation. */
async function dealAwaitingNotice(priceFen = 1_200_000_00) {
  return t.handle.db.transaction((tx) =>
    t.services.deals.open(tx, systemActor('test'), {
      chainId: newChainId('A', clock.now()),
      title: '高效固废基胶凝材料制备技术',
      sellerOrgId: seller.id,
      buyerOrgId: buyer.id,
      transferMode: 'assign',
      pricingMethod: 'negotiated',
      priceFen,
      stateFunded: true,
    }),
  );
}

async function published(extra: Record<string, unknown> = {}) {
  const deal = await dealAwaitingNotice();
  expect(deal.status).toBe('awaiting_notice');
  const res = await t.request('POST', '/api/v1/notices', { as: tto, body: publishBody(deal.id, extra) });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return { deal, notice: res.body };
}

const dealOf = (id: string) => createDealsRepo().findById(t.handle.db, id);

beforeAll(async () => {
  t = await createTestApp({ clock });
  await syncHolidayCalendar(t.handle.db);
  const db = t.handle.db;
  const s = await insertOrganisation(db, { name: '京华大学（测试）', type: 'university', regionCode: '110108' });
  const b = await insertOrganisation(db, { name: '鹏城智能（测试）', type: 'enterprise', regionCode: '440305' });
  seller = { id: s.id, name: s.name };
  buyer = { id: b.id, name: b.name };
  const users = await Promise.all([
    insertUser(db, { email: 'tto@notices.test', roles: [{ role: 'tto_officer', organisationId: s.id }], orgs: [{ organisationId: s.id, role: 'member' }] }),
    insertUser(db, { email: 'buyer@notices.test', regionCode: '440305', orgs: [{ organisationId: b.id, role: 'owner' }] }),
    insertUser(db, { email: 'outsider@notices.test' }),
    insertUser(db, { email: 'op-bj@notices.test', regionCode: '110000', roles: [{ role: 'market_operator', regionCode: '110000' }] }),
    insertUser(db, { email: 'op-gd@notices.test', regionCode: '440000', roles: [{ role: 'market_operator', regionCode: '440000' }] }),
  ]);
  emails = users.map((u) => u.email);
});

let emails: string[] = [];
/** Moves the clock and signs everyone in again (sessions expire after 12 hours of test time). */
async function at(time: string) {
  clock.set(time);
  [tto, buyerAgent, outsider, opBj, opGd] = (await Promise.all(emails.map((e) => t.login(e)))) as [Agent, Agent, Agent, Agent, Agent];
}
afterAll(() => t.close());

describe('publishing a notice', () => {
  it('is for the seller side only; freezes the public fields and computes 15 working days', async () => {
    await at(T0);
    const deal = await dealAwaitingNotice();
    for (const as of [buyerAgent, outsider, opBj]) {
      const res = await t.request('POST', '/api/v1/notices', { as, body: publishBody(deal.id) });
      expect(res.status).toBe(403);
    }
    expect((await t.request('POST', '/api/v1/notices', { body: publishBody(deal.id) })).status).toBe(401);

    const res = await t.request('POST', '/api/v1/notices', { as: tto, body: publishBody(deal.id) });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body).toMatchObject({
      chainId: deal.chainId,
      achievementTitle: '高效固废基胶凝材料制备技术',
      sellerName: seller.name,
      buyerName: buyer.name,
      priceFen: 1_200_000_00,
      pricingMethod: 'negotiated',
      transferMode: 'assign',
      workingDays: 15,
      startsOn: '2026-11-02',
      endsOn: ENDS_ON,
      status: 'open',
      objectionCount: 0,
      acceptsObjections: true,
      objectionDeadline: '2026-11-20T16:00:00.000Z',
      dealId: deal.id,
      objections: [],
      canWithdraw: true,
    });
    expect((await dealOf(deal.id))?.status).toBe('in_notice');
    const job = await t.services.scheduler.find(t.handle.db, NOTICE_EXPIRE_JOB, res.body.id);
    expect(job).toMatchObject({ status: 'pending', runAt: new Date('2026-11-20T16:00:00Z') });

    const again = await t.request('POST', '/api/v1/notices', { as: tto, body: publishBody(deal.id) });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('notice/deal_not_awaiting_notice');
  });

  it('refuses a period below the configured minimum, field by field, and changes nothing', async () => {
    await at(T0);
    const deal = await dealAwaitingNotice();
    const res = await t.request('POST', '/api/v1/notices', { as: tto, body: publishBody(deal.id, { workingDays: 10 }) });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('notice/working_days_too_few');
    expect(res.body.error.details.issues[0].path).toBe('body.workingDays');
    expect((await dealOf(deal.id))?.status).toBe('awaiting_notice');
    const bad = await t.request('POST', '/api/v1/notices', { as: tto, body: publishBody(deal.id, { workingDays: 15.5 }) });
    expect(bad.status).toBe(400);
    const longer = await t.request('POST', '/api/v1/notices', { as: tto, body: publishBody(deal.id, { workingDays: 20 }) });
    expect(longer.status).toBe(201);
    expect(longer.body.endsOn).toBe('2026-11-27');
  });

  it('404 for an unknown deal', async () => {
    const res = await t.request('POST', '/api/v1/notices', { as: tto, body: publishBody('00000000-0000-4000-8000-000000000001') });
    expect(res.status).toBe(404);
    expect(res.body.error.code).toBe('notice/deal_not_found');
  });

  it('starts after a holiday run when published during the National Day break (calendar from the seed)', async () => {
    await at('2026-10-03T02:00:00Z');
    const { notice } = await published();
    expect(notice.startsOn).toBe('2026-10-08');
    expect(notice.endsOn).toBe('2026-10-27');
    // Withdraw it so it does not interfere with later scheduler runs.
    expect((await t.request('POST', `/api/v1/notices/${notice.id}/withdraw`, { as: tto, body: {} })).status).toBe(200);
  });
});

describe('objection, rejected, clean expiry → deal concluded', () => {
  it('runs the whole path', async () => {
    await at(T0);
    const { deal, notice } = await published();

    // Anonymous visitor sees the board and files an objection.
    const board = await t.request('GET', `/api/v1/notices?status=open&q=${encodeURIComponent('固废')}`);
    expect(board.status).toBe(200);
    const line = board.body.items.find((i: { id: string }) => i.id === notice.id);
    expect(Object.keys(line).sort()).toEqual(
      ['id', 'chainId', 'achievementTitle', 'sellerName', 'buyerName', 'priceFen', 'pricingMethod', 'transferMode', 'startsOn', 'endsOn', 'workingDays', 'status', 'objectionCount'].sort(),
    );
    const filed = await t.request('POST', `/api/v1/notices/${notice.id}/objections`, { body: objection });
    expect(filed.status, JSON.stringify(filed.body)).toBe(201);
    expect(filed.body).toMatchObject({ noticeId: notice.id, status: 'pending' });

    // The public never sees the contact; the seller side and the operator do.
    const pub = await t.request('GET', `/api/v1/notices/${notice.id}`);
    expect(pub.body).toMatchObject({ objectionCount: 1, pendingObjectionCount: 1, objections: null, dealId: null, canDecide: false });
    expect(JSON.stringify(pub.body)).not.toContain(CONTACT);
    const publicBoard = await t.request('GET', '/api/v1/notices');
    expect(JSON.stringify(publicBoard.body)).not.toContain(CONTACT);
    const asBuyer = await t.request('GET', `/api/v1/notices/${notice.id}`, { as: buyerAgent });
    expect(asBuyer.body).toMatchObject({ objections: null, dealId: deal.id });
    const asTto = await t.request('GET', `/api/v1/notices/${notice.id}`, { as: tto });
    expect(asTto.body.objections).toEqual([expect.objectContaining({ submitterContact: CONTACT, status: 'pending', decision: null })]);
    expect(asTto.body.canDecide).toBe(true);
    const asOp = await t.request('GET', `/api/v1/notices/${notice.id}`, { as: opBj });
    expect(asOp.body.objections).toHaveLength(1);
    // The seller organisation's members are told in-app, without the objector's contact.
    const inbox = (await t.request('GET', '/api/v1/notifications', { as: tto })).body.items;
    const note = inbox.find((n: { kind: string }) => n.kind === 'objection_filed');
    expect(note).toMatchObject({ data: expect.objectContaining({ noticeId: notice.id, link: `/notices/${notice.id}` }) });
    expect(JSON.stringify(note)).not.toContain(CONTACT);
    expect((await t.request('GET', `/api/v1/notices/${notice.id}`, { as: opGd })).body.objections).toBeNull();

    // The operator's queue lists it; the other region's operator's does not.
    expect((await t.request('GET', '/api/v1/notices/queue', { as: opBj })).body.items.map((i: { id: string }) => i.id)).toContain(notice.id);
    expect((await t.request('GET', '/api/v1/notices/queue', { as: opGd })).body.items.map((i: { id: string }) => i.id)).not.toContain(notice.id);
    expect((await t.request('GET', '/api/v1/notices/queue', { as: tto })).body.items.map((i: { id: string }) => i.id)).toContain(notice.id);

    // Deciding: not the buyer nor another region's operator.
    const objectionId = asTto.body.objections[0].id;
    const decideUrl = `/api/v1/notices/${notice.id}/objections/${objectionId}/decide`;
    expect((await t.request('POST', decideUrl, { as: buyerAgent, body: { outcome: 'rejected', decision: '经核查，完成人名单完整。' } })).status).toBe(403);
    expect((await t.request('POST', decideUrl, { as: opGd, body: { outcome: 'rejected', decision: '经核查，完成人名单完整。' } })).status).toBe(403);
    const decided = await t.request('POST', decideUrl, { as: tto, body: { outcome: 'rejected', decision: '经核查，完成人名单完整，异议不成立。' } });
    expect(decided.status, JSON.stringify(decided.body)).toBe(200);
    expect(decided.body).toMatchObject({ status: 'open', pendingObjectionCount: 0 });
    expect(decided.body.objections[0]).toMatchObject({ status: 'rejected', decision: '经核查，完成人名单完整，异议不成立。' });
    const twice = await t.request('POST', decideUrl, { as: tto, body: { outcome: 'upheld', decision: '改变主意了' } });
    expect(twice.status).toBe(409);
    expect(twice.body.error.code).toBe('notice/objection_already_decided');

    // Nothing before the end of the last day; then exactly once.
    clock.set('2026-11-20T15:59:00Z');
    await t.services.scheduler.runDue();
    expect((await t.request('GET', `/api/v1/notices/${notice.id}`)).body.status).toBe('open');
    await at(AFTER_END);
    await t.services.scheduler.runDue();
    const cleared = await t.request('GET', `/api/v1/notices/${notice.id}`);
    expect(cleared.body).toMatchObject({ status: 'cleared', acceptsObjections: false });
    const concluded = await dealOf(deal.id);
    expect(concluded?.status).toBe('concluded');
    expect(concluded?.contractDraft).toMatchObject({ chainId: deal.chainId, dealNo: deal.dealNo, pricingMethod: 'negotiated', contractAmountFen: 1_200_000_00 });
    expect(await t.services.scheduler.find(t.handle.db, NOTICE_EXPIRE_JOB, notice.id)).toMatchObject({ status: 'done' });
    expect((await t.services.scheduler.runDue()).ran).toBe(0);

    // The board lists it as cleared.
    const clearedBoard = await t.request('GET', '/api/v1/notices?status=cleared');
    expect(clearedBoard.body.items.map((i: { id: string }) => i.id)).toContain(notice.id);
  });
});

describe('upheld objection → notice and deal blocked', () => {
  it('blocks, cancels the expiry and refuses further objections', async () => {
    await at(T0);
    const { deal, notice } = await published();
    const filed = await t.request('POST', `/api/v1/notices/${notice.id}/objections`, { as: outsider, body: objection });
    expect(filed.status).toBe(201);
    const res = await t.request('POST', `/api/v1/notices/${notice.id}/objections/${filed.body.id}/decide`, {
      as: opBj,
      body: { outcome: 'upheld', decision: '交易所核查：异议成立，交易暂停。' },
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.status).toBe('blocked');
    expect((await dealOf(deal.id))?.status).toBe('blocked');
    expect(await t.services.scheduler.find(t.handle.db, NOTICE_EXPIRE_JOB, notice.id)).toBeUndefined();
    const late = await t.request('POST', `/api/v1/notices/${notice.id}/objections`, { body: objection });
    expect(late.status).toBe(409);
    expect(late.body.error.code).toBe('notice/not_open');
    const withdraw = await t.request('POST', `/api/v1/notices/${notice.id}/withdraw`, { as: tto, body: {} });
    expect(withdraw.status).toBe(409);
    expect(withdraw.body.error.code).toBe('notice/not_open');
    await at(AFTER_END);
    await t.services.scheduler.runDue();
    expect((await dealOf(deal.id))?.status).toBe('blocked');
  });
});

describe('pending objection at expiry postpones; the last rejection then concludes at once', () => {
  it('waits for the decision', async () => {
    await at(T0);
    const { deal, notice } = await published();
    const filed = await t.request('POST', `/api/v1/notices/${notice.id}/objections`, { body: objection });
    expect(filed.status).toBe(201);

    await at(AFTER_END);
    const late = await t.request('POST', `/api/v1/notices/${notice.id}/objections`, { body: objection });
    expect(late.status).toBe(409);
    expect(late.body.error.code).toBe('notice/objection_period_over');
    const lateWithdraw = await t.request('POST', `/api/v1/notices/${notice.id}/withdraw`, { as: tto, body: {} });
    expect(lateWithdraw.status).toBe(409);
    expect(lateWithdraw.body.error.code).toBe('notice/period_over');

    const run = await t.services.scheduler.runDue();
    expect(run.postponed).toBeGreaterThanOrEqual(1);
    expect((await t.request('GET', `/api/v1/notices/${notice.id}`)).body.status).toBe('open');
    expect((await dealOf(deal.id))?.status).toBe('in_notice');
    expect(await t.services.scheduler.find(t.handle.db, NOTICE_EXPIRE_JOB, notice.id)).toMatchObject({ status: 'pending', runAt: new Date(new Date(AFTER_END).getTime() + 86_400_000) });

    const res = await t.request('POST', `/api/v1/notices/${notice.id}/objections/${filed.body.id}/decide`, { as: tto, body: { outcome: 'rejected', decision: '异议不成立。' } });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.status).toBe('cleared');
    const concluded = await dealOf(deal.id);
    expect(concluded?.status).toBe('concluded');
    expect(concluded?.contractDraft).toMatchObject({ chainId: deal.chainId });
    expect(await t.services.scheduler.find(t.handle.db, NOTICE_EXPIRE_JOB, notice.id)).toBeUndefined();
  });
});

describe('withdrawal', () => {
  it('by the seller side before the end cancels the deal; the notice leaves the board but parties still find it', async () => {
    await at(T0);
    const { deal, notice } = await published();
    expect((await t.request('POST', `/api/v1/notices/${notice.id}/withdraw`, { as: opBj, body: {} })).status).toBe(403);
    expect((await t.request('POST', `/api/v1/notices/${notice.id}/withdraw`, { as: buyerAgent, body: {} })).status).toBe(403);
    const res = await t.request('POST', `/api/v1/notices/${notice.id}/withdraw`, { as: tto, body: { reason: '买方撤回' } });
    expect(res.status).toBe(200);
    expect(res.body.status).toBe('withdrawn');
    const d = await dealOf(deal.id);
    expect(d?.status).toBe('cancelled');
    expect(d?.cancelledReason).toContain('买方撤回');
    expect((await t.request('GET', '/api/v1/notices?pageSize=100')).body.items.map((i: { id: string }) => i.id)).not.toContain(notice.id);
    expect((await t.request('GET', `/api/v1/notices?dealId=${deal.id}`)).body.total).toBe(0);
    expect((await t.request('GET', `/api/v1/notices?dealId=${deal.id}`, { as: buyerAgent })).body.items[0]).toMatchObject({ id: notice.id, status: 'withdrawn' });
    expect((await t.request('GET', `/api/v1/notices/${notice.id}`)).body.status).toBe('withdrawn');
  });
});

describe('refusals', () => {
  it('unknown notice, unknown objection, invalid bodies', async () => {
    await at(T0);
    const { notice } = await published();
    expect((await t.request('GET', '/api/v1/notices/00000000-0000-4000-8000-000000000009')).body.error.code).toBe('notice/not_found');
    const r = await t.request('POST', `/api/v1/notices/${notice.id}/objections/00000000-0000-4000-8000-000000000009/decide`, { as: tto, body: { outcome: 'rejected', decision: '不存在的异议' } });
    expect(r.status).toBe(404);
    expect(r.body.error.code).toBe('notice/objection_not_found');
    const empty = await t.request('POST', `/api/v1/notices/${notice.id}/objections`, { body: { submitterName: '', submitterContact: '1', body: '短' } });
    expect(empty.status).toBe(400);
    expect(empty.body.error.code).toBe('common/validation_failed');
    const bad = await t.request('POST', `/api/v1/notices/${notice.id}/objections/${notice.id}/decide`, { as: tto, body: { outcome: 'maybe', decision: '不知道' } });
    expect(bad.status).toBe(400);
    await t.request('POST', `/api/v1/notices/${notice.id}/withdraw`, { as: tto, body: {} });
  });

  it('objections are rate-limited per client when the rate limiter is on', async () => {
    await at(T0);
    const { notice } = await published();
    const limited = await createTestApp({ rateLimit: true, handle: t.handle, clock });
    try {
      const statuses: number[] = [];
      for (let i = 0; i < OBJECTION_RATE_LIMIT.max + 1; i++) {
        statuses.push((await limited.request('POST', `/api/v1/notices/${notice.id}/objections`, { body: objection })).status);
      }
      expect(statuses.slice(0, OBJECTION_RATE_LIMIT.max).every((s) => s === 201)).toBe(true);
      expect(statuses.at(-1)).toBe(429);
    } finally {
      await limited.app.close();
    }
    await t.request('POST', `/api/v1/notices/${notice.id}/withdraw`, { as: tto, body: {} });
  });
});

describe('working-day calendar', () => {
  it('is public, seeded from the State Council notices, and kept by operators', async () => {
    await at(T0);
    const y = await t.request('GET', '/api/v1/calendar?year=2026');
    expect(y.status).toBe(200);
    expect(y.body.days).toEqual(expect.arrayContaining([{ day: '2026-10-01', kind: 'holiday', name: '国庆节' }, { day: '2026-02-14', kind: 'workday', name: '春节调休上班' }]));
    expect(y.body.days.every((d: { day: string }) => d.day.startsWith('2026'))).toBe(true);
    // Seeding again changes nothing (idempotent) and does not undo an operator's deletion.
    expect(await syncHolidayCalendar(t.handle.db)).toBe(0);

    expect((await t.request('PUT', '/api/v1/calendar/2026-12-31', { as: tto, body: { kind: 'holiday', name: '测试' } })).status).toBe(403);
    expect((await t.request('PUT', '/api/v1/calendar/2026-12-31', { body: { kind: 'holiday', name: '测试' } })).status).toBe(401);
    const put = await t.request('PUT', '/api/v1/calendar/2026-12-31', { as: opGd, body: { kind: 'holiday', name: '临时休假' } });
    expect(put.status, JSON.stringify(put.body)).toBe(200);
    expect(put.body).toEqual({ day: '2026-12-31', kind: 'holiday', name: '临时休假' });
    const mismatch = await t.request('PUT', '/api/v1/calendar/2026-12-30', { as: opBj, body: { kind: 'workday', name: '周三不用调休' } });
    expect(mismatch.status).toBe(400);
    expect(mismatch.body.error.code).toBe('notice/calendar_kind_mismatch');
    const invalid = await t.request('PUT', '/api/v1/calendar/2026-02-30', { as: opBj, body: { kind: 'holiday', name: '无效' } });
    expect(invalid.status).toBe(400);

    expect((await t.request('DELETE', '/api/v1/calendar/2026-10-01', { as: opBj })).status).toBe(200);
    expect(await syncHolidayCalendar(t.handle.db)).toBe(0);
    expect((await t.request('GET', '/api/v1/calendar?year=2026')).body.days.map((d: { day: string }) => d.day)).not.toContain('2026-10-01');
    const gone = await t.request('DELETE', '/api/v1/calendar/2026-10-01', { as: opBj });
    expect(gone.status).toBe(404);
    expect(gone.body.error.code).toBe('notice/calendar_day_not_found');
    // Restore for the other tests.
    expect((await t.request('PUT', '/api/v1/calendar/2026-10-01', { as: opBj, body: { kind: 'holiday', name: '国庆节' } })).status).toBe(200);
  });

  it('loads a year again only once it has no row at all', async () => {
    const y2025 = (await t.request('GET', '/api/v1/calendar?year=2025')).body.days as { day: string }[];
    expect(y2025.length).toBeGreaterThan(0);
    for (const d of y2025) {
      expect((await t.request('DELETE', `/api/v1/calendar/${d.day}`, { as: opBj })).status).toBe(200);
    }
    expect(await syncHolidayCalendar(t.handle.db)).toBe(y2025.length);
    expect((await t.request('GET', '/api/v1/calendar?year=2025')).body.days).toEqual(y2025);
    expect(await syncHolidayCalendar(t.handle.db)).toBe(0);
  });
});

describe('configured notice periods', () => {
  const services = (notices: { defaultWorkingDays: number; minWorkingDays: number }) =>
    createServices(t.handle, clock, { version: 'test', auth: { sessionTtlHours: 12, maxFailures: 5, lockoutMinutes: 15, secret: 'test-secret-test-secret-test-secret' }, notices });

  it('uses the configured default and minimum (NOTICE_WORKING_DAYS, NOTICE_MIN_WORKING_DAYS)', async () => {
    await at(T0);
    const s = services({ defaultWorkingDays: 10, minWorkingDays: 5 });
    const seller = { ...makeActor([{ role: 'tto_officer', organisationId: (await dealAwaitingNotice()).sellerOrgId }]), userId: tto.userId };
    const byDefault = await s.notices.publish(seller, publishBody((await dealAwaitingNotice()).id));
    expect(byDefault).toMatchObject({ workingDays: 10, startsOn: '2026-11-02', endsOn: '2026-11-13' });
    expect((await s.notices.publish(seller, publishBody((await dealAwaitingNotice()).id, { workingDays: 5 }))).endsOn).toBe('2026-11-06');
    await expect(s.notices.publish(seller, publishBody((await dealAwaitingNotice()).id, { workingDays: 4 }))).rejects.toMatchObject({ code: 'notice/working_days_too_few' });
    for (const n of [byDefault]) {
      await s.notices.withdraw(seller, n.id, 'test');
    }
  });

  it('refuses a default below the minimum at start', () => {
    expect(() => services({ defaultWorkingDays: 10, minWorkingDays: 15 })).toThrow(/shorter than the minimum/);
  });
});
