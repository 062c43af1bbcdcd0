import { sql } from 'drizzle-orm';
import { bigint, boolean, customType, index, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/** PostgreSQL's built-in `tsvector` (only written by the portable tsvector engine). */
const tsvector = customType<{ data: string }>({
  dataType() {
    return 'tsvector';
  },
});

/**
 * The search index: one row per published listing (achievement or demand), written in the same
 * transaction that publishes it and deleted in the one that withdraws it. It holds the analysed text
 * (space-joined jieba tokens, title and keywords repeated as boosts), the public fields a hit shows,
 * and the facet columns filters run on. The ranking index itself depends on the database: a
 * pg_textsearch BM25 index (created at runtime when the extension is there) or GIN over `tsv`.
 */
export const searchDocuments = pgTable(
  'search_documents',
  {
    id: uuid().primaryKey(),
    kind: text({ enum: ['achievement', 'demand'] }).notNull(),
    chainId: text().notNull(),
    externalId: text(),
    title: text().notNull(),
    /** Public text only (abstract, applications…; a demand's description). */
    body: text().notNull(),
    keywords: text().array().notNull().default(sql`'{}'::text[]`),
    ownerOrgId: uuid().notNull(),
    ownerOrgName: text().notNull(),
    domainCode: text(),
    industryCodes: text().array().notNull().default(sql`'{}'::text[]`),
    /** GB/T 2260 code; a region filter is a prefix match (a province covers its cities and counties). */
    regionCode: text().notNull(),
    /** Achievement TRL, or the TRL a demand needs. */
    trl: integer(),
    /** Transfer modes offered (achievement) or cooperation modes wanted (demand). */
    modes: text().array().notNull().default(sql`'{}'::text[]`),
    /** negotiable | fixed | range (achievements); null for demands. */
    priceMode: text(),
    /** Price (achievement) or budget (demand) bounds in fen. */
    priceMinFen: bigint({ mode: 'number' }),
    priceMaxFen: bigint({ mode: 'number' }),
    ipKinds: text().array().notNull().default(sql`'{}'::text[]`),
    openLicence: boolean().notNull().default(false),
    /** Other public fields of the listing (e.g. a demand's deadline), shown but not filtered on. */
    extra: jsonb().$type<Record<string, unknown>>().notNull().default(sql`'{}'::jsonb`),
    /** Space-joined analysed tokens: title ×3, keywords ×2, body ×1. */
    analysed: text().notNull(),
    /** to_tsvector('simple', analysed), filled only by the tsvector engine. */
    tsv: tsvector(),
    /** Fingerprint of the user dictionary the row was analysed with. */
    dictVersion: text().notNull(),
    /** Last owner confirmation; a listing unconfirmed for 12 months is stale and ranked down. */
    confirmedAt: timestamp({ withTimezone: true }),
    publishedAt: timestamp({ withTimezone: true }),
    indexedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('search_documents_kind_published_idx').on(t.kind, t.publishedAt),
    index('search_documents_region_idx').on(t.kind, t.regionCode.op('text_pattern_ops')),
    index('search_documents_tsv_idx').using('gin', t.tsv),
  ],
);
