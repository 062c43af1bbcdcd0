import { count, eq, inArray, like, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseEnv } from '#server/config/env';
import { achievements, listingEvents } from '#server/modules/achievements/achievements.tables';
import { auditEvents } from '#server/modules/audit/audit.tables';
import { users } from '#server/modules/auth/auth.tables';
import { demands, expertProfiles } from '#server/modules/demands/demands.tables';
import { organisations } from '#server/modules/organisations/organisations.tables';
import { assertProductionReady } from '#server/runtime';
import { createTestApp, type TestApp } from '#server/test-app';
import { EXTERNAL_ID_PREFIX, REVIEWER_OF, email } from './catalogue';
import { ACHIEVEMENT_SEEDS } from './catalogue-achievements';
import { DEMAND_SEEDS } from './catalogue-demands';
import { FUNNEL_SEEDS } from './catalogue-funnel';
import { isValidCnPatentNumber } from './catalogue-ip';
import { CATALOGUE_ORGS, CATALOGUE_USERS, EXPERT_SEEDS } from './catalogue-people';
import { seedDemo, type SeedReport } from './demo';
import { DEMO_PASSWORD, DEMO_USERS } from './demo-data';

const DAY_MS = 86_400_000;
const DOMAINS = ['TD01', 'TD02', 'TD03', 'TD04', 'TD05', 'TD06', 'TD07', 'TD08', 'TD09', 'TD10', 'TD11'];
const extId = (id: string) => `${EXTERNAL_ID_PREFIX}${id}`;
/** Where each seed should end up in the database: stale listings are published ones. */
const storedStatus = (s: { status?: string }) => (s.status === 'stale' || !s.status ? 'published' : s.status);

let t: TestApp;
let first: SeedReport;

/** `domain/status` → number of seeded achievements, as stored. */
async function achievementCounts(): Promise<Record<string, number>> {
  const rows = await t.handle.db
    .select({ domain: achievements.domainCode, status: achievements.status, n: count() })
    .from(achievements)
    .where(like(achievements.externalId, `${EXTERNAL_ID_PREFIX}%`))
    .groupBy(achievements.domainCode, achievements.status);
  return Object.fromEntries(rows.map((r) => [`${r.domain}/${r.status}`, r.n]));
}

async function totals() {
  const n = async (q: Promise<{ n: number }[]>) => (await q)[0]?.n ?? 0;
  const { db } = t.handle;
  return {
    users: await n(db.select({ n: count() }).from(users)),
    organisations: await n(db.select({ n: count() }).from(organisations)),
    experts: await n(db.select({ n: count() }).from(expertProfiles)),
    achievements: await n(db.select({ n: count() }).from(achievements)),
    demands: await n(db.select({ n: count() }).from(demands)),
    events: await n(db.select({ n: count() }).from(listingEvents)),
    audit: await n(db.select({ n: count() }).from(auditEvents)),
  };
}

beforeAll(async () => {
  t = await createTestApp();
  first = await seedDemo(t.handle, t.services, undefined, t.clock);
}, 240_000);
afterAll(() => t.close());

describe('demo catalogue seed data', () => {
  it('is well formed: unique ids, real patent numbers, demands matched to listings that exist', () => {
    const ids = ACHIEVEMENT_SEEDS.map((s) => s.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(new Set(DEMAND_SEEDS.map((d) => d.id)).size).toBe(DEMAND_SEEDS.length);
    for (const d of DEMAND_SEEDS) {
      expect(d.matches?.length, `${d.id} names the listings it matches`).toBeGreaterThan(0);
      for (const m of d.matches ?? []) {
        expect(ids, `${d.id} → ${m}`).toContain(m);
      }
    }
    for (const f of FUNNEL_SEEDS) {
      expect(ids).toContain(f.achievement);
    }
  });
});

describe('seedCatalogue', () => {
  it('creates the listings, demands, profiles and accounts it declares', () => {
    expect(first.created).toBe(true);
    expect(first.catalogue).toMatchObject({
      organisations: CATALOGUE_ORGS.length,
      users: CATALOGUE_USERS.length,
      experts: EXPERT_SEEDS.length,
      achievements: ACHIEVEMENT_SEEDS.length,
      demands: DEMAND_SEEDS.length,
      events: FUNNEL_SEEDS.length,
    });
    expect(ACHIEVEMENT_SEEDS.length).toBeGreaterThanOrEqual(100);
    expect(DEMAND_SEEDS.length).toBeGreaterThanOrEqual(30);
  });

  it('stores the expected number of listings per technology domain and status, all 11 domains published', async () => {
    const expected: Record<string, number> = {};
    for (const s of ACHIEVEMENT_SEEDS) {
      const k = `${s.domain}/${storedStatus(s)}`;
      expected[k] = (expected[k] ?? 0) + 1;
    }
    expect(await achievementCounts()).toEqual(expected);
    for (const d of DOMAINS) {
      expect(expected[`${d}/published`], `published listings in ${d}`).toBeGreaterThanOrEqual(5);
    }
    for (const status of ['draft', 'submitted', 'withdrawn']) {
      expect(Object.keys(expected).some((k) => k.endsWith(`/${status}`)), `some ${status} listing`).toBe(true);
    }
  });

  it('publishes through review by the owning organisation’s reviewer, with patent numbers in CNIPA form', async () => {
    const rows = await t.handle.db
      .select({ externalId: achievements.externalId, reviewedBy: achievements.reviewedBy, ip: achievements.ip, ownerOrgId: achievements.ownerOrgId, verified: organisations.status })
      .from(achievements)
      .innerJoin(organisations, eq(organisations.id, achievements.ownerOrgId))
      .where(eq(achievements.status, 'published'));
    const byEmail = new Map((await t.handle.db.select({ id: users.id, email: users.email }).from(users)).map((u) => [u.email, u.id]));
    const published = ACHIEVEMENT_SEEDS.filter((s) => storedStatus(s) === 'published');
    expect(rows.filter((r) => r.externalId?.startsWith(EXTERNAL_ID_PREFIX))).toHaveLength(published.length);
    for (const s of published) {
      const row = rows.find((r) => r.externalId === extId(s.id))!;
      expect(row.reviewedBy, `${s.id} approved by ${REVIEWER_OF[s.org]}`).toBe(byEmail.get(email(REVIEWER_OF[s.org]!)));
      expect(row.verified).toBe('verified');
      for (const item of row.ip) {
        if (item.kind === 'patent' || item.kind === 'patent_application') {
          expect(isValidCnPatentNumber(item.number!), `${s.id}: ${item.number}`).toBe(true);
        }
      }
    }
    const approvals = await t.handle.db.select({ n: count() }).from(auditEvents).where(eq(auditEvents.action, 'achievement.approved'));
    // Withdrawn listings were published (approved) before their owner took them back.
    expect(approvals[0]!.n).toBe(published.length + ACHIEVEMENT_SEEDS.filter((s) => s.status === 'withdrawn').length);
  });

  it('lists published listings in the public directory, filterable by domain, and leaves the rest out', async () => {
    const res = await t.request('GET', '/api/v1/achievements?pageSize=200');
    expect(res.status).toBe(200);
    const listed = new Set<string>(res.body.items.map((i: { externalId: string }) => i.externalId));
    for (const s of ACHIEVEMENT_SEEDS) {
      expect(listed.has(extId(s.id)), `${s.id} (${s.status ?? 'published'}) in the directory`).toBe(storedStatus(s) === 'published');
    }
    const nuclear = await t.request('GET', '/api/v1/achievements?domainCode=TD10&pageSize=50');
    expect(nuclear.body.total).toBe(ACHIEVEMENT_SEEDS.filter((s) => s.domain === 'TD10' && storedStatus(s) === 'published').length);
  });

  it('indexes published listings for search, and a demand is matched to the listings written for it', async () => {
    const search = await t.request('GET', `/api/v1/achievements/search?q=${encodeURIComponent('钠离子电池 正极材料')}&limit=3`);
    expect(search.status).toBe(200);
    expect(search.body.items.map((i: { externalId: string }) => i.externalId)).toContain(extId('td08-sodium-cathode'));
    const drafts = await t.request('GET', `/api/v1/achievements/search?q=${encodeURIComponent('高熵合金涂层')}&limit=20`);
    expect(drafts.body.items.map((i: { externalId: string }) => i.externalId)).not.toContain(extId('td07-high-entropy'));

    const d = DEMAND_SEEDS.find((x) => x.id === 'd-battery-ncm-coating')!;
    const [row] = await t.handle.db.select({ id: demands.id }).from(demands).where(eq(demands.externalId, extId(d.id)));
    const match = await t.request('POST', '/api/v1/matching/achievements', { body: { demandId: row!.id, limit: 3 } });
    expect(match.status).toBe(200);
    const top = match.body.items.map((i: { achievement: { externalId: string } }) => i.achievement.externalId);
    expect(top).toEqual(expect.arrayContaining(d.matches!.map(extId)));
  });

  it('leaves the stale listings published but unconfirmed for over 12 months', async () => {
    const stale = ACHIEVEMENT_SEEDS.filter((s) => s.status === 'stale');
    expect(stale.length).toBeGreaterThan(0);
    const rows = await t.handle.db
      .select({ id: achievements.id, externalId: achievements.externalId, confirmedAt: achievements.confirmedAt })
      .from(achievements)
      .where(inArray(achievements.externalId, stale.map((s) => extId(s.id))));
    expect(rows).toHaveLength(stale.length);
    for (const r of rows) {
      expect(t.clock.now().getTime() - r.confirmedAt!.getTime()).toBeGreaterThan(365 * DAY_MS);
      const res = await t.request('GET', `/api/v1/achievements/${r.id}`);
      expect(res.body.stale, r.externalId!).toBe(true);
    }
    // The search index was given the aged confirmation date too (stale listings rank lower).
    const search = await t.request('GET', `/api/v1/achievements/search?q=${encodeURIComponent('全麦粉 稳定化')}&limit=5`);
    const hit = search.body.items.find((i: { externalId: string }) => i.externalId === extId('td05-wheat-flour'));
    expect(hit?.stale).toBe(true);
  });

  it('publishes the demands with deadlines ahead, and lets the enterprise contact sign in', async () => {
    const res = await t.request('GET', '/api/v1/demands?pageSize=100');
    expect(res.status).toBe(200);
    const listed = new Set<string>(res.body.items.map((i: { externalId: string }) => i.externalId));
    for (const d of DEMAND_SEEDS) {
      expect(listed.has(extId(d.id)), d.id).toBe((d.status ?? 'published') === 'published');
    }
    const today = new Date(t.clock.now().getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
    for (const item of res.body.items as { deadline: string; expired: boolean }[]) {
      expect(item.deadline > today).toBe(true);
    }
    const agent = await t.login(email('battery'), DEMO_PASSWORD);
    const mine = await t.request('GET', '/api/v1/demands?mine=true&pageSize=50', { as: agent });
    expect(mine.body.total).toBe(DEMAND_SEEDS.filter((d) => d.org === 'nd-battery').length);
  });

  it('records the funnel through the service and shows it to the owner', async () => {
    const f = FUNNEL_SEEDS.find((x) => x.achievement === 'td07-ncm-ald')!;
    const [row] = await t.handle.db.select({ id: achievements.id }).from(achievements).where(eq(achievements.externalId, extId(f.achievement)));
    const owner = await t.login(email(REVIEWER_OF['zk-inst']!), DEMO_PASSWORD);
    const res = await t.request('GET', `/api/v1/achievements/${row!.id}/funnel`, { as: owner });
    expect(res.status).toBe(200);
    const granted = f.access.filter((a) => a.grant).length;
    expect(res.body).toMatchObject({
      views: f.viewers.length + f.anonymousViews,
      detailOpens: granted,
      accessRequests: f.access.length,
      enquiries: f.enquiries.length,
    });
  });

  it('is idempotent: a second run adds nothing and writes no audit event', async () => {
    const before = { counts: await achievementCounts(), totals: await totals() };
    const again = await seedDemo(t.handle, t.services, undefined, t.clock);
    expect(again.created).toBe(false);
    expect(again.catalogue).toMatchObject({ organisations: 0, users: 0, experts: 0, achievements: 0, demands: 0, events: 0 });
    expect(await achievementCounts()).toEqual(before.counts);
    expect(await totals()).toEqual(before.totals);
  });

  it('keeps every demo account under the production guard', async () => {
    const [demo] = await t.handle.db.select({ n: count() }).from(users).where(eq(users.isDemo, true));
    expect(demo!.n).toBe(DEMO_USERS.length + CATALOGUE_USERS.length);
    expect(await t.services.auth.countDemoUsers()).toBe(demo!.n);
    const env = parseEnv({ NODE_ENV: 'production', SESSION_SECRET: 'x'.repeat(40) });
    await expect(assertProductionReady({ handle: t.handle, services: t.services, env })).rejects.toThrow(/demo account/);
    // Directory-only researchers cannot sign in with the published password.
    const locked = CATALOGUE_USERS.find((u) => u.login === 'none')!;
    const res = await t.request('POST', '/api/v1/auth/login', { body: { email: email(locked.local), password: DEMO_PASSWORD } });
    expect(res.status).toBe(401);
    const [nonDemo] = await t.handle.db.select({ n: count() }).from(users).where(sql`${users.email} like ${'%@demo.transfernet.cn'} and not ${users.isDemo}`);
    expect(nonDemo!.n).toBe(0);
  });
});
