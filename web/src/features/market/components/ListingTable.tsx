import type { Listing } from '#shared/contracts/market.contract';
import { Table, Tag } from 'antd';
import { Link } from 'react-router-dom';
import { formatDate } from '../../../shared/i18n/format';
import { useMessages } from '../../../shared/i18n/messages';
import { useLang } from '../../../shared/i18n/useLang';
import { formatFen } from '../../achievements/money';
import { marketMessages } from '../messages';

export function ListingStatusTag({ status }: { status: Listing['status'] }) {
  const t = useMessages(marketMessages);
  const color = status === 'listed' ? 'green' : status === 'sold' ? 'blue' : status === 'in_auction' ? 'orange' : 'default';
  return <Tag color={color}>{t.listingStatuses[status]}</Tag>;
}

/** Mode with the licence kind: 许可 · 独占许可. */
export function modeLabel(l: Pick<Listing, 'mode' | 'licenceKind'>, t: (typeof marketMessages)['zh']): string {
  return l.mode === 'license' && l.licenceKind ? `${t.modes.license} · ${t.licenceKinds[l.licenceKind]}` : t.modes[l.mode];
}

export function ListingTable({
  items,
  loading,
  total,
  page,
  pageSize,
  onPage,
  showStatus,
}: {
  items: Listing[];
  loading?: boolean;
  total?: number;
  page?: number;
  pageSize?: number;
  onPage?: (p: number) => void;
  showStatus?: boolean;
}) {
  const t = useMessages(marketMessages);
  const lang = useLang();
  return (
    <Table<Listing>
      rowKey="id"
      size="small"
      loading={loading}
      dataSource={items}
      locale={{ emptyText: t.list.empty }}
      pagination={onPage ? { current: page, pageSize, total, onChange: onPage, showSizeChanger: false } : false}
      columns={[
        {
          title: t.fields.title,
          dataIndex: 'title',
          render: (_, l) => (
            <Link to={`/market/listings/${l.id}`} data-testid="listing-link">
              {l.title}
            </Link>
          ),
        },
        { title: t.fields.seller, dataIndex: 'sellerOrgName' },
        { title: t.fields.mode, key: 'mode', render: (_, l) => modeLabel(l, t) },
        {
          title: t.fields.askingPrice,
          key: 'price',
          render: (_, l) =>
            l.priceFen === null
              ? t.fields.priceOnRequest
              : `${formatFen(l.priceFen, lang)}${l.pricing === 'negotiable' ? `（${t.pricings.negotiable}）` : ''}`,
        },
        { title: t.fields.listedUntil, key: 'until', render: (_, l) => formatDate(l.listedUntil, lang) },
        ...(showStatus
          ? [{ title: t.fields.status, key: 'status', render: (_: unknown, l: Listing) => <ListingStatusTag status={l.status} /> }]
          : []),
      ]}
    />
  );
}
