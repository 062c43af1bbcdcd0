import { PUBLIC_TENDER_STATUSES, type TenderSummary } from '#shared/contracts/tenders.contract';
import { Card, Select, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { formatDateTime } from '../../../shared/i18n/format';
import { useMessages } from '../../../shared/i18n/messages';
import { useLang } from '../../../shared/i18n/useLang';
import { ErrorAlert } from '../../../shared/ui/ErrorAlert';
import { PageHeader } from '../../../shared/ui/PageHeader';
import { formatFen } from '../../achievements/money';
import { tenderMessages } from '../messages';
import { useTenders, type TenderListQuery } from '../tenders.api';

const STATUS_COLORS: Record<TenderSummary['status'], string> = {
  draft: 'default',
  open: 'processing',
  opened: 'blue',
  awarded: 'success',
  failed: 'warning',
  cancelled: 'default',
};

export function TenderStatusTag({ status }: { status: TenderSummary['status'] }) {
  const t = useMessages(tenderMessages);
  return (
    <Tag color={STATUS_COLORS[status]} data-testid="tender-status" data-status={status}>
      {t.statuses[status]}
    </Tag>
  );
}

/** /market/tenders — the public list of tenders (招标). */
export function TenderListPage() {
  const t = useMessages(tenderMessages);
  const lang = useLang();
  const [status, setStatus] = useState<TenderListQuery['status']>('open');
  const [page, setPage] = useState(1);
  const query = useTenders({ status, page, pageSize: 20 });

  return (
    <>
      <PageHeader title={t.list.title} subtitle={t.list.subtitle} />
      <Card>
        <Select
          style={{ width: 200, marginBottom: 16 }}
          value={status ?? 'all'}
          onChange={(v) => {
            setStatus(v === 'all' ? undefined : (v as TenderListQuery['status']));
            setPage(1);
          }}
          options={[
            { value: 'all', label: t.list.anyStatus },
            ...PUBLIC_TENDER_STATUSES.map((s) => ({ value: s, label: t.statuses[s] })),
          ]}
          data-testid="tender-status-filter"
          aria-label={t.list.status}
        />
        {query.isError ? <ErrorAlert error={query.error} onRetry={() => void query.refetch()} /> : null}
        <Table<TenderSummary>
          rowKey="id"
          loading={query.isPending}
          dataSource={query.data?.items ?? []}
          locale={{ emptyText: t.list.empty }}
          data-testid="tender-list"
          onRow={(r) => ({ 'data-testid': `tender-row-${r.id}` }) as React.HTMLAttributes<HTMLElement>}
          pagination={{ current: page, pageSize: 20, total: query.data?.total ?? 0, onChange: setPage, showTotal: (n) => t.list.total(n) }}
          columns={[
            { title: t.list.title, dataIndex: 'title', render: (v: string, r) => <Link to={`/market/tenders/${r.id}`}>{v}</Link> },
            { title: t.list.buyer, dataIndex: 'buyerName' },
            { title: t.list.budget, dataIndex: 'budgetMaxFen', render: (v: number | null) => (v === null ? '—' : formatFen(v, lang)) },
            { title: t.list.deadline, dataIndex: 'deadline', render: (v: string) => formatDateTime(v, lang) },
            { title: t.list.status, dataIndex: 'status', render: (v: TenderSummary['status']) => <TenderStatusTag status={v} /> },
            {
              title: t.list.proposals,
              dataIndex: 'proposalCount',
              render: (n: number, r) => (
                <Typography.Text data-testid="tender-row-count">
                  {r.status === 'open' ? t.sealedCount(n) : t.proposalCount(n)}
                </Typography.Text>
              ),
            },
          ]}
        />
      </Card>
    </>
  );
}
