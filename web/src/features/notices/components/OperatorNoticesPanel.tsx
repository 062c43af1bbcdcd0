import type { NoticeSummary } from '#shared/contracts/notices.contract';
import { Card, Table, Tag } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { useMessages } from '../../../shared/i18n/messages';
import { useLang } from '../../../shared/i18n/useLang';
import { ErrorAlert } from '../../../shared/ui/ErrorAlert';
import { formatFen } from '../../achievements/money';
import { daysRemaining } from '../notice-time';
import { useNoticeQueue } from '../notices.api';
import { noticeMessages } from '../messages';

/**
 * Operator console panel: open notices (in the operator's region, or of the caller's own
 * organisations) with objections still to decide. No props; mounted by the market console.
 */
export function OperatorNoticesPanel() {
  const t = useMessages(noticeMessages);
  const lang = useLang();
  const [page, setPage] = useState(1);
  const queue = useNoticeQueue(page);
  const now = new Date();
  return (
    <Card title={t.operator.title} data-testid="operator-notices-panel">
      {queue.isError ? <ErrorAlert error={queue.error} onRetry={() => void queue.refetch()} /> : null}
      <Table<NoticeSummary>
        rowKey="id"
        size="small"
        loading={queue.isLoading}
        dataSource={queue.data?.items ?? []}
        locale={{ emptyText: t.operator.empty }}
        pagination={{ current: page, pageSize: 20, total: queue.data?.total ?? 0, onChange: setPage, hideOnSinglePage: true }}
        columns={[
          { title: t.board.achievement, key: 'title', render: (_, n) => n.achievementTitle },
          { title: t.board.parties, key: 'parties', render: (_, n) => `${n.sellerName} → ${n.buyerName}` },
          { title: t.board.price, key: 'price', align: 'right', render: (_, n) => formatFen(n.priceFen, lang) },
          { title: t.board.period, key: 'period', render: (_, n) => `${n.startsOn} ~ ${n.endsOn}` },
          { title: t.board.remaining, key: 'left', render: (_, n) => t.board.daysLeft(daysRemaining(n.endsOn, now)) },
          { title: t.board.objections, key: 'objections', render: (_, n) => <Tag color="gold">{n.objectionCount}</Tag> },
          {
            key: 'open',
            render: (_, n) => (
              <Link to={`/notices/${n.id}`} data-testid="operator-notice-open">
                {t.operator.open}
              </Link>
            ),
          },
        ]}
      />
    </Card>
  );
}
