import { and, eq, inArray, like, sql } from 'drizzle-orm';
import { CreateAchievementSchema, type AchievementStatus, type CreateAchievement } from '#shared/contracts/achievements.contract';
import { CreateDemandSchema, type CreateDemand, type DemandStatus } from '#shared/contracts/demands.contract';
import type { DbHandle } from '#server/db/types';
import { systemClock, type Clock } from '#server/lib/clock';
import { randomToken } from '#server/lib/crypto';
import { hashPassword, systemActor, type UserActor } from '#server/modules/auth/index';
import { toSearchDocument } from '#server/modules/achievements/index';
import { composeIndexHooks } from '#server/modules/matching/index';
import type { Services } from '#server/services';
import { achievements, listingEvents } from '#server/modules/achievements/achievements.tables';
import { roleAssignments, users } from '#server/modules/auth/auth.tables';
import { demands, expertProfiles } from '#server/modules/demands/demands.tables';
import { memberships, organisations } from '#server/modules/organisations/organisations.tables';
import { ACHIEVEMENT_SEEDS } from './catalogue-achievements';
import { DEMAND_SEEDS } from './catalogue-demands';
import { FUNNEL_SEEDS } from './catalogue-funnel';
import { expandIp } from './catalogue-ip';
import { CATALOGUE_ORGS, CATALOGUE_USERS, EXPERT_SEEDS } from './catalogue-people';
import type { AchievementSeed, AchievementTarget, DemandSeed, DemandTarget, PriceSpec } from './catalogue-types';
import { demoCreditCode } from './demo';
import { DEMO_DOMAIN, DEMO_ORGS, DEMO_PASSWORD } from './demo-data';
import { chinaToday } from '#shared/format/china-time';

export const EXTERNAL_ID_PREFIX = 'demo-';
const WAN_FEN = 1_000_000; // 1 万元 = 10,000 元 = 1,000,000 分
const DAY_MS = 86_400_000;
const LANG = 'zh';

/** Who reviews (approves) submissions of each organisation: its TTO officer, or its owner where the organisation has no TTO. */
export const REVIEWER_OF: Record<string, string> = {
  'jh-univ': 'tto',
  'wh-univ': 'wh-tto',
  'zk-inst': 'zk-researcher',
  'cd-inst': 'cd-researcher',
  'gz-hosp': 'gz-doctor',
  'sz-ent': 'enterprise',
  'sy-ent': 'sy-enterprise',
  person: 'inventor',
  'nd-battery': 'battery',
  'sd-chem': 'chem',
  'hn-food': 'food',
  'cq-auto': 'auto',
  'zj-water': 'water',
  'xa-aero': 'aero',
  'sz-pharma': 'pharma',
};

export type CatalogueReport = {
  organisations: number;
  users: number;
  experts: number;
  achievements: number;
  demands: number;
  events: number;
  ms: number;
};

export const email = (local: string) => `${local}@${DEMO_DOMAIN}`;

/**
 * Listings seeded at once. PGlite has one connection (transactions queue on a lock), but the work
 * around them (validation, presenting, tokenising) overlaps with the database thread.
 */
const CONCURRENCY = 4;

/** Runs `fn` over `items` with at most `limit` in flight; rejects with the first error. */
export async function forEachConcurrently<T>(items: readonly T[], limit: number, fn: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      await fn(items[next++]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}

function priceFields(p: PriceSpec): Pick<CreateAchievement, 'priceMode' | 'priceMinFen' | 'priceMaxFen'> {
  if (p === 'n') {
    return { priceMode: 'negotiable' };
  }
  switch (p[0]) {
    case 'n':
      return { priceMode: 'negotiable', priceMinFen: p[1] * WAN_FEN, priceMaxFen: p[2] * WAN_FEN };
    case 'r':
      return { priceMode: 'range', priceMinFen: p[1] * WAN_FEN, priceMaxFen: p[2] * WAN_FEN };
    case 'f':
      return { priceMode: 'fixed', priceMinFen: p[1] * WAN_FEN, priceMaxFen: p[1] * WAN_FEN };
  }
}

/** The create request a seed listing becomes (validated by the same contract as the API). */
export function toCreateAchievement(s: AchievementSeed, ownerOrgId: string, userIds: ReadonlyMap<string, string>, displayNames: ReadonlyMap<string, string>): CreateAchievement {
  return CreateAchievementSchema.parse({
    ownerOrgId,
    externalId: `${EXTERNAL_ID_PREFIX}${s.id}`,
    title: s.title,
    abstract: s.abstract,
    ...(s.detail ? { detail: s.detail } : {}),
    keywords: s.keywords,
    domainCode: s.domain,
    industryCodes: s.industries,
    discipline: s.discipline,
    trl: s.trl,
    trlEvidence: s.trlEvidence,
    ip: expandIp(s.id, s.ip),
    team: s.team.map((m, i) => {
      const userId = userIds.get(m);
      const role = i === 0 ? '负责人' : '成员';
      return userId ? { name: displayNames.get(m) ?? m, role, userId } : { name: m, role };
    }),
    ...(s.funding ? { funding: { fiscal: true, programme: s.funding[0], projectNumber: s.funding[1] } } : { funding: { fiscal: false } }),
    awards: s.awards ?? [],
    transferModes: s.modes,
    ...priceFields(s.price),
    openLicence: s.open ?? false,
    dualUse: s.dualUse ?? false,
    comparison: s.comparison,
    applications: s.applications,
  });
}

/** Today + `days` as a China-time calendar date (YYYY-MM-DD). */
export function chinaDatePlus(now: Date, days: number): string {
  return chinaToday(new Date(now.getTime() + days * DAY_MS));
}

export function toCreateDemand(s: DemandSeed, ownerOrgId: string, now: Date): CreateDemand {
  return CreateDemandSchema.parse({
    ownerOrgId,
    externalId: `${EXTERNAL_ID_PREFIX}${s.id}`,
    title: s.title,
    description: s.description,
    keywords: s.keywords,
    domainCode: s.domain,
    industryCodes: s.industries,
    budgetMinFen: s.budget[0] * WAN_FEN,
    budgetMaxFen: s.budget[1] * WAN_FEN,
    trlNeeded: s.trlNeeded,
    deadline: chinaDatePlus(now, s.days),
    cooperationModes: s.modes,
  });
}

type Step = { action: 'submit' | 'approve' | 'withdraw'; by: 'creator' | 'reviewer' };

/** Statuses a listing passes through on its way to the target, and the action that leads out of each. */
const ACHIEVEMENT_PATH: { status: AchievementStatus; next?: Step }[] = [
  { status: 'draft', next: { action: 'submit', by: 'creator' } },
  { status: 'submitted', next: { action: 'approve', by: 'reviewer' } },
  { status: 'published', next: { action: 'withdraw', by: 'creator' } },
  { status: 'withdrawn' },
];

/** The workflow steps still needed from `current` to `target` (none when already there or off the path). Pure. */
export function remainingAchievementSteps(current: AchievementStatus, target: AchievementTarget): Step[] {
  const goal: AchievementStatus = target === 'stale' ? 'published' : target;
  const from = ACHIEVEMENT_PATH.findIndex((p) => p.status === current);
  const to = ACHIEVEMENT_PATH.findIndex((p) => p.status === goal);
  if (from < 0 || from >= to) {
    return [];
  }
  return ACHIEVEMENT_PATH.slice(from, to).map((p) => p.next!);
}

/** Demand actions still needed from `current` to `target`. Pure. */
export function remainingDemandSteps(current: DemandStatus, target: DemandTarget): ('publish' | 'close' | 'withdraw')[] {
  if (current === target || current === 'closed' || current === 'withdrawn') {
    return [];
  }
  if (current === 'draft') {
    return target === 'draft' ? [] : target === 'published' ? ['publish'] : ['publish', target === 'closed' ? 'close' : 'withdraw'];
  }
  // published
  return target === 'closed' ? ['close'] : target === 'withdrawn' ? ['withdraw'] : [];
}

/**
 * Loads the demo catalogue on top of the base demo profile: a few more enterprises with a contact
 * each, 20 researchers, expert profiles, ~120 achievements, ~30 demands and some funnel activity.
 *
 * Everything goes through the services as the person who would do it in production (a researcher
 * creates and submits, the organisation's TTO officer approves, an enterprise contact publishes its
 * demand, visitors open listings, ask for access and enquire), so audit events, search indexing
 * and funnel events are exactly those of real use. Only two things are written directly, each in
 * one transaction with an audit event: the new organisations and accounts (as the base demo seed
 * does), and the ageing of the "stale" listings (the clock decides confirmation times, so their
 * last confirmation is moved back afterwards).
 *
 * `clock` must be the services' clock (deadlines and ages are computed from it).
 *
 * Idempotent: organisations are found by credit code, accounts by e-mail, listings by external id
 * (`demo-…`), profiles by user, funnel activity by the listing having events; a run interrupted half
 * way is completed by the next one.
 */
export async function seedCatalogue(handle: DbHandle, services: Services, onProgress?: (msg: string) => void, clock: Clock = systemClock): Promise<CatalogueReport> {
  const t0 = performance.now();
  const { db } = handle;
  const seedActor = systemActor('seed:catalogue');
  const report: CatalogueReport = { organisations: 0, users: 0, experts: 0, achievements: 0, demands: 0, events: 0, ms: 0 };
  const lap = (() => {
    let last = performance.now();
    return (msg: string) => {
      const now = performance.now();
      onProgress?.(`${msg} (${Math.round(now - last)} ms)`);
      last = now;
    };
  })();

  // ── Organisations: the base demo's, plus the catalogue's enterprises ──
  const orgIds = new Map<string, string>();
  const creditOf = (o: { creditPrefix: string | null; regionCode: string; key: string }) => (o.creditPrefix ? demoCreditCode(o.creditPrefix, o.regionCode, o.key) : null);
  const allOrgs = [...DEMO_ORGS, ...CATALOGUE_ORGS];
  const codes = allOrgs.flatMap((o) => {
    const c = creditOf(o);
    return c ? [c] : [];
  });
  const existingOrgs = await db.select({ id: organisations.id, creditCode: organisations.creditCode, name: organisations.name }).from(organisations).where(inArray(organisations.creditCode, codes));
  for (const o of allOrgs) {
    const found = existingOrgs.find((r) => r.creditCode === creditOf(o));
    if (found) {
      orgIds.set(o.key, found.id);
    }
  }
  for (const o of DEMO_ORGS.filter((d) => !d.creditPrefix)) {
    const [row] = await db.select({ id: organisations.id }).from(organisations).where(eq(organisations.name, o.name)).limit(1);
    if (row) {
      orgIds.set(o.key, row.id);
    }
  }
  const missingBase = DEMO_ORGS.filter((o) => !orgIds.has(o.key));
  if (missingBase.length) {
    throw new Error(`the demo catalogue needs the base demo profile first (missing organisations: ${missingBase.map((o) => o.key).join(', ')})`);
  }
  const newOrgs = CATALOGUE_ORGS.filter((o) => !orgIds.has(o.key));
  if (newOrgs.length) {
    await db.transaction(async (tx) => {
      for (const o of newOrgs) {
        const [row] = await tx
          .insert(organisations)
          .values({ name: o.name, type: o.type, enterpriseOwnership: 'domestic', creditCode: creditOf(o), regionCode: o.regionCode, description: o.description, status: 'verified' })
          .returning();
        orgIds.set(o.key, row!.id);
        await services.audit.record(tx, { actor: seedActor, action: 'organisation.created', entityType: 'organisation', entityId: row!.id, after: { ...row, createdAt: undefined, updatedAt: undefined } });
      }
    });
    report.organisations = newOrgs.length;
  }

  // ── Accounts: the catalogue's contacts and researchers ──
  const existingUsers = await db.select({ id: users.id, email: users.email }).from(users).where(like(users.email, `%@${DEMO_DOMAIN}`));
  const known = new Set(existingUsers.map((u) => u.email));
  const newUsers = CATALOGUE_USERS.filter((u) => !known.has(email(u.local)));
  if (newUsers.length) {
    // One hash per kind: the published demo password, and a random secret nobody keeps (no login).
    const [demoHash, lockedHash] = await Promise.all([hashPassword(DEMO_PASSWORD), hashPassword(`${randomToken(24)}Aa1!`)]);
    await db.transaction(async (tx) => {
      for (const u of newUsers) {
        const [row] = await tx
          .insert(users)
          .values({ email: email(u.local), passwordHash: u.login === 'demo' ? demoHash : lockedHash, displayName: u.displayName, regionCode: u.regionCode, isDemo: true })
          .returning();
        for (const r of u.roles) {
          await tx.insert(roleAssignments).values({ userId: row!.id, role: r.role, regionCode: null, organisationId: r.orgKey ? orgIds.get(r.orgKey)! : null });
        }
        for (const m of u.orgs) {
          await tx.insert(memberships).values({ organisationId: orgIds.get(m.key)!, userId: row!.id, role: m.role });
        }
        await services.audit.record(tx, { actor: seedActor, action: 'user.registered', entityType: 'user', entityId: row!.id, after: { email: row!.email, roles: u.roles, orgs: u.orgs, login: u.login } });
      }
    });
    report.users = newUsers.length;
  }
  lap(`catalogue organisations: ${report.organisations} new, accounts: ${report.users} new`);

  // Every demo account as a request actor (roles and memberships read as on a real request).
  const userRows = await db.select().from(users).where(like(users.email, `%@${DEMO_DOMAIN}`));
  const userIds = new Map<string, string>();
  const names = new Map<string, string>();
  const actorCache = new Map<string, Promise<UserActor>>();
  for (const u of userRows) {
    const local = u.email.slice(0, -DEMO_DOMAIN.length - 1);
    userIds.set(local, u.id);
    names.set(local, u.displayName);
  }
  const actorOf = (local: string): Promise<UserActor> => {
    let a = actorCache.get(local);
    if (!a) {
      const row = userRows.find((u) => u.email === email(local));
      if (!row) {
        throw new Error(`demo account ${local} not found`);
      }
      a = services.auth.loadActor(row, 'system', ['read', 'write'], { ip: '127.0.0.1', requestId: 'seed:catalogue' });
      actorCache.set(local, a);
    }
    return a;
  };

  // ── Expert profiles ──
  const withProfile = new Set((await db.select({ userId: expertProfiles.userId }).from(expertProfiles)).map((r) => r.userId));
  await forEachConcurrently(
    EXPERT_SEEDS.filter((e) => !withProfile.has(userIds.get(e.local) ?? '')),
    CONCURRENCY,
    async (e) => {
      await services.experts.upsertMine(await actorOf(e.local), {
        title: e.title,
        bio: e.bio,
        domainCodes: e.domains,
        discipline: e.discipline,
        keywords: e.keywords,
        regionCode: e.regionCode,
        contactPolicy: e.contact,
        isPublic: true,
      });
      report.experts++;
    },
  );
  lap(`expert profiles: ${report.experts} new`);

  // ── Achievements: create as a researcher, submit, approve as the TTO officer ──
  const now = clock.now();
  const seededA = await db
    .select({ id: achievements.id, externalId: achievements.externalId, ownerOrgId: achievements.ownerOrgId, status: achievements.status, confirmedAt: achievements.confirmedAt })
    .from(achievements)
    .where(like(achievements.externalId, `${EXTERNAL_ID_PREFIX}%`));
  const achievementIds = new Map<string, string>();
  await forEachConcurrently(ACHIEVEMENT_SEEDS, CONCURRENCY, async (s) => {
    const ownerOrgId = orgIds.get(s.org)!;
    const externalId = `${EXTERNAL_ID_PREFIX}${s.id}`;
    let row = seededA.find((r) => r.externalId === externalId && r.ownerOrgId === ownerOrgId);
    const creator = await actorOf(s.by);
    if (!row) {
      const created = await services.achievements.create(creator, toCreateAchievement(s, ownerOrgId, userIds, names), LANG);
      row = { id: created.id, externalId, ownerOrgId, status: created.status, confirmedAt: null };
      report.achievements++;
    }
    achievementIds.set(s.id, row.id);
    const target = s.status ?? 'published';
    for (const step of remainingAchievementSteps(row.status, target)) {
      const actor = step.by === 'creator' ? creator : await actorOf(REVIEWER_OF[s.org]!);
      const after = await services.achievements.transition(actor, row.id, step.action, step.action === 'approve' ? '审核通过：信息完整，同意公开发布。' : undefined, LANG);
      row = { ...row, status: after.status, confirmedAt: after.confirmedAt ? new Date(after.confirmedAt) : null };
    }
    if (target === 'stale') {
      await ageListing(handle, services, row.id, s.staleDays ?? 420, now);
    }
  });
  lap(`achievements: ${report.achievements} new of ${ACHIEVEMENT_SEEDS.length}`);

  // ── Demands: posted and published by the enterprise's contact ──
  const seededD = await db
    .select({ id: demands.id, externalId: demands.externalId, ownerOrgId: demands.ownerOrgId, status: demands.status })
    .from(demands)
    .where(like(demands.externalId, `${EXTERNAL_ID_PREFIX}%`));
  await forEachConcurrently(DEMAND_SEEDS, CONCURRENCY, async (s) => {
    const ownerOrgId = orgIds.get(s.org)!;
    const externalId = `${EXTERNAL_ID_PREFIX}${s.id}`;
    let row = seededD.find((r) => r.externalId === externalId && r.ownerOrgId === ownerOrgId);
    const actor = await actorOf(s.by);
    if (!row) {
      const created = await services.demands.create(actor, toCreateDemand(s, ownerOrgId, now));
      row = { id: created.id, externalId, ownerOrgId, status: created.status };
      report.demands++;
    }
    for (const action of remainingDemandSteps(row.status, s.status ?? 'published')) {
      const after = await services.demands.transition(actor, row.id, action, undefined);
      row = { ...row, status: after.status };
    }
  });
  lap(`demands: ${report.demands} new of ${DEMAND_SEEDS.length}`);

  // ── Funnel: views, detail opens, access requests and enquiries, as the visitors would make them ──
  const funnelIds = FUNNEL_SEEDS.map((f) => achievementIds.get(f.achievement)!);
  const withEvents = new Set(
    (await db.selectDistinct({ id: listingEvents.entityId }).from(listingEvents).where(and(eq(listingEvents.entityType, 'achievement'), inArray(listingEvents.entityId, funnelIds)))).map((r) => r.id),
  );
  const anonymous = { kind: 'anonymous' as const, ip: '127.0.0.1', requestId: 'seed:catalogue' };
  for (const f of FUNNEL_SEEDS) {
    const id = achievementIds.get(f.achievement)!;
    if (withEvents.has(id)) {
      continue;
    }
    const spec = ACHIEVEMENT_SEEDS.find((s) => s.id === f.achievement)!;
    const owner = await actorOf(REVIEWER_OF[spec.org]!);
    for (let i = 0; i < f.anonymousViews; i++) {
      await services.achievements.get(anonymous, id, LANG);
    }
    for (const v of f.viewers) {
      await services.achievements.get(await actorOf(v), id, LANG);
    }
    for (const a of f.access) {
      const requester = await actorOf(a.by);
      const req = await services.achievements.requestAccess(requester, id, { message: a.message, acceptNda: true });
      if (a.grant) {
        await services.achievements.decideAccessRequest(owner, id, req.id, { decision: 'granted', note: '已签署保密承诺，同意查看技术细节。' });
        await services.achievements.getDetail(requester, id);
      }
    }
    for (const e of f.enquiries) {
      await services.achievements.enquire(await actorOf(e.by), id, e.message);
    }
    report.events++;
  }
  const [events] = await db.select({ n: sql<number>`count(*)::int` }).from(listingEvents).where(inArray(listingEvents.entityId, funnelIds));
  lap(`funnel activity on ${report.events} listings (${events?.n ?? 0} events in all)`);

  report.ms = Math.round(performance.now() - t0);
  return report;
}

/**
 * Moves a published listing's confirmation (and the dates before it) `days` back, so it is stale
 * (unconfirmed for over 12 months). Demo data only: the real flow cannot backdate, and the audit
 * trail records that this was done, and by the seed.
 */
async function ageListing(handle: DbHandle, services: Services, id: string, days: number, now: Date): Promise<void> {
  const at = new Date(now.getTime() - days * DAY_MS);
  await handle.db.transaction(async (tx) => {
    const [before] = await tx.select({ confirmedAt: achievements.confirmedAt, status: achievements.status }).from(achievements).where(eq(achievements.id, id)).for('update');
    if (!before || before.status !== 'published' || (before.confirmedAt && before.confirmedAt.getTime() <= at.getTime() + DAY_MS)) {
      return; // not published, or already aged
    }
    const submitted = new Date(at.getTime() - 3 * DAY_MS);
    const [aged] = await tx
      .update(achievements)
      .set({ createdAt: new Date(at.getTime() - 10 * DAY_MS), submittedAt: submitted, reviewedAt: at, publishedAt: at, confirmedAt: at, updatedAt: at })
      .where(eq(achievements.id, id))
      .returning();
    const [org] = await tx
      .select({ id: organisations.id, name: organisations.name, regionCode: organisations.regionCode, isTechTransferOrg: organisations.isTechTransferOrg, status: organisations.status })
      .from(organisations)
      .where(eq(organisations.id, aged!.ownerOrgId));
    // The index ranks stale listings down by their confirmation date: give it the aged one.
    await composeIndexHooks(services.search.index, services.matching.indexHook).upsert(toSearchDocument(aged!, org!), tx);
    await services.audit.record(tx, {
      actor: systemActor('seed:catalogue'),
      action: 'achievement.demo_aged',
      entityType: 'achievement',
      entityId: id,
      before: { confirmedAt: before.confirmedAt?.toISOString() ?? null },
      after: { confirmedAt: at.toISOString(), publishedAt: at.toISOString(), reason: 'demo data: a listing left unconfirmed for over 12 months' },
    });
  });
}
