import { REGISTRATION_STATUSES, type RegistrationStatus, type RegistrationSummary } from '#shared/contracts/registrations.contract';
import { PlusOutlined, UploadOutlined } from '@ant-design/icons';
import { Button, Card, Flex, Input, Select, Table, Tabs, Typography } from 'antd';
import { useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { hasAnyRole } from '../../../shared/auth/permissions';
import { useSession } from '../../../shared/auth/useSession';
import { formatDate, formatDateTime } from '../../../shared/i18n/format';
import { useMessages } from '../../../shared/i18n/messages';
import { useLang } from '../../../shared/i18n/useLang';
import { ErrorAlert } from '../../../shared/ui/ErrorAlert';
import { PageHeader } from '../../../shared/ui/PageHeader';
import { formatFen } from '../../achievements/money';
import { RegistrationStatusTag } from '../components/RegistrationStatusTag';
import { registrationMessages } from '../messages';
import { yearOptions } from '../registration-view';
import { useRegistrations, type RegistrationListQuery } from '../registrations.api';

type View = 'mine' | 'queue' | 'all';
const PAGE_SIZE = 20;

/**
 * /registrations — 我的登记 (applications of my organisations) and, for registrars and platform
 * administrators, 待审核 (what their points decide) and all registrations in their scope.
 */
export function RegistrationListPage() {
  const t = useMessages(registrationMessages);
  const lang = useLang();
  const navigate = useNavigate();
  const { user } = useSession();
  const reviewer = hasAnyRole(user, ['registrar', 'platform_admin']);
  const applicant = (user?.organisationIds.length ?? 0) > 0;
  const views: View[] = [...(applicant || !reviewer ? (['mine'] as const) : []), ...(reviewer ? (['queue', 'all'] as const) : [])];

  const [params, setParams] = useSearchParams();
  const requested = params.get('view') as View | null;
  const view: View = requested && views.includes(requested) ? requested : (views[0] ?? 'mine');
  const [status, setStatus] = useState<RegistrationStatus | undefined>(undefined);
  const [q, setQ] = useState<string | undefined>(undefined);
  const [year, setYear] = useState<number | undefined>(undefined);
  const [page, setPage] = useState(1);
  const [years] = useState(() => yearOptions(new Date()));

  const query: RegistrationListQuery = {
    view,
    ...(status ? { status } : {}),
    ...(q ? { q } : {}),
    ...(year ? { year } : {}),
    page,
    pageSize: PAGE_SIZE,
  };
  const list = useRegistrations(query);

  const table = (
    <>
      <Flex gap={12} wrap align="center" role="search" style={{ marginBottom: 16 }}>
        <Select<RegistrationStatus | undefined>
          allowClear
          style={{ width: 180 }}
          placeholder={t.list.anyStatus}
          aria-label={t.list.status}
          value={status}
          onChange={(v) => {
            setStatus(v);
            setPage(1);
          }}
          options={REGISTRATION_STATUSES.map((s) => ({ value: s, label: t.statuses[s] }))}
          data-testid="registration-filter-status"
        />
        <Select<number | undefined>
          allowClear
          style={{ width: 140 }}
          placeholder={t.list.anyYear}
          aria-label={t.list.year}
          value={year}
          onChange={(v) => {
            setYear(v);
            setPage(1);
          }}
          options={years.map((y) => ({ value: y, label: String(y) }))}
          data-testid="registration-filter-year"
        />
        <Input.Search
          allowClear
          maxLength={100}
          placeholder={t.list.search}
          aria-label={t.list.search}
          style={{ width: 320 }}
          onSearch={(v) => {
            setQ(v.trim() || undefined);
            setPage(1);
          }}
          data-testid="registration-search"
        />
      </Flex>
      {list.isError ? <ErrorAlert error={list.error} onRetry={() => void list.refetch()} /> : null}
      <Table<RegistrationSummary>
        rowKey="id"
        loading={list.isFetching}
        dataSource={list.data?.items ?? []}
        locale={{ emptyText: t.list.empty }}
        scroll={{ x: 1400 }}
        data-testid="registration-table"
        pagination={{
          current: page,
          pageSize: PAGE_SIZE,
          total: list.data?.total ?? 0,
          showTotal: (n) => t.list.total(n),
          onChange: setPage,
          showSizeChanger: false,
        }}
        columns={[
          {
            title: t.list.registrationNo,
            key: 'no',
            width: 180,
            render: (_, r) =>
              r.registrationNo ? (
                <Typography.Text copyable data-testid="registration-row-no">
                  {r.registrationNo}
                </Typography.Text>
              ) : (
                <Typography.Text type="secondary">{t.list.notNumbered}</Typography.Text>
              ),
          },
          {
            title: t.list.project,
            key: 'project',
            width: 280,
            render: (_, r) => (
              <Flex vertical gap={2}>
                <Link to={`/registrations/${r.id}`} data-testid="registration-link">
                  {r.projectName}
                </Link>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {r.chainId}
                </Typography.Text>
              </Flex>
            ),
          },
          { title: t.list.subtype, key: 'subtype', render: (_, r) => t.subtypes[r.subtype] },
          { title: t.list.parties, key: 'parties', width: 260, render: (_, r) => `${r.sellerName} → ${r.buyerName}` },
          {
            title: `${t.list.contractAmount} / ${t.list.techAmount}`,
            key: 'amounts',
            align: 'right',
            render: (_, r) => (
              <Flex vertical gap={2} align="flex-end">
                <span>{formatFen(r.contractAmountFen, lang)}</span>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {formatFen(r.techAmountFen, lang)}
                </Typography.Text>
              </Flex>
            ),
          },
          { title: t.list.status, key: 'status', render: (_, r) => <RegistrationStatusTag status={r.status} /> },
          {
            title: t.list.decideBy,
            key: 'decideBy',
            render: (_, r) => (r.status === 'submitted' || r.status === 'change_requested' ? formatDate(r.decideBy, lang) : '—'),
          },
          { title: t.list.point, key: 'point', render: (_, r) => r.pointName ?? '—' },
          { title: t.list.updatedAt, key: 'updatedAt', render: (_, r) => formatDateTime(r.updatedAt, lang) },
        ]}
      />
    </>
  );

  return (
    <>
      <PageHeader
        title={t.list.title}
        subtitle={t.list.subtitle}
        extra={
          <>
            <Link to="/registrations/check">{t.list.check}</Link>
            {reviewer ? <Link to="/registrations/settings">{t.list.settings}</Link> : null}
            {applicant ? (
              <Button icon={<UploadOutlined />} onClick={() => void navigate('/registrations/import')} data-testid="registration-import">
                {lang === 'en' ? 'Import' : '批量导入'}
              </Button>
            ) : null}
            {applicant ? (
              <Button
                type="primary"
                icon={<PlusOutlined />}
                onClick={() => void navigate('/registrations/new')}
                data-testid="registration-new"
              >
                {t.list.create}
              </Button>
            ) : null}
          </>
        }
      />
      <Card>
        <Tabs
          activeKey={view}
          onChange={(key) => {
            setParams({ view: key }, { replace: true });
            setPage(1);
          }}
          items={views.map((v) => ({ key: v, label: t.list.tabs[v] }))}
          data-testid="registration-tabs"
        />
        {table}
      </Card>
    </>
  );
}
