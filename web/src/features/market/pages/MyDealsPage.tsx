import type { Deal } from '#shared/contracts/market.contract';
import { Card, Segmented, Table, Tag } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { formatDate } from '../../../shared/i18n/format';
import { useMessages } from '../../../shared/i18n/messages';
import { useLang } from '../../../shared/i18n/useLang';
import { ErrorAlert } from '../../../shared/ui/ErrorAlert';
import { PageHeader } from '../../../shared/ui/PageHeader';
import { formatFen } from '../../achievements/money';
import { useDeals } from '../market.api';
import { marketMessages } from '../messages';

export function DealStatusTag({ status }: { status: Deal['status'] }) {
  const t = useMessages(marketMessages);
  const color = status === 'concluded' ? 'green' : status === 'awaiting_notice' ? 'gold' : status === 'in_notice' ? 'blue' : 'red';
  return (
    <Tag color={color} data-testid="deal-status">
      {t.dealStatuses[status]}
    </Tag>
  );
}

/** /market/deals — deals of the caller's organisations (operators: their region). */
export function MyDealsPage() {
  const t = useMessages(marketMessages);
  const lang = useLang();
  const [role, setRole] = useState<'all' | 'seller' | 'buyer'>('all');
  const [page, setPage] = useState(1);
  const query = useDeals({ role: role === 'all' ? undefined : role, page, pageSize: 20 });
  return (
    <>
      <PageHeader title={t.deals.title} />
      <Card className="tn-block">
        <Segmented
          value={role}
          onChange={(v) => {
            setRole(v as typeof role);
            setPage(1);
          }}
          options={[
            { value: 'all', label: t.deals.any },
            { value: 'seller', label: t.sides.seller },
            { value: 'buyer', label: t.sides.buyer },
          ]}
          style={{ marginBottom: 12 }}
        />
        {query.isError ? <ErrorAlert error={query.error} onRetry={() => void query.refetch()} /> : null}
        <Table<Deal>
          rowKey="id"
          size="small"
          loading={query.isPending}
          dataSource={query.data?.items ?? []}
          locale={{ emptyText: t.deals.empty }}
          pagination={{ current: page, pageSize: 20, total: query.data?.total, onChange: setPage, showSizeChanger: false }}
          columns={[
            { title: t.deals.dealNo, key: 'no', render: (_, d) => <Link to={`/market/deals/${d.id}`}>{d.dealNo}</Link> },
            { title: t.fields.title, dataIndex: 'title' },
            { title: t.deals.role, key: 'side', render: (_, d) => (d.mySide ? t.sides[d.mySide] : '—') },
            { title: t.deals.parties, key: 'parties', render: (_, d) => `${d.seller.name} → ${d.buyer.name}` },
            { title: t.deals.price, key: 'price', render: (_, d) => formatFen(d.priceFen, lang) },
            { title: t.fields.status, key: 'status', render: (_, d) => <DealStatusTag status={d.status} /> },
            { title: '', key: 'date', render: (_, d) => formatDate(d.createdAt, lang) },
          ]}
        />
      </Card>
    </>
  );
}
