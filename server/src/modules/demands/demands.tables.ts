import { sql } from 'drizzle-orm';
import { bigint, boolean, date, index, integer, pgEnum, pgTable, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import type { TransferMode } from '../../../../shared/contracts/achievements.contract';
import { users } from '../auth/auth.tables';
import { organisations } from '../organisations/organisations.tables';
import { regions } from '../regions/regions.tables';

export const demandStatusEnum = pgEnum('demand_status', ['draft', 'published', 'closed', 'withdrawn']);

/** 技术需求: a problem an organisation wants solved, with budget and deadline. */
export const demands = pgTable(
  'demands',
  {
    id: uuid().primaryKey().defaultRandom(),
    chainId: text().notNull(),
    externalId: text(),
    ownerOrgId: uuid()
      .notNull()
      .references(() => organisations.id),
    createdBy: uuid().references(() => users.id),
    title: text().notNull(),
    description: text().notNull(),
    keywords: text().array().notNull().default(sql`'{}'::text[]`),
    domainCode: text(),
    industryCodes: text().array().notNull().default(sql`'{}'::text[]`),
    regionCode: text()
      .notNull()
      .references(() => regions.code),
    budgetMinFen: bigint({ mode: 'number' }),
    budgetMaxFen: bigint({ mode: 'number' }),
    /** The lowest TRL the demander can take on (e.g. 6 = needs a prototype proven in a relevant environment). */
    trlNeeded: integer(),
    deadline: date(),
    cooperationModes: text().array().$type<TransferMode[]>().notNull().default(sql`'{}'::text[]`),
    status: demandStatusEnum().notNull().default('draft'),
    publishedAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique('demands_chain_id_key').on(t.chainId),
    unique('demands_external_id_key').on(t.ownerOrgId, t.externalId),
    index('demands_owner_idx').on(t.ownerOrgId),
    index('demands_status_idx').on(t.status),
  ],
);

/** Expert directory entry of a user (researchers, brokers, TTO officers who opt in). */
export const expertProfiles = pgTable('expert_profiles', {
  userId: uuid()
    .primaryKey()
    .references(() => users.id, { onDelete: 'cascade' }),
  title: text(),
  bio: text(),
  domainCodes: text().array().notNull().default(sql`'{}'::text[]`),
  discipline: text(),
  keywords: text().array().notNull().default(sql`'{}'::text[]`),
  regionCode: text().references(() => regions.code),
  contactPolicy: text().$type<'platform_message' | 'via_tto' | 'public_email'>().notNull().default('platform_message'),
  isPublic: boolean().notNull().default(true),
  updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});
