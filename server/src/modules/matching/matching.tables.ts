import { sql } from 'drizzle-orm';
import { bigserial, customType, index, integer, jsonb, pgTable, primaryKey, real, serial, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import type { ListingFilters } from '../../../../shared/contracts/search.contract';
import { achievements } from '../achievements/achievements.tables';
import { users } from '../auth/auth.tables';

/** Raw bytes: PGlite hands back a Uint8Array, node-postgres a Buffer (also a Uint8Array). */
export const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (v) => (v instanceof Uint8Array ? v : new Uint8Array(v)),
  toDriver: (v) => Buffer.from(v.buffer, v.byteOffset, v.byteLength),
});

/**
 * Trained semantic models (LSA over the platform's own published listings). The newest row is
 * the active one; older rows are kept so a running process can finish with the model it loaded.
 */
export const semanticModels = pgTable('semantic_models', {
  id: serial().primaryKey(),
  kind: text().$type<'lsa'>().notNull(),
  dims: integer().notNull(),
  /** Published listings the model was trained on (retraining is due when the corpus grows). */
  docCount: integer().notNull(),
  vocabulary: text().array().notNull(),
  /** Float32 little-endian: idf per vocabulary term. */
  idf: bytea().notNull(),
  /** Float32 little-endian: vocabulary × dims term projections. */
  termVectors: bytea().notNull(),
  /** Labelled centroids for classification: { domain: { TD01: number[] }, discipline: { … } }. */
  centroids: jsonb().$type<{ domain: Record<string, number[]>; discipline: Record<string, number[]> }>().notNull(),
  /** Tokenizer dictionary version the vocabulary was built with. */
  dictionaryVersion: text().notNull(),
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});

/**
 * One vector per published listing. `embedding` is the portable float4[] copy (used when the
 * server has no pgvector); with pgvector a `vec vector(dims)` column and HNSW indexes are added at
 * runtime (matching/vector-store.ts) and `embedding` stays null.
 */
export const listingVectors = pgTable(
  'listing_vectors',
  {
    entityType: text().$type<'achievement' | 'demand'>().notNull(),
    entityId: uuid().notNull(),
    modelKey: text().notNull(),
    embedding: real().array(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.entityType, t.entityId] })],
);

/** A user's saved search: notified when a newly published achievement matches it. */
export const savedSearches = pgTable(
  'saved_searches',
  {
    id: uuid().primaryKey().defaultRandom(),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    name: text().notNull(),
    query: text().notNull(),
    filters: jsonb().$type<ListingFilters>().notNull().default({}),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('saved_searches_user_idx').on(t.userId)],
);

/**
 * Work written in the publishing transaction and claimed afterwards (FOR UPDATE SKIP LOCKED):
 * "this achievement was published, notify the saved searches and demands it matches".
 */
export const matchOutbox = pgTable(
  'match_outbox',
  {
    id: bigserial({ mode: 'number' }).primaryKey(),
    achievementId: uuid()
      .notNull()
      .references(() => achievements.id, { onDelete: 'cascade' }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    processedAt: timestamp({ withTimezone: true }),
    attempts: integer().notNull().default(0),
    lastError: text(),
  },
  (t) => [index('match_outbox_pending_idx').on(t.id).where(sql`processed_at is null`)],
);
