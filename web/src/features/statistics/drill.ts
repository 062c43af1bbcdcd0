import { isWithinRegion, regionLevelOf } from '#shared/format/region-scope';

/**
 * The region codes from the top of the drill-down to `code` by GB/T 2260 position: a county's
 * province and city, a city's province. Used when the regions code list has not loaded yet.
 */
export function positionalAncestry(code: string): string[] {
  if (!/^\d{6}$/.test(code) || code === '000000') {
    return [];
  }
  const province = `${code.slice(0, 2)}0000`;
  switch (regionLevelOf(code)) {
    case 'province':
      return [code];
    case 'city':
      return [province, code];
    case 'county':
      return [province, `${code.slice(0, 4)}00`, code];
  }
}

/**
 * The breadcrumb codes below the root of the user's scope (null: the nation) down to `current`,
 * taken from `ancestry` (root → current, e.g. from the regions code list). Codes outside the scope
 * (a regional admin's parent province) and the root itself are left out.
 */
export function drillCrumbs(root: string | null, current: string | null, ancestry: readonly string[]): string[] {
  if (!current || current === root) {
    return [];
  }
  const path = ancestry.length > 0 && ancestry[ancestry.length - 1] === current ? ancestry : positionalAncestry(current);
  const seen = new Set<string>();
  return path.filter((code) => {
    if (seen.has(code) || code === root || (root !== null && !isWithinRegion(root, code))) {
      return false;
    }
    seen.add(code);
    return true;
  });
}
