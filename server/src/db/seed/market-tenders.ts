import { and, eq } from 'drizzle-orm';
import type { DbHandle } from '#server/db/types';
import { systemClock, type Clock } from '#server/lib/clock';
import { achievements } from '#server/modules/achievements/achievements.tables';
import { demands } from '#server/modules/demands/demands.tables';
import { tenders } from '#server/modules/tenders/tenders.tables';
import type { Services } from '#server/services';
import { demoActor } from './demo-actor';

/** The demo tender: on 鹏城智能's (sz-ent) published vision demand. */
const DEMAND_EXTERNAL_ID = 'demo-d-szent-vision';
/** jh-univ's achievement the demo proposal links (when it exists). */
const ACHIEVEMENT_EXTERNAL_ID = 'demo-td01-edge-vision';
export const DEMO_TENDER_TITLE = '工业视觉缺陷检测方案招标（演示）';

export type MarketTendersReport = { created: boolean; tenderId: string | null };

/**
 * Demo tender (招标): 鹏城智能 (`enterprise@`) opens a tender on its published vision demand with a
 * deadline 5 days ahead; 京华理工大学 (`tto@`) has submitted one sealed proposal. Idempotent: nothing
 * happens when a tender already exists on that demand (or the demand is missing). Call it after
 * `seedDemo` with the services' clock: `await seedMarketTenders(handle, services, clock)`.
 */
export async function seedMarketTenders(
  handle: DbHandle,
  services: Services,
  clock: Clock = systemClock,
  onProgress?: (msg: string) => void,
): Promise<MarketTendersReport> {
  const [demand] = await handle.db
    .select({ id: demands.id, ownerOrgId: demands.ownerOrgId, status: demands.status })
    .from(demands)
    .where(eq(demands.externalId, DEMAND_EXTERNAL_ID));
  if (demand?.status !== 'published') {
    return { created: false, tenderId: null };
  }
  const [existing] = await handle.db.select({ id: tenders.id }).from(tenders).where(eq(tenders.demandId, demand.id)).limit(1);
  if (existing) {
    return { created: false, tenderId: existing.id };
  }
  const [buyer, bidder] = await Promise.all([demoActor(handle, 'enterprise'), demoActor(handle, 'tto')]);
  if (!buyer || !bidder) {
    return { created: false, tenderId: null };
  }
  const deadline = new Date(clock.now().getTime() + 5 * 86_400_000);
  const tender = await services.tenders.create(buyer, {
    demandId: demand.id,
    title: DEMO_TENDER_TITLE,
    description:
      '面向 3C 金属外壳的表面缺陷（划痕、凹坑、色差）在线检测：节拍不低于 1 件/秒，漏检率低于 0.1%，误检率低于 2%。交付检测算法、样机与产线部署支持，验收后付款。',
    criteria: [
      { key: 'price', label: '报价', weight: 30, kind: 'price' },
      { key: 'tech', label: '技术方案与指标', weight: 50, kind: 'manual' },
      { key: 'team', label: '团队与交付能力', weight: 20, kind: 'manual' },
    ],
    budgetMaxFen: 150 * 10_000 * 100,
    deadline: deadline.toISOString(),
  });
  await services.tenders.publish(buyer, tender.id);
  const bidderOrgId = bidder.memberships[0]?.organisationId;
  const [achievement] = bidderOrgId
    ? await handle.db
        .select({ id: achievements.id })
        .from(achievements)
        .where(and(eq(achievements.ownerOrgId, bidderOrgId), eq(achievements.externalId, ACHIEVEMENT_EXTERNAL_ID)))
    : [];
  await services.tenders.submitProposal(bidder, tender.id, {
    ...(bidderOrgId ? { bidderOrgId } : {}),
    priceFen: 120 * 10_000 * 100,
    transferMode: 'license',
    terms: '普通许可，许可期 5 年；合同签订后付 40%，产线验收后付 60%。',
    technicalProposal: '基于边缘端轻量化视觉模型的缺陷检测方案，已在两条产线试运行，漏检率 0.06%。提供样机、算法授权与 3 个月驻场调试。',
    achievementId: achievement?.id ?? null,
  });
  onProgress?.('market: 1 tender (招标) with 1 sealed proposal');
  return { created: true, tenderId: tender.id };
}
