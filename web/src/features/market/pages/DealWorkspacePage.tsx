import { MAX_DOCUMENT_BYTES } from '#shared/contracts/market.contract';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Col, Descriptions, Flex, Form, Input, InputNumber, List, Row, Steps, Typography, Upload } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { NotFoundPage } from '../../../app/pages/NotFoundPage';
import { isApiError } from '../../../shared/api/api-error';
import { formatDate, formatDateTime } from '../../../shared/i18n/format';
import { useMessages } from '../../../shared/i18n/messages';
import { useLang } from '../../../shared/i18n/useLang';
import { ErrorAlert } from '../../../shared/ui/ErrorAlert';
import { LoadingBlock } from '../../../shared/ui/LoadingBlock';
import { PageHeader } from '../../../shared/ui/PageHeader';
import { formatFen } from '../../achievements/money';
import { OfferHistory } from '../components/ThreadPanel';
import { marketApi, marketKeys, useDeal, useDealMessages } from '../market.api';
import { dealSteps } from '../deal-steps';
import { marketMessages } from '../messages';
import { DealStatusTag } from './MyDealsPage';

function readBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(typeof reader.result === 'string' ? reader.result.replace(/^data:[^,]*,/, '') : '');
    reader.onerror = () => reject(reader.error ?? new Error('read failed'));
    reader.readAsDataURL(file);
  });
}

/** /market/deals/:id — the deal workspace. */
export function DealWorkspacePage() {
  const { id = '' } = useParams();
  const t = useMessages(marketMessages);
  const lang = useLang();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const query = useDeal(id);
  const messages = useDealMessages(id);
  const [file, setFile] = useState<File | null>(null);
  const [msgForm] = Form.useForm<{ body?: string }>();
  const [noticeForm] = Form.useForm<{ contributors: string; objectionChannel: string; workingDays?: number }>();
  const send = useMutation({
    mutationFn: async (body: string) => {
      const document = file
        ? { name: file.name, mediaType: file.type || 'application/octet-stream', contentBase64: await readBase64(file) }
        : undefined;
      return marketApi.postDealMessage(id, { body, ...(document ? { document } : {}) });
    },
    onSuccess: async () => {
      msgForm.resetFields();
      setFile(null);
      await qc.invalidateQueries({ queryKey: marketKeys.dealMessages(id) });
    },
  });
  const notice = useMutation({
    mutationFn: (v: { contributors: string; objectionChannel: string; workingDays?: number }) =>
      marketApi.publishNotice({ dealId: id, ...v, ...(v.workingDays ? { workingDays: v.workingDays } : {}) }),
    onSuccess: async () => {
      void message.success(t.deals.noticePublished);
      await qc.invalidateQueries({ queryKey: marketKeys.deal(id) });
    },
  });

  if (query.isPending) {
    return <LoadingBlock />;
  }
  const d = query.data;
  if (query.isError || !d) {
    return isApiError(query.error) && query.error.status === 404 ? (
      <NotFoundPage />
    ) : (
      <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />
    );
  }
  const steps = dealSteps(d);
  return (
    <>
      <PageHeader
        title={d.title}
        subtitle={
          <Flex gap={8} align="center">
            {d.dealNo} <DealStatusTag status={d.status} />
          </Flex>
        }
      />
      <Card className="tn-block" style={{ marginBottom: 16 }}>
        <Steps
          data-testid="deal-steps"
          current={steps.current}
          status={steps.status}
          items={steps.keys.map((k) => ({ title: t.deals.steps[k] }))}
        />
      </Card>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={10}>
          <Card className="tn-block" data-testid="deal-summary">
            <Descriptions size="small" column={1}>
              <Descriptions.Item label={t.sides.seller}>{d.seller.name}</Descriptions.Item>
              <Descriptions.Item label={t.sides.buyer}>{d.buyer.name}</Descriptions.Item>
              <Descriptions.Item label={t.fields.mode}>
                {d.transferMode === 'license' && d.licenceKind ? t.licenceKinds[d.licenceKind] : t.modes[d.transferMode]}
              </Descriptions.Item>
              <Descriptions.Item label={t.deals.method}>{t.pricingMethods[d.pricingMethod]}</Descriptions.Item>
              <Descriptions.Item label={t.deals.price}>{formatFen(d.priceFen, lang)}</Descriptions.Item>
              <Descriptions.Item label={t.deals.commission}>{formatFen(d.commissionFen, lang)}</Descriptions.Item>
              {d.status === 'concluded' && d.mySide === 'seller' ? (
                <Descriptions.Item label={t.deals.registration}>
                  {/* 技术合同登记: the seller registers the concluded deal (same chain id). */}
                  <Link to={`/registrations/new?dealId=${d.id}`} data-testid="deal-register">
                    {t.deals.registerContract}
                  </Link>
                </Descriptions.Item>
              ) : null}
              {d.listingId ? (
                <Descriptions.Item label={t.fields.title}>
                  <Link to={`/market/listings/${d.listingId}`}>{d.chainId}</Link>
                </Descriptions.Item>
              ) : null}
            </Descriptions>
          </Card>
          <Card title={t.deals.notice} className="tn-block" style={{ marginTop: 16 }} data-testid="deal-notice">
            {d.notice ? (
              <Link
                to={`/notices/${d.notice.id}`}
              >{`${t.deals.noticeLink}（${formatDate(d.notice.startsOn, lang)} – ${formatDate(d.notice.endsOn, lang)}）`}</Link>
            ) : d.status === 'awaiting_notice' ? (
              <>
                <Alert type="warning" showIcon message={t.deals.awaitingNotice} style={{ marginBottom: 12 }} />
                {d.canPublishNotice ? (
                  <Form form={noticeForm} layout="vertical" onFinish={(v) => notice.mutate(v)} data-testid="notice-form">
                    {notice.error ? <ErrorAlert error={notice.error} /> : null}
                    <Form.Item name="contributors" label={t.deals.contributors} rules={[{ required: true, whitespace: true }]}>
                      <Input />
                    </Form.Item>
                    <Form.Item name="objectionChannel" label={t.deals.objectionChannel} rules={[{ required: true, whitespace: true }]}>
                      <Input.TextArea rows={2} />
                    </Form.Item>
                    <Form.Item name="workingDays" label={t.deals.workingDays}>
                      <InputNumber min={15} max={60} precision={0} />
                    </Form.Item>
                    <Button type="primary" htmlType="submit" loading={notice.isPending}>
                      {t.deals.publishNotice}
                    </Button>
                  </Form>
                ) : null}
              </>
            ) : (
              <Typography.Text type="secondary">—</Typography.Text>
            )}
          </Card>
          <Card title={t.deals.contract} className="tn-block" style={{ marginTop: 16 }}>
            {d.contractDraft ? (
              <pre style={{ whiteSpace: 'pre-wrap', fontSize: 12, margin: 0 }}>{JSON.stringify(d.contractDraft, null, 2)}</pre>
            ) : (
              <Typography.Text type="secondary">{t.deals.noContract}</Typography.Text>
            )}
          </Card>
        </Col>
        <Col xs={24} lg={14}>
          <Card title={t.deals.offers} className="tn-block" style={{ marginBottom: 16 }}>
            <OfferHistory offers={d.offers} />
          </Card>
          <Card title={t.deals.messages} className="tn-block" data-testid="deal-messages">
            <List
              size="small"
              dataSource={messages.data ?? []}
              locale={{ emptyText: t.thread.noMessages }}
              renderItem={(m) => (
                <List.Item
                  actions={
                    m.document
                      ? [
                          <a
                            key="dl"
                            href={marketApi.documentUrl(id, m.id)}
                            download={m.document.name}
                          >{`${t.deals.download} ${m.document.name}`}</a>,
                        ]
                      : []
                  }
                >
                  <List.Item.Meta
                    title={`${m.fromSide ? t.sides[m.fromSide] : ''} · ${m.authorName} · ${formatDateTime(m.createdAt, lang)}`}
                    description={
                      <>
                        <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>{m.body}</Typography.Paragraph>
                        {m.document ? (
                          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                            SHA-256 {m.document.sha256}
                          </Typography.Text>
                        ) : null}
                      </>
                    }
                  />
                </List.Item>
              )}
            />
            {d.mySide ? (
              <Form form={msgForm} onFinish={(v) => send.mutate(v.body ?? '')} style={{ marginTop: 12 }}>
                {send.error ? <ErrorAlert error={send.error} /> : null}
                <Form.Item name="body" rules={[{ max: 5000 }]}>
                  <Input.TextArea rows={2} data-testid="deal-message" />
                </Form.Item>
                <Flex gap={8} align="center">
                  <Upload
                    maxCount={1}
                    beforeUpload={(f) => {
                      if (f.size > MAX_DOCUMENT_BYTES) {
                        void message.error(t.deals.fileTooLarge);
                        return Upload.LIST_IGNORE;
                      }
                      setFile(f);
                      return false;
                    }}
                    onRemove={() => setFile(null)}
                    fileList={file ? [{ uid: '1', name: file.name, status: 'done' }] : []}
                  >
                    <Button>{t.deals.upload}</Button>
                  </Upload>
                  <Button type="primary" htmlType="submit" loading={send.isPending}>
                    {t.thread.send}
                  </Button>
                </Flex>
              </Form>
            ) : null}
          </Card>
        </Col>
      </Row>
    </>
  );
}
