import { LISTING_MODES, LISTING_PRICINGS } from '#shared/contracts/market.contract';
import { Button, Card, Checkbox, Flex, Input, Select, Typography } from 'antd';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { useSession } from '../../../shared/auth/useSession';
import { useMessages } from '../../../shared/i18n/messages';
import { ErrorAlert } from '../../../shared/ui/ErrorAlert';
import { PageHeader } from '../../../shared/ui/PageHeader';
import { ListingTable } from '../components/ListingTable';
import { useListings } from '../market.api';
import { marketMessages } from '../messages';

/** /market/listings — the listing directory with filters (mode, pricing, region, keyword) and ?mine. */
export function ListingDirectoryPage() {
  const t = useMessages(marketMessages);
  const { user } = useSession();
  // Initial filters from the address (?q=&mode=&pricing=&region=), so a filtered directory can be linked.
  const [params] = useSearchParams();
  const [q, setQ] = useState(params.get('q') ?? '');
  const [mode, setMode] = useState<string | undefined>(params.get('mode') ?? undefined);
  const [pricing, setPricing] = useState<string | undefined>(params.get('pricing') ?? undefined);
  const [region, setRegion] = useState(params.get('region') ?? '');
  const [mine, setMine] = useState(false);
  const [page, setPage] = useState(1);
  const pageSize = 20;
  const query = useListings({
    q: q || undefined,
    mode,
    pricing,
    region: /^\d{6}$/.test(region) ? region : undefined,
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
            allowClear
            placeholder={t.list.q}
            defaultValue={q}
            style={{ width: 240 }}
            onSearch={(v) => {
              setQ(v.trim());
              setPage(1);
            }}
          />
          <Select
            allowClear
            placeholder={t.list.mode}
            style={{ width: 140 }}
            value={mode}
            onChange={(v) => {
              setMode(v);
              setPage(1);
            }}
            options={LISTING_MODES.map((m) => ({ value: m, label: t.modes[m] }))}
          />
          <Select
            allowClear
            placeholder={t.list.pricing}
            style={{ width: 120 }}
            value={pricing}
            onChange={(v) => {
              setPricing(v);
              setPage(1);
            }}
            options={LISTING_PRICINGS.map((p) => ({ value: p, label: t.pricings[p] }))}
          />
          <Input
            allowClear
            placeholder={t.list.region}
            style={{ width: 200 }}
            value={region}
            onChange={(e) => {
              setRegion(e.target.value.trim());
              setPage(1);
            }}
          />
          {user ? (
            <Checkbox
              checked={mine}
              onChange={(e) => {
                setMine(e.target.checked);
                setPage(1);
              }}
            >
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
          onPage={setPage}
          showStatus={mine}
        />
      </Card>
    </>
  );
}
