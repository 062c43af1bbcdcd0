import { AdminUserQuerySchema } from '#shared/contracts/auth.contract';
import { OrganisationQuerySchema } from '#shared/contracts/organisations.contract';
import { describe, expect, it } from 'vitest';
import { parseSearchParams, toSearchParams } from './search-params';

describe('parseSearchParams', () => {
  it('reads typed filters and fills schema defaults', () => {
    const filters = parseSearchParams(OrganisationQuerySchema, new URLSearchParams('q=大学&type=university&mine=true&page=3'));
    expect(filters).toEqual({ q: '大学', type: 'university', mine: true, page: 3, pageSize: 20 });
  });

  it('drops only the fields whose values are invalid', () => {
    const filters = parseSearchParams(AdminUserQuerySchema, new URLSearchParams('regionCode=11&role=king&q=张&page=-1'));
    expect(filters).toEqual({ q: '张', pageSize: 20 });
  });

  it('treats empty values as absent', () => {
    expect(parseSearchParams(AdminUserQuerySchema, new URLSearchParams('q=&role='))).toEqual({ page: 1, pageSize: 20 });
  });
});

describe('toSearchParams', () => {
  it('writes non-empty values and leaves out page 1 and false flags', () => {
    expect(toSearchParams({ q: '大学', page: 1, pageSize: 20, mine: false, type: undefined, regionCode: '110000' }).toString()).toBe(
      'q=%E5%A4%A7%E5%AD%A6&pageSize=20&regionCode=110000',
    );
    expect(toSearchParams({ page: 2, mine: true }).toString()).toBe('page=2&mine=true');
  });
});
