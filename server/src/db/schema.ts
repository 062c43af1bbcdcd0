// Every module's tables, for drizzle's relational queries and drizzle-kit.
export * from '../modules/regions/regions.tables';
export * from '../modules/organisations/organisations.tables';
export * from '../modules/auth/auth.tables';
export * from '../modules/audit/audit.tables';
export * from '../modules/platform/platform.tables';
export * from '../modules/achievements/achievements.tables';
export * from '../modules/demands/demands.tables';
export * from '../modules/matching/matching.tables';
export * from '../modules/notifications/notifications.tables';
export * from '../modules/search/search.tables';
export * from '../modules/imports/imports.tables';
export * from '../modules/scheduler/scheduler.tables';
export * from '../modules/market/market.tables';
export * from '../modules/notices/notices.tables';
export * from '../modules/auctions/auctions.tables';
export * from '../modules/tenders/tenders.tables';
