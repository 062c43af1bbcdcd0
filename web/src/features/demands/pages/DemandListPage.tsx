import { DEMAND_STATUSES, DemandQuerySchema, type Demand, type DemandStatus } from '#shared/contracts/demands.contract';
import { TRANSFER_MODES, type TransferMode } from '#shared/contracts/achievements.contract';
import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Checkbox, Empty, Flex, Select, Table } from 'antd';
import { Link } from 'react-router-dom';
import { useSession } from '../../../shared/auth/useSession';
import { formatDate } from '../../../shared/i18n/format';
import { useMessages } from '../../../shared/i18n/messages';
import { useLang } from '../../../shared/i18n/useLang';
import { ErrorAlert } from '../../../shared/ui/ErrorAlert';
import { PageHeader } from '../../../shared/ui/PageHeader';
import { RegionCascader } from '../../../shared/ui/RegionCascader';
import { useUrlFilters } from '../../../shared/url/useUrlFilters';
import { DomainName } from '../../achievements/components/ListingTags';
import { DomainSelect } from '../../achievements/components/CodePickers';
import { achievementMessages } from '../../achievements/messages';
import { formatFenRange } from '../../achievements/money';
import { DemandStatusTag } from '../components/DemandStatusTag';
import { useDemands } from '../demands.api';
import { demandMessages } from '../messages';

/** /demands — the public directory of open demands, or the user's organisations' demands. */
export function DemandListPage() {
  const t = useMessages(demandMessages);
  const ta = useMessages(achievementMessages);
  const lang = useLang();
  const { user } = useSession();
  const { filters, update, reset } = useUrlFilters(DemandQuerySchema);
  const mine = filters.mine === true;
  const query = useDemands({ ...filters, status: mine ? filters.status : undefined });

  return (
    <>
      <PageHeader
        title={t.list.title}
        subtitle={t.list.subtitle}
        extra={
          user ? (
            <Link to="/demands/new">
              <Button type="primary" icon={<PlusOutlined />} data-testid="demand-create">
                {t.list.create}
              </Button>
            </Link>
          ) : null
        }
      />
      <Card>
        <Flex gap={8} wrap align="center" role="search" className="tn-block">
          <div style={{ width: 200 }}>
            <DomainSelect
              value={filters.domainCode}
              onChange={(v) => update({ domainCode: v ?? undefined })}
              placeholder={t.list.domain}
              data-testid="demand-filter-domain"
            />
          </div>
          <RegionCascader
            value={filters.regionCode}
            onChange={(regionCode) => update({ regionCode })}
            style={{ width: 220 }}
            aria-label={t.list.region}
          />
          <Select<TransferMode>
            value={filters.cooperationMode}
            allowClear
            placeholder={t.list.cooperation}
            aria-label={t.list.cooperation}
            style={{ width: 140 }}
            options={TRANSFER_MODES.map((m) => ({ value: m, label: ta.transferModes[m] }))}
            onChange={(cooperationMode) => update({ cooperationMode })}
          />
          {user ? (
            <Checkbox
              checked={mine}
              onChange={(e) => update({ mine: e.target.checked, status: undefined })}
              data-testid="demand-filter-mine"
            >
              {t.list.mine}
            </Checkbox>
          ) : null}
          {mine ? (
            <Select<DemandStatus>
              value={filters.status}
              allowClear
              placeholder={t.list.anyStatus}
              aria-label={t.list.status}
              style={{ width: 120 }}
              options={DEMAND_STATUSES.map((s) => ({ value: s, label: t.statuses[s] }))}
              onChange={(status) => update({ status })}
            />
          ) : (
            <Checkbox checked={filters.includeExpired === true} onChange={(e) => update({ includeExpired: e.target.checked })}>
              {t.list.includeExpired}
            </Checkbox>
          )}
          <Button onClick={reset}>{t.list.reset}</Button>
        </Flex>
        {query.isError ? <ErrorAlert error={query.error} onRetry={() => void query.refetch()} className="tn-block" /> : null}
        <Table<Demand>
          rowKey="id"
          loading={query.isFetching}
          dataSource={query.data?.items ?? []}
          scroll={{ x: 900 }}
          locale={{ emptyText: <Empty description={t.list.empty} /> }}
          data-testid="demands-table"
          pagination={{
            current: query.data?.page ?? filters.page ?? 1,
            pageSize: query.data?.pageSize ?? filters.pageSize ?? 20,
            total: query.data?.total ?? 0,
            showTotal: (n) => t.list.total(n),
            onChange: (page, pageSize) => update({ page, pageSize }),
          }}
          columns={[
            {
              title: t.fields.title,
              dataIndex: 'title',
              render: (title: string, d) => (
                <Link to={`/demands/${d.id}`} data-testid="demand-link">
                  {title}
                </Link>
              ),
            },
            {
              title: t.fields.domainCode,
              dataIndex: 'domainCode',
              width: 140,
              render: (c: string | null) => (c ? <DomainName code={c} /> : '—'),
            },
            { title: t.detail.owner, dataIndex: 'ownerOrgName', width: 180 },
            { title: t.fields.region, dataIndex: 'regionName', width: 140 },
            {
              title: t.list.budget,
              key: 'budget',
              width: 150,
              render: (_: unknown, d) => formatFenRange(d.budgetMinFen, d.budgetMaxFen, lang) ?? t.detail.negotiable,
            },
            {
              title: t.list.deadline,
              dataIndex: 'deadline',
              width: 110,
              render: (v: string | null) => (v ? formatDate(v, lang) : t.detail.noDeadline),
            },
            {
              title: t.list.status,
              dataIndex: 'status',
              width: 130,
              render: (s: DemandStatus, d) => <DemandStatusTag status={s} expired={d.expired} />,
            },
          ]}
        />
      </Card>
    </>
  );
}
