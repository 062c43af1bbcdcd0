import { lazy, type ComponentType } from 'react';
import { createBrowserRouter } from 'react-router-dom';
import { RequireAuth } from '../shared/auth/RequireAuth';
import { AppLayout } from './AppLayout';
import { NotFoundPage } from './pages/NotFoundPage';
import { RouteErrorPage } from './pages/RouteErrorPage';

/** React.lazy for a module with a named page export (the codebase has no default exports). */
function lazyPage<M extends Record<string, unknown>, K extends keyof M & string>(load: () => Promise<M>, name: K) {
  return lazy(async () => ({ default: (await load())[name] as ComponentType }));
}

const HomePage = lazyPage(() => import('../features/platform/pages/HomePage'), 'HomePage');
const LoginPage = lazyPage(() => import('../features/auth/pages/LoginPage'), 'LoginPage');
const RegisterPage = lazyPage(() => import('../features/auth/pages/RegisterPage'), 'RegisterPage');
const ProfilePage = lazyPage(() => import('../features/auth/pages/ProfilePage'), 'ProfilePage');
const AdminUsersPage = lazyPage(() => import('../features/auth/pages/AdminUsersPage'), 'AdminUsersPage');
const OrganisationListPage = lazyPage(() => import('../features/organisations/pages/OrganisationListPage'), 'OrganisationListPage');
const OrganisationCreatePage = lazyPage(() => import('../features/organisations/pages/OrganisationCreatePage'), 'OrganisationCreatePage');
const OrganisationDetailPage = lazyPage(() => import('../features/organisations/pages/OrganisationDetailPage'), 'OrganisationDetailPage');
const RegionOverviewPage = lazyPage(() => import('../features/regions/pages/RegionOverviewPage'), 'RegionOverviewPage');
const CodeListsPage = lazyPage(() => import('../features/regions/pages/CodeListsPage'), 'CodeListsPage');
const AuditPage = lazyPage(() => import('../features/audit/pages/AuditPage'), 'AuditPage');
const SearchPage = lazyPage(() => import('../features/search/pages/SearchPage'), 'SearchPage');
const AchievementDetailPage = lazyPage(() => import('../features/achievements/pages/AchievementDetailPage'), 'AchievementDetailPage');
const AchievementCreatePage = lazyPage(() => import('../features/achievements/pages/AchievementCreatePage'), 'AchievementCreatePage');
const AchievementEditPage = lazyPage(() => import('../features/achievements/pages/AchievementEditPage'), 'AchievementEditPage');
const MyAchievementsPage = lazyPage(() => import('../features/achievements/pages/MyAchievementsPage'), 'MyAchievementsPage');
const ImportAchievementsPage = lazyPage(() => import('../features/imports/pages/ImportAchievementsPage'), 'ImportAchievementsPage');
const DemandListPage = lazyPage(() => import('../features/demands/pages/DemandListPage'), 'DemandListPage');
const DemandDetailPage = lazyPage(() => import('../features/demands/pages/DemandDetailPage'), 'DemandDetailPage');
const DemandCreatePage = lazyPage(() => import('../features/demands/pages/DemandCreatePage'), 'DemandCreatePage');
const DemandEditPage = lazyPage(() => import('../features/demands/pages/DemandEditPage'), 'DemandEditPage');
const ExpertListPage = lazyPage(() => import('../features/experts/pages/ExpertListPage'), 'ExpertListPage');
const ExpertDetailPage = lazyPage(() => import('../features/experts/pages/ExpertDetailPage'), 'ExpertDetailPage');
const MyExpertProfilePage = lazyPage(() => import('../features/experts/pages/MyExpertProfilePage'), 'MyExpertProfilePage');
const TenderListPage = lazyPage(() => import('../features/tenders/pages/TenderListPage'), 'TenderListPage');
const TenderDetailPage = lazyPage(() => import('../features/tenders/pages/TenderDetailPage'), 'TenderDetailPage');
const TenderCreatePage = lazyPage(() => import('../features/tenders/pages/TenderCreatePage'), 'TenderCreatePage');
const NoticeBoardPage = lazyPage(() => import('../features/notices/pages/NoticeBoardPage'), 'NoticeBoardPage');
const NoticeDetailPage = lazyPage(() => import('../features/notices/pages/NoticeDetailPage'), 'NoticeDetailPage');
// market: listings, offers, deals
const MarketHomePage = lazyPage(() => import('../features/market/pages/MarketHomePage'), 'MarketHomePage');
const AuctionListPage = lazyPage(() => import('../features/auctions/pages/AuctionListPage'), 'AuctionListPage');
const AuctionRoomPage = lazyPage(() => import('../features/auctions/pages/AuctionRoomPage'), 'AuctionRoomPage');
const AuctionCreatePage = lazyPage(() => import('../features/auctions/pages/AuctionCreatePage'), 'AuctionCreatePage');
const ListingDirectoryPage = lazyPage(() => import('../features/market/pages/ListingDirectoryPage'), 'ListingDirectoryPage');
const ListingCreatePage = lazyPage(() => import('../features/market/pages/ListingCreatePage'), 'ListingCreatePage');
const ListingPage = lazyPage(() => import('../features/market/pages/ListingPage'), 'ListingPage');
const MyDealsPage = lazyPage(() => import('../features/market/pages/MyDealsPage'), 'MyDealsPage');
const DealWorkspacePage = lazyPage(() => import('../features/market/pages/DealWorkspacePage'), 'DealWorkspacePage');
const OperatorConsolePage = lazyPage(() => import('../features/market/pages/OperatorConsolePage'), 'OperatorConsolePage');
// 技术合同认定登记 and 技术市场统计 (issue 5)
const RegistrationListPage = lazyPage(() => import('../features/registrations/pages/RegistrationListPage'), 'RegistrationListPage');
const RegistrationCreatePage = lazyPage(() => import('../features/registrations/pages/RegistrationCreatePage'), 'RegistrationCreatePage');
const RegistrationDetailPage = lazyPage(() => import('../features/registrations/pages/RegistrationDetailPage'), 'RegistrationDetailPage');
const RegistrationImportPage = lazyPage(() => import('../features/registrations/pages/RegistrationImportPage'), 'RegistrationImportPage');
const RegistrationSettingsPage = lazyPage(() => import('../features/registrations/pages/RegistrationSettingsPage'), 'RegistrationSettingsPage');
const CertificateCheckPage = lazyPage(() => import('../features/registrations/pages/CertificateCheckPage'), 'CertificateCheckPage');
const StatisticsDashboardPage = lazyPage(() => import('../features/statistics/pages/StatisticsDashboardPage'), 'StatisticsDashboardPage');
const OpenDataPage = lazyPage(() => import('../features/statistics/pages/OpenDataPage'), 'OpenDataPage');

/** Every page of the web client. Guards hide pages; the API enforces access regardless. */
export function createRouter() {
  return createBrowserRouter([
    {
      path: '/',
      element: <AppLayout />,
      errorElement: <RouteErrorPage />,
      children: [
        // A render error inside a page keeps the header and menu usable.
        {
          errorElement: <RouteErrorPage />,
          children: [
            { index: true, element: <HomePage /> },
            { path: 'login', element: <LoginPage /> },
            { path: 'register', element: <RegisterPage /> },
            {
              path: 'profile',
              element: (
                <RequireAuth>
                  <ProfilePage />
                </RequireAuth>
              ),
            },
            { path: 'organisations', element: <OrganisationListPage /> },
            {
              path: 'organisations/new',
              element: (
                <RequireAuth>
                  <OrganisationCreatePage />
                </RequireAuth>
              ),
            },
            { path: 'organisations/:id', element: <OrganisationDetailPage /> },
            { path: 'code-lists', element: <CodeListsPage /> },
            // Catalogue (issue 3): search, achievements, demands, experts.
            { path: 'search', element: <SearchPage /> },
            { path: 'achievements', element: <SearchPage /> },
            {
              path: 'achievements/mine',
              element: (
                <RequireAuth>
                  <MyAchievementsPage />
                </RequireAuth>
              ),
            },
            {
              path: 'achievements/import',
              element: (
                <RequireAuth>
                  <ImportAchievementsPage />
                </RequireAuth>
              ),
            },
            {
              path: 'achievements/new',
              element: (
                <RequireAuth>
                  <AchievementCreatePage />
                </RequireAuth>
              ),
            },
            { path: 'achievements/:id', element: <AchievementDetailPage /> },
            {
              path: 'achievements/:id/edit',
              element: (
                <RequireAuth>
                  <AchievementEditPage />
                </RequireAuth>
              ),
            },
            { path: 'demands', element: <DemandListPage /> },
            {
              path: 'demands/new',
              element: (
                <RequireAuth>
                  <DemandCreatePage />
                </RequireAuth>
              ),
            },
            { path: 'demands/:id', element: <DemandDetailPage /> },
            {
              path: 'demands/:id/edit',
              element: (
                <RequireAuth>
                  <DemandEditPage />
                </RequireAuth>
              ),
            },
            { path: 'experts', element: <ExpertListPage /> },
            {
              path: 'experts/me',
              element: (
                <RequireAuth>
                  <MyExpertProfilePage />
                </RequireAuth>
              ),
            },
            { path: 'experts/:userId', element: <ExpertDetailPage /> },
            // ── market: listings, offers, deals (routes under /market) ──
            { path: 'market', element: <MarketHomePage /> },
            { path: 'market/listings', element: <ListingDirectoryPage /> },
            {
              path: 'market/listings/new',
              element: (
                <RequireAuth>
                  <ListingCreatePage />
                </RequireAuth>
              ),
            },
            { path: 'market/listings/:id', element: <ListingPage /> },
            {
              path: 'market/deals',
              element: (
                <RequireAuth>
                  <MyDealsPage />
                </RequireAuth>
              ),
            },
            {
              path: 'market/deals/:id',
              element: (
                <RequireAuth>
                  <DealWorkspacePage />
                </RequireAuth>
              ),
            },
            {
              path: 'market/operator',
              element: (
                <RequireAuth roles={['platform_admin', 'market_operator']}>
                  <OperatorConsolePage />
                </RequireAuth>
              ),
            },
            // ── registrations and statistics (issue 5) ──
            {
              path: 'registrations',
              element: (
                <RequireAuth>
                  <RegistrationListPage />
                </RequireAuth>
              ),
            },
            {
              path: 'registrations/new',
              element: (
                <RequireAuth>
                  <RegistrationCreatePage />
                </RequireAuth>
              ),
            },
            {
              path: 'registrations/import',
              element: (
                <RequireAuth>
                  <RegistrationImportPage />
                </RequireAuth>
              ),
            },
            {
              path: 'registrations/settings',
              element: (
                <RequireAuth roles={['platform_admin', 'registrar']}>
                  <RegistrationSettingsPage />
                </RequireAuth>
              ),
            },
            { path: 'registrations/check', element: <CertificateCheckPage /> },
            {
              path: 'registrations/:id',
              element: (
                <RequireAuth>
                  <RegistrationDetailPage />
                </RequireAuth>
              ),
            },
            {
              path: 'statistics',
              element: (
                <RequireAuth roles={['platform_admin', 'regional_admin', 'registrar', 'market_operator']}>
                  <StatisticsDashboardPage />
                </RequireAuth>
              ),
            },
            { path: 'open-data', element: <OpenDataPage /> },
            // ── notices (routes under /notices) ──
            { path: 'notices', element: <NoticeBoardPage /> },
            { path: 'notices/:id', element: <NoticeDetailPage /> },
            // ── auctions (routes under /market/auctions) ──
            { path: 'market/auctions', element: <AuctionListPage /> },
            {
              path: 'market/auctions/new',
              element: (
                <RequireAuth>
                  <AuctionCreatePage />
                </RequireAuth>
              ),
            },
            { path: 'market/auctions/:id', element: <AuctionRoomPage /> },
            // ── tenders (routes under /market/tenders) ──
            { path: 'market/tenders', element: <TenderListPage /> },
            {
              path: 'market/tenders/new',
              element: (
                <RequireAuth>
                  <TenderCreatePage />
                </RequireAuth>
              ),
            },
            { path: 'market/tenders/:id', element: <TenderDetailPage /> },
            {
              path: 'admin/users',
              element: (
                <RequireAuth roles={['platform_admin', 'regional_admin']}>
                  <AdminUsersPage />
                </RequireAuth>
              ),
            },
            {
              // No role gate here: the API decides, and its 403 is shown as the forbidden page.
              path: 'admin/regions/:code',
              element: (
                <RequireAuth>
                  <RegionOverviewPage />
                </RequireAuth>
              ),
            },
            {
              path: 'admin/audit',
              element: (
                <RequireAuth roles={['platform_admin']}>
                  <AuditPage />
                </RequireAuth>
              ),
            },
            { path: '*', element: <NotFoundPage /> },
          ],
        },
      ],
    },
  ]);
}
