import { describe, expect, it } from 'vitest';
import { makeUser } from '../test/factories';
import { activeNavKey, buildNavItems } from './navigation';

/** The items everyone sees, first and in this order. */
const PUBLIC = ['home', 'search', 'market', 'notices', 'demands', 'experts', 'organisations', 'code-lists', 'open-data'];

const keys = (user: Parameters<typeof buildNavItems>[0]) => buildNavItems(user).map((i) => i.key);

describe('buildNavItems', () => {
  it('shows the public items to anonymous visitors', () => {
    expect(keys(null)).toEqual(PUBLIC);
  });

  it('adds the profile for any signed-in user, with no admin items for members and registrars', () => {
    expect(keys(makeUser([]))).toEqual([...PUBLIC, 'profile']);
    expect(keys(makeUser([{ role: 'registrar', regionCode: '110000' }]))).toEqual([...PUBLIC, 'profile', 'registrations', 'statistics']);
    expect(keys(makeUser([{ role: 'tto_officer' }]))).not.toContain('admin-users');
  });

  it('gives regional admins users and their own region, but not the audit', () => {
    const items = buildNavItems(makeUser([{ role: 'regional_admin', regionCode: '440000' }]));
    expect(items.map((i) => i.key)).toEqual([...PUBLIC, 'profile', 'statistics', 'admin-users', 'admin-region']);
    expect(items.find((i) => i.key === 'admin-region')?.path).toBe('/admin/regions/440000');
  });

  it('gives platform admins everything, the region overview opening on Beijing', () => {
    const items = buildNavItems(makeUser([{ role: 'platform_admin' }]));
    expect(items.map((i) => i.key)).toEqual([
      ...PUBLIC,
      'profile',
      'market-operator',
      'registrations',
      'statistics',
      'admin-users',
      'admin-region',
      'admin-audit',
    ]);
    expect(items.find((i) => i.key === 'admin-region')?.path).toBe('/admin/regions/110000');
  });
});

describe('activeNavKey', () => {
  it('highlights the section of nested paths', () => {
    expect(activeNavKey('/')).toBe('home');
    expect(activeNavKey('/organisations/abc')).toBe('organisations');
    expect(activeNavKey('/organisations/new')).toBe('organisations');
    expect(activeNavKey('/admin/regions/440000')).toBe('admin-region');
    expect(activeNavKey('/admin/usersx')).toBeUndefined();
    expect(activeNavKey('/login')).toBeUndefined();
    expect(activeNavKey('/achievements/mine')).toBe('my-achievements');
    expect(activeNavKey('/achievements/abc')).toBe('search');
    expect(activeNavKey('/demands/abc/edit')).toBe('demands');
    expect(activeNavKey('/market/auctions/abc')).toBe('market');
    expect(activeNavKey('/market/deals/abc')).toBe('my-deals');
    expect(activeNavKey('/market/operator')).toBe('market-operator');
    expect(activeNavKey('/notices/abc')).toBe('notices');
    expect(activeNavKey('/registrations/new')).toBe('registrations');
    expect(activeNavKey('/registrations/check')).toBe('registrations');
    expect(activeNavKey('/statistics')).toBe('statistics');
    expect(activeNavKey('/open-data')).toBe('open-data');
  });

  it('gives market operators their console and organisation members their deals', () => {
    expect(keys(makeUser([{ role: 'market_operator', regionCode: '110000' }]))).toContain('market-operator');
    expect(keys(makeUser([{ role: 'registrar', regionCode: '110000' }]))).not.toContain('market-operator');
    expect(keys({ ...makeUser([]), organisationIds: ['o1'] })).toContain('my-deals');
    expect(keys(makeUser([]))).not.toContain('my-deals');
  });

  it('gives members of an organisation and TTO officers their listings dashboard', () => {
    expect(keys({ ...makeUser([]), organisationIds: ['o1'] })).toContain('my-achievements');
    expect(keys(makeUser([{ role: 'tto_officer', organisationId: 'o1' }]))).toContain('my-achievements');
    expect(keys(makeUser([]))).not.toContain('my-achievements');
  });

  it('offers members and TTO officers the bulk import page', () => {
    expect(keys({ ...makeUser([]), organisationIds: ['o1'] })).toContain('import-achievements');
    expect(keys(makeUser([{ role: 'tto_officer', organisationId: 'o1' }]))).toContain('import-achievements');
    expect(keys(makeUser([]))).not.toContain('import-achievements');
    expect(activeNavKey('/achievements/import')).toBe('import-achievements');
  });

  it('offers contract registration to members of an organisation and registrars, statistics to the government side', () => {
    expect(keys({ ...makeUser([]), organisationIds: ['o1'] })).toContain('registrations');
    expect(keys({ ...makeUser([]), organisationIds: ['o1'] })).not.toContain('statistics');
    expect(keys(makeUser([{ role: 'tto_officer', organisationId: 'o1' }]))).not.toContain('registrations');
    expect(keys(makeUser([{ role: 'market_operator', regionCode: '110000' }]))).toContain('statistics');
    expect(keys(makeUser([{ role: 'market_operator', regionCode: '110000' }]))).not.toContain('registrations');
    expect(keys(makeUser([]))).not.toContain('registrations');
  });
});
