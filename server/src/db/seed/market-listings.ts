import { and, eq, inArray, ne, or } from 'drizzle-orm';
import type { DbHandle } from '#server/db/types';
import { systemClock, type Clock } from '#server/lib/clock';
import { achievements } from '#server/modules/achievements/achievements.tables';
import { marketListings } from '#server/modules/market/market.tables';
import type { Services } from '#server/services';
import { demoActor } from './demo-actor';

const DAY = 86_400_000;
const WAN = 10_000 * 100;

/** A demo user as an actor with their memberships and role assignments. */
/** Published achievements of `orgId` among `externalIds` (in that order) that have no listing yet. */
async function unlisted(handle: DbHandle, orgId: string, externalIds: string[]): Promise<{ id: string; title: string }[]> {
  const rows = await handle.db
    .select({ id: achievements.id, title: achievements.title, externalId: achievements.externalId })
    .from(achievements)
    .where(and(eq(achievements.ownerOrgId, orgId), eq(achievements.status, 'published'), inArray(achievements.externalId, externalIds)));
  const listed = new Set(
    rows.length
      ? (
          await handle.db
            .select({ id: marketListings.achievementId })
            .from(marketListings)
            .where(
              inArray(
                marketListings.achievementId,
                rows.map((r) => r.id),
              ),
            )
        ).map((r) => r.id)
      : [],
  );
  return externalIds.flatMap((x) => rows.filter((r) => r.externalId === x && !listed.has(r.id)));
}

export type MarketListingsReport = { created: number; openOfferListingId: string | null; awaitingNoticeDealId: string | null };

/**
 * Demo listings (挂牌). 京华理工大学 (jh-univ, `tto@`, a 北京 university: state funded):
 * 1. a negotiable assignment with a negotiation thread of 鹏城智能 (`enterprise@`): an enquiry, the
 *    answer, and an open offer of ¥100 万;
 * 2. a fixed-price exclusive licence (¥60 万, 中国大陆, 60 months);
 * 3. a negotiable assignment on which 西湖创投 (`investor@`) offered, the TTO countered and the
 *    investor accepted: a deal awaiting its public notice (negotiated price, state-funded seller);
 * 4. a negotiable ordinary licence with no offers yet (the e2e journey makes one).
 * 盛京重机 (sy-ent, `sy-enterprise@`, an enterprise, not state funded): a fixed-price assignment and a
 * negotiable ordinary licence. Everything goes through `services.market` (audited, jobs scheduled).
 * Idempotent: nothing happens once jh-univ has a listing outside an auction (or sy-ent has any);
 * achievements that already have a listing (the auctions seed's) are passed over.
 * Call after `seedDemo` with the services' clock: `await seedMarketListings(handle, services, clock)`.
 */
export async function seedMarketListings(
  handle: DbHandle,
  services: Services,
  clock: Clock = systemClock,
  onProgress?: (msg: string) => void,
): Promise<MarketListingsReport> {
  const report: MarketListingsReport = { created: 0, openOfferListingId: null, awaitingNoticeDealId: null };
  const [tto, enterprise, investor, sy] = await Promise.all(
    ['tto', 'enterprise', 'investor', 'sy-enterprise'].map((l) => demoActor(handle, l)),
  );
  const jhUniv = tto?.roles.find((r) => r.role === 'tto_officer')?.organisationId;
  const syEnt = sy?.memberships[0]?.organisationId;
  if (!tto || !enterprise || !investor || !sy || !jhUniv || !syEnt) {
    return report;
  }
  // Seeded already: a listing of jh-univ that is not an auction's, or any listing of sy-ent.
  const [done] = await handle.db
    .select({ id: marketListings.id })
    .from(marketListings)
    .where(or(and(eq(marketListings.sellerOrgId, jhUniv), ne(marketListings.status, 'in_auction')), eq(marketListings.sellerOrgId, syEnt)))
    .limit(1);
  if (done) {
    return report;
  }
  const until = (days: number) => new Date(clock.now().getTime() + days * DAY).toISOString();
  const market = services.market;

  const jh = await unlisted(handle, jhUniv, [
    'demo-td01-edge-vision',
    'demo-td02-rv-reducer',
    'demo-td03-uav-inspection',
    'demo-td04-v2x-rsu',
    'demo-td11-leak-detection',
    'demo-td11-prefab-connection',
    'demo-td01-industrial-iot',
  ]);
  const [a1, a2, a3, a4] = jh;
  if (a1) {
    const l = await market.createListing(tto, {
      achievementId: a1.id,
      mode: 'assign',
      pricing: 'negotiable',
      priceFen: 120 * WAN,
      terms: '专利权转让；合同签订后 30 日内付清价款，学校协助办理著录项目变更并提供 6 个月技术支持。',
      dataRoom: '资料室：算法指标测试报告（含 6 类场景）、专利证书扫描件、样机部署手册。',
      listedUntil: until(90),
    });
    await market.transition(tto, l.id, 'publish');
    await market.postMessage(enterprise, l.id, { body: '我司拟用于产线视觉检测，请问是否可提供现场部署支持？' });
    await market.postMessage(tto, l.id, {
      body: '可以，转让价款含 6 个月现场技术支持，详见交易条件。',
      buyerOrgId: enterprise.memberships[0]!.organisationId,
    });
    await market.makeOffer(enterprise, l.id, { amountFen: 100 * WAN, terms: '分两期支付：签约 60%，变更登记完成后 40%。' });
    report.openOfferListingId = l.id;
    report.created++;
  }
  if (a2) {
    const l = await market.createListing(tto, {
      achievementId: a2.id,
      mode: 'license',
      licenceKind: 'exclusive',
      licenceTerritory: '中国大陆',
      licenceTermMonths: 60,
      pricing: 'fixed',
      priceFen: 60 * WAN,
      terms: '独占许可 5 年，一次性支付许可费；许可期内被许可方可实施、不得再许可。',
      dataRoom: '资料室：减速器精度测试数据、工艺图纸目录。',
      listedUntil: until(60),
    });
    await market.transition(tto, l.id, 'publish');
    report.created++;
  }
  if (a3) {
    const l = await market.createListing(tto, {
      achievementId: a3.id,
      mode: 'assign',
      pricing: 'negotiable',
      priceFen: 90 * WAN,
      terms: '专利权及配套技术秘密一并转让。',
      dataRoom: '',
      listedUntil: until(90),
    });
    await market.transition(tto, l.id, 'publish');
    const offer = await market.makeOffer(investor, l.id, { amountFen: 70 * WAN, terms: '以现金支付，拟由被投企业实施。' });
    const counter = await market.answerOffer(tto, offer.id, 'counter', { counter: { amountFen: 82 * WAN, terms: '一次性付款。' } });
    const accepted = await market.answerOffer(investor, counter.counterOffer!.id, 'accept', {});
    report.awaitingNoticeDealId = accepted.dealId;
    report.created++;
  }
  if (a4) {
    const l = await market.createListing(tto, {
      achievementId: a4.id,
      mode: 'license',
      licenceKind: 'ordinary',
      licenceTerritory: '中国大陆',
      licenceTermMonths: 36,
      pricing: 'negotiable',
      priceFen: 30 * WAN,
      terms: '普通许可，可向多家企业许可；许可费可协商。',
      dataRoom: '资料室：路侧单元接口规范。',
      listedUntil: until(120),
    });
    await market.transition(tto, l.id, 'publish');
    report.created++;
  }

  const syRows = await unlisted(handle, syEnt, ['demo-td02-am-repair', 'demo-td02-cnc-thermal', 'demo-td02-hydraulic-valve']);
  const [s1, s2] = syRows;
  if (s1) {
    const l = await market.createListing(sy, {
      achievementId: s1.id,
      mode: 'assign',
      pricing: 'fixed',
      priceFen: 35 * WAN,
      terms: '一口价转让，含工艺包与培训。',
      dataRoom: '',
      listedUntil: until(45),
    });
    await market.transition(sy, l.id, 'publish');
    report.created++;
  }
  if (s2) {
    const l = await market.createListing(sy, {
      achievementId: s2.id,
      mode: 'license',
      licenceKind: 'ordinary',
      licenceTerritory: '东北三省',
      licenceTermMonths: 24,
      pricing: 'negotiable',
      terms: '普通许可，价格面议。',
      dataRoom: '',
      listedUntil: until(60),
    });
    await market.transition(sy, l.id, 'publish');
    report.created++;
  }
  if (report.created) {
    onProgress?.(`market listings: ${report.created} created`);
  }
  return report;
}
