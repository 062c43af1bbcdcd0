import type { AuctionSummary } from '#shared/contracts/auctions.contract';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Input, Popconfirm, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { formatDateTime } from '../../../shared/i18n/format';
import { useMessages } from '../../../shared/i18n/messages';
import { useLang } from '../../../shared/i18n/useLang';
import { ErrorAlert } from '../../../shared/ui/ErrorAlert';
import { formatYuanExact } from '../auction-format';
import { auctionKeys, decideRegistration, publishResult, recordDeposit, useAuction, useAuctions, useRegistrations, type RegistrationWithDeposits } from '../auctions.api';
import { auctionMessages } from '../messages';
import { AuctionPhaseTag } from './AuctionPhaseTag';

/** Registrations of one auction: approve / reject qualifications, record deposit movements. */
function Registrations({ auctionId }: { auctionId: string }) {
  const t = useMessages(auctionMessages);
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const auction = useAuction(auctionId);
  const regs = useRegistrations(auctionId, true);
  const [reason, setReason] = useState('');
  const [reference, setReference] = useState('');
  const done = () => {
    void message.success(t.operator.done);
    void queryClient.invalidateQueries({ queryKey: auctionKeys.registrations(auctionId) });
  };
  const decide = useMutation({ mutationFn: (v: { id: string; decision: 'approve' | 'reject' }) => decideRegistration(auctionId, v.id, v.decision, reason), onSuccess: done });
  const deposit = useMutation({
    mutationFn: (v: { id: string; entry: 'held' | 'refunded' | 'forfeited' }) => recordDeposit(auctionId, v.id, v.entry, auction.data?.depositFen ?? 0, reference || undefined),
    onSuccess: done,
  });
  if (regs.isError) {
    return <ErrorAlert error={regs.error} />;
  }
  return (
    <>
      {decide.isError && <ErrorAlert error={decide.error} />}
      {deposit.isError && <ErrorAlert error={deposit.error} />}
      <Table<RegistrationWithDeposits>
        rowKey="id"
        data-testid="operator-auction-registrations"
        size="small"
        loading={regs.isPending}
        dataSource={regs.data?.items ?? []}
        pagination={false}
        columns={[
          { title: '#', dataIndex: 'paddleNo', width: 60 },
          { title: t.operator.org, dataIndex: 'bidderOrgName' },
          { title: t.room.qualification, dataIndex: 'qualification', ellipsis: true },
          { title: t.operator.status, dataIndex: 'status', render: (v: RegistrationWithDeposits['status']) => <Tag>{t.registrationStatuses[v]}</Tag> },
          {
            title: t.operator.depositStatus,
            dataIndex: 'depositStatus',
            render: (v: RegistrationWithDeposits['depositStatus']) => (
              <Tag data-testid="operator-deposit-status" data-status={v}>
                {t.depositStatuses[v]}
              </Tag>
            ),
          },
          {
            title: t.operator.actions,
            render: (_v, r) => (
              <Space wrap>
                {r.status === 'pending' && (
                  <>
                    <Button size="small" type="primary" onClick={() => decide.mutate({ id: r.id, decision: 'approve' })}>
                      {t.operator.approve}
                    </Button>
                    <Popconfirm title={<Input placeholder={t.operator.rejectReason} value={reason} onChange={(e) => setReason(e.target.value)} />} onConfirm={() => decide.mutate({ id: r.id, decision: 'reject' })}>
                      <Button size="small" danger>
                        {t.operator.reject}
                      </Button>
                    </Popconfirm>
                  </>
                )}
                {r.status === 'approved' && r.depositStatus === 'due' && (
                  <Popconfirm title={<Input placeholder={t.operator.reference} value={reference} onChange={(e) => setReference(e.target.value)} />} onConfirm={() => deposit.mutate({ id: r.id, entry: 'held' })}>
                    <Button size="small">{t.operator.recordHeld}</Button>
                  </Popconfirm>
                )}
                {r.depositStatus === 'held' && (
                  <>
                    <Button size="small" onClick={() => deposit.mutate({ id: r.id, entry: 'refunded' })}>
                      {t.operator.recordRefunded}
                    </Button>
                    <Button size="small" danger onClick={() => deposit.mutate({ id: r.id, entry: 'forfeited' })}>
                      {t.operator.recordForfeited}
                    </Button>
                  </>
                )}
              </Space>
            ),
          },
        ]}
      />
    </>
  );
}

/** From the list row itself (no request per row). */
function PublishButton({ auction }: { auction: AuctionSummary }) {
  const t = useMessages(auctionMessages);
  const queryClient = useQueryClient();
  const publish = useMutation({ mutationFn: () => publishResult(auction.id), onSuccess: () => void queryClient.invalidateQueries({ queryKey: auctionKeys.all }) });
  if (auction.status !== 'closed_sold' && auction.status !== 'closed_unsold') {
    return null;
  }
  if (auction.resultPublishedAt) {
    return <Tag color="success">{t.operator.published}</Tag>;
  }
  return (
    <Button size="small" type="primary" loading={publish.isPending} onClick={() => publish.mutate()}>
      {t.operator.publish}
    </Button>
  );
}

/** The market operator's auctions (their region, any status): registrations, deposits, result publication. */
export function OperatorAuctionsPanel() {
  const t = useMessages(auctionMessages);
  const lang = useLang();
  const [page, setPage] = useState(1);
  const query = useAuctions({ scope: 'operate', page, pageSize: 20 });
  return (
    <Card title={t.operator.title} data-testid="operator-auctions-panel">
      {query.isError ? (
        <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />
      ) : (
        <Table<AuctionSummary>
          rowKey="id"
          loading={query.isFetching}
          dataSource={query.data?.items ?? []}
          locale={{ emptyText: t.operator.none }}
          pagination={{ current: page, pageSize: 20, total: query.data?.total ?? 0, onChange: setPage }}
          expandable={{ expandedRowRender: (r) => <Registrations auctionId={r.id} /> }}
          columns={[
            { title: t.operator.auction, dataIndex: 'title', render: (_v, r) => <Link to={`/market/auctions/${r.id}`}>{r.title}</Link> },
            { title: t.operator.phase, dataIndex: 'phase', render: (_v, r) => <AuctionPhaseTag phase={r.phase} /> },
            { title: t.operator.price, dataIndex: 'currentPriceFen', render: (v: number | null) => (v === null ? '—' : formatYuanExact(v)) },
            { title: t.list.endsAt, dataIndex: 'endsAt', render: (v: string) => formatDateTime(v, lang) },
            { title: '', render: (_v, r) => <PublishButton auction={r} /> },
          ]}
        />
      )}
    </Card>
  );
}
