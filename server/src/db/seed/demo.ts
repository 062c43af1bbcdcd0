import { count, eq } from 'drizzle-orm';
import { withCreditCodeCheckChar } from '#shared/format/credit-code';
import type { DbHandle } from '#server/db/types';
import { sha256Hex } from '#server/lib/crypto';
import { systemActor } from '#server/modules/auth/index';
import { hashPassword } from '#server/modules/auth/index';
import { systemClock, type Clock } from '#server/lib/clock';
import type { Services } from '#server/services';
import { roleAssignments, users } from '#server/modules/auth/auth.tables';
import { memberships, organisations } from '#server/modules/organisations/organisations.tables';
import { seedCatalogue, type CatalogueReport } from './catalogue';
import { seedMarketTenders } from './market-tenders';
import { seedMarketNotices } from './market-notices';
import { seedMarketAuctions } from './market-auctions';
import { seedMarketListings } from './market-listings';
import { DEMO_ORGS, DEMO_PASSWORD, DEMO_USERS } from './demo-data';
import { seedNationalContracts } from './registrations';

/** A stable, valid 统一社会信用代码 for a demo organisation (body derived from its key). */
export function demoCreditCode(prefix: string, regionCode: string, key: string): string {
  const alphabet = '0123456789ABCDEFGHJKLMNPQRTUWXY';
  const digest = sha256Hex(key);
  let body = '';
  for (let i = 0; i < 9; i++) {
    body += alphabet.charAt(parseInt(digest.slice(i * 2, i * 2 + 2), 16) % 31);
  }
  return withCreditCodeCheckChar(`${prefix}${regionCode}${body}`);
}

export type SeedReport = { created: boolean; organisations: number; users: number; catalogue: CatalogueReport };

/**
 * Loads the demo profile: organisations of every type across several provinces and one account per
 * role, then the demo catalogue on top (see catalogue.ts; it completes whatever is missing).
 * Idempotent: the base profile is skipped when the demo administrator already exists. Every row is
 * written in one transaction and recorded in the audit trail. `clock` must be the services' clock.
 */
export async function seedDemo(handle: DbHandle, services: Services, onProgress?: (msg: string) => void, clock: Clock = systemClock): Promise<SeedReport> {
  const base = await seedBase(handle, services, onProgress);
  const catalogue = await seedCatalogue(handle, services, onProgress, clock);
  // Train the semantic model on the demo corpus now, so similar listings, matching and
  // classification suggestions work from the first page view rather than after the background check.
  if (await services.matching.maybeRetrain()) {
    onProgress?.('semantic model trained on the demo catalogue');
  }
  // Market (issue 4): one open tender (招标) with a sealed proposal.
  await seedMarketTenders(handle, services, clock, onProgress);
  // Market (issue 4): 协议定价公示 — one open notice (jh-univ → sz-ent, negotiated) and one cleared earlier.
  await seedMarketNotices(handle, services, clock, onProgress);
  // Market (issue 4): 拍卖 — one live auction (enterprise@ and sy-enterprise@ approved, deposits held) and one upcoming.
  await seedMarketAuctions(handle, services, clock, onProgress);
  // Market (issue 4): 挂牌 — listings of jh-univ and sy-ent, a thread with an open offer, a deal awaiting its notice.
  await seedMarketListings(handle, services, clock, onProgress);
  // Contract registration and statistics (issue 5): 2013–2024 national records whose yearly 成交额
  // equals the published series exactly (counts 1/1000), registered through the service.
  await seedNationalContracts(handle, services, onProgress);
  return { ...base, catalogue };
}

async function seedBase(handle: DbHandle, services: Services, onProgress?: (msg: string) => void): Promise<Omit<SeedReport, 'catalogue'>> {
  const { db } = handle;
  const [existing] = await db.select({ n: count() }).from(users).where(eq(users.email, DEMO_USERS[0]!.email));
  if ((existing?.n ?? 0) > 0) {
    return { created: false, organisations: 0, users: 0 };
  }
  const actor = systemActor('seed:demo');
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  await db.transaction(async (tx) => {
    const orgIds = new Map<string, string>();
    for (const o of DEMO_ORGS) {
      const [row] = await tx
        .insert(organisations)
        .values({
          name: o.name,
          type: o.type,
          enterpriseOwnership: o.type === 'enterprise' ? 'domestic' : null,
          creditCode: o.creditPrefix ? demoCreditCode(o.creditPrefix, o.regionCode, o.key) : null,
          regionCode: o.regionCode,
          description: o.description,
          status: 'verified',
          isTechTransferOrg: o.flags?.isTechTransferOrg ?? false,
          isInvestor: o.flags?.isInvestor ?? false,
          isServiceProvider: o.flags?.isServiceProvider ?? false,
        })
        .returning();
      orgIds.set(o.key, row!.id);
      await services.audit.record(tx, { actor, action: 'organisation.created', entityType: 'organisation', entityId: row!.id, after: { ...row, createdAt: undefined, updatedAt: undefined } });
    }
    onProgress?.(`organisations: ${DEMO_ORGS.length}`);
    for (const u of DEMO_USERS) {
      const [row] = await tx
        .insert(users)
        .values({ email: u.email, passwordHash, displayName: u.displayName, regionCode: u.regionCode, isDemo: true })
        .returning();
      for (const r of u.roles) {
        await tx.insert(roleAssignments).values({
          userId: row!.id,
          role: r.role,
          regionCode: r.regionCode ?? null,
          organisationId: r.orgKey ? orgIds.get(r.orgKey)! : null,
        });
      }
      for (const m of u.orgs) {
        await tx.insert(memberships).values({ organisationId: orgIds.get(m.key)!, userId: row!.id, role: m.role });
      }
      await services.audit.record(tx, {
        actor,
        action: 'user.registered',
        entityType: 'user',
        entityId: row!.id,
        after: { email: u.email, roles: u.roles, orgs: u.orgs },
      });
    }
    onProgress?.(`users: ${DEMO_USERS.length}`);
  });
  return { created: true, organisations: DEMO_ORGS.length, users: DEMO_USERS.length };
}
