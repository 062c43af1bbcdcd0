import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { decodeRing, geometryCentre, indexProvinces, isMapGeoJson, mapProvinces, ringCentroid, type LonLat, type MapGeoJson } from './geo';

/** The inverse of decodeRing, to build compressed fixtures (ECharts' encoder, zig-zag + deltas). */
function encodeRing(points: LonLat[], scale = 1024): { encoded: string; offsets: [number, number] } {
  const q = points.map(([x, y]) => [Math.round(x * scale), Math.round(y * scale)] as [number, number]);
  const first = q[0] ?? [0, 0];
  let prevX = first[0];
  let prevY = first[1];
  let encoded = '';
  for (const [x, y] of q) {
    const dx = x - prevX;
    const dy = y - prevY;
    prevX = x;
    prevY = y;
    encoded += String.fromCharCode(((dx << 1) ^ (dx >> 31)) + 64, ((dy << 1) ^ (dy >> 31)) + 64);
  }
  return { encoded, offsets: first };
}

const square: LonLat[] = [
  [100, 30],
  [102, 30],
  [102, 32],
  [100, 32],
];

describe('decodeRing', () => {
  it('round-trips an encoded ring', () => {
    const { encoded, offsets } = encodeRing(square);
    expect(decodeRing(encoded, offsets)).toEqual(square);
  });
});

describe('centroids', () => {
  it('finds the centre of a square and of a degenerate ring', () => {
    expect(ringCentroid(square)).toEqual({ area: 4, centre: [101, 31] });
    expect(
      ringCentroid([
        [1, 1],
        [3, 3],
      ])?.centre,
    ).toEqual([2, 2]);
    expect(ringCentroid([])).toBeNull();
  });

  it('takes the largest polygon of a MultiPolygon, plain or encoded', () => {
    const island: LonLat[] = [
      [120, 10],
      [120.1, 10],
      [120.1, 10.1],
      [120, 10.1],
    ];
    const plain = { type: 'MultiPolygon', coordinates: [[island], [square]] };
    expect(geometryCentre(plain)).toEqual([101, 31]);
    const a = encodeRing(island);
    const b = encodeRing(square);
    const encoded = { type: 'MultiPolygon', coordinates: [[a.encoded], [b.encoded]], encodeOffsets: [[a.offsets], [b.offsets]] };
    const centre = geometryCentre(encoded);
    expect(centre?.[0]).toBeCloseTo(101, 3);
    expect(centre?.[1]).toBeCloseTo(31, 3);
  });
});

describe('mapProvinces', () => {
  it('uses cp when present, the centroid otherwise, and skips features without a code', () => {
    const sq = encodeRing(square);
    const geo: MapGeoJson = {
      type: 'FeatureCollection',
      UTF8Encoding: true,
      features: [
        {
          id: '110000',
          properties: { id: '110000', name: '北京', cp: [116.4, 39.9] },
          geometry: { type: 'Polygon', coordinates: [sq.encoded], encodeOffsets: [sq.offsets] },
        },
        {
          properties: { id: '510000', name: '四川' },
          geometry: { type: 'Polygon', coordinates: [sq.encoded], encodeOffsets: [sq.offsets] },
        },
        { properties: { name: '南海诸岛' }, geometry: { type: 'Polygon', coordinates: [square] } },
      ],
    };
    const provinces = mapProvinces(geo);
    expect(provinces.map((p) => p.code)).toEqual(['110000', '510000']);
    expect(provinces[0]?.centre).toEqual([116.4, 39.9]);
    expect(provinces[1]?.centre[0]).toBeCloseTo(101, 3);
    const index = indexProvinces(provinces);
    expect(index.codeByName.get('四川')).toBe('510000');
    expect(index.byCode.get('110000')?.mapName).toBe('北京');
  });

  it('reads the shipped web/public/maps/china.json: 34 provincial regions, computed centres near the label points of the map', () => {
    const raw: unknown = JSON.parse(readFileSync(new URL('../../../public/maps/china.json', import.meta.url), 'utf8'));
    expect(isMapGeoJson(raw)).toBe(true);
    const geo = raw as MapGeoJson;
    const provinces = mapProvinces(geo);
    expect(provinces).toHaveLength(34);
    expect(new Set(provinces.map((p) => p.code)).size).toBe(34);
    // Without cp, the computed centroid must still land inside the province's neighbourhood.
    const stripped: MapGeoJson = {
      ...geo,
      features: geo.features.map((f) => ({ ...f, properties: { ...f.properties, cp: undefined } })),
    };
    const computed = indexProvinces(mapProvinces(stripped)).byCode;
    for (const p of provinces) {
      const c = computed.get(p.code);
      expect(c, p.code).toBeDefined();
      // the map's label point vs the computed centre: within 4 degrees (内蒙古 and 甘肃 are long and bent)
      expect(Math.hypot((c?.centre[0] ?? 0) - p.centre[0], (c?.centre[1] ?? 0) - p.centre[1]), p.mapName).toBeLessThan(4);
    }
    // Beijing's centroid is within a degree of Tiananmen.
    const bj = computed.get('110000')?.centre ?? [0, 0];
    expect(Math.hypot(bj[0] - 116.4, bj[1] - 39.9)).toBeLessThan(1);
  });
});
