import { describe, expect, it } from 'vitest';
import { csvCell, csvFileName, statRowsCsv, toCsv } from './stat-csv';

describe('toCsv', () => {
  it('writes a BOM, CRLF lines and quotes what needs quoting', () => {
    const text = toCsv(
      ['地区', '成交额（亿元）'],
      [
        ['北京市', '8,536.90'],
        ['说 "引号", 逗号', 12],
      ],
    );
    expect(text).toBe('\uFEFF地区,成交额（亿元）\r\n北京市,"8,536.90"\r\n"说 ""引号"", 逗号",12\r\n');
  });

  it('defuses formula-looking text but keeps signed numbers and percentages', () => {
    expect(csvCell('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell('-5.1%')).toBe('-5.1%');
    expect(csvCell('+12.0%')).toBe('+12.0%');
    expect(csvCell(-3)).toBe('-3');
    expect(csvCell(null)).toBe('');
  });

  it('makes safe file names', () => {
    expect(csvFileName('技术市场统计', 2024, '北京/海淀 区')).toBe('技术市场统计-2024-北京_海淀_区.csv');
  });
});

describe('statRowsCsv', () => {
  it('exports amounts exactly in the unit, without grouping, and empty cells for missing growth', () => {
    const text = statRowsCsv(
      [
        {
          code: '110000',
          name: '北京市',
          nameEn: 'Beijing',
          count: 106552,
          amountFen: '85369000000000',
          techAmountFen: '80000000000000',
          amountShare: 12.49,
          amountGrowth: 7.4,
          countGrowth: -1.25,
        },
        {
          code: '000000',
          name: '境外',
          nameEn: '',
          count: 0,
          amountFen: '0',
          techAmountFen: '0',
          amountShare: null,
          amountGrowth: null,
          countGrowth: null,
        },
      ],
      {
        label: 'Region',
        count: 'Contracts',
        amount: 'Turnover',
        techAmount: 'Tech',
        share: 'Share %',
        amountGrowth: 'YoY %',
        countGrowth: 'Count YoY %',
      },
      'yi',
      'en',
    );
    expect(text.split('\r\n')).toEqual([
      '\uFEFFRegion,Contracts,Turnover,Tech,Share %,YoY %,Count YoY %',
      'Beijing,106552,8536.90,8000.00,12.5,7.4,-1.3',
      '境外,0,0.00,0.00,,,',
      '',
    ]);
  });
});
