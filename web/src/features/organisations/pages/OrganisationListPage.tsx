import { OrganisationQuerySchema, type Organisation } from '#shared/contracts/organisations.contract';
import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Empty, Table } from 'antd';
import { Link } from 'react-router-dom';
import { hasAnyRole } from '../../../shared/auth/permissions';
import { useSession } from '../../../shared/auth/useSession';
import { useMessages } from '../../../shared/i18n/messages';
import { ErrorAlert } from '../../../shared/ui/ErrorAlert';
import { PageHeader } from '../../../shared/ui/PageHeader';
import { useUrlFilters } from '../../../shared/url/useUrlFilters';
import { OrganisationFilters } from '../components/OrganisationFilters';
import { organisationMessages } from '../messages';
import { useOrganisationColumns } from '../organisations.columns';
import { useOrganisations } from '../organisations.api';

/** /organisations — the searchable directory; anonymous visitors see verified organisations. */
export function OrganisationListPage() {
  const t = useMessages(organisationMessages);
  const { user } = useSession();
  const { filters, update, reset } = useUrlFilters(OrganisationQuerySchema);
  const query = useOrganisations(filters);
  const columns = useOrganisationColumns();
  const isAdmin = hasAnyRole(user, ['platform_admin', 'regional_admin']);

  return (
    <>
      <PageHeader
        title={t.list.title}
        subtitle={t.list.subtitle}
        extra={
          user ? (
            <Link to="/organisations/new">
              <Button type="primary" icon={<PlusOutlined />} data-testid="org-create">
                {t.list.create}
              </Button>
            </Link>
          ) : null
        }
      />
      <Card>
        <OrganisationFilters filters={filters} onChange={update} onReset={reset} showStatus={isAdmin} showMine={!!user} />
        {query.isError ? <ErrorAlert error={query.error} onRetry={() => void query.refetch()} className="tn-block" /> : null}
        <Table<Organisation>
          rowKey="id"
          columns={columns}
          dataSource={query.data?.items ?? []}
          loading={query.isFetching}
          scroll={{ x: 960 }}
          locale={{ emptyText: <Empty description={t.list.empty} /> }}
          data-testid="organisations-table"
          pagination={{
            current: query.data?.page ?? filters.page ?? 1,
            pageSize: query.data?.pageSize ?? filters.pageSize ?? 20,
            total: query.data?.total ?? 0,
            showSizeChanger: true,
            pageSizeOptions: [10, 20, 50, 100],
            showTotal: (total) => t.list.total(total),
            onChange: (page, pageSize) => update({ page, pageSize }),
          }}
        />
      </Card>
    </>
  );
}
