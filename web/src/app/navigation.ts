import type { User } from '#shared/contracts/auth.contract';
import { hasAnyRole, isPlatformAdmin, overviewRegionFor } from '../shared/auth/permissions';

export type NavKey =
  | 'home'
  | 'search'
  | 'market'
  | 'notices'
  | 'demands'
  | 'experts'
  | 'organisations'
  | 'code-lists'
  | 'profile'
  | 'my-achievements'
  | 'import-achievements'
  | 'my-deals'
  | 'market-operator'
  | 'registrations'
  | 'statistics'
  | 'open-data'
  | 'admin-users'
  | 'admin-region'
  | 'admin-audit';
export type NavItem = { key: NavKey; path: string };

/** The menu for a user (null: anonymous). Hiding an item is convenience; the API enforces access. */
export function buildNavItems(user: User | null): NavItem[] {
  const items: NavItem[] = [
    { key: 'home', path: '/' },
    { key: 'search', path: '/search' },
    // 技术市场 (listings, auctions, tenders) and the public notice board are open without login.
    { key: 'market', path: '/market' },
    { key: 'notices', path: '/notices' },
    { key: 'demands', path: '/demands' },
    { key: 'experts', path: '/experts' },
    { key: 'organisations', path: '/organisations' },
    { key: 'code-lists', path: '/code-lists' },
    // National technology-market statistics as open data (no login).
    { key: 'open-data', path: '/open-data' },
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
    // Negotiations, auctions and tenders the organisation takes part in, and its deals.
    items.push({ key: 'my-deals', path: '/market/deals' });
  }
  if (hasAnyRole(user, ['platform_admin', 'market_operator'])) {
    items.push({ key: 'market-operator', path: '/market/operator' });
  }
  // 技术合同登记: applicants (members of an organisation) and registrars.
  if (user.organisationIds.length > 0 || hasAnyRole(user, ['platform_admin', 'registrar'])) {
    items.push({ key: 'registrations', path: '/registrations' });
  }
  // 统计监测: the government side sees its own region.
  if (hasAnyRole(user, ['platform_admin', 'regional_admin', 'registrar', 'market_operator'])) {
    items.push({ key: 'statistics', path: '/statistics' });
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
  ['/market/deals', 'my-deals'],
  ['/market/operator', 'market-operator'],
  ['/market', 'market'],
  ['/notices', 'notices'],
  ['/registrations', 'registrations'],
  ['/statistics', 'statistics'],
  ['/open-data', 'open-data'],
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
