import { describe, expect, it } from 'vitest';
import { makeUser } from '../test/factories';
import { activeNavKey, buildNavItems } from './navigation';

const keys = (user: Parameters<typeof buildNavItems>[0]) => buildNavItems(user).map((i) => i.key);

describe('buildNavItems', () => {
  it('shows the public items to anonymous visitors', () => {
    expect(keys(null)).toEqual(['home', 'organisations', 'code-lists']);
  });

  it('adds the profile for any signed-in user, with no admin items for members and registrars', () => {
    expect(keys(makeUser([]))).toEqual(['home', 'organisations', 'code-lists', 'profile']);
    expect(keys(makeUser([{ role: 'registrar', regionCode: '110000' }]))).toEqual(['home', 'organisations', 'code-lists', 'profile']);
    expect(keys(makeUser([{ role: 'tto_officer' }]))).not.toContain('admin-users');
  });

  it('gives regional admins users and their own region, but not the audit', () => {
    const items = buildNavItems(makeUser([{ role: 'regional_admin', regionCode: '440000' }]));
    expect(items.map((i) => i.key)).toEqual(['home', 'organisations', 'code-lists', 'profile', 'admin-users', 'admin-region']);
    expect(items.find((i) => i.key === 'admin-region')?.path).toBe('/admin/regions/440000');
  });

  it('gives platform admins everything, the region overview opening on Beijing', () => {
    const items = buildNavItems(makeUser([{ role: 'platform_admin' }]));
    expect(items.map((i) => i.key)).toEqual([
      'home',
      'organisations',
      'code-lists',
      'profile',
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
  });
});
