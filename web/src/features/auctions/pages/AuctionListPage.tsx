import type { AuctionSummary } from '#shared/contracts/auctions.contract';
import { Card, Table, Tabs } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { formatDateTime } from '../../../shared/i18n/format';
import { useMessages } from '../../../shared/i18n/messages';
import { useLang } from '../../../shared/i18n/useLang';
import { ErrorAlert } from '../../../shared/ui/ErrorAlert';
import { PageHeader } from '../../../shared/ui/PageHeader';
import { formatYuanExact } from '../auction-format';
import { useAuctions } from '../auctions.api';
import { AuctionPhaseTag } from '../components/AuctionPhaseTag';
import { auctionMessages } from '../messages';

type Phase = 'live' | 'upcoming' | 'closed';

/** /market/auctions — auctions by phase (public). */
export function AuctionListPage() {
  const t = useMessages(auctionMessages);
  const lang = useLang();
  const [phase, setPhase] = useState<Phase>('live');
  const [page, setPage] = useState(1);
  const query = useAuctions({ phase, page, pageSize: 20 });

  return (
    <>
      <PageHeader title={t.list.title} subtitle={t.list.subtitle} />
      <Card>
        <Tabs
          activeKey={phase}
          onChange={(k) => {
            setPhase(k as Phase);
            setPage(1);
          }}
          items={(['live', 'upcoming', 'closed'] as const).map((k) => ({ key: k, label: t.list.tabs[k] }))}
        />
        {query.isError ? (
          <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />
        ) : (
          <Table<AuctionSummary>
            rowKey="id"
            loading={query.isFetching}
            dataSource={query.data?.items ?? []}
            locale={{ emptyText: t.list.empty }}
            pagination={{ current: page, pageSize: 20, total: query.data?.total ?? 0, onChange: setPage, showTotal: t.list.total }}
            columns={[
              { title: t.list.title, dataIndex: 'title', render: (_v, r) => <Link to={`/market/auctions/${r.id}`}>{r.title}</Link> },
              { title: '', dataIndex: 'phase', width: 110, render: (_v, r) => <AuctionPhaseTag phase={r.phase} /> },
              { title: t.list.startPrice, dataIndex: 'startPriceFen', render: (v: number) => formatYuanExact(v) },
              { title: t.list.currentPrice, dataIndex: 'currentPriceFen', render: (v: number | null) => (v === null ? '—' : formatYuanExact(v)) },
              { title: t.list.bids, dataIndex: 'bidCount', width: 90 },
              { title: phase === 'upcoming' ? t.list.startsAt : t.list.endsAt, render: (_v, r) => formatDateTime(phase === 'upcoming' ? r.startsAt : r.endsAt, lang) },
            ]}
          />
        )}
      </Card>
    </>
  );
}
