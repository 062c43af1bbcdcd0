import {
  AreaChartOutlined,
  AuditOutlined,
  CloudDownloadOutlined,
  BankOutlined,
  ControlOutlined,
  DatabaseOutlined,
  EnvironmentOutlined,
  ExperimentOutlined,
  FileProtectOutlined,
  FileSearchOutlined,
  HomeOutlined,
  ImportOutlined,
  NotificationOutlined,
  ProfileOutlined,
  ShopOutlined,
  SolutionOutlined,
  TeamOutlined,
  TransactionOutlined,
  UserOutlined,
} from '@ant-design/icons';
import { Menu } from 'antd';
import type { ReactNode } from 'react';
import { Link, useLocation } from 'react-router-dom';
import { useSession } from '../../shared/auth/useSession';
import { useMessages } from '../../shared/i18n/messages';
import { appMessages } from '../messages';
import { activeNavKey, buildNavItems, type NavKey } from '../navigation';

const ICONS: Record<NavKey, ReactNode> = {
  home: <HomeOutlined />,
  search: <FileSearchOutlined />,
  market: <ShopOutlined />,
  notices: <NotificationOutlined />,
  demands: <ProfileOutlined />,
  experts: <SolutionOutlined />,
  organisations: <BankOutlined />,
  'code-lists': <DatabaseOutlined />,
  profile: <UserOutlined />,
  'my-achievements': <ExperimentOutlined />,
  'import-achievements': <ImportOutlined />,
  'my-deals': <TransactionOutlined />,
  'market-operator': <ControlOutlined />,
  registrations: <FileProtectOutlined />,
  statistics: <AreaChartOutlined />,
  'open-data': <CloudDownloadOutlined />,
  'admin-users': <TeamOutlined />,
  'admin-region': <EnvironmentOutlined />,
  'admin-audit': <AuditOutlined />,
};

/** The role-aware main menu. Each entry is a real link with data-testid="nav-<key>". */
export function SideNav({ onNavigate }: { onNavigate?: () => void }) {
  const t = useMessages(appMessages);
  const { user } = useSession();
  const { pathname } = useLocation();
  const active = activeNavKey(pathname);
  return (
    <nav aria-label={t.navLabel}>
      <Menu
        mode="inline"
        selectedKeys={active ? [active] : []}
        style={{ borderInlineEnd: 'none' }}
        onClick={onNavigate}
        items={buildNavItems(user).map((item) => ({
          key: item.key,
          icon: ICONS[item.key],
          label: (
            <Link to={item.path} data-testid={`nav-${item.key}`}>
              {t.nav[item.key]}
            </Link>
          ),
        }))}
      />
    </nav>
  );
}
