import type { Auction, AuctionLiveState, AuctionStatus, AuctionStreamEvent, Bid, MyAuction } from '#shared/contracts/auctions.contract';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Col, Descriptions, Flex, Form, Input, InputNumber, Popconfirm, Row, Select, Space, Statistic, Table, Tag, Typography } from 'antd';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { NotFoundPage } from '../../../app/pages/NotFoundPage';
import { isApiError } from '../../../shared/api/api-error';
import { useSession } from '../../../shared/auth/useSession';
import { formatDateTime } from '../../../shared/i18n/format';
import { useMessages } from '../../../shared/i18n/messages';
import { useLang } from '../../../shared/i18n/useLang';
import { ErrorAlert } from '../../../shared/ui/ErrorAlert';
import { LoadingBlock } from '../../../shared/ui/LoadingBlock';
import { PageHeader } from '../../../shared/ui/PageHeader';
import { fenToYuan, yuanToFen } from '../../achievements/money';
import { useOrganisationNames } from '../../organisations/organisations.api';
import { formatYuanExact, mergeBids, newClientKey } from '../auction-format';
import { useNow } from '../../../shared/hooks/useNow';
import { ServerCountdown } from '../../../shared/ui/ServerCountdown';
import { auctionKeys, cancelAuction, getBids, placeBid, register, scheduleAuction, setProxy, useAuction, useAuctionStream, useMyAuction } from '../auctions.api';
import { AuctionPhaseTag } from '../components/AuctionPhaseTag';
import { auctionMessages } from '../messages';

type Live = AuctionLiveState & { status: AuctionStatus };

/** /market/auctions/:id — the auction room: live price, countdown on the server clock, live bid history, bid box. */
export function AuctionRoomPage() {
  const { id = '' } = useParams();
  const t = useMessages(auctionMessages);
  const lang = useLang();
  const { user } = useSession();
  const queryClient = useQueryClient();
  const query = useAuction(id);
  const me = useMyAuction(id, !!user);
  const history = useQuery({ queryKey: auctionKeys.bids(id), queryFn: ({ signal }) => getBids(id, signal) });
  // What the stream told us; the query data is the fallback (whichever is newer wins).
  const [streamLive, setLive] = useState<Live | null>(null);
  const [streamBids, setBids] = useState<Bid[]>([]);
  const [snapshotOffsetMs, setOffsetMs] = useState<number | null>(null);
  const localNow = useNow();
  const d = query.data;
  const bids = useMemo(() => mergeBids(history.data?.items ?? [], streamBids), [history.data, streamBids]);

  const meRef = useRef<MyAuction | undefined>(undefined);
  useEffect(() => {
    meRef.current = me.data;
  }, [me.data]);
  const onEvent = useCallback(
    (e: AuctionStreamEvent) => {
      if (e.type === 'snapshot') {
        setOffsetMs(new Date(e.serverNow).getTime() - Date.now());
        setLive((cur) => (cur && cur.lastSeq > e.auction.lastSeq ? cur : e.auction));
        setBids((cur) => mergeBids(cur, e.bids));
      } else if (e.type === 'bid') {
        setBids((cur) => mergeBids(cur, [e.bid]));
        setLive((cur) => (cur && cur.lastSeq >= e.auction.lastSeq ? cur : { ...e.auction, status: cur?.status ?? 'scheduled' }));
        // Refetch my state only when this bid changes whether I lead (not on every bid of a busy room).
        const mine = meRef.current?.registration;
        if (mine && (e.auction.leadingPaddleNo === mine.paddleNo) !== (meRef.current?.state === 'leading')) {
          void queryClient.invalidateQueries({ queryKey: auctionKeys.me(id) });
        }
      } else if (e.type === 'extended') {
        setLive((cur) => (cur ? { ...cur, endsAt: e.endsAt } : cur));
      } else {
        void queryClient.invalidateQueries({ queryKey: auctionKeys.all });
      }
    },
    [id, queryClient],
  );
  useAuctionStream(id, onEvent, !!d && d.phase !== 'draft');

  if (query.isPending) {
    return <LoadingBlock />;
  }
  if (query.isError || !d) {
    if (isApiError(query.error) && query.error.status === 404) {
      return <NotFoundPage />;
    }
    return <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />;
  }
  const state: Live = streamLive && streamLive.lastSeq >= d.lastSeq ? { ...streamLive, endsAt: streamLive.endsAt > d.endsAt ? streamLive.endsAt : d.endsAt } : { ...d };
  const offsetMs = snapshotOffsetMs ?? new Date(d.serverNow).getTime() - query.dataUpdatedAt;
  const serverNow = localNow + offsetMs;
  const phase = d.phase === 'live' && new Date(state.endsAt).getTime() <= serverNow ? 'closed' : d.phase;

  return (
    <>
      <PageHeader title={d.title} subtitle={<AuctionPhaseTag phase={phase} />} extra={<SellerActions auction={d} />} />
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={15}>
          <Card>
            <Flex wrap gap={32} align="flex-end">
              <Statistic title={t.room.currentPrice} valueRender={() => <span data-testid="auction-current-price">{state.currentPriceFen === null ? t.room.noBid : formatYuanExact(state.currentPriceFen)}</span>} />
              <Statistic title={t.room.nextMin} valueRender={() => <span data-testid="auction-next-min">{formatYuanExact(state.nextMinFen)}</span>} />
              <Statistic title={t.room.leading} valueRender={() => <span data-testid="auction-leading-paddle">{state.leadingPaddleNo ?? '—'}</span>} />
              <Statistic title={t.room.bidCount} value={state.bidCount} />
              <div>
                <Typography.Text type="secondary">{phase === 'upcoming' ? t.room.startsIn : t.room.endsIn}</Typography.Text>
                <div>
                  {phase === 'upcoming' ? (
                    <ServerCountdown target={d.startsAt} offsetMs={offsetMs} testId="auction-countdown" style={{ fontSize: 20 }} />
                  ) : phase === 'live' ? (
                    <ServerCountdown target={state.endsAt} offsetMs={offsetMs} testId="auction-countdown" style={{ fontSize: 20 }} />
                  ) : (
                    <Typography.Text strong>{t.room.ended}</Typography.Text>
                  )}
                </div>
              </div>
            </Flex>
            <Descriptions size="small" column={{ xs: 1, md: 2 }} style={{ marginTop: 16 }}>
              <Descriptions.Item label={t.room.seller}>{d.sellerOrgName}</Descriptions.Item>
              <Descriptions.Item label={t.room.startPrice}>{formatYuanExact(d.startPriceFen)}</Descriptions.Item>
              <Descriptions.Item label={t.room.reserve}>
                {d.reserveMet === null ? t.room.noReserve : d.reserveMet ? <Tag color="success">{t.room.reserveMet}</Tag> : <Tag>{t.room.reserveNotMet}</Tag>}
                {d.reserveFen !== null ? ` (${formatYuanExact(d.reserveFen)})` : ''}
              </Descriptions.Item>
              <Descriptions.Item label={t.room.deposit}>{formatYuanExact(d.depositFen)}</Descriptions.Item>
              <Descriptions.Item label={t.list.startsAt}>{formatDateTime(d.startsAt, lang)}</Descriptions.Item>
              <Descriptions.Item label={t.list.endsAt}>{formatDateTime(state.endsAt, lang)}</Descriptions.Item>
              <Descriptions.Item label={t.room.increments} span={2}>
                <Space direction="vertical" size={0}>
                  {d.increments.map((r) => (
                    <span key={r.fromFen}>{t.room.incrementRow(formatYuanExact(r.fromFen), formatYuanExact(r.stepFen))}</span>
                  ))}
                  {d.extensionMinutes > 0 && <Typography.Text type="secondary">{t.room.extension(d.extensionMinutes)}</Typography.Text>}
                </Space>
              </Descriptions.Item>
              {d.status === 'closed_sold' || d.status === 'closed_unsold' ? (
                <Descriptions.Item label={t.phases.closed}>
                  {d.status === 'closed_sold' ? t.room.sold : t.room.unsold}
                  {d.resultPublishedAt ? ` · ${t.room.resultPublished}` : ''}
                  {d.dealId ? (
                    <>
                      {' · '}
                      <Link to={`/market/deals/${d.dealId}`}>{t.room.deal}</Link>
                    </>
                  ) : null}
                </Descriptions.Item>
              ) : null}
            </Descriptions>
          </Card>
          <Card title={t.room.history} style={{ marginTop: 16 }}>
            <Table<Bid>
              rowKey="seq"
              size="small"
              data-testid="auction-bid-history"
              dataSource={bids}
              pagination={{ pageSize: 20, hideOnSinglePage: true }}
              onRow={(b) => ({ 'data-testid': 'auction-bid-row', 'data-seq': b.seq, 'data-amount': b.amountFen }) as React.HTMLAttributes<HTMLElement>}
              columns={[
                { title: '#', dataIndex: 'seq', width: 60 },
                { title: t.room.paddle, dataIndex: 'paddleNo', width: 80 },
                { title: t.room.amount, dataIndex: 'amountFen', render: (v: number) => formatYuanExact(v) },
                { title: t.room.kind, dataIndex: 'kind', width: 80, render: (v: Bid['kind']) => t.room.kinds[v] },
                { title: t.room.time, dataIndex: 'placedAt', render: (v: string) => formatDateTime(v, lang) },
              ]}
            />
          </Card>
        </Col>
        <Col xs={24} lg={9}>
          {d.status !== 'draft' && d.status !== 'cancelled' ? <BidderPanel auction={d} live={state} phase={phase} me={me.data} signedIn={!!user} /> : null}
        </Col>
      </Row>
    </>
  );
}

function SellerActions({ auction }: { auction: Auction }) {
  const t = useMessages(auctionMessages);
  const queryClient = useQueryClient();
  const [reason, setReason] = useState('');
  const refresh = (a: Auction) => {
    queryClient.setQueryData(auctionKeys.detail(a.id), a);
    void queryClient.invalidateQueries({ queryKey: auctionKeys.all });
  };
  const schedule = useMutation({ mutationFn: () => scheduleAuction(auction.id), onSuccess: refresh });
  const cancel = useMutation({ mutationFn: () => cancelAuction(auction.id, reason), onSuccess: refresh });
  const canCancel = (auction.canManage || auction.canOperate) && (auction.phase === 'draft' || auction.phase === 'upcoming');
  return (
    <Space wrap>
      {schedule.isError && <ErrorAlert error={schedule.error} />}
      {cancel.isError && <ErrorAlert error={cancel.error} />}
      {auction.canManage && auction.phase === 'draft' && (
        <Button type="primary" loading={schedule.isPending} onClick={() => schedule.mutate()} data-testid="auction-schedule">
          {t.room.schedule}
        </Button>
      )}
      {canCancel && (
        <Popconfirm
          title={<Input placeholder={t.room.cancelReason} value={reason} onChange={(e) => setReason(e.target.value)} />}
          onConfirm={() => cancel.mutate()}
          okButtonProps={{ disabled: !reason.trim() }}
        >
          <Button danger loading={cancel.isPending}>
            {t.room.cancel}
          </Button>
        </Popconfirm>
      )}
    </Space>
  );
}

function BidderPanel({ auction, live, phase, me, signedIn }: { auction: Auction; live: Live; phase: string; me: MyAuction | undefined; signedIn: boolean }) {
  const t = useMessages(auctionMessages);
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  // The typed amount holds only while the minimum it was typed against is current; otherwise the box shows the minimum.
  const [typed, setTyped] = useState<{ value: number | null; forMin: number } | null>(null);
  const amount = typed && typed.forMin === live.nextMinFen ? typed.value : fenToYuan(live.nextMinFen);
  const setAmount = (value: number | null) => setTyped({ value, forMin: live.nextMinFen });
  const [proxyMax, setProxyMax] = useState<number | null>(null);
  // One client key per bid attempt: kept while the attempt is retried, replaced after an answer.
  const attemptKey = useRef<string | null>(null);
  const afterWrite = () => {
    void queryClient.invalidateQueries({ queryKey: auctionKeys.me(auction.id) });
    void queryClient.invalidateQueries({ queryKey: auctionKeys.bids(auction.id) });
  };
  const bid = useMutation({
    mutationFn: (fen: number) => {
      attemptKey.current ??= newClientKey();
      return placeBid(auction.id, fen, attemptKey.current);
    },
    onSuccess: (res) => {
      attemptKey.current = null;
      void message.success(res.replayed ? t.room.bidReplayed : t.room.bidPlaced);
      afterWrite();
    },
    onError: (err) => {
      // An answer from the server ends the attempt; a network failure keeps the key for the retry.
      if (isApiError(err) && err.status > 0) {
        attemptKey.current = null;
      }
    },
  });
  const proxy = useMutation({
    mutationFn: (fen: number) => setProxy(auction.id, fen),
    onSuccess: () => {
      void message.success(t.room.proxySet);
      afterWrite();
    },
  });

  if (!signedIn) {
    return (
      <Card title={t.room.bidBox}>
        <Link to={`/login?next=${encodeURIComponent(`/market/auctions/${auction.id}`)}`}>{t.room.signInToBid}</Link>
      </Card>
    );
  }
  if (!me) {
    return <Card loading />;
  }
  const reg = me.registration;
  const canBid = phase === 'live' && (me.state === 'bidding' || me.state === 'outbid' || me.state === 'leading');
  const bidFen = yuanToFen(amount);
  return (
    <Card title={t.room.bidBox}>
      <Space direction="vertical" style={{ width: '100%' }}>
        <div>
          <Typography.Text type="secondary">{t.room.myState}: </Typography.Text>
          <Tag color={me.state === 'leading' || me.state === 'won' ? 'success' : me.state === 'outbid' ? 'warning' : 'default'} data-testid="auction-my-state" data-state={me.state}>
            {t.states[me.state]}
          </Tag>
          {reg ? <Typography.Text>{t.room.paddleNo(reg.paddleNo)}</Typography.Text> : null}
        </div>
        {me.state === 'not_registered' && (phase === 'upcoming' || phase === 'live') && <RegistrationForm auctionId={auction.id} />}
        {me.state === 'awaiting_approval' && <Alert type="info" message={t.room.awaiting} />}
        {me.state === 'rejected' && <Alert type="error" message={t.room.rejected(reg?.decisionNote ?? '')} />}
        {me.state === 'deposit_due' && <Alert type="warning" message={t.room.depositDue(formatYuanExact(auction.depositFen))} />}
        {canBid && (
          <>
            <Form layout="vertical" onFinish={() => bidFen !== null && bid.mutate(bidFen)}>
              <Form.Item label={t.room.bidAmount} help={bidFen === null ? t.room.invalidAmount : undefined} validateStatus={bidFen === null ? 'error' : undefined}>
                <Space.Compact style={{ width: '100%' }}>
                  <InputNumber<number>
                    style={{ width: '100%' }}
                    min={0}
                    step={1}
                    precision={2}
                    value={amount}
                    onChange={(v) => setAmount(v)}
                    data-testid="auction-bid-input"
                  />
                  <Button type="primary" htmlType="submit" loading={bid.isPending} disabled={bidFen === null || me.state === 'leading'} data-testid="auction-bid-submit">
                    {t.room.placeBid}
                  </Button>
                </Space.Compact>
              </Form.Item>
            </Form>
            {bid.isError && <ErrorAlert error={bid.error} />}
            <Typography.Title level={5}>{t.room.proxy}</Typography.Title>
            <Typography.Text type="secondary">{t.room.proxyHint}</Typography.Text>
            {me.proxyMaxFen !== null && <Typography.Text>{t.room.currentProxy(formatYuanExact(me.proxyMaxFen))}</Typography.Text>}
            <Space.Compact style={{ width: '100%' }}>
              <InputNumber<number> style={{ width: '100%' }} min={0} precision={2} placeholder={t.room.proxyMax} value={proxyMax} onChange={(v) => setProxyMax(v)} data-testid="auction-proxy-input" />
              <Button loading={proxy.isPending} disabled={yuanToFen(proxyMax) === null} onClick={() => proxy.mutate(yuanToFen(proxyMax)!)}>
                {t.room.setProxy}
              </Button>
            </Space.Compact>
            {proxy.isError && <ErrorAlert error={proxy.error} />}
          </>
        )}
      </Space>
    </Card>
  );
}

function RegistrationForm({ auctionId }: { auctionId: string }) {
  const t = useMessages(auctionMessages);
  const { user } = useSession();
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const orgIds = user?.organisationIds ?? [];
  const names = useOrganisationNames(orgIds);
  const [form] = Form.useForm<{ bidderOrgId: string; qualification: string }>();
  const submit = useMutation({
    mutationFn: (v: { bidderOrgId: string; qualification: string }) => register(auctionId, v.bidderOrgId, v.qualification),
    onSuccess: () => {
      void message.success(t.room.registered);
      void queryClient.invalidateQueries({ queryKey: auctionKeys.me(auctionId) });
    },
  });
  return (
    <Form form={form} layout="vertical" onFinish={(v) => submit.mutate(v)} initialValues={{ bidderOrgId: orgIds[0] }}>
      <Typography.Title level={5}>{t.room.register}</Typography.Title>
      <Form.Item name="bidderOrgId" label={t.room.bidderOrg} rules={[{ required: true }]}>
        <Select options={orgIds.map((o) => ({ value: o, label: names.get(o) ?? o }))} />
      </Form.Item>
      <Form.Item name="qualification" label={t.room.qualification} extra={t.room.qualificationHint} rules={[{ required: true, min: 2 }]}>
        <Input.TextArea rows={3} maxLength={4000} data-testid="auction-qualification" />
      </Form.Item>
      {submit.isError && <ErrorAlert error={submit.error} />}
      <Button type="primary" htmlType="submit" loading={submit.isPending} data-testid="auction-register-submit">
        {t.room.submitRegistration}
      </Button>
    </Form>
  );
}
