import { sql, type SQL } from 'drizzle-orm';
import { regionPrefix } from '#shared/format/region-scope';
import type { ListingFilters } from '#shared/contracts/search.contract';

/** The structured filters matching accepts (a subset of the search filters, as JSON arrays). */
export type MatchFilters = Pick<ListingFilters, 'domainCode' | 'industryCode' | 'regionCode' | 'trlMin' | 'trlMax' | 'transferMode' | 'openLicence' | 'priceMinFen' | 'priceMaxFen' | 'ipKind'>;

const arr = (values: readonly string[]) => `{${values.map((v) => `"${v.replace(/["\\]/g, '')}"`).join(',')}}`;

/** SQL condition over a published achievement aliased `l` (AND of every given filter). */
export function achievementWhere(f: MatchFilters = {}): SQL {
  const parts: SQL[] = [sql`l.status = 'published'`];
  if (f.domainCode?.length) {
    parts.push(sql`l.domain_code = any(${arr(f.domainCode)}::text[])`);
  }
  if (f.industryCode?.length) {
    // A division or group covers the classes under it: prefix match on any of the listing's codes.
    const likes = f.industryCode.map((c) => `${c.replace(/[^0-9A-Za-z]/g, '')}%`);
    parts.push(sql`exists (select 1 from unnest(l.industry_codes) c where c like any(${arr(likes)}::text[]))`);
  }
  if (f.regionCode) {
    parts.push(sql`l.region_code like ${`${regionPrefix(f.regionCode)}%`}`);
  }
  if (f.trlMin !== undefined) {
    parts.push(sql`l.trl >= ${f.trlMin}`);
  }
  if (f.trlMax !== undefined) {
    parts.push(sql`l.trl <= ${f.trlMax}`);
  }
  if (f.transferMode?.length) {
    parts.push(sql`l.transfer_modes && ${arr(f.transferMode)}::text[]`);
  }
  if (f.openLicence !== undefined) {
    parts.push(sql`l.open_licence = ${f.openLicence}`);
  }
  if (f.ipKind?.length) {
    parts.push(sql`exists (select 1 from jsonb_array_elements(l.ip) i where i->>'kind' = any(${arr(f.ipKind)}::text[]))`);
  }
  // 面议 listings pass price filters.
  if (f.priceMaxFen !== undefined) {
    parts.push(sql`(l.price_mode = 'negotiable' or coalesce(l.price_min_fen, l.price_max_fen) <= ${f.priceMaxFen})`);
  }
  if (f.priceMinFen !== undefined) {
    parts.push(sql`(l.price_mode = 'negotiable' or coalesce(l.price_max_fen, l.price_min_fen) >= ${f.priceMinFen})`);
  }
  return sql.join(parts, sql` and `);
}

/** Published demands aliased `l`. */
export function demandWhere(): SQL {
  return sql`l.status = 'published'`;
}
