import type { CodeListItem } from '#shared/contracts/regions.contract';
import { describe, expect, it } from 'vitest';
import { buildCodeIndex, fullName, itemLabel, matchesItem, pathToCode, regionAncestorCandidates } from './code-tree';

const item = (code: string, name: string, parentCode: string | null, extra: Partial<CodeListItem> = {}): CodeListItem => ({
  code,
  name,
  parentCode,
  level: 0,
  ...extra,
});

const REGIONS: CodeListItem[] = [
  item('440000', '广东省', null),
  item('440300', '深圳市', '440000'),
  item('440305', '南山区', '440300'),
  item('110000', '北京市', null, { nameEn: 'Beijing' }),
  // Municipality counties often point at a 市辖区 (110100) that the list does not contain.
  item('110108', '海淀区', '110100'),
  item('440106', '天河区', '440100'),
];

describe('buildCodeIndex', () => {
  it('builds the tree from parentCode, keeping input order among siblings', () => {
    const index = buildCodeIndex(REGIONS.slice(0, 4));
    expect(index.roots.map((n) => n.item.code)).toEqual(['440000', '110000']);
    expect(index.roots[0]?.children.map((n) => n.item.code)).toEqual(['440300']);
    expect(index.roots[0]?.children[0]?.children.map((n) => n.item.code)).toEqual(['440305']);
  });

  it('makes items with a missing parent roots when no fallback is given', () => {
    const index = buildCodeIndex(REGIONS);
    expect(index.roots.map((n) => n.item.code)).toEqual(['440000', '110000', '110108', '440106']);
  });

  it('hangs orphans on their nearest present ancestor with the GB/T 2260 fallback', () => {
    const index = buildCodeIndex(REGIONS, regionAncestorCandidates);
    expect(index.roots.map((n) => n.item.code)).toEqual(['440000', '110000']);
    expect(index.parentOf.get('110108')).toBe('110000');
    // 440100 (广州市) is absent, so 天河区 goes straight under 广东省.
    expect(index.parentOf.get('440106')).toBe('440000');
  });

  it('does not lose items that form a parent cycle', () => {
    const index = buildCodeIndex([item('A', 'a', 'B'), item('B', 'b', 'A')]);
    expect([...index.byCode.keys()].sort()).toEqual(['A', 'B']);
    expect(index.roots.length).toBeGreaterThan(0);
    expect(pathToCode(index, 'A').length).toBeLessThanOrEqual(2);
  });

  it('keeps the last of duplicated codes only once', () => {
    const index = buildCodeIndex([item('X', 'first', null), item('X', 'second', null)]);
    expect(index.roots).toHaveLength(1);
    expect(index.byCode.get('X')?.name).toBe('second');
  });
});

describe('regionAncestorCandidates', () => {
  it('lists city then province for a county, province for a city, nothing for a province', () => {
    expect(regionAncestorCandidates('440305')).toEqual(['440300', '440000']);
    expect(regionAncestorCandidates('440300')).toEqual(['440000']);
    expect(regionAncestorCandidates('440000')).toEqual([]);
    expect(regionAncestorCandidates('A01')).toEqual([]);
  });
});

describe('pathToCode and fullName', () => {
  const index = buildCodeIndex(REGIONS, regionAncestorCandidates);

  it('returns the codes from the root down', () => {
    expect(pathToCode(index, '440305')).toEqual(['440000', '440300', '440305']);
    expect(pathToCode(index, '999999')).toEqual([]);
    expect(pathToCode(index, null)).toEqual([]);
  });

  it('joins names along the path, in English where a name exists', () => {
    expect(fullName(index, '440305', 'zh')).toBe('广东省 / 深圳市 / 南山区');
    expect(fullName(index, '110108', 'en', ' › ')).toBe('Beijing › 海淀区');
  });

  it('falls back to the code when the list is not loaded or lacks it', () => {
    expect(fullName(undefined, '440305', 'zh')).toBe('440305');
    expect(fullName(index, '999999', 'zh')).toBe('999999');
    expect(fullName(index, null, 'zh')).toBe('');
  });
});

describe('itemLabel and matchesItem', () => {
  it('prefers nameEn only in English', () => {
    expect(itemLabel({ name: '北京市', nameEn: 'Beijing' }, 'en')).toBe('Beijing');
    expect(itemLabel({ name: '北京市', nameEn: 'Beijing' }, 'zh')).toBe('北京市');
    expect(itemLabel({ name: '海淀区' }, 'en')).toBe('海淀区');
  });

  it('matches a code prefix, or part of the Chinese or English name, case-insensitively', () => {
    const industry = { code: 'C39', name: '计算机、通信和其他电子设备制造业', nameEn: 'Electronics' };
    expect(matchesItem(industry, 'c3')).toBe(true);
    expect(matchesItem(industry, '电子')).toBe(true);
    expect(matchesItem(industry, 'ELECTRO')).toBe(true);
    expect(matchesItem(industry, '农业')).toBe(false);
    expect(matchesItem(industry, '39')).toBe(false);
    expect(matchesItem({ code: '440305', name: '南山区' }, '4403')).toBe(true);
    expect(matchesItem(industry, '  ')).toBe(true);
  });
});
