import { describe, expect, it } from 'vitest';
import { barChartHeight, buildProvinceBarOption, buildTypePieOption, withShares } from './platform.options';

const rows = withShares([
  { key: '510000', label: '四川省', count: 2 },
  { key: '110000', label: '北京市', count: 3 },
  { key: '440000', label: '广东省', count: 3 },
  { key: '210000', label: '辽宁省', count: 0 },
]);

describe('withShares', () => {
  it('sorts by count, then by label, and adds each share of the total', () => {
    expect(rows.map((r) => r.key)).toEqual(['110000', '440000', '510000', '210000']);
    expect(rows.map((r) => r.share)).toEqual([0.375, 0.375, 0.25, 0]);
  });

  it('gives zero shares when everything is zero', () => {
    expect(withShares([{ key: 'a', label: 'a', count: 0 }])[0]?.share).toBe(0);
    expect(withShares([])).toEqual([]);
  });
});

describe('buildProvinceBarOption', () => {
  it('draws the largest province on top with its count', () => {
    const option = buildProvinceBarOption(rows, '机构数');
    expect(option.yAxis).toMatchObject({ type: 'category', data: ['辽宁省', '四川省', '广东省', '北京市'] });
    expect(option.series).toMatchObject([{ type: 'bar', name: '机构数', data: [0, 2, 3, 3] }]);
  });

  it('grows with the number of bars but never below the minimum', () => {
    expect(barChartHeight(1)).toBe(240);
    expect(barChartHeight(31)).toBe(28 * 31 + 60);
  });
});

describe('buildTypePieOption', () => {
  it('feeds each row as a named slice', () => {
    const option = buildTypePieOption(rows.slice(0, 2), '机构数');
    expect(option.series).toMatchObject([
      {
        type: 'pie',
        data: [
          { name: '北京市', value: 3 },
          { name: '广东省', value: 3 },
        ],
      },
    ]);
  });
});
