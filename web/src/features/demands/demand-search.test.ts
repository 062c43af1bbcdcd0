import { AchievementSearchQuerySchema } from '#shared/contracts/search.contract';
import { describe, expect, it } from 'vitest';
import { parseSearchParams } from '../../shared/url/search-params';
import { activeKeyword, DemandListUrlSchema, pickHighlight, toDemandSearchQuery, toLimitOffset } from './demand-search';

describe('demand keyword search mapping', () => {
  it('maps page and page size to limit and offset', () => {
    expect(toLimitOffset(1, 20)).toEqual({ limit: 20, offset: 0 });
    expect(toLimitOffset(3, 20)).toEqual({ limit: 20, offset: 40 });
    expect(toLimitOffset(undefined, undefined)).toEqual({ limit: 20, offset: 0 });
    expect(toLimitOffset(2, 50)).toEqual({ limit: 50, offset: 50 });
  });

  it('clamps limit and offset to what the endpoint accepts', () => {
    expect(toLimitOffset(2, 200)).toEqual({ limit: 100, offset: 100 });
    expect(toLimitOffset(0, 0)).toEqual({ limit: 1, offset: 0 });
    expect(toLimitOffset(9999, 100).offset).toBe(10_000);
  });

  it('searches only with a non-blank keyword outside "mine" mode', () => {
    expect(activeKeyword({ q: '  锂电池 ' })).toBe('锂电池');
    expect(activeKeyword({ q: '   ' })).toBeUndefined();
    expect(activeKeyword({})).toBeUndefined();
    expect(activeKeyword({ q: '锂电池', mine: true })).toBeUndefined();
    expect(toDemandSearchQuery({ q: '' })).toBeNull();
    expect(toDemandSearchQuery({ q: '锂电池', mine: true })).toBeNull();
  });

  it('passes only the filters the search endpoint supports, and they pass its schema', () => {
    const query = toDemandSearchQuery({
      q: ' 低温 锂电池 ',
      page: 2,
      pageSize: 10,
      domainCode: 'TD01',
      regionCode: '440300',
      cooperationMode: 'LICENSE',
      includeExpired: true,
      industryCode: '3841',
      trl: 5,
    });
    expect(query).toEqual({
      q: '低温 锂电池',
      domainCode: 'TD01',
      regionCode: '440300',
      transferMode: 'LICENSE',
      sort: 'relevance',
      limit: 10,
      offset: 10,
    });
    const parsed = AchievementSearchQuerySchema.safeParse(
      Object.fromEntries(Object.entries(query ?? {}).map(([k, v]) => [k, String(v)])),
    );
    expect(parsed.success).toBe(true);
    expect(parsed.data).toMatchObject({ q: '低温 锂电池', domainCode: ['TD01'], transferMode: ['LICENSE'], limit: 10, offset: 10 });
  });

  it('leaves unset filters out', () => {
    expect(toDemandSearchQuery({ q: 'x' })).toEqual({
      q: 'x',
      domainCode: undefined,
      regionCode: undefined,
      transferMode: undefined,
      sort: 'relevance',
      limit: 20,
      offset: 0,
    });
  });

  it('reads q from the URL next to the list filters, dropping only a bad value', () => {
    const ok = parseSearchParams(DemandListUrlSchema, new URLSearchParams('q=锂电池&domainCode=TD01&page=2'));
    expect(ok).toMatchObject({ q: '锂电池', domainCode: 'TD01', page: 2, pageSize: 20 });
    const tooLong = parseSearchParams(DemandListUrlSchema, new URLSearchParams({ q: 'x'.repeat(201), domainCode: 'TD01' }));
    expect(tooLong.q).toBeUndefined();
    expect(tooLong.domainCode).toBe('TD01');
  });

  it('picks the highlight of a field', () => {
    const hl = [
      { field: 'title' as const, text: '锂电池', ranges: [[0, 3]] as [number, number][] },
      { field: 'description' as const, text: '低温锂电池', ranges: [[2, 5]] as [number, number][] },
    ];
    expect(pickHighlight(hl, 'description')?.text).toBe('低温锂电池');
    expect(pickHighlight(hl, 'keywords')).toBeUndefined();
    expect(pickHighlight(undefined, 'title')).toBeUndefined();
  });
});
