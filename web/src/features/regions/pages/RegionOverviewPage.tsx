import type { Organisation } from '#shared/contracts/organisations.contract';
import { RegionCodeSchema } from '#shared/contracts/common.contract';
import { useQuery } from '@tanstack/react-query';
import { Button, Card, Col, Empty, Flex, Result, Row, Statistic, Table } from 'antd';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { isApiError } from '../../../shared/api/api-error';
import { useRegionIndex } from '../../../shared/code-lists/code-lists.api';
import { fullName } from '../../../shared/code-lists/code-tree';
import { useMessages } from '../../../shared/i18n/messages';
import { useLang } from '../../../shared/i18n/useLang';
import { ErrorAlert } from '../../../shared/ui/ErrorAlert';
import { ForbiddenPage } from '../../../shared/ui/ForbiddenPage';
import { PageHeader } from '../../../shared/ui/PageHeader';
import { RegionCascader } from '../../../shared/ui/RegionCascader';
import { authKeys, listUsers } from '../../auth/auth.api';
import { UsersTable } from '../../auth/components/UsersTable';
import { organisationMessages } from '../../organisations/messages';
import { useOrganisationColumns } from '../../organisations/organisations.columns';
import { useOrganisations } from '../../organisations/organisations.api';
import { regionMessages } from '../messages';

const PAGE_SIZE = 10;

/** /admin/regions/:code — what a regional admin oversees. The API decides access; a 403 shows the forbidden page. */
export function RegionOverviewPage() {
  const { code = '' } = useParams<{ code: string }>();
  const t = useMessages(regionMessages).overview;
  if (!RegionCodeSchema.safeParse(code).success) {
    return (
      <Result
        status="404"
        title={t.invalidCode}
        subTitle={t.invalidCodeHint}
        extra={
          <Link to="/">
            <Button type="primary">{t.backHome}</Button>
          </Link>
        }
      />
    );
  }
  // Keyed by code so that paging state resets when switching regions.
  return <RegionOverview key={code} code={code} />;
}

function RegionOverview({ code }: { code: string }) {
  const lang = useLang();
  const t = useMessages(regionMessages).overview;
  const orgText = useMessages(organisationMessages);
  const navigate = useNavigate();
  const { data: regions } = useRegionIndex();
  const [userPage, setUserPage] = useState(1);
  const [orgPage, setOrgPage] = useState(1);
  const userQuery = { regionCode: code, page: userPage, pageSize: PAGE_SIZE };
  const users = useQuery({
    queryKey: authKeys.users(userQuery),
    queryFn: ({ signal }) => listUsers(userQuery, signal),
    placeholderData: (previous) => previous,
  });
  const organisations = useOrganisations({ regionCode: code, page: orgPage, pageSize: PAGE_SIZE });
  const pending = useOrganisations({ regionCode: code, status: 'pending', pageSize: 1 });
  const orgColumns = useOrganisationColumns();

  const forbidden = [users.error, organisations.error].find((e) => isApiError(e) && e.status === 403);
  if (forbidden) {
    return <ForbiddenPage error={forbidden} />;
  }

  const name = fullName(regions, code, lang);
  return (
    <>
      <PageHeader
        title={t.title(name)}
        subtitle={t.subtitle}
        extra={
          <RegionCascader
            value={code}
            onChange={(next) => next && void navigate(`/admin/regions/${next}`)}
            allowClear={false}
            aria-label={t.switchRegion}
            style={{ width: 260 }}
            data-testid="region-switch"
          />
        }
      />
      <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
        <Col xs={24} sm={8}>
          <Card>
            <Statistic title={t.users} value={users.data?.total ?? '—'} loading={users.isPending} data-testid="region-users-total" />
          </Card>
        </Col>
        <Col xs={24} sm={8}>
          <Card>
            <Statistic
              title={t.organisations}
              value={organisations.data?.total ?? '—'}
              loading={organisations.isPending}
              data-testid="region-organisations-total"
            />
          </Card>
        </Col>
        <Col xs={24} sm={8}>
          <Card>
            <Flex justify="space-between" align="flex-end">
              <Statistic title={t.pendingOrganisations} value={pending.data?.total ?? '—'} loading={pending.isPending} />
              <Link to={`/organisations?regionCode=${code}&status=pending`}>{t.reviewPending}</Link>
            </Flex>
          </Card>
        </Col>
      </Row>
      <Flex vertical gap={16}>
        <Card title={t.users}>
          {users.isError ? <ErrorAlert error={users.error} onRetry={() => void users.refetch()} className="tn-block" /> : null}
          <UsersTable
            users={users.data?.items ?? []}
            loading={users.isFetching}
            pagination={{
              current: userPage,
              pageSize: PAGE_SIZE,
              total: users.data?.total ?? 0,
              onChange: setUserPage,
              showSizeChanger: false,
            }}
          />
        </Card>
        <Card title={t.organisations}>
          {organisations.isError ? (
            <ErrorAlert error={organisations.error} onRetry={() => void organisations.refetch()} className="tn-block" />
          ) : null}
          <Table<Organisation>
            rowKey="id"
            columns={orgColumns}
            dataSource={organisations.data?.items ?? []}
            loading={organisations.isFetching}
            scroll={{ x: 960 }}
            locale={{ emptyText: <Empty description={orgText.list.empty} /> }}
            data-testid="region-organisations-table"
            pagination={{
              current: orgPage,
              pageSize: PAGE_SIZE,
              total: organisations.data?.total ?? 0,
              onChange: setOrgPage,
              showSizeChanger: false,
            }}
          />
        </Card>
      </Flex>
    </>
  );
}
