import { describe, expect, it, vi } from 'vitest';
import { CODE_LIST_NAMES, CodeListItemSchema, CodeListSchema, type CodeListItem } from '#shared/contracts/regions.contract';
import { ROLES } from '#shared/contracts/auth.contract';
import { ORGANISATION_TYPES } from '#shared/contracts/organisations.contract';
import { regionLevelOf } from '#shared/format/region-scope';
import { AppError } from '#server/lib/app-error';
import { CODE_LIST_META, STATIC_CODE_LISTS } from './code-lists';
import {
  buildRegionRows,
  diffRows,
  fingerprintOf,
  industryLine,
  loadReferenceData,
  parseCsv,
  parseIndustriesCsv,
  regionLine,
  resolveDataFile,
  type LevelNode,
} from './reference-data';
import type { RegionRow, RegionsRepo } from './regions.repo';
import { createRegionsService, filterCodeListItems } from './regions.service';
import { provinceCodesOf, ZONE_PROVINCE_PREFIXES, zoneOf } from './zones';

const BEIJING: RegionRow = { code: '110000', name: '北京市', level: 'province', parentCode: null, provinceCode: '110000', zone: 'east' };
const HAIDIAN: RegionRow = { code: '110108', name: '海淀区', level: 'county', parentCode: '110000', provinceCode: '110000', zone: 'east' };

function fakeRepo(rows: RegionRow[] = [BEIJING, HAIDIAN]) {
  const repo = {
    findRegion: vi.fn(async (code: string) => rows.find((r) => r.code === code)),
    regionNames: vi.fn(async (codes: readonly string[]) => rows.filter((r) => codes.includes(r.code))),
    listProvinces: vi.fn(async () => rows.filter((r) => r.level === 'province')),
    listRegions: vi.fn(async () => rows),
    listIndustries: vi.fn(async () => []),
    counts: vi.fn(async () => ({ regions: 3682, industries: 1971 })),
  };
  return repo as typeof repo & RegionsRepo;
}

describe('zoneOf', () => {
  it('assigns the yearbook zones to provinces, cities and counties', () => {
    expect(zoneOf('110000')).toBe('east');
    expect(zoneOf('440305')).toBe('east'); // 南山区, 深圳
    expect(zoneOf('460100')).toBe('east'); // 海口
    expect(zoneOf('140000')).toBe('central');
    expect(zoneOf('420100')).toBe('central'); // 武汉
    expect(zoneOf('210000')).toBe('northeast');
    expect(zoneOf('230100')).toBe('northeast');
    expect(zoneOf('150000')).toBe('west'); // 内蒙古
    expect(zoneOf('450000')).toBe('west'); // 广西
    expect(zoneOf('500103')).toBe('west'); // 渝中区
    expect(zoneOf('810001')).toBe('hmt');
    expect(zoneOf('710000')).toBe('hmt');
  });

  it('throws for a province code it does not know', () => {
    expect(() => zoneOf('990000')).toThrow(/no economic zone/);
  });

  it('partitions the 34 provincial divisions 10/6/12/3 plus 3 港澳台', () => {
    const sizes = Object.fromEntries(Object.entries(ZONE_PROVINCE_PREFIXES).map(([z, p]) => [z, p.length]));
    expect(sizes).toEqual({ east: 10, central: 6, west: 12, northeast: 3, hmt: 3 });
    expect(new Set(Object.values(ZONE_PROVINCE_PREFIXES).flat()).size).toBe(34);
    expect(provinceCodesOf('northeast')).toEqual(['210000', '220000', '230000']);
  });
});

describe('buildRegionRows', () => {
  const tree: LevelNode[] = [
    { code: '110000', name: '北京市', province: '11', children: [{ code: '110108', name: '海淀区', province: '11', city: '01', area: '08' }] },
    {
      code: '410000',
      name: '河南省',
      province: '41',
      children: [
        { code: '410100', name: '郑州市', province: '41', city: '01', children: [{ code: '410102', name: '中原区', province: '41', city: '01', area: '02' }] },
        { code: '419000', name: '河南省-省直辖县级行政区划', province: '41', city: '90', children: [{ code: '419001', name: '济源市', province: '41', city: '90', area: '01' }] },
      ],
    },
    { code: '650000', name: '新疆维吾尔自治区', province: '65', children: [{ code: '659000', name: '新疆-直辖县级行政区划', province: '65', city: '90', children: [] }] },
    { code: '710000', name: '台湾省', province: '71', children: [] },
  ];

  it('flattens the tree with parent, province and zone', () => {
    const rows = buildRegionRows(tree);
    expect(rows.map((r) => r.code)).toEqual(['110000', '110108', '410000', '410100', '410102', '419000', '419001', '650000', '659000', '710000']);
    expect(rows.find((r) => r.code === '110108')).toEqual(HAIDIAN);
    expect(rows.find((r) => r.code === '410102')).toMatchObject({ level: 'county', parentCode: '410100', provinceCode: '410000', zone: 'central' });
    expect(rows.find((r) => r.code === '710000')).toMatchObject({ level: 'province', parentCode: null, zone: 'hmt' });
  });

  it('names pseudo-cities as GB/T 2260 does', () => {
    const rows = buildRegionRows(tree);
    expect(rows.find((r) => r.code === '419000')).toMatchObject({ name: '省直辖县级行政区划', level: 'city' });
    expect(rows.find((r) => r.code === '659000')?.name).toBe('自治区直辖县级行政区划');
  });

  it('rejects duplicate codes and non-province roots', () => {
    expect(() => buildRegionRows([tree[3]!, tree[3]!])).toThrow(/duplicate/);
    expect(() => buildRegionRows([{ code: '110100', name: 'x', province: '11' }])).toThrow(/not a province/);
  });

  it('builds the full package tree: 34 provinces, levels consistent with the codes', async () => {
    const { regions } = await loadReferenceData();
    const byCode = new Map(regions.map((r) => [r.code, r]));
    expect(regions.filter((r) => r.level === 'province')).toHaveLength(34);
    expect(regions.length).toBe(byCode.size);
    for (const r of regions) {
      expect(r.level).toBe(regionLevelOf(r.code));
      if (r.parentCode) {
        expect(byCode.get(r.parentCode)?.provinceCode).toBe(r.provinceCode);
      }
    }
    expect(byCode.get('440300')).toMatchObject({ name: '深圳市', parentCode: '440000', level: 'city' });
  });
});

describe('parseCsv', () => {
  it('handles quotes, doubled quotes, commas in fields, CRLF and a BOM', () => {
    const text = '\uFEFFa,b,c\r\n1,"x, ""y""",\r\n2,z,"multi\nline"\n';
    expect(parseCsv(text)).toEqual([
      ['a', 'b', 'c'],
      ['1', 'x, "y"', ''],
      ['2', 'z', 'multi\nline'],
    ]);
  });
});

describe('parseIndustriesCsv', () => {
  const header = 'code,name,parent_code,level,description\n';

  it('reads rows with null parent and description when empty', () => {
    const rows = parseIndustriesCsv(`${header}A,农、林、牧、渔业,,0,本门类包括 01～05 大类\n01,农业,A,1,\n011,谷物种植,01,2,"指以收获籽实为主的农作物的种植，包括稻谷、小麦"\n`);
    expect(rows).toEqual([
      { code: 'A', name: '农、林、牧、渔业', parentCode: null, level: 0, description: '本门类包括 01～05 大类' },
      { code: '01', name: '农业', parentCode: 'A', level: 1, description: null },
      { code: '011', name: '谷物种植', parentCode: '01', level: 2, description: '指以收获籽实为主的农作物的种植，包括稻谷、小麦' },
    ]);
  });

  it('rejects a child whose code does not extend its parent', () => {
    expect(() => parseIndustriesCsv(`${header}A,x,,0,\n01,y,A,1,\n02,z,A,1,\n021,w,01,2,\n`)).toThrow(/does not fit parent/);
  });

  it('rejects a wrong header and duplicate codes', () => {
    expect(() => parseIndustriesCsv('code,name\nA,x\n')).toThrow(/header/);
    expect(() => parseIndustriesCsv(`${header}A,x,,0,\nA,y,,0,\n`)).toThrow(/duplicate/);
  });

  it('parses the shipped GB/T 4754 file: 20/97/473/1381 codes', async () => {
    const { industries } = await loadReferenceData();
    const perLevel = [0, 1, 2, 3].map((l) => industries.filter((r) => r.level === l).length);
    expect(perLevel).toEqual([20, 97, 473, 1381]);
    expect(resolveDataFile('gb4754-2017-industries.csv')).toMatch(/regions[\\/]data[\\/]gb4754-2017-industries\.csv$/);
  });
});

describe('fingerprintOf / diffRows', () => {
  it('is independent of row order and changes with any field', () => {
    const a = fingerprintOf([BEIJING, HAIDIAN], regionLine);
    expect(fingerprintOf([HAIDIAN, BEIJING], regionLine)).toEqual(a);
    expect(fingerprintOf([BEIJING, { ...HAIDIAN, name: '海淀' }], regionLine).digest).not.toBe(a.digest);
    expect(fingerprintOf([], industryLine)).toEqual({ count: 0, digest: null });
  });

  it('writes new and changed rows and reports stale codes', () => {
    const stale: RegionRow = { ...HAIDIAN, code: '110199' };
    const { write, stale: gone } = diffRows([BEIJING, { ...HAIDIAN, name: '海淀' }], [BEIJING, HAIDIAN, stale], regionLine);
    expect(write.map((r) => r.name)).toEqual(['海淀']);
    expect(gone).toEqual(['110199']);
  });
});

describe('static code lists', () => {
  it('match the contract schema, with unique codes and known parents', () => {
    for (const [name, items] of Object.entries(STATIC_CODE_LISTS)) {
      const codes = new Set(items.map((i: CodeListItem) => i.code));
      expect(codes.size, name).toBe(items.length);
      for (const item of items) {
        expect(CodeListItemSchema.parse(item)).toEqual(item);
        expect(item.parentCode === null || codes.has(item.parentCode), `${name} ${item.code}`).toBe(true);
      }
    }
    expect(Object.keys(CODE_LIST_META).sort()).toEqual([...CODE_LIST_NAMES].sort());
  });

  it('cover the contract enums and the domain tables', () => {
    expect(STATIC_CODE_LISTS.roles.map((r) => r.code)).toEqual([...ROLES]);
    expect(STATIC_CODE_LISTS['organisation-types'].map((r) => r.code)).toEqual([...ORGANISATION_TYPES]);
    expect(STATIC_CODE_LISTS['technology-domains'].map((r) => r.code)).toEqual(
      Array.from({ length: 11 }, (_, i) => `TD${String(i + 1).padStart(2, '0')}`),
    );
    expect(STATIC_CODE_LISTS.trl.map((r) => r.code)).toEqual(['1', '2', '3', '4', '5', '6', '7', '8', '9']);
    const contractTypes = STATIC_CODE_LISTS['contract-types'];
    expect(contractTypes.filter((c) => c.level === 0).map((c) => c.code)).toEqual(['DEV', 'TRF', 'LIC', 'CON', 'SVC']);
    expect(contractTypes.filter((c) => c.parentCode === 'SVC').map((c) => c.code)).toEqual(['SVC-TRN', 'SVC-BRK']);
    expect(contractTypes).toHaveLength(16);
    const enterprise = STATIC_CODE_LISTS['organisation-types'][0]!;
    expect(enterprise.extra?.ownerships).toHaveLength(3);
  });
});

describe('filterCodeListItems', () => {
  const items = STATIC_CODE_LISTS['contract-types'];

  it('matches a name substring, an English name ignoring case, or a code prefix', () => {
    expect(filterCodeListItems(items, { q: '许可' }).map((i) => i.code)).toEqual(['LIC', 'LIC-PAT', 'LIC-SEC', 'LIC-OTH']);
    expect(filterCodeListItems(items, { q: 'brokerage' }).map((i) => i.code)).toEqual(['SVC-BRK']);
    expect(filterCodeListItems(items, { q: 'trf-' }).map((i) => i.code)).toEqual(['TRF-PAT', 'TRF-APP', 'TRF-SEC', 'TRF-OTH']);
  });

  it('keeps direct children of `parent` and one `level`', () => {
    expect(filterCodeListItems(items, { parent: 'DEV' }).map((i) => i.code)).toEqual(['DEV-COM', 'DEV-COOP']);
    expect(filterCodeListItems(items, { level: 0 })).toHaveLength(5);
    expect(filterCodeListItems(items, { level: 1, q: '专利' }).map((i) => i.code)).toEqual(['TRF-PAT', 'TRF-APP', 'LIC-PAT']);
  });
});

describe('createRegionsService', () => {
  it('lists every code list with its size', async () => {
    const service = createRegionsService({ db: {} as never, repo: fakeRepo() });
    const { items } = await service.listCodeLists();
    expect(items.map((i) => i.name)).toEqual([...CODE_LIST_NAMES]);
    expect(items.find((i) => i.name === 'regions')?.total).toBe(3682);
    expect(items.find((i) => i.name === 'trl')).toEqual({ name: 'trl', title: '技术成熟度等级', titleEn: 'Technology readiness levels', total: 9 });
  });

  it('throws code_list/not_found for an unknown list', async () => {
    const service = createRegionsService({ db: {} as never, repo: fakeRepo() });
    const err = await service.getCodeList('colours', {}).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AppError);
    expect(err).toMatchObject({ code: 'code_list/not_found', status: 404, params: { name: 'colours' } });
  });

  it('serves regions from the repository as tree items and skips the query for levels below county', async () => {
    const repo = fakeRepo();
    const service = createRegionsService({ db: {} as never, repo });
    const list = await service.getCodeList('regions', { parent: '110000' });
    expect(CodeListSchema.parse(list)).toEqual(list);
    expect(repo.listRegions).toHaveBeenCalledWith({ q: undefined, parent: '110000', level: undefined });
    expect(list.items[1]).toEqual({ code: '110108', name: '海淀区', parentCode: '110000', level: 2, extra: { zone: 'east', provinceCode: '110000' } });
    await service.getCodeList('regions', { level: 1 });
    expect(repo.listRegions).toHaveBeenLastCalledWith({ q: undefined, parent: undefined, level: 'city' });
    expect((await service.getCodeList('regions', { level: 3 })).items).toEqual([]);
    expect(repo.listRegions).toHaveBeenCalledTimes(2);
  });

  it('returns a region or throws region/not_found', async () => {
    const service = createRegionsService({ db: {} as never, repo: fakeRepo() });
    expect(await service.getRegion('110108')).toEqual(HAIDIAN);
    await expect(service.getRegion('999999')).rejects.toMatchObject({ code: 'region/not_found', params: { code: '999999' } });
    expect(await service.regionExists('110000')).toBe(true);
    expect(await service.regionExists('999999')).toBe(false);
    expect(await service.regionName('110108')).toBe('海淀区');
    expect(await service.regionName('999999')).toBeUndefined();
  });

  it('looks up many names at once, each code once, and works detached from the service', async () => {
    const repo = fakeRepo();
    const { regionNames, regionExists } = createRegionsService({ db: {} as never, repo });
    const names = await regionNames(['110108', '110108', '999999']);
    expect([...names]).toEqual([['110108', '海淀区']]);
    expect(repo.regionNames).toHaveBeenCalledWith(['110108', '999999']);
    expect(await regionExists('110108')).toBe(true);
  });
});
