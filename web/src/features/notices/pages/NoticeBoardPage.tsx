import type { NoticeSummary } from '#shared/contracts/notices.contract';
import { Card, Flex, Input, Segmented, Table, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { useMessages } from '../../../shared/i18n/messages';
import { useLang } from '../../../shared/i18n/useLang';
import { ErrorAlert } from '../../../shared/ui/ErrorAlert';
import { PageHeader } from '../../../shared/ui/PageHeader';
import { formatFen } from '../../achievements/money';
import { NoticeStatusTag } from '../components/NoticeStatusTag';
import { daysRemaining } from '../notice-time';
import { useNoticeBoard, type NoticeBoardQuery } from '../notices.api';
import { noticeMessages } from '../messages';

type StatusFilter = 'all' | NonNullable<NoticeBoardQuery['status']>;

/** /notices — the public board of 协议定价公示 (no login). */
export function NoticeBoardPage() {
  const t = useMessages(noticeMessages);
  const lang = useLang();
  const [status, setStatus] = useState<StatusFilter>('open');
  const [q, setQ] = useState<string | undefined>(undefined);
  const [page, setPage] = useState(1);
  const query: NoticeBoardQuery = { ...(status === 'all' ? {} : { status }), ...(q ? { q } : {}), page, pageSize: 20 };
  const board = useNoticeBoard(query);
  const now = new Date();

  return (
    <>
      <PageHeader title={t.board.title} subtitle={t.board.subtitle} />
      <Card>
        <Flex gap={12} wrap align="center" role="search" className="tn-block" style={{ marginBottom: 16 }}>
          <Segmented<StatusFilter>
            value={status}
            onChange={(v) => {
              setStatus(v);
              setPage(1);
            }}
            options={[
              { value: 'open', label: t.statuses.open },
              { value: 'cleared', label: t.statuses.cleared },
              { value: 'blocked', label: t.statuses.blocked },
              { value: 'all', label: t.board.anyStatus },
            ]}
            data-testid="notice-filter-status"
          />
          <Input.Search
            allowClear
            maxLength={100}
            placeholder={t.board.search}
            aria-label={t.board.search}
            style={{ width: 300 }}
            onSearch={(v) => {
              setQ(v.trim() || undefined);
              setPage(1);
            }}
            data-testid="notice-search"
          />
        </Flex>
        {board.isError ? <ErrorAlert error={board.error} onRetry={() => void board.refetch()} /> : null}
        <Table<NoticeSummary>
          rowKey="id"
          loading={board.isLoading}
          dataSource={board.data?.items ?? []}
          locale={{ emptyText: t.board.empty }}
          data-testid="notice-table"
          pagination={{
            current: page,
            pageSize: 20,
            total: board.data?.total ?? 0,
            showTotal: (n) => t.board.total(n),
            onChange: setPage,
            showSizeChanger: false,
          }}
          columns={[
            {
              title: t.board.achievement,
              key: 'title',
              render: (_, n) => (
                <Flex vertical gap={2}>
                  <Link to={`/notices/${n.id}`} data-testid="notice-link">
                    {n.achievementTitle}
                  </Link>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {n.chainId}
                  </Typography.Text>
                </Flex>
              ),
            },
            { title: t.board.parties, key: 'parties', render: (_, n) => `${n.sellerName} → ${n.buyerName}` },
            { title: t.board.price, key: 'price', align: 'right', render: (_, n) => formatFen(n.priceFen, lang) },
            { title: t.board.method, key: 'method', render: (_, n) => `${t.pricingMethods[n.pricingMethod]} · ${t.modes[n.transferMode]}` },
            {
              title: t.board.period,
              key: 'period',
              render: (_, n) => (
                <Flex vertical gap={2}>
                  <span>
                    {n.startsOn} ~ {n.endsOn}
                  </span>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {t.board.workingDays(n.workingDays)}
                  </Typography.Text>
                </Flex>
              ),
            },
            {
              title: t.board.remaining,
              key: 'remaining',
              render: (_, n) => (n.status === 'open' ? <span data-testid="notice-days-left">{t.board.daysLeft(daysRemaining(n.endsOn, now))}</span> : '—'),
            },
            { title: t.board.objections, key: 'objections', align: 'right', render: (_, n) => n.objectionCount },
            { title: t.board.status, key: 'status', render: (_, n) => <NoticeStatusTag status={n.status} /> },
          ]}
        />
      </Card>
    </>
  );
}
