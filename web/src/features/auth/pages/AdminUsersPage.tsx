import { AdminUserQuerySchema, ROLES } from '#shared/contracts/auth.contract';
import { useQuery } from '@tanstack/react-query';
import { Button, Card, Flex, Input, Select } from 'antd';
import { isApiError } from '../../../shared/api/api-error';
import { useMessages } from '../../../shared/i18n/messages';
import { ErrorAlert } from '../../../shared/ui/ErrorAlert';
import { ForbiddenPage } from '../../../shared/ui/ForbiddenPage';
import { PageHeader } from '../../../shared/ui/PageHeader';
import { RegionCascader } from '../../../shared/ui/RegionCascader';
import { useUrlFilters } from '../../../shared/url/useUrlFilters';
import { authKeys, listUsers } from '../auth.api';
import { UsersTable } from '../components/UsersTable';
import { authMessages } from '../messages';

/** /admin/users — platform admins see everyone, regional admins their region (enforced by the API). */
export function AdminUsersPage() {
  const m = useMessages(authMessages);
  const t = m.admin;
  const { filters, update, reset } = useUrlFilters(AdminUserQuerySchema);
  const users = useQuery({
    queryKey: authKeys.users(filters),
    queryFn: ({ signal }) => listUsers(filters, signal),
    placeholderData: (previous) => previous,
  });

  if (isApiError(users.error) && users.error.status === 403 && !users.data) {
    return <ForbiddenPage error={users.error} />;
  }

  return (
    <>
      <PageHeader title={t.title} subtitle={t.subtitle} />
      <Card>
        <Flex gap={8} wrap role="search" style={{ marginBottom: 16 }}>
          <Input.Search
            key={filters.q ?? ''}
            defaultValue={filters.q}
            placeholder={t.search}
            aria-label={t.search}
            allowClear
            onSearch={(q) => update({ q: q.trim() || undefined })}
            style={{ width: 260 }}
            data-testid="users-filter-q"
          />
          <RegionCascader
            value={filters.regionCode}
            onChange={(regionCode) => update({ regionCode })}
            aria-label={t.region}
            style={{ width: 240 }}
            data-testid="users-filter-region"
          />
          <Select
            value={filters.role}
            onChange={(role) => update({ role })}
            allowClear
            placeholder={t.anyRole}
            aria-label={t.role}
            style={{ width: 180 }}
            options={ROLES.map((r) => ({ value: r, label: m.roles[r] }))}
            data-testid="users-filter-role"
          />
          <Button onClick={reset}>{t.reset}</Button>
        </Flex>
        {users.isError ? <ErrorAlert error={users.error} onRetry={() => void users.refetch()} className="tn-block" /> : null}
        <UsersTable
          users={users.data?.items ?? []}
          loading={users.isFetching}
          pagination={{
            current: users.data?.page ?? filters.page ?? 1,
            pageSize: users.data?.pageSize ?? filters.pageSize ?? 20,
            total: users.data?.total ?? 0,
            showSizeChanger: true,
            showTotal: (total) => t.total(total),
            onChange: (page, pageSize) => update({ page, pageSize }),
          }}
        />
      </Card>
    </>
  );
}
