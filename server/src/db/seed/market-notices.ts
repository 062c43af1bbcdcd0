import { and, eq } from 'drizzle-orm';
import type { CalendarDayKind } from '#shared/contracts/notices.contract';
import type { DbHandle } from '#server/db/types';
import { chinaToday } from '#shared/format/china-time';
import { systemClock, type Clock } from '#server/lib/clock';
import { achievements } from '#server/modules/achievements/achievements.tables';
import { marketDeals } from '#server/modules/market/market.tables';
import { noticePeriod } from '#server/modules/notices/index';
import { publicNotices } from '#server/modules/notices/notices.tables';
import { organisations } from '#server/modules/organisations/organisations.tables';
import type { JobRow } from '#server/modules/scheduler/index';
import type { Services } from '#server/services';
import { demoActor } from './demo-actor';
import { DEMO_ORGS } from './demo-data';

/** jh-univ achievements the demo notices are about: one open notice, one cleared earlier. */
const OPEN_ACHIEVEMENT = 'demo-td11-solid-waste-binder';
const CLEARED_ACHIEVEMENT = 'demo-td10-ebeam-wastewater';
const OBJECTION_CHANNEL =
  '对本公示有异议的，请于公示期内以书面形式（署名并附联系方式与依据）提交京华理工大学技术转移中心：电话 010-62780000，邮箱 tto@jh-univ.example.cn，地址 北京市海淀区学院路 1 号。学校收到异议后暂停交易，组织核查并书面答复。';

async function orgId(handle: DbHandle, key: string): Promise<string | undefined> {
  const name = DEMO_ORGS.find((o) => o.key === key)?.name;
  if (!name) {
    return undefined;
  }
  const [row] = await handle.db.select({ id: organisations.id }).from(organisations).where(eq(organisations.name, name)).limit(1);
  return row?.id;
}

export type MarketNoticesReport = { created: number; openNoticeId: string | null; clearedNoticeId: string | null };

/**
 * Demo 协议定价公示: 京华理工大学 (jh-univ, `tto@`) agreed prices with 鹏城智能 (sz-ent) by negotiation
 * for two achievements. One notice is open (published today, 15 working days left); the other was
 * published six weeks earlier and has cleared, so its deal is concluded with a contract draft.
 * Deals are opened through `services.deals.open` and notices published through `services.notices`.
 * Idempotent (nothing happens for an achievement that already has a negotiated deal with sz-ent).
 * Call it after `seedDemo` with the services' clock: `await seedMarketNotices(handle, services, clock)`.
 */
export async function seedMarketNotices(handle: DbHandle, services: Services, clock: Clock = systemClock, onProgress?: (msg: string) => void): Promise<MarketNoticesReport> {
  const report: MarketNoticesReport = { created: 0, openNoticeId: null, clearedNoticeId: null };
  const [seller, buyer, tto] = await Promise.all([orgId(handle, 'jh-univ'), orgId(handle, 'sz-ent'), demoActor(handle, 'tto')]);
  if (!seller || !buyer || !tto) {
    return report;
  }

  async function noticeFor(externalId: string, priceFen: number, contributors: string): Promise<{ id: string; created: boolean } | undefined> {
    const [a] = await handle.db
      .select({ id: achievements.id, chainId: achievements.chainId, title: achievements.title })
      .from(achievements)
      .where(and(eq(achievements.externalId, externalId), eq(achievements.ownerOrgId, seller!)));
    if (!a) {
      return undefined;
    }
    const [existing] = await handle.db
      .select({ id: publicNotices.id })
      .from(marketDeals)
      .innerJoin(publicNotices, eq(publicNotices.dealId, marketDeals.id))
      .where(and(eq(marketDeals.achievementId, a.id), eq(marketDeals.buyerOrgId, buyer!), eq(marketDeals.pricingMethod, 'negotiated')))
      .limit(1);
    if (existing) {
      return { id: existing.id, created: false };
    }
    const deal = await handle.db.transaction((tx) =>
      services.deals.open(tx, tto!, {
        chainId: a.chainId,
        title: a.title,
        achievementId: a.id,
        sellerOrgId: seller!,
        buyerOrgId: buyer!,
        transferMode: 'assign',
        pricingMethod: 'negotiated',
        priceFen,
        stateFunded: true,
      }),
    );
    const notice = await services.notices.publish(tto!, { dealId: deal.id, contributors, objectionChannel: OBJECTION_CHANNEL });
    return { id: notice.id, created: true };
  }

  const open = await noticeFor(OPEN_ACHIEVEMENT, 1_800_000_00, '徐晓（教授）、王磊、京华理工大学土木工程学院固废资源化团队');
  if (open) {
    report.openNoticeId = open.id;
    report.created += open.created ? 1 : 0;
  }

  const cleared = await noticeFor(CLEARED_ACHIEVEMENT, 860_000_00, '黄涛（研究员）、辐射技术应用研究所');
  if (cleared) {
    report.clearedNoticeId = cleared.id;
    if (cleared.created) {
      report.created++;
      // Move the notice six weeks back (15 working days from then) and run its expiry: it clears and the deal concludes.
      const now = clock.now();
      const publishedAt = new Date(now.getTime() - 42 * 86_400_000);
      const publishedOn = chinaToday(publishedAt);
      const years = [...new Set([publishedOn.slice(0, 4), chinaToday(now).slice(0, 4)])].map(Number);
      const exceptions = new Map<string, CalendarDayKind>();
      for (const y of years) {
        for (const d of (await services.notices.calendar(y)).days) {
          exceptions.set(d.day, d.kind);
        }
      }
      const { startsOn, endsOn } = noticePeriod(publishedOn, 15, exceptions);
      if (endsOn < chinaToday(now)) {
        await handle.db.transaction(async (tx) => {
          await tx.update(publicNotices).set({ publishedAt, startsOn, endsOn }).where(eq(publicNotices.id, cleared.id));
          await services.notices.expire(tx, { key: cleared.id } as JobRow, now);
          await services.scheduler.cancel(tx, 'notice.expire', cleared.id);
        });
      }
    }
  }
  if (report.created > 0) {
    onProgress?.(`demo public notices: ${report.created} (jh-univ → sz-ent, negotiated)`);
  }
  return report;
}
