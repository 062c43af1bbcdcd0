import { sql } from 'drizzle-orm';
import { bigint, bigserial, boolean, index, integer, jsonb, pgEnum, pgTable, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import type { IpItem, TransferMode } from '../../../../shared/contracts/achievements.contract';
import { ACHIEVEMENT_STATUSES } from '../../../../shared/contracts/achievements.contract';
import { users } from '../auth/auth.tables';
import { organisations } from '../organisations/organisations.tables';
import { regions } from '../regions/regions.tables';

export const achievementStatusEnum = pgEnum('achievement_status', ACHIEVEMENT_STATUSES);

/** 科技成果: a research result offered for transfer. `chain_id` follows it into deals and contracts. */
export const achievements = pgTable(
  'achievements',
  {
    id: uuid().primaryKey().defaultRandom(),
    chainId: text().notNull(),
    externalId: text(),
    ownerOrgId: uuid()
      .notNull()
      .references(() => organisations.id),
    createdBy: uuid().references(() => users.id),
    title: text().notNull(),
    abstract: text().notNull(),
    detail: text(),
    keywords: text().array().notNull().default(sql`'{}'::text[]`),
    domainCode: text(),
    industryCodes: text().array().notNull().default(sql`'{}'::text[]`),
    discipline: text(),
    trl: integer(),
    trlEvidence: text(),
    ip: jsonb().$type<IpItem[]>().notNull().default([]),
    team: jsonb().$type<{ name: string; role?: string; userId?: string }[]>().notNull().default([]),
    regionCode: text()
      .notNull()
      .references(() => regions.code),
    funding: jsonb().$type<{ fiscal: boolean; programme?: string; projectNumber?: string }>(),
    awards: text().array().notNull().default(sql`'{}'::text[]`),
    transferModes: text().array().$type<TransferMode[]>().notNull().default(sql`'{}'::text[]`),
    priceMode: text().$type<'negotiable' | 'fixed' | 'range'>().notNull().default('negotiable'),
    priceMinFen: bigint({ mode: 'number' }),
    priceMaxFen: bigint({ mode: 'number' }),
    openLicence: boolean().notNull().default(false),
    dualUse: boolean().notNull().default(false),
    exportControlled: boolean().notNull().default(false),
    comparison: text(),
    applications: text(),
    status: achievementStatusEnum().notNull().default('draft'),
    reviewNote: text(),
    submittedAt: timestamp({ withTimezone: true }),
    reviewedBy: uuid(),
    reviewedAt: timestamp({ withTimezone: true }),
    publishedAt: timestamp({ withTimezone: true }),
    /** Last owner confirmation; published listings unconfirmed for 12 months are stale. */
    confirmedAt: timestamp({ withTimezone: true }),
    withdrawnAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique('achievements_chain_id_key').on(t.chainId),
    unique('achievements_external_id_key').on(t.ownerOrgId, t.externalId),
    index('achievements_owner_idx').on(t.ownerOrgId),
    index('achievements_status_idx').on(t.status),
    index('achievements_region_idx').on(t.regionCode),
  ],
);

export const accessRequestStatusEnum = pgEnum('access_request_status', ['pending', 'granted', 'denied']);

/** Requests to see the NDA-gated detail of an achievement, decided by its owner. */
export const achievementAccessRequests = pgTable(
  'achievement_access_requests',
  {
    id: uuid().primaryKey().defaultRandom(),
    achievementId: uuid()
      .notNull()
      .references(() => achievements.id, { onDelete: 'cascade' }),
    requesterId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    message: text(),
    ndaAcceptedAt: timestamp({ withTimezone: true }).notNull(),
    status: accessRequestStatusEnum().notNull().default('pending'),
    decidedBy: uuid(),
    decidedAt: timestamp({ withTimezone: true }),
    decisionNote: text(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [unique('achievement_access_unique').on(t.achievementId, t.requesterId), index('achievement_access_requester_idx').on(t.requesterId)],
);

/** Owner funnel: views → detail opens → access requests → enquiries, one row per event. */
export const listingEvents = pgTable(
  'listing_events',
  {
    id: bigserial({ mode: 'number' }).primaryKey(),
    entityType: text().$type<'achievement' | 'demand'>().notNull(),
    entityId: uuid().notNull(),
    kind: text().$type<'view' | 'detail_open' | 'access_request' | 'enquiry'>().notNull(),
    actorId: uuid(),
    occurredAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('listing_events_entity_idx').on(t.entityType, t.entityId, t.kind)],
);
