import { DownOutlined, LogoutOutlined, UserOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Dropdown, Flex, Skeleton } from 'antd';
import { Link, useNavigate } from 'react-router-dom';
import { isApiError } from '../../shared/api/api-error';
import { applySignedOut } from '../../shared/auth/session-cache';
import { useSession } from '../../shared/auth/useSession';
import { useMessages } from '../../shared/i18n/messages';
import { logout } from '../../features/auth/auth.api';
import { appMessages } from '../messages';

/** The signed-in user's menu (profile, sign out), or sign-in / register buttons. */
export function UserMenu() {
  const t = useMessages(appMessages);
  const { message } = App.useApp();
  const { user, isLoading } = useSession();
  const queryClient = useQueryClient();
  const navigate = useNavigate();

  const signOut = useMutation({
    mutationFn: logout,
    onSettled: async (_data, error) => {
      // A 401 means the session was already gone: signed out either way.
      if (error && !(isApiError(error) && error.status === 401)) {
        void message.error(t.signOutFailed);
        return;
      }
      applySignedOut(queryClient);
      await navigate('/');
    },
  });

  if (isLoading) {
    return <Skeleton.Button active size="small" style={{ width: 96 }} />;
  }
  if (!user) {
    return (
      <Flex gap={8}>
        <Link to="/login" data-testid="nav-login">
          <Button type="primary">{t.signIn}</Button>
        </Link>
        <Link to="/register" className="tn-hide-narrow">
          <Button type="text" className="tn-header-button">
            {t.register}
          </Button>
        </Link>
      </Flex>
    );
  }
  return (
    <Dropdown
      trigger={['click']}
      menu={{
        items: [
          { key: 'profile', icon: <UserOutlined />, label: <Link to="/profile">{t.profile}</Link> },
          { type: 'divider' },
          {
            key: 'logout',
            icon: <LogoutOutlined />,
            danger: true,
            disabled: signOut.isPending,
            label: <span data-testid="logout">{t.signOut}</span>,
            onClick: () => signOut.mutate(),
          },
        ],
      }}
    >
      <Button type="text" className="tn-header-button" data-testid="user-menu" aria-label={t.userMenu(user.displayName)}>
        <UserOutlined aria-hidden /> <span className="tn-user-name">{user.displayName}</span> <DownOutlined aria-hidden />
      </Button>
    </Dropdown>
  );
}
