import { bigint, index, integer, jsonb, pgTable, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import type { ProposalStatus, TenderCriterion, TenderStatus } from '../../../../shared/contracts/tenders.contract';
import { achievements } from '../achievements/achievements.tables';
import { users } from '../auth/auth.tables';
import { demands } from '../demands/demands.tables';
import { organisations } from '../organisations/organisations.tables';
import { regions } from '../regions/regions.tables';

/** 招标: a reverse tender on a demand; sealed proposals opened together at the deadline. */
export const tenders = pgTable(
  'tenders',
  {
    id: uuid().primaryKey().defaultRandom(),
    chainId: text().notNull(),
    demandId: uuid()
      .notNull()
      .references(() => demands.id),
    buyerOrgId: uuid()
      .notNull()
      .references(() => organisations.id),
    regionCode: text()
      .notNull()
      .references(() => regions.code),
    title: text().notNull(),
    description: text().notNull(),
    /** Published weighted criteria; weights sum to 100. `price` is scored by formula, others by the buyer. */
    criteria: jsonb().$type<TenderCriterion[]>().notNull(),
    budgetMaxFen: bigint({ mode: 'number' }),
    deadline: timestamp({ withTimezone: true }).notNull(),
    status: text().$type<TenderStatus>().notNull().default('draft'),
    openedAt: timestamp({ withTimezone: true }),
    awardedProposalId: uuid(),
    awardedAt: timestamp({ withTimezone: true }),
    dealId: uuid(),
    /** Why the buyer awarded (told to every unsuccessful bidder), or why it was cancelled / failed. */
    awardReason: text(),
    closedReason: text(),
    createdBy: uuid().references(() => users.id),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('tenders_status_idx').on(t.status, t.deadline), index('tenders_demand_idx').on(t.demandId)],
);

/** A sealed proposal: nobody but its bidder sees its content until the tender is opened. */
export const tenderProposals = pgTable(
  'tender_proposals',
  {
    id: uuid().primaryKey().defaultRandom(),
    tenderId: uuid()
      .notNull()
      .references(() => tenders.id),
    bidderOrgId: uuid()
      .notNull()
      .references(() => organisations.id),
    achievementId: uuid().references(() => achievements.id),
    priceFen: bigint({ mode: 'number' }).notNull(),
    /** What the bidder offers: an assignment (转让, default) or a licence (许可). */
    transferMode: text().$type<'assign' | 'license'>().notNull().default('assign'),
    terms: text().notNull(),
    technicalProposal: text().notNull(),
    status: text().$type<ProposalStatus>().notNull().default('sealed'),
    /** Scores per criterion key ×100 (0–10000; manual ones set by the buyer, price by formula at opening). */
    scores: jsonb().$type<Record<string, number>>(),
    /** Weighted total ×100 (integer), e.g. 8735 = 87.35 points. */
    totalScoreX100: integer(),
    rank: integer(),
    /** Why it was not awarded, told to the bidder. */
    outcomeReason: text(),
    submittedBy: uuid()
      .notNull()
      .references(() => users.id),
    submittedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [unique('tender_proposals_bidder_key').on(t.tenderId, t.bidderOrgId), index('tender_proposals_tender_idx').on(t.tenderId)],
);
