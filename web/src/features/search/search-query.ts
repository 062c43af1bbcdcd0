import { SEARCH_SORTS } from '#shared/contracts/search.contract';
import { z } from 'zod';
import type { QueryParams } from '../../shared/api/http';
import { yuanToFen } from '../achievements/money';

const Csv = z.string().max(400).optional();
const Trl = z.coerce.number().int().min(1).max(9).optional();
const Yuan = z.coerce.number().min(0).max(1e13).optional();

/**
 * The search page's state in the URL. Lists stay comma-separated as the API takes them; prices are
 * in 元 as the visitor typed them (converted to fen for the API).
 */
export const SearchUrlSchema = z.object({
  q: z.string().max(500).optional(),
  domainCode: Csv,
  industryCode: Csv,
  regionCode: z
    .string()
    .regex(/^\d{6}$/)
    .optional(),
  trlMin: Trl,
  trlMax: Trl,
  transferMode: Csv,
  ipKind: Csv,
  openLicence: z.enum(['true']).optional(),
  priceMin: Yuan,
  priceMax: Yuan,
  sort: z.enum(SEARCH_SORTS).optional(),
  page: z.coerce.number().int().min(1).max(500).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(10),
});
export type SearchUrlState = Partial<z.output<typeof SearchUrlSchema>>;

const FILTER_KEYS = [
  'domainCode',
  'industryCode',
  'regionCode',
  'trlMin',
  'trlMax',
  'transferMode',
  'ipKind',
  'openLicence',
  'priceMin',
  'priceMax',
] as const;

/** True when the visitor asked for something: a query or any filter. */
export function hasCriteria(state: SearchUrlState): boolean {
  return !!state.q?.trim() || FILTER_KEYS.some((k) => state[k] !== undefined && state[k] !== '');
}

/** GET /achievements/search parameters for the page state (facets always asked for). */
export function toSearchQuery(state: SearchUrlState): QueryParams {
  const pageSize = state.pageSize ?? 10;
  const page = state.page ?? 1;
  const q = state.q?.trim();
  let trlMin = state.trlMin;
  let trlMax = state.trlMax;
  if (trlMin !== undefined && trlMax !== undefined && trlMin > trlMax) {
    [trlMin, trlMax] = [trlMax, trlMin];
  }
  return {
    q: q || undefined,
    domainCode: state.domainCode,
    industryCode: state.industryCode,
    regionCode: state.regionCode,
    trlMin,
    trlMax,
    transferMode: state.transferMode,
    ipKind: state.ipKind,
    openLicence: state.openLicence,
    priceMinFen: yuanToFen(state.priceMin) ?? undefined,
    priceMaxFen: yuanToFen(state.priceMax) ?? undefined,
    // Without words there is nothing to rank by relevance: newest first.
    sort: state.sort ?? (q ? 'relevance' : 'newest'),
    limit: pageSize,
    offset: (page - 1) * pageSize,
    facets: 'true',
  };
}

/** Adds or removes one value of a comma-separated list; undefined when the list becomes empty. */
export function toggleCsv(list: string | undefined, value: string): string | undefined {
  const values = (list ?? '').split(',').filter((v) => v !== '');
  const next = values.includes(value) ? values.filter((v) => v !== value) : [...values, value];
  return next.length > 0 ? next.join(',') : undefined;
}

export function csvValues(list: string | undefined): string[] {
  return (list ?? '').split(',').filter((v) => v !== '');
}
