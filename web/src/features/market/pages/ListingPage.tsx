import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Col, Descriptions, Popconfirm, Row, Select, Space, Table, Typography } from 'antd';
import { useState } from 'react';
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
import { formatFen } from '../../achievements/money';
import { ListingStatusTag, modeLabel } from '../components/ListingTable';
import { OfferStatusTag, ThreadPanel } from '../components/ThreadPanel';
import { marketApi, marketKeys, useListing, useThread, useThreads } from '../market.api';
import { marketMessages } from '../messages';
import type { ThreadSummary } from '#shared/contracts/market.contract';

/** /market/listings/:id — the listing, the seller's threads, and the buyer's negotiation. */
export function ListingPage() {
  const { id = '' } = useParams();
  const t = useMessages(marketMessages);
  const lang = useLang();
  const { user } = useSession();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const query = useListing(id);
  const l = query.data;
  const [buyerPick, setBuyerPick] = useState<string | undefined>();
  const [sellerThread, setSellerThread] = useState<string | undefined>();
  const threads = useThreads(id, Boolean(l?.canManage));
  const buyerOrgId = l?.canManage ? sellerThread : (buyerPick ?? l?.buyerOrgs[0]?.id);
  // Buyers: their thread (the server picks their organisation when none is chosen, also after the listing closed); sellers: the thread they open.
  const thread = useThread(id, buyerOrgId, Boolean(user && l && (l.canManage ? sellerThread : true)));
  const action = useMutation({
    mutationFn: (a: 'publish' | 'withdraw') => marketApi.listingAction(id, a),
    onSuccess: async (updated, a) => {
      qc.setQueryData(marketKeys.listing(id), updated);
      void message.success(a === 'publish' ? t.detail.published : t.detail.withdrawn);
      await qc.invalidateQueries({ queryKey: marketKeys.all });
    },
  });

  if (query.isPending) {
    return <LoadingBlock />;
  }
  if (query.isError || !l) {
    return isApiError(query.error) && query.error.status === 404 ? (
      <NotFoundPage />
    ) : (
      <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />
    );
  }
  const open = l.status === 'listed';
  return (
    <>
      <PageHeader
        title={l.title}
        subtitle={<ListingStatusTag status={l.status} />}
        extra={
          l.canManage ? (
            <Space>
              {l.status === 'draft' ? (
                <Button type="primary" loading={action.isPending} onClick={() => action.mutate('publish')} data-testid="listing-publish">
                  {t.detail.publish}
                </Button>
              ) : null}
              {l.status === 'listed' ? (
                // 拍卖: the price is found by an English auction instead of offers.
                <Link to={`/market/auctions/new?listingId=${l.id}`} data-testid="listing-auction">
                  <Button>{t.detail.auction}</Button>
                </Link>
              ) : null}
              {l.status === 'draft' || l.status === 'listed' ? (
                <Popconfirm title={t.detail.withdraw} onConfirm={() => action.mutate('withdraw')}>
                  <Button danger>{t.detail.withdraw}</Button>
                </Popconfirm>
              ) : null}
            </Space>
          ) : null
        }
      />
      {action.error ? <ErrorAlert error={action.error} /> : null}
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={10}>
          <Card className="tn-block" data-testid="listing-summary">
            <Descriptions size="small" column={1}>
              <Descriptions.Item label={t.fields.seller}>{l.sellerOrgName}</Descriptions.Item>
              <Descriptions.Item label={t.fields.achievement}>
                <Link to={`/achievements/${l.achievementId}`}>{l.chainId}</Link>
              </Descriptions.Item>
              <Descriptions.Item label={t.fields.mode}>{modeLabel(l, t)}</Descriptions.Item>
              {l.mode === 'license' ? <Descriptions.Item label={t.fields.territory}>{l.licenceTerritory ?? '—'}</Descriptions.Item> : null}
              {l.mode === 'license' ? (
                <Descriptions.Item label={t.fields.termMonths}>{l.licenceTermMonths ?? '—'}</Descriptions.Item>
              ) : null}
              <Descriptions.Item label={t.fields.pricing}>{t.pricings[l.pricing]}</Descriptions.Item>
              <Descriptions.Item label={t.fields.askingPrice}>
                {l.priceFen === null ? t.fields.priceOnRequest : formatFen(l.priceFen, lang)}
              </Descriptions.Item>
              <Descriptions.Item label={t.fields.listedFrom}>{formatDateTime(l.listedFrom, lang)}</Descriptions.Item>
              <Descriptions.Item label={t.fields.listedUntil}>{formatDateTime(l.listedUntil, lang)}</Descriptions.Item>
              <Descriptions.Item label={t.fields.terms}>
                <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>{l.terms || '—'}</Typography.Paragraph>
              </Descriptions.Item>
            </Descriptions>
            {l.stateFunded ? <Alert type="info" showIcon message={t.fields.stateFunded} style={{ marginTop: 8 }} /> : null}
          </Card>
          <Card title={t.fields.dataRoom} className="tn-block" style={{ marginTop: 16 }} data-testid="data-room">
            {l.dataRoom !== null ? (
              <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{l.dataRoom || '—'}</Typography.Paragraph>
            ) : (
              <Typography.Text type="secondary">{t.fields.dataRoomLocked}</Typography.Text>
            )}
          </Card>
        </Col>
        <Col xs={24} lg={14}>
          {l.canManage ? (
            <Card title={t.detail.threads} className="tn-block" style={{ marginBottom: 16 }} data-testid="threads">
              <Table<ThreadSummary>
                rowKey="buyerOrgId"
                size="small"
                pagination={false}
                loading={threads.isPending}
                dataSource={threads.data ?? []}
                locale={{ emptyText: t.detail.noThreads }}
                columns={[
                  { title: t.thread.buyerOrg, dataIndex: 'buyerOrgName' },
                  {
                    title: t.thread.offers,
                    key: 'open',
                    render: (_, s) =>
                      s.openOffer ? (
                        <Space>
                          <OfferStatusTag status="open" />
                          {formatFen(s.openOffer.amountFen, lang)}
                        </Space>
                      ) : (
                        s.offerCount
                      ),
                  },
                  { title: t.thread.messages, dataIndex: 'messageCount' },
                  {
                    title: '',
                    key: 'go',
                    render: (_, s) => (
                      <Button size="small" data-testid="thread-open" onClick={() => setSellerThread(s.buyerOrgId)}>
                        {t.detail.open}
                      </Button>
                    ),
                  },
                ]}
              />
            </Card>
          ) : null}
          {!user ? (
            <Alert type="info" message={<Link to={`/login?next=/market/listings/${l.id}`}>{t.detail.signInToOffer}</Link>} />
          ) : !l.canManage && l.buyerOrgs.length === 0 && open ? (
            <Alert type="info" message={t.detail.notBuyer} />
          ) : null}
          {!l.canManage && l.buyerOrgs.length > 1 ? (
            <Select
              value={buyerOrgId}
              onChange={setBuyerPick}
              options={l.buyerOrgs.map((o) => ({ value: o.id, label: o.name }))}
              style={{ width: 280, marginBottom: 12 }}
            />
          ) : null}
          {!open && !l.canManage ? <Alert type="warning" message={t.detail.closed} style={{ marginBottom: 12 }} /> : null}
          {thread.data ? <ThreadPanel thread={thread.data} listingOpen={open} /> : null}
        </Col>
      </Row>
    </>
  );
}
