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
            // ── notices (routes under /notices) ──
            // ── auctions (routes under /market/auctions) ──
            // ── tenders (routes under /market/tenders) ──
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
