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
