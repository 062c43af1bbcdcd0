import { DEMAND_STATUSES, type Demand, type DemandStatus } from '#shared/contracts/demands.contract';
import { TRANSFER_MODES, type TransferMode } from '#shared/contracts/achievements.contract';
import type { DemandHit } from '#shared/contracts/search.contract';
import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Checkbox, Empty, Flex, Input, Select, Table, Tooltip, Typography } from 'antd';
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
import { isServiceUnavailable, ServiceError } from '../../matching/components/ServiceError';
import { HighlightText } from '../../search/components/HighlightText';
import { DemandStatusTag } from '../components/DemandStatusTag';
import { DemandListUrlSchema, MAX_DEMAND_KEYWORD_CHARS, MAX_SEARCH_OFFSET, pickHighlight, toDemandSearchQuery, toLimitOffset } from '../demand-search';
import { useDemandSearch, useDemands } from '../demands.api';
import { demandMessages } from '../messages';

/** A directory row, or a keyword-search hit (published, unexpired, with highlights). */
type DemandRow = Demand | DemandHit;

const isHit = (d: DemandRow): d is DemandHit => 'highlights' in d;

/** The title (highlighted when the keyword matched it) and, for a hit, the description excerpt under it. */
function DemandTitleCell({ d }: { d: DemandRow }) {
  if (!isHit(d)) {
    return (
      <Link to={`/demands/${d.id}`} data-testid="demand-link">
        {d.title}
      </Link>
    );
  }
  const title = pickHighlight(d.highlights, 'title');
  const description = pickHighlight(d.highlights, 'description');
  return (
    <Flex vertical gap={2}>
      <Link to={`/demands/${d.id}`} data-testid="demand-link">
        {title ? <HighlightText text={title.text} ranges={title.ranges} /> : d.title}
      </Link>
      {description || d.descriptionExcerpt ? (
        <Typography.Paragraph type="secondary" style={{ margin: 0, fontSize: 12 }} ellipsis={{ rows: 2 }} data-testid="demand-excerpt">
          {description ? <HighlightText text={description.text} ranges={description.ranges} /> : d.descriptionExcerpt}
        </Typography.Paragraph>
      ) : null}
    </Flex>
  );
}

/** /demands — the public directory of open demands, or the user's organisations' demands. */
export function DemandListPage() {
  const t = useMessages(demandMessages);
  const ta = useMessages(achievementMessages);
  const lang = useLang();
  const { user } = useSession();
  // The keyword `q` lives in the URL next to the list filters (reload and Back keep it; reset clears it).
  const { filters, update, reset } = useUrlFilters(DemandListUrlSchema);
  const { q: _q, ...listFilters } = filters;
  const mine = filters.mine === true;
  const searchQuery = toDemandSearchQuery(filters);
  const search = useDemandSearch(searchQuery ?? {}, searchQuery !== null);
  // Without a keyword (or in "mine" mode) — and while the search service is not deployed — the plain directory.
  const searchDown = searchQuery !== null && search.isError && isServiceUnavailable(search.error);
  const searching = searchQuery !== null && !searchDown;
  const list = useDemands({ ...listFilters, status: mine ? filters.status : undefined }, !searching);
  const { limit } = toLimitOffset(filters.page, filters.pageSize);
  const rows: DemandRow[] = (searching ? search.data?.items : list.data?.items) ?? [];

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
          {mine ? null : (
            <Input.Search
              key={filters.q ?? ''}
              defaultValue={filters.q}
              allowClear
              maxLength={MAX_DEMAND_KEYWORD_CHARS}
              placeholder={t.list.search}
              aria-label={t.list.search}
              style={{ width: 260 }}
              onSearch={(q) => update({ q: q.trim() || undefined })}
              data-testid="demand-search"
            />
          )}
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
              onChange={(e) => update({ mine: e.target.checked, status: undefined, q: undefined })}
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
            <Tooltip title={searching ? t.list.searchSkipsExpired : undefined}>
              <Checkbox
                checked={!searching && filters.includeExpired === true}
                disabled={searching}
                onChange={(e) => update({ includeExpired: e.target.checked })}
              >
                {t.list.includeExpired}
              </Checkbox>
            </Tooltip>
          )}
          <Button onClick={reset}>{t.list.reset}</Button>
        </Flex>
        {searchDown ? (
          <div className="tn-block">
            <ServiceError error={search.error} unavailable={t.list.searchUnavailable} testId="demand-search-error" />
          </div>
        ) : null}
        {searching && search.isError ? (
          <div className="tn-block">
            <ServiceError error={search.error} unavailable={t.list.searchUnavailable} onRetry={() => void search.refetch()} testId="demand-search-error" />
          </div>
        ) : null}
        {!searching && list.isError ? <ErrorAlert error={list.error} onRetry={() => void list.refetch()} className="tn-block" /> : null}
        <Table<DemandRow>
          rowKey="id"
          loading={searching ? search.isFetching : list.isFetching}
          dataSource={rows}
          scroll={{ x: 900 }}
          locale={{ emptyText: <Empty description={searching ? t.list.noMatch : t.list.empty} /> }}
          data-testid="demands-table"
          pagination={
            searching
              ? {
                  current: filters.page ?? 1,
                  pageSize: limit,
                  // The endpoint pages no deeper than offset 10 000.
                  total: Math.min(search.data?.total ?? 0, MAX_SEARCH_OFFSET),
                  showTotal: () =>
                    search.data?.totalIsLowerBound ? t.list.totalAtLeast(search.data.total) : t.list.total(search.data?.total ?? 0),
                  onChange: (page, pageSize) => update({ page, pageSize }),
                }
              : {
                  current: list.data?.page ?? filters.page ?? 1,
                  pageSize: list.data?.pageSize ?? filters.pageSize ?? 20,
                  total: list.data?.total ?? 0,
                  showTotal: (n) => t.list.total(n),
                  onChange: (page, pageSize) => update({ page, pageSize }),
                }
          }
          columns={[
            {
              title: t.fields.title,
              dataIndex: 'title',
              render: (_: string, d) => <DemandTitleCell d={d} />,
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
              // Search hits are published and unexpired by definition.
              render: (_: DemandStatus | undefined, d) =>
                isHit(d) ? <DemandStatusTag status="published" /> : <DemandStatusTag status={d.status} expired={d.expired} />,
            },
          ]}
        />
      </Card>
    </>
  );
}
