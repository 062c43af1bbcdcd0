import type { Flow, RegionRow, StatRow, Trend } from '#shared/contracts/statistics.contract';
import { describe, expect, it } from 'vitest';
import { indexProvinces, type MapProvince } from './geo';
import {
  barHeight,
  buildBreakdownBarOption,
  buildBreakdownPieOption,
  buildChoroplethOption,
  buildFlowLines,
  buildRegionBarOption,
  buildTrendOption,
  buildZoneNetOption,
  choroplethData,
  defaultYear,
  lineWidth,
  mapTooltip,
  measureValue,
  rowLabel,
  sortByAmount,
  trendRange,
  yearOptions,
  type ChartText,
} from './statistics.options';
import { buildZoneMatrix } from './zones';

const text: ChartText = { amount: '成交额', count: '合同数', unit: '亿元', share: '占比', growth: '同比', high: '高', low: '低' };

function row(code: string, name: string, count: number, amountFen: string, extra: Partial<StatRow> = {}): StatRow {
  return {
    code,
    name,
    nameEn: `${name}-en`,
    count,
    amountFen,
    techAmountFen: amountFen,
    amountShare: null,
    prevCount: null,
    prevAmountFen: null,
    countGrowth: null,
    amountGrowth: null,
    ...extra,
  };
}
const region = (code: string, name: string, count: number, amountFen: string, hasChildren = true): RegionRow => ({
  ...row(code, name, count, amountFen),
  level: code === '000000' ? 'abroad' : code.endsWith('0000') ? 'province' : code.endsWith('00') ? 'city' : 'county',
  hasChildren,
});

const provinces: MapProvince[] = [
  { code: '110000', mapName: '北京', centre: [116.4, 39.9] },
  { code: '440000', mapName: '广东', centre: [113.3, 23.1] },
  { code: '510000', mapName: '四川', centre: [104.1, 30.7] },
];
const index = indexProvinces(provinces);

describe('rows', () => {
  it('labels by language and measures in the unit', () => {
    const r = row('110000', '北京市', 3, '853690000000000');
    expect(rowLabel(r, 'zh')).toBe('北京市');
    expect(rowLabel(r, 'en')).toBe('北京市-en');
    expect(rowLabel({ name: '北京市', nameEn: '' }, 'en')).toBe('北京市');
    expect(measureValue(r, 'amount', 'yi')).toBe(85369);
    expect(measureValue(r, 'count', 'yi')).toBe(3);
  });

  it('sorts by amount with BigInt, then count and code', () => {
    const sorted = sortByAmount([
      row('a', 'a', 1, '9007199254740992'),
      row('b', 'b', 1, '9007199254740993'),
      row('c', 'c', 5, '9007199254740992'),
      row('d', 'd', 5, '9007199254740992'),
    ]);
    expect(sorted.map((r) => r.code)).toEqual(['b', 'c', 'd', 'a']);
  });

  it('sizes bar charts by the number of bars', () => {
    expect(barHeight(1)).toBe(240);
    expect(barHeight(31)).toBe(26 * 31 + 60);
  });
});

describe('buildChoroplethOption', () => {
  const rows = [
    region('110000', '北京市', 10, '853690000000000'),
    region('440000', '广东省', 20, '400000000000000'),
    region('000000', '境外', 1, '100'),
  ];

  it('matches rows to map regions by code and uses the map names', () => {
    const data = choroplethData({ provinces, rows, measure: 'amount', unit: 'yi', lang: 'zh', text });
    expect(data.map((d) => [d.name, d.code, d.value])).toEqual([
      ['北京', '110000', 85369],
      ['广东', '440000', 40000],
    ]);
    expect(data[0]?.tooltip).toContain('北京市');
    expect(data[0]?.tooltip).toContain('85,369.00 亿元');
  });

  it('scales the visual map to the largest value of the chosen measure', () => {
    const byAmount = buildChoroplethOption({ mapName: 'china', provinces, rows, measure: 'amount', unit: 'yi', lang: 'zh', text });
    expect(byAmount.visualMap).toMatchObject({ min: 0, max: 85369, seriesIndex: 0 });
    expect(byAmount.geo).toMatchObject({ map: 'china' });
    expect(byAmount.series).toMatchObject([{ type: 'map', geoIndex: 0, name: '成交额 (亿元)' }]);
    const byCount = buildChoroplethOption({ mapName: 'china', provinces, rows, measure: 'count', unit: 'yi', lang: 'zh', text });
    expect(byCount.visualMap).toMatchObject({ max: 20 });
    const empty = buildChoroplethOption({ mapName: 'china', provinces, rows: [], measure: 'count', unit: 'yi', lang: 'zh', text });
    expect(empty.visualMap).toMatchObject({ max: 1 });
  });

  it('adds flow lines on the geo when given', () => {
    const lines = buildFlowLines([flow('110000', '440000', 5, '300000000000000')], index, 'yi', text);
    const option = buildChoroplethOption({ mapName: 'china', provinces, rows, measure: 'amount', unit: 'yi', lang: 'zh', text, lines });
    const series = option.series as {
      type: string;
      coordinateSystem?: string;
      data: { coords: unknown; lineStyle: { width: number } }[];
    }[];
    expect(series[1]).toMatchObject({ type: 'lines', coordinateSystem: 'geo' });
    expect(series[1]?.data[0]).toMatchObject({
      coords: [
        [116.4, 39.9],
        [113.3, 23.1],
      ],
      lineStyle: { width: 6 },
    });
  });

  it('shows the prepared tooltip text', () => {
    expect(mapTooltip({ name: '北京', data: { tooltip: 'x<br/>y' } })).toBe('x<br/>y');
    expect(mapTooltip({ name: '台湾', data: null })).toBe('台湾');
    expect(mapTooltip(null)).toBe('');
  });
});

function flow(from: string, to: string, count: number, amountFen: string): Flow {
  return { from, fromName: `${from}名`, to, toName: `${to}名`, count, amountFen, techAmountFen: amountFen };
}

describe('buildFlowLines', () => {
  const flows = [
    flow('110000', '440000', 5, '300000000000000'),
    flow('110000', '110000', 50, '900000000000000'), // inside one province
    flow('110000', '000000', 1, '500000000000000'), // abroad: not on the map
    flow('440000', '510000', 2, '100000000000000'),
    flow('510000', '440000', 1, '0'),
    flow('510000', '110000', 3, '200000000000000'),
  ];

  it('keeps flows between two mapped provinces, largest first, up to the limit', () => {
    const lines = buildFlowLines(flows, index, 'yi', text);
    expect(lines.map((l) => `${l.from}>${l.to}`)).toEqual(['110000>440000', '510000>110000', '440000>510000']);
    expect(lines[0]).toMatchObject({ fromCentre: [116.4, 39.9], toCentre: [113.3, 23.1], value: 30000, count: 5 });
    expect(lines[0]?.tooltip).toContain('30,000.00 亿元');
    expect(buildFlowLines(flows, index, 'yi', text, 1)).toHaveLength(1);
  });

  it('scales line widths from 1 to 6 px', () => {
    expect(lineWidth(10, 10)).toBe(6);
    expect(lineWidth(0, 10)).toBe(1);
    expect(lineWidth(5, 10)).toBe(3.5);
    expect(lineWidth(5, 0)).toBe(1);
  });
});

describe('buildZoneNetOption', () => {
  it('draws net exporters green and net importers red', () => {
    const m = buildZoneMatrix([
      { from: 'east', fromName: '东部', to: 'west', toName: '西部', count: 2, amountFen: '30000000000', techAmountFen: '0' },
      { from: 'west', fromName: '西部', to: 'east', toName: '东部', count: 1, amountFen: '10000000000', techAmountFen: '0' },
    ]);
    const option = buildZoneNetOption(m.summaries, 'yi', '净输出');
    expect(option.xAxis).toMatchObject({ data: ['东部', '西部'] });
    expect(option.series).toMatchObject([
      {
        type: 'bar',
        data: [
          { value: 2, itemStyle: { color: '#16a34a' } },
          { value: -2, itemStyle: { color: '#dc2626' } },
        ],
      },
    ]);
  });
});

describe('drill-down and breakdown charts', () => {
  const cities = [region('110100', '市辖区', 8, '700000000000'), region('110200', '县', 1, '10000000', false)];

  it('puts the largest region on top and marks which bars drill further', () => {
    const option = buildRegionBarOption(cities, 'amount', 'wan', 'zh', '成交额');
    expect(option.yAxis).toMatchObject({ data: ['县', '市辖区'] });
    expect(option.series).toMatchObject([
      {
        type: 'bar',
        data: [
          { value: 10, code: '110200', clickable: false },
          { value: 700000, code: '110100', clickable: true },
        ],
      },
    ]);
  });

  it('builds breakdown bars and a doughnut in the chosen measure', () => {
    const rows = [row('1', '技术服务', 10, '200000000000'), row('2', '技术开发', 20, '100000000000')];
    expect(buildBreakdownBarOption(rows, 'count', 'yi', 'en', '合同数').series).toMatchObject([{ data: [20, 10] }]);
    expect(buildBreakdownBarOption(rows, 'count', 'yi', 'en', '合同数').yAxis).toMatchObject({ data: ['技术开发-en', '技术服务-en'] });
    expect(buildBreakdownPieOption(rows, 'amount', 'yi', 'zh', '成交额').series).toMatchObject([
      {
        type: 'pie',
        data: [
          { name: '技术服务', value: 20 },
          { name: '技术开发', value: 10 },
        ],
      },
    ]);
  });
});

describe('buildTrendOption', () => {
  it('draws amounts as bars on the left axis and counts as a line on the right', () => {
    const trend: Trend = {
      period: 'year',
      points: [
        { label: '2023', count: 945946, amountFen: '614756600000000', techAmountFen: '0', countGrowth: null, amountGrowth: null },
        { label: '2024', count: 994000, amountFen: '683540000000000', techAmountFen: '0', countGrowth: 5.1, amountGrowth: 11.2 },
      ],
    };
    const option = buildTrendOption(trend, 'yi', text);
    expect(option.xAxis).toMatchObject({ data: ['2023', '2024'] });
    expect(option.series).toMatchObject([
      { type: 'bar', yAxisIndex: 0, data: [61475.66, 68354] },
      { type: 'line', yAxisIndex: 1, data: [945946, 994000] },
    ]);
  });
});

describe('trendRange', () => {
  it('covers the years with data up to the selected one, at most 15', () => {
    expect(trendRange('year', 2024, [2013, 2014, 2024, 2026])).toEqual({ from: 2013, to: 2024 });
    expect(trendRange('year', 2024, [2000, 2024])).toEqual({ from: 2010, to: 2024 });
    expect(trendRange('year', 2012, [2013])).toEqual({ from: 2012, to: 2012 });
    expect(trendRange('year', 2024, [])).toEqual({ from: 2015, to: 2024 });
  });

  it('keeps quarters and months to a few years', () => {
    expect(trendRange('quarter', 2024, [2013])).toEqual({ from: 2022, to: 2024 });
    expect(trendRange('month', 2024, [2013])).toEqual({ from: 2023, to: 2024 });
  });
});

describe('years', () => {
  it('opens on the latest year with contracts, never a future one', () => {
    expect(defaultYear([2013, 2024, 2026], 2025)).toBe(2024);
    expect(defaultYear([2013, 2024, 2026], 2026)).toBe(2026);
    expect(defaultYear([], 2026)).toBe(2026);
  });

  it('lists the years newest first with the selected one included once', () => {
    expect(yearOptions([2013, 2024], 2020)).toEqual([2024, 2020, 2013]);
    expect(yearOptions([2013, 2024], 2024)).toEqual([2024, 2013]);
  });
});
