import type { User } from '#shared/contracts/auth.contract';
import { hasAnyRole, isPlatformAdmin, overviewRegionFor } from '../shared/auth/permissions';

export type NavKey = 'home' | 'organisations' | 'code-lists' | 'profile' | 'admin-users' | 'admin-region' | 'admin-audit';
export type NavItem = { key: NavKey; path: string };

/** The menu for a user (null: anonymous). Hiding an item is convenience; the API enforces access. */
export function buildNavItems(user: User | null): NavItem[] {
  const items: NavItem[] = [
    { key: 'home', path: '/' },
    { key: 'organisations', path: '/organisations' },
    { key: 'code-lists', path: '/code-lists' },
  ];
  if (!user) {
    return items;
  }
  items.push({ key: 'profile', path: '/profile' });
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
