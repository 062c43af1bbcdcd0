// The province map (web/public/maps/china.json, from Apache ECharts 4.9.0). Its geometry may be
// compressed the ECharts way (UTF8Encoding: zig-zag deltas in characters); ECharts decodes it in
// place when the map is registered, so everything here reads both the encoded and the decoded form.

/** The name the province map is registered under with ECharts. */
export const CHINA_MAP_NAME = 'china';

export type LonLat = [number, number];

type Geometry = { type: string; coordinates: unknown; encodeOffsets?: unknown };
type Feature = {
  id?: string | number;
  properties?: { id?: string | number; name?: string; cp?: unknown } | null;
  geometry?: Geometry | null;
};
export type MapGeoJson = { type: 'FeatureCollection'; features: Feature[]; UTF8Encoding?: boolean; UTF8Scale?: number };

/** One region of the map: its GB/T 2260 code, the map's own name for it (the key ECharts matches data by) and a centre. */
export type MapProvince = { code: string; mapName: string; centre: LonLat };

/** True when the value looks like a GeoJSON FeatureCollection (guards the fetched file). */
export function isMapGeoJson(value: unknown): value is MapGeoJson {
  return (
    typeof value === 'object' &&
    value !== null &&
    (value as { type?: unknown }).type === 'FeatureCollection' &&
    Array.isArray((value as { features?: unknown }).features)
  );
}

/** Decodes one ECharts-compressed ring (port of echarts/lib/coord/geo/parseGeoJson.js decodeRing). */
export function decodeRing(encoded: string, offsets: readonly [number, number], scale = 1024): LonLat[] {
  const out: LonLat[] = [];
  let prevX = offsets[0];
  let prevY = offsets[1];
  for (let i = 0; i + 1 < encoded.length; i += 2) {
    let x = encoded.charCodeAt(i) - 64;
    let y = encoded.charCodeAt(i + 1) - 64;
    x = (x >> 1) ^ -(x & 1);
    y = (y >> 1) ^ -(y & 1);
    x += prevX;
    y += prevY;
    prevX = x;
    prevY = y;
    out.push([x / scale, y / scale]);
  }
  return out;
}

function isPair(value: unknown): value is [number, number] {
  return Array.isArray(value) && value.length >= 2 && typeof value[0] === 'number' && typeof value[1] === 'number';
}

function readRing(ring: unknown, offsets: unknown, scale: number): LonLat[] {
  if (typeof ring === 'string') {
    return isPair(offsets) ? decodeRing(ring, offsets, scale) : [];
  }
  if (Array.isArray(ring)) {
    return ring.filter(isPair).map((p) => [p[0], p[1]] as LonLat);
  }
  return [];
}

/** Outer rings of every polygon of a geometry, decoded. */
export function outerRings(geometry: Geometry | null | undefined, scale = 1024): LonLat[][] {
  if (!geometry || !Array.isArray(geometry.coordinates)) {
    return [];
  }
  const offsets = Array.isArray(geometry.encodeOffsets) ? (geometry.encodeOffsets as unknown[]) : [];
  if (geometry.type === 'Polygon') {
    return [readRing(geometry.coordinates[0], offsets[0], scale)];
  }
  if (geometry.type === 'MultiPolygon') {
    return (geometry.coordinates as unknown[]).map((polygon, i) => {
      const polyOffsets = offsets[i];
      return Array.isArray(polygon) ? readRing(polygon[0], Array.isArray(polyOffsets) ? polyOffsets[0] : undefined, scale) : [];
    });
  }
  return [];
}

/** Signed area and area-weighted centroid of a ring (shoelace); the vertex mean for a degenerate ring. */
export function ringCentroid(ring: readonly LonLat[]): { area: number; centre: LonLat } | null {
  if (ring.length === 0) {
    return null;
  }
  let twiceArea = 0;
  let cx = 0;
  let cy = 0;
  for (let i = 0; i < ring.length; i++) {
    const [x0, y0] = ring[i] as LonLat;
    const [x1, y1] = ring[(i + 1) % ring.length] as LonLat;
    const cross = x0 * y1 - x1 * y0;
    twiceArea += cross;
    cx += (x0 + x1) * cross;
    cy += (y0 + y1) * cross;
  }
  if (Math.abs(twiceArea) < 1e-12) {
    const mx = ring.reduce((s, p) => s + p[0], 0) / ring.length;
    const my = ring.reduce((s, p) => s + p[1], 0) / ring.length;
    return { area: 0, centre: [mx, my] };
  }
  return { area: Math.abs(twiceArea / 2), centre: [cx / (3 * twiceArea), cy / (3 * twiceArea)] };
}

/** The centre of the largest polygon of a geometry (islands do not pull the centre into the sea). */
export function geometryCentre(geometry: Geometry | null | undefined, scale = 1024): LonLat | null {
  let best: { area: number; centre: LonLat } | null = null;
  for (const ring of outerRings(geometry, scale)) {
    const c = ringCentroid(ring);
    if (c && (!best || c.area > best.area)) {
      best = c;
    }
  }
  return best?.centre ?? null;
}

function codeOf(feature: Feature): string | null {
  const raw = feature.properties?.id ?? feature.id;
  const code = raw === undefined || raw === null ? '' : String(raw);
  return /^\d{6}$/.test(code) ? code : null;
}

/**
 * The map's regions with their codes and centres: the `cp` property (the label point ECharts maps
 * ship) when present, else the centroid of the largest polygon. Features without a 6-digit code are skipped.
 */
export function mapProvinces(geo: MapGeoJson): MapProvince[] {
  const scale = geo.UTF8Scale ?? 1024;
  const out: MapProvince[] = [];
  for (const feature of geo.features) {
    const code = codeOf(feature);
    const mapName = feature.properties?.name;
    if (!code || !mapName) {
      continue;
    }
    const cp = feature.properties?.cp;
    const centre = isPair(cp) ? ([cp[0], cp[1]] as LonLat) : geometryCentre(feature.geometry, scale);
    if (centre) {
      out.push({ code, mapName, centre });
    }
  }
  return out;
}

/** Lookups both ways: code → province and map name → code. */
export function indexProvinces(provinces: readonly MapProvince[]) {
  const byCode = new Map(provinces.map((p) => [p.code, p] as const));
  const codeByName = new Map(provinces.map((p) => [p.mapName, p.code] as const));
  return { byCode, codeByName };
}
export type ProvinceIndex = ReturnType<typeof indexProvinces>;
