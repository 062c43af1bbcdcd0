import type { CodeListItem, Region, RegionLevel } from '#shared/contracts/regions.contract';
import type { IndustryRow, RegionRow } from './regions.repo';

/** Tree depth of a region level in the `regions` code list: province 0, city 1, county 2. */
export const REGION_LEVEL_DEPTH: Record<RegionLevel, number> = { province: 0, city: 1, county: 2 };
const LEVEL_BY_DEPTH: readonly RegionLevel[] = ['province', 'city', 'county'];

/** The region level of a code-list depth, or undefined when no region sits that deep. */
export function regionLevelAtDepth(depth: number): RegionLevel | undefined {
  return LEVEL_BY_DEPTH[depth];
}

export function toRegionDto(r: RegionRow): Region {
  return { code: r.code, name: r.name, level: r.level, parentCode: r.parentCode, provinceCode: r.provinceCode, zone: r.zone };
}

export function regionToCodeListItem(r: RegionRow): CodeListItem {
  return {
    code: r.code,
    name: r.name,
    parentCode: r.parentCode,
    level: REGION_LEVEL_DEPTH[r.level],
    extra: { zone: r.zone, provinceCode: r.provinceCode },
  };
}

export function industryToCodeListItem(r: IndustryRow): CodeListItem {
  return {
    code: r.code,
    name: r.name,
    parentCode: r.parentCode,
    level: r.level,
    ...(r.description ? { description: r.description } : {}),
  };
}
