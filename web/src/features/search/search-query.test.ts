import { describe, expect, it } from 'vitest';
import { parseSearchParams } from '../../shared/url/search-params';
import { csvValues, hasCriteria, SearchUrlSchema, toggleCsv, toSearchQuery } from './search-query';

describe('search page state', () => {
  it('reads the URL field by field, dropping bad values only', () => {
    const state = parseSearchParams(SearchUrlSchema, new URLSearchParams('q=电池&trlMin=3&trlMax=99&regionCode=44&page=2&sort=bogus'));
    expect(state).toEqual({ q: '电池', trlMin: 3, page: 2, pageSize: 10 });
  });

  it('turns the state into API parameters: offsets, fen, ordered TRL range, facets', () => {
    expect(toSearchQuery({ q: ' 锂电池 ', page: 3, pageSize: 10, trlMin: 7, trlMax: 4, priceMin: 1.5, priceMax: 20000 })).toEqual({
      q: '锂电池',
      domainCode: undefined,
      industryCode: undefined,
      regionCode: undefined,
      trlMin: 4,
      trlMax: 7,
      transferMode: undefined,
      ipKind: undefined,
      openLicence: undefined,
      priceMinFen: 150,
      priceMaxFen: 2_000_000,
      sort: 'relevance',
      limit: 10,
      offset: 20,
      facets: 'true',
    });
  });

  it('sorts by newest when there are no words, and keeps an explicit sort', () => {
    expect(toSearchQuery({ domainCode: 'TD01' }).sort).toBe('newest');
    expect(toSearchQuery({ q: 'x', sort: 'trl_desc' }).sort).toBe('trl_desc');
  });

  it('knows whether anything was asked', () => {
    expect(hasCriteria({})).toBe(false);
    expect(hasCriteria({ q: '  ', page: 2 })).toBe(false);
    expect(hasCriteria({ openLicence: 'true' })).toBe(true);
    expect(hasCriteria({ q: '石墨烯' })).toBe(true);
  });

  it('toggles values of comma-separated facet filters', () => {
    expect(toggleCsv(undefined, 'TD01')).toBe('TD01');
    expect(toggleCsv('TD01', 'TD02')).toBe('TD01,TD02');
    expect(toggleCsv('TD01,TD02', 'TD01')).toBe('TD02');
    expect(toggleCsv('TD02', 'TD02')).toBeUndefined();
    expect(csvValues('a,,b')).toEqual(['a', 'b']);
  });
});
