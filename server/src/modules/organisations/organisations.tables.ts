import { boolean, index, pgEnum, pgTable, primaryKey, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import {
  type ENTERPRISE_OWNERSHIPS,
  ORG_MEMBER_ROLES,
  ORGANISATION_TYPES,
} from '../../../../shared/contracts/organisations.contract';
import { users } from '../auth/auth.tables';
import { regions } from '../regions/regions.tables';

export const organisationTypeEnum = pgEnum('organisation_type', ORGANISATION_TYPES);
export const organisationStatusEnum = pgEnum('organisation_status', ['pending', 'verified', 'suspended']);
export const orgMemberRoleEnum = pgEnum('org_member_role', ORG_MEMBER_ROLES);

export const organisations = pgTable(
  'organisations',
  {
    id: uuid().primaryKey().defaultRandom(),
    name: text().notNull(),
    type: organisationTypeEnum().notNull(),
    enterpriseOwnership: text().$type<(typeof ENTERPRISE_OWNERSHIPS)[number]>(),
    creditCode: text(),
    regionCode: text()
      .notNull()
      .references(() => regions.code),
    address: text(),
    website: text(),
    description: text(),
    status: organisationStatusEnum().notNull().default('pending'),
    isTechTransferOrg: boolean().notNull().default(false),
    isInvestor: boolean().notNull().default(false),
    isServiceProvider: boolean().notNull().default(false),
    createdBy: uuid(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique('organisations_credit_code_key').on(t.creditCode),
    index('organisations_region_idx').on(t.regionCode),
    index('organisations_type_idx').on(t.type),
  ],
);

export const memberships = pgTable(
  'memberships',
  {
    organisationId: uuid()
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    role: orgMemberRoleEnum().notNull().default('member'),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.organisationId, t.userId] }), index('memberships_user_idx').on(t.userId)],
);
