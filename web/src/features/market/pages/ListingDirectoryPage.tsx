import { LISTING_MODES, LISTING_PRICINGS, ListingQuerySchema } from '#shared/contracts/market.contract';
import { Button, Card, Checkbox, Flex, Input, Select, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { useSession } from '../../../shared/auth/useSession';
import { useMessages } from '../../../shared/i18n/messages';
import { ErrorAlert } from '../../../shared/ui/ErrorAlert';
import { PageHeader } from '../../../shared/ui/PageHeader';
import { RegionCascader } from '../../../shared/ui/RegionCascader';
import { useUrlFilters } from '../../../shared/url/useUrlFilters';
import { ListingTable } from '../components/ListingTable';
import { useListings } from '../market.api';
import { marketMessages } from '../messages';

/** /market/listings — the listing directory with filters (mode, pricing, region, keyword) and ?mine, kept in the URL. */
export function ListingDirectoryPage() {
  const t = useMessages(marketMessages);
  const { user } = useSession();
  const { filters, update } = useUrlFilters(ListingQuerySchema);
  const { page = 1, pageSize = 20 } = filters;
  const mine = filters.mine === true;
  const query = useListings({
    q: filters.q,
    mode: filters.mode,
    pricing: filters.pricing,
    region: filters.region,
    mine: mine ? 'true' : undefined,
    page,
    pageSize,
  });
  return (
    <>
      <PageHeader
        title={t.list.title}
        extra={
          user ? (
            <Link to="/market/listings/new">
              <Button type="primary">{t.list.create}</Button>
            </Link>
          ) : null
        }
      />
      <Card className="tn-block">
        <Flex wrap gap={8} style={{ marginBottom: 12 }}>
          <Input.Search
            key={filters.q ?? ''}
            allowClear
            placeholder={t.list.q}
            defaultValue={filters.q}
            style={{ width: 240 }}
            onSearch={(v) => update({ q: v.trim() || undefined })}
          />
          <Select
            allowClear
            placeholder={t.list.mode}
            style={{ width: 140 }}
            value={filters.mode}
            onChange={(v) => update({ mode: v })}
            options={LISTING_MODES.map((m) => ({ value: m, label: t.modes[m] }))}
          />
          <Select
            allowClear
            placeholder={t.list.pricing}
            style={{ width: 120 }}
            value={filters.pricing}
            onChange={(v) => update({ pricing: v })}
            options={LISTING_PRICINGS.map((p) => ({ value: p, label: t.pricings[p] }))}
          />
          <RegionCascader
            allowClear
            aria-label={t.list.region}
            style={{ width: 200 }}
            value={filters.region}
            onChange={(code) => update({ region: code })}
          />
          {user ? (
            <Checkbox checked={mine} onChange={(e) => update({ mine: e.target.checked })}>
              {t.list.mine}
            </Checkbox>
          ) : null}
        </Flex>
        {query.isError ? <ErrorAlert error={query.error} onRetry={() => void query.refetch()} /> : null}
        <Typography.Text type="secondary">{t.list.total(query.data?.total ?? 0)}</Typography.Text>
        <ListingTable
          items={query.data?.items ?? []}
          loading={query.isPending}
          total={query.data?.total}
          page={page}
          pageSize={pageSize}
          onPage={(p) => update({ page: p })}
          showStatus={mine}
        />
      </Card>
    </>
  );
}
