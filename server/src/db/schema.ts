// Every module's tables, for drizzle's relational queries and drizzle-kit.
export * from '../modules/regions/regions.tables';
export * from '../modules/organisations/organisations.tables';
export * from '../modules/auth/auth.tables';
export * from '../modules/audit/audit.tables';
export * from '../modules/platform/platform.tables';
