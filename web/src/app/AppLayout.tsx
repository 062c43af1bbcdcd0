import { MenuOutlined } from '@ant-design/icons';
import { Alert, Button, Drawer, Flex, Grid, Layout } from 'antd';
import { Suspense, useState } from 'react';
import { Link, Outlet } from 'react-router-dom';
import { isApiError } from '../shared/api/api-error';
import { useSession } from '../shared/auth/useSession';
import { useMessages } from '../shared/i18n/messages';
import { LoadingBlock } from '../shared/ui/LoadingBlock';
import { AppFooter } from './components/AppFooter';
import { LanguageSwitch } from './components/LanguageSwitch';
import { SideNav } from './components/SideNav';
import { UserMenu } from './components/UserMenu';
import { NotificationBell } from '../features/notifications/components/NotificationBell';
import { appMessages } from './messages';

/** Header (brand, language, user), role-aware side menu, page content, footer. */
export function AppLayout() {
  const t = useMessages(appMessages);
  const screens = Grid.useBreakpoint();
  // Before the first measurement `lg` is undefined; assume a desktop so the menu does not flash.
  const isDesktop = screens.lg ?? true;
  const [drawerOpen, setDrawerOpen] = useState(false);
  const { error: sessionError } = useSession();
  const serverDown = isApiError(sessionError) && (sessionError.status === 0 || sessionError.status >= 500);

  return (
    <Layout className="tn-app">
      <a href="#main" className="tn-skip-link">
        {t.skipToContent}
      </a>
      <Layout.Header className="tn-header">
        <Flex align="center" gap={12} style={{ minWidth: 0 }}>
          {isDesktop ? null : (
            <Button
              type="text"
              className="tn-header-button"
              icon={<MenuOutlined />}
              aria-label={t.navLabel}
              aria-expanded={drawerOpen}
              onClick={() => setDrawerOpen(true)}
            />
          )}
          <Link to="/" className="tn-brand" aria-label={`${t.brand} ${t.brandShort}`}>
            <img src="/favicon.svg" alt="" width={28} height={28} />
            <span className="tn-brand-name">{t.brand}</span>
            {t.brand === t.brandShort ? null : <span className="tn-brand-short tn-hide-narrow">{t.brandShort}</span>}
          </Link>
        </Flex>
        <Flex align="center" gap={8}>
          <NotificationBell />
          <LanguageSwitch />
          <UserMenu />
        </Flex>
      </Layout.Header>
      <Layout>
        {isDesktop ? (
          <Layout.Sider width={208} theme="light" className="tn-sider">
            <SideNav />
          </Layout.Sider>
        ) : (
          <Drawer
            open={drawerOpen}
            onClose={() => setDrawerOpen(false)}
            placement="left"
            size={260}
            title={t.brand}
            styles={{ body: { padding: 0 } }}
          >
            <SideNav onNavigate={() => setDrawerOpen(false)} />
          </Drawer>
        )}
        <Layout>
          <Layout.Content id="main" className="tn-content" tabIndex={-1}>
            {serverDown ? <Alert type="warning" showIcon title={t.serverUnreachable} className="tn-block" banner /> : null}
            <Suspense fallback={<LoadingBlock minHeight={320} />}>
              <Outlet />
            </Suspense>
          </Layout.Content>
          <AppFooter />
        </Layout>
      </Layout>
    </Layout>
  );
}
