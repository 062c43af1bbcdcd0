export { createDealsRepo, type DealsRepo, type DealRow } from './deals.repo';
export { createDealsCore, type DealsCore, type OpenDealInput } from './deals.service';
export { dealNeedsNotice, commissionFen, depositFen, contractCategoryOf, DEFAULT_FEES } from './deal.rules';
export { createMarketRepo, type MarketRepo } from './market.repo';
export { createMarketService, type MarketService, type MarketDeps, LISTING_EXPIRE_JOB, OFFER_EXPIRE_JOB } from './market.service';
export { marketRoutes } from './market.routes';
export { isStateFunded, pricingMethodOf } from './market.rules';
