export { createDealsRepo, type DealsRepo, type DealRow } from './deals.repo';
export { createDealsCore, type DealsCore, type OpenDealInput } from './deals.service';
export { dealNeedsNotice, commissionFen, depositFen, contractCategoryOf, DEFAULT_FEES } from './deal.rules';
