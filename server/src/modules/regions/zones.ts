import type { EconomicZone } from '#shared/contracts/regions.contract';

/**
 * Province prefixes (first two GB/T 2260 digits) of each zone, as the 《中国火炬统计年鉴》 groups them:
 * 东部 京津冀沪苏浙闽鲁粤琼 (10), 中部 晋皖赣豫鄂湘 (6), 西部 (12), 东北 辽吉黑 (3); 港澳台 stand apart.
 */
export const ZONE_PROVINCE_PREFIXES: Record<EconomicZone, readonly string[]> = {
  east: ['11', '12', '13', '31', '32', '33', '35', '37', '44', '46'],
  central: ['14', '34', '36', '41', '42', '43'],
  west: ['15', '45', '50', '51', '52', '53', '54', '61', '62', '63', '64', '65'],
  northeast: ['21', '22', '23'],
  hmt: ['71', '81', '82'],
};

/** Chinese and English names of the zones, in the order the yearbook lists them. */
export const ZONE_NAMES: Record<EconomicZone, { zh: string; en: string }> = {
  east: { zh: '东部', en: 'Eastern region' },
  central: { zh: '中部', en: 'Central region' },
  west: { zh: '西部', en: 'Western region' },
  northeast: { zh: '东北', en: 'Northeast region' },
  hmt: { zh: '港澳台', en: 'Hong Kong, Macao and Taiwan' },
};

const ZONE_BY_PREFIX = new Map<string, EconomicZone>(
  Object.entries(ZONE_PROVINCE_PREFIXES).flatMap(([zone, prefixes]) =>
    prefixes.map((p) => [p, zone as EconomicZone] as const),
  ),
);

/** The economic zone of any GB/T 2260 code (province, city or county); throws on an unknown province. */
export function zoneOf(code: string): EconomicZone {
  const zone = ZONE_BY_PREFIX.get(code.slice(0, 2));
  if (!zone) {
    // Reference data with a province we do not know is a data bug, not an expected failure.
    throw new Error(`no economic zone for region code ${code}`);
  }
  return zone;
}

/** The 6-digit province codes of a zone, e.g. east → ['110000', '120000', …]. */
export function provinceCodesOf(zone: EconomicZone): string[] {
  return ZONE_PROVINCE_PREFIXES[zone].map((p) => `${p}0000`);
}
