import type { User } from '#shared/contracts/auth.contract';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Empty, Flex, Popconfirm, Table, Tag, type TablePaginationConfig } from 'antd';
import { useState } from 'react';
import { describeError } from '../../../shared/api/api-error';
import { useSession } from '../../../shared/auth/useSession';
import { formatDate } from '../../../shared/i18n/format';
import { useMessages } from '../../../shared/i18n/messages';
import { useLang } from '../../../shared/i18n/useLang';
import { RegionName } from '../../../shared/ui/RegionName';
import { authKeys, setUserStatus, type UserStatus } from '../auth.api';
import { authMessages } from '../messages';
import { RoleTag } from './RoleTag';
import { UserRolesModal } from './UserRolesModal';

export type UsersTableProps = {
  users: User[];
  loading: boolean;
  pagination: TablePaginationConfig | false;
};

/** Users with their roles; admins open the roles dialog or enable/disable accounts from here. */
export function UsersTable({ users, loading, pagination }: UsersTableProps) {
  const lang = useLang();
  const m = useMessages(authMessages);
  const t = m.admin;
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const { user: me } = useSession();
  const [editing, setEditing] = useState<User | null>(null);

  const status = useMutation({
    mutationFn: ({ id, next }: { id: string; next: UserStatus }) => setUserStatus(id, next),
    onSuccess: async () => {
      void message.success(t.statusChanged);
      await queryClient.invalidateQueries({ queryKey: authKeys.usersAll });
    },
    onError: (error) => void message.error(describeError(error, lang)),
  });

  return (
    <>
      <Table<User>
        rowKey="id"
        loading={loading}
        dataSource={users}
        pagination={pagination}
        scroll={{ x: 1200 }}
        locale={{ emptyText: <Empty description={t.empty} /> }}
        data-testid="users-table"
        columns={[
          { title: t.displayName, dataIndex: 'displayName', width: 180 },
          { title: t.email, dataIndex: 'email', render: (email: string) => <span className="tn-nowrap">{email}</span> },
          { title: t.region, dataIndex: 'regionCode', render: (code: string | null) => <RegionName code={code} /> },
          {
            title: t.roles,
            dataIndex: 'roles',
            render: (roles: User['roles']) => (
              <Flex gap={4} wrap>
                {roles.map((r) => (
                  <RoleTag key={r.id} assignment={r} />
                ))}
              </Flex>
            ),
          },
          {
            title: t.status,
            dataIndex: 'status',
            render: (s: UserStatus) => <Tag color={s === 'active' ? 'green' : 'default'}>{m.userStatus[s]}</Tag>,
          },
          { title: t.createdAt, dataIndex: 'createdAt', render: (v: string) => formatDate(v, lang) },
          {
            title: t.actions,
            key: 'actions',
            fixed: 'right',
            render: (_, user) => {
              const next: UserStatus = user.status === 'active' ? 'disabled' : 'active';
              return (
                <Flex gap={4}>
                  <Button size="small" onClick={() => setEditing(user)} data-testid={`user-roles-${user.id}`}>
                    {t.manageRoles}
                  </Button>
                  {/* Disabling yourself would lock you out mid-session. */}
                  {user.id === me?.id ? null : (
                    <Popconfirm
                      title={next === 'disabled' ? t.disableConfirm(user.displayName) : t.enableConfirm(user.displayName)}
                      onConfirm={() => status.mutateAsync({ id: user.id, next })}
                    >
                      <Button size="small" danger={next === 'disabled'} loading={status.isPending && status.variables.id === user.id}>
                        {next === 'disabled' ? t.disable : t.enable}
                      </Button>
                    </Popconfirm>
                  )}
                </Flex>
              );
            },
          },
        ]}
      />
      {editing ? <UserRolesModal user={editing} onClose={() => setEditing(null)} /> : null}
    </>
  );
}
