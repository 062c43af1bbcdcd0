/**
 * GB/T 2260 codes are positional: 2 digits province, 2 city, 2 county. A province code ends in
 * 0000 and a city code in 00, so "everything under a region" is a prefix test on the code.
 */
export type RegionCodeLevel = 'province' | 'city' | 'county';

export function regionLevelOf(code: string): RegionCodeLevel {
  if (code.endsWith('0000')) {
    return 'province';
  }
  if (code.endsWith('00')) {
    return 'city';
  }
  return 'county';
}

/** The code prefix shared by a region and everything under it. */
export function regionPrefix(code: string): string {
  switch (regionLevelOf(code)) {
    case 'province':
      return code.slice(0, 2);
    case 'city':
      return code.slice(0, 4);
    case 'county':
      return code;
  }
}

/** True when `code` is `scope` itself or lies under it (a province covers its cities and counties). */
export function isWithinRegion(scope: string, code: string): boolean {
  if (!/^\d{6}$/.test(scope) || !/^\d{6}$/.test(code)) {
    return false;
  }
  return code.startsWith(regionPrefix(scope));
}

export function provinceCodeOf(code: string): string {
  return `${code.slice(0, 2)}0000`;
}
