import { DECLINE_REASONS, type DeclineReason, type Offer, type Thread } from '#shared/contracts/market.contract';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import {
  App,
  Button,
  Card,
  Empty,
  Flex,
  Form,
  Input,
  InputNumber,
  List,
  Modal,
  Popconfirm,
  Select,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { formatDateTime } from '../../../shared/i18n/format';
import { useMessages } from '../../../shared/i18n/messages';
import { useLang } from '../../../shared/i18n/useLang';
import { ErrorAlert } from '../../../shared/ui/ErrorAlert';
import { formatFen, yuanToFen } from '../../achievements/money';
import { marketApi, marketKeys } from '../market.api';
import { marketMessages } from '../messages';

export function OfferStatusTag({ status }: { status: Offer['status'] }) {
  const t = useMessages(marketMessages);
  const color =
    status === 'open' ? 'gold' : status === 'accepted' ? 'green' : status === 'declined' || status === 'expired' ? 'red' : 'default';
  return <Tag color={color}>{t.offerStatuses[status]}</Tag>;
}

/** Offer history table; `onAction` adds the answer buttons for the caller's side. */
export function OfferHistory({ offers, actions }: { offers: Offer[]; actions?: (o: Offer) => React.ReactNode }) {
  const t = useMessages(marketMessages);
  const lang = useLang();
  return (
    <Table<Offer>
      rowKey="id"
      size="small"
      pagination={false}
      dataSource={offers}
      locale={{ emptyText: t.thread.noOffers }}
      data-testid="offer-history"
      columns={[
        { title: t.thread.from, key: 'from', render: (_, o) => t.sides[o.fromSide] },
        { title: t.thread.amount, key: 'amount', render: (_, o) => formatFen(o.amountFen, lang) },
        { title: t.thread.terms, dataIndex: 'terms' },
        {
          title: t.fields.status,
          key: 'status',
          render: (_, o) => (
            <Space direction="vertical" size={0}>
              <OfferStatusTag status={o.status} />
              {o.declineReason ? (
                <Typography.Text type="secondary">
                  {t.declineReasons[o.declineReason]}
                  {o.declineNote ? `：${o.declineNote}` : ''}
                </Typography.Text>
              ) : null}
            </Space>
          ),
        },
        { title: t.thread.respondBy, key: 'respondBy', render: (_, o) => formatDateTime(o.respondBy, lang) },
        ...(actions ? [{ title: '', key: 'actions', render: (_: unknown, o: Offer) => actions(o) }] : []),
      ]}
    />
  );
}

/** One negotiation (listing × buyer organisation): messages, offers, and the caller's moves. */
export function ThreadPanel({ thread, listingOpen }: { thread: Thread; listingOpen: boolean }) {
  const t = useMessages(marketMessages);
  const lang = useLang();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [msgForm] = Form.useForm<{ body: string }>();
  const [offerForm] = Form.useForm<{ amount: number; terms?: string }>();
  const [counterOf, setCounterOf] = useState<Offer | null>(null);
  const [declineOf, setDeclineOf] = useState<Offer | null>(null);
  const [counterForm] = Form.useForm<{ amount: number; terms?: string }>();
  const [declineForm] = Form.useForm<{ reason: DeclineReason; note?: string }>();
  const refresh = () => qc.invalidateQueries({ queryKey: marketKeys.all });

  const send = useMutation({
    mutationFn: (body: string) => marketApi.postMessage(thread.listingId, { body, buyerOrgId: thread.buyerOrgId }),
    onSuccess: async () => {
      msgForm.resetFields();
      await refresh();
    },
  });
  const offer = useMutation({
    mutationFn: (v: { amountFen: number; terms: string }) => marketApi.makeOffer(thread.listingId, { ...v, buyerOrgId: thread.buyerOrgId }),
    onSuccess: async () => {
      offerForm.resetFields();
      void message.success(t.thread.offerMade);
      await refresh();
    },
  });
  const answer = useMutation({
    mutationFn: async (a: {
      kind: 'accept' | 'withdraw' | 'counter' | 'decline';
      offer: Offer;
      amountFen?: number;
      terms?: string;
      reason?: DeclineReason;
      note?: string;
    }) => {
      switch (a.kind) {
        case 'accept':
          return marketApi.accept(a.offer.id);
        case 'withdraw':
          return marketApi.withdrawOffer(a.offer.id);
        case 'counter':
          return marketApi.counter(a.offer.id, { amountFen: a.amountFen!, terms: a.terms ?? '' });
        case 'decline':
          return marketApi.decline(a.offer.id, { reason: a.reason!, note: a.note ?? '' });
      }
    },
    onSuccess: async (_r, a) => {
      setCounterOf(null);
      setDeclineOf(null);
      void message.success(
        { accept: t.thread.accepted, withdraw: t.thread.withdrawnDone, counter: t.thread.countered, decline: t.thread.declined }[a.kind],
      );
      await refresh();
    },
  });
  const hasOpen = thread.offers.some((o) => o.status === 'open');
  const amountRule = {
    validator: (_: unknown, v: unknown) =>
      yuanToFen(v as number) !== null && (yuanToFen(v as number) ?? 0) > 0
        ? Promise.resolve()
        : Promise.reject(new Error(t.create.priceInvalid)),
  };

  return (
    <Card title={t.thread.with(thread.buyerOrgName)} data-testid="thread" className="tn-block">
      {thread.dealId ? (
        <Link to={`/market/deals/${thread.dealId}`}>
          <Button type="primary" data-testid="to-deal" style={{ marginBottom: 12 }}>
            {t.thread.toDeal}
          </Button>
        </Link>
      ) : null}
      {send.error || offer.error || answer.error ? <ErrorAlert error={send.error ?? offer.error ?? answer.error} /> : null}
      <Typography.Title level={5}>{t.thread.offers}</Typography.Title>
      <OfferHistory
        offers={thread.offers}
        actions={(o) =>
          o.status !== 'open' ? null : o.fromSide === thread.mySide ? (
            <Button size="small" onClick={() => answer.mutate({ kind: 'withdraw', offer: o })}>
              {t.thread.withdraw}
            </Button>
          ) : (
            <Space>
              <Popconfirm title={t.thread.confirmAccept} onConfirm={() => answer.mutate({ kind: 'accept', offer: o })}>
                <Button size="small" type="primary" data-testid="offer-accept">
                  {t.thread.accept}
                </Button>
              </Popconfirm>
              <Button size="small" data-testid="offer-counter" onClick={() => setCounterOf(o)}>
                {t.thread.counter}
              </Button>
              <Button size="small" danger data-testid="offer-decline" onClick={() => setDeclineOf(o)}>
                {t.thread.decline}
              </Button>
            </Space>
          )
        }
      />
      {thread.mySide === 'buyer' && listingOpen && !hasOpen && !thread.dealId ? (
        <Form
          form={offerForm}
          layout="inline"
          style={{ marginTop: 12 }}
          onFinish={(v) => offer.mutate({ amountFen: yuanToFen(v.amount)!, terms: v.terms ?? '' })}
          data-testid="offer-form"
        >
          <Form.Item name="amount" label={t.thread.amount} rules={[{ required: true }, amountRule]}>
            <InputNumber min={0} precision={2} style={{ width: 180 }} data-testid="offer-amount" />
          </Form.Item>
          <Form.Item name="terms" label={t.thread.terms}>
            <Input style={{ width: 240 }} />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={offer.isPending} data-testid="offer-submit">
            {t.thread.makeOffer}
          </Button>
        </Form>
      ) : null}
      <Typography.Title level={5} style={{ marginTop: 16 }}>
        {t.thread.messages}
      </Typography.Title>
      {thread.messages.length === 0 ? (
        <Empty description={t.thread.noMessages} image={Empty.PRESENTED_IMAGE_SIMPLE} />
      ) : (
        <List
          size="small"
          dataSource={thread.messages}
          renderItem={(m) => (
            <List.Item>
              <List.Item.Meta
                title={`${t.sides[m.fromSide]} · ${m.authorName} · ${formatDateTime(m.createdAt, lang)}`}
                description={<Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>{m.body}</Typography.Paragraph>}
              />
            </List.Item>
          )}
        />
      )}
      {listingOpen ? (
        <Form form={msgForm} onFinish={(v) => send.mutate(v.body)}>
          <Flex gap={8}>
            <Form.Item name="body" rules={[{ required: true, whitespace: true, max: 5000 }]} style={{ flex: 1, margin: 0 }}>
              <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} placeholder={t.thread.message} data-testid="thread-message" />
            </Form.Item>
            <Button htmlType="submit" loading={send.isPending} data-testid="thread-send">
              {t.thread.send}
            </Button>
          </Flex>
        </Form>
      ) : null}
      <Modal
        open={counterOf !== null}
        title={t.thread.counter}
        onCancel={() => setCounterOf(null)}
        onOk={() => counterForm.submit()}
        confirmLoading={answer.isPending}
        destroyOnHidden
      >
        <Form
          form={counterForm}
          layout="vertical"
          onFinish={(v) =>
            counterOf && answer.mutate({ kind: 'counter', offer: counterOf, amountFen: yuanToFen(v.amount)!, terms: v.terms ?? '' })
          }
        >
          <Form.Item name="amount" label={t.thread.amount} rules={[{ required: true }, amountRule]}>
            <InputNumber min={0} precision={2} style={{ width: '100%' }} data-testid="counter-amount" />
          </Form.Item>
          <Form.Item name="terms" label={t.thread.terms}>
            <Input.TextArea />
          </Form.Item>
        </Form>
      </Modal>
      <Modal
        open={declineOf !== null}
        title={t.thread.decline}
        onCancel={() => setDeclineOf(null)}
        onOk={() => declineForm.submit()}
        confirmLoading={answer.isPending}
        destroyOnHidden
      >
        <Form
          form={declineForm}
          layout="vertical"
          onFinish={(v) => declineOf && answer.mutate({ kind: 'decline', offer: declineOf, reason: v.reason, note: v.note ?? '' })}
        >
          <Form.Item name="reason" label={t.thread.reason} rules={[{ required: true }]}>
            <Select options={DECLINE_REASONS.map((r) => ({ value: r, label: t.declineReasons[r] }))} data-testid="decline-reason" />
          </Form.Item>
          <Form.Item name="note" label={t.thread.note}>
            <Input.TextArea maxLength={2000} />
          </Form.Item>
        </Form>
      </Modal>
    </Card>
  );
}
