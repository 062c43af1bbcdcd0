import { bigint, index, integer, pgTable, primaryKey, text } from 'drizzle-orm/pg-core';

/**
 * Aggregates of registered technology contracts, kept current in the transaction that registers,
 * amends or cancels a contract (decision 014). One row per
 * (region, period, side, dimension, value):
 * - province rows (`440000`) by month (`period` = YYYYMM), every dimension;
 * - city rows (`440300`) by year (`period` = YYYY), every dimension;
 * - county rows (`440305`) by year, `total` and `type` only (finer breakdowns of one county are read
 *   from the contracts themselves: a county has few).
 * `000000` is 境外 (a party abroad). National figures sum the province rows.
 */
export const contractStatCells = pgTable(
  'contract_stat_cells',
  {
    region: text().notNull(),
    period: integer().notNull(),
    /** `out`: by the seller's region (输出); `in`: by the buyer's region (吸纳). */
    side: text().$type<'out' | 'in'>().notNull(),
    /** A STAT_DIMENSIONS code, `total` (value ''), `flow` (value: the other side's province) or `country`. */
    dimension: text().notNull(),
    value: text().notNull(),
    n: bigint({ mode: 'number' }).notNull(),
    amountFen: bigint({ mode: 'bigint' }).notNull(),
    techAmountFen: bigint({ mode: 'bigint' }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.dimension, t.side, t.region, t.period, t.value] }),
    index('contract_stat_cells_period_idx').on(t.dimension, t.side, t.period),
  ],
);
