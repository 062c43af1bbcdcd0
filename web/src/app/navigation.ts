import type { User } from '#shared/contracts/auth.contract';
import { hasAnyRole, isPlatformAdmin, overviewRegionFor } from '../shared/auth/permissions';

export type NavKey =
  | 'home'
  | 'search'
  | 'demands'
  | 'experts'
  | 'organisations'
  | 'code-lists'
  | 'profile'
  | 'my-achievements'
  | 'import-achievements'
  | 'admin-users'
  | 'admin-region'
  | 'admin-audit';
export type NavItem = { key: NavKey; path: string };

/** The menu for a user (null: anonymous). Hiding an item is convenience; the API enforces access. */
export function buildNavItems(user: User | null): NavItem[] {
  const items: NavItem[] = [
    { key: 'home', path: '/' },
    { key: 'search', path: '/search' },
    { key: 'demands', path: '/demands' },
    { key: 'experts', path: '/experts' },
    { key: 'organisations', path: '/organisations' },
    { key: 'code-lists', path: '/code-lists' },
  ];
  if (!user) {
    return items;
  }
  items.push({ key: 'profile', path: '/profile' });
  // Listings belong to organisations: members and TTO officers have an owner dashboard.
  if (user.organisationIds.length > 0 || hasAnyRole(user, ['tto_officer'])) {
    items.push({ key: 'my-achievements', path: '/achievements/mine' });
    // Bulk import (汇交); the API decides who may import for which organisation.
    items.push({ key: 'import-achievements', path: '/achievements/import' });
  }
  if (hasAnyRole(user, ['platform_admin', 'regional_admin'])) {
    items.push({ key: 'admin-users', path: '/admin/users' });
  }
  const region = overviewRegionFor(user);
  if (region) {
    items.push({ key: 'admin-region', path: `/admin/regions/${region}` });
  }
  if (isPlatformAdmin(user)) {
    items.push({ key: 'admin-audit', path: '/admin/audit' });
  }
  return items;
}

const SECTION_PREFIXES: [string, NavKey][] = [
  ['/search', 'search'],
  ['/achievements/mine', 'my-achievements'],
  ['/achievements/new', 'my-achievements'],
  ['/achievements/import', 'import-achievements'],
  ['/achievements', 'search'],
  ['/demands', 'demands'],
  ['/experts', 'experts'],
  ['/organisations', 'organisations'],
  ['/code-lists', 'code-lists'],
  ['/profile', 'profile'],
  ['/admin/users', 'admin-users'],
  ['/admin/regions', 'admin-region'],
  ['/admin/audit', 'admin-audit'],
];

/** The menu key to highlight for a path ('/organisations/123' → 'organisations'). */
export function activeNavKey(pathname: string): NavKey | undefined {
  if (pathname === '/') {
    return 'home';
  }
  for (const [prefix, key] of SECTION_PREFIXES) {
    if (pathname === prefix || pathname.startsWith(`${prefix}/`)) {
      return key;
    }
  }
  return undefined;
}
