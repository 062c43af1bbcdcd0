import { useMutation } from '@tanstack/react-query';
import { Alert, App, Button, Card, Form, Input, InputNumber, Space } from 'antd';
import { useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router-dom';
import { useMessages } from '../../../shared/i18n/messages';
import { ErrorAlert } from '../../../shared/ui/ErrorAlert';
import { PageHeader } from '../../../shared/ui/PageHeader';
import { yuanToFen } from '../../achievements/money';
import { createAuction } from '../auctions.api';
import { auctionMessages } from '../messages';
import { toDateTimeLocal } from '../../../shared/i18n/format';

type Values = {
  startPrice: number;
  reserve?: number | null;
  increments: { from: number; step: number }[];
  startsAt: string;
  endsAt: string;
  extensionMinutes: number;
};

/** /market/auctions/new?listingId= — the seller's draft auction of a listing. */
export function AuctionCreatePage() {
  const t = useMessages(auctionMessages);
  const [params] = useSearchParams();
  const listingId = params.get('listingId') ?? '';
  const navigate = useNavigate();
  const { message } = App.useApp();
  const create = useMutation({
    mutationFn: (v: Values) =>
      createAuction({
        listingId,
        startPriceFen: yuanToFen(v.startPrice) ?? 0,
        reserveFen: v.reserve === null || v.reserve === undefined ? null : yuanToFen(v.reserve),
        increments: v.increments.map((r) => ({ fromFen: yuanToFen(r.from) ?? 0, stepFen: yuanToFen(r.step) ?? 0 })),
        startsAt: new Date(v.startsAt).toISOString(),
        endsAt: new Date(v.endsAt).toISOString(),
        extensionMinutes: v.extensionMinutes,
      }),
    onSuccess: (a) => {
      void message.success(t.create.created);
      void navigate(`/market/auctions/${a.id}`);
    },
  });
  const [now] = useState(() => Date.now());
  if (!listingId) {
    return <Alert type="warning" message={t.create.missingListing} />;
  }
  return (
    <>
      <PageHeader title={t.create.title} />
      <Card>
        <Form<Values>
          layout="vertical"
          style={{ maxWidth: 640 }}
          onFinish={(v) => create.mutate(v)}
          initialValues={{
            increments: [
              { from: 0, step: 10_000 },
              { from: 1_000_000, step: 50_000 },
            ],
            startsAt: toDateTimeLocal(new Date(now + 3_600_000)),
            endsAt: toDateTimeLocal(new Date(now + 7 * 86_400_000)),
            extensionMinutes: 5,
          }}
        >
          <Form.Item name="startPrice" label={t.create.startPrice} rules={[{ required: true }]}>
            <InputNumber min={0.01} precision={2} style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item name="reserve" label={t.create.reserve}>
            <InputNumber min={0.01} precision={2} style={{ width: '100%' }} />
          </Form.Item>
          <Form.List name="increments">
            {(fields, { add, remove }) => (
              <Form.Item label={t.create.increments}>
                {fields.map((f) => (
                  <Space key={f.key} align="baseline">
                    <Form.Item name={[f.name, 'from']} rules={[{ required: true }]}>
                      <InputNumber min={0} precision={2} placeholder={t.create.fromYuan} addonBefore={t.create.fromYuan} />
                    </Form.Item>
                    <Form.Item name={[f.name, 'step']} rules={[{ required: true }]}>
                      <InputNumber min={0.01} precision={2} placeholder={t.create.stepYuan} addonBefore={t.create.stepYuan} />
                    </Form.Item>
                    {fields.length > 1 && <Button onClick={() => remove(f.name)}>−</Button>}
                  </Space>
                ))}
                <Button onClick={() => add()}>{t.create.addRow}</Button>
              </Form.Item>
            )}
          </Form.List>
          <Form.Item name="startsAt" label={t.create.startsAt} rules={[{ required: true }]}>
            <Input type="datetime-local" />
          </Form.Item>
          <Form.Item name="endsAt" label={t.create.endsAt} rules={[{ required: true }]}>
            <Input type="datetime-local" />
          </Form.Item>
          <Form.Item name="extensionMinutes" label={t.create.extension}>
            <InputNumber min={0} max={60} precision={0} />
          </Form.Item>
          {create.isError && <ErrorAlert error={create.error} />}
          <Button type="primary" htmlType="submit" loading={create.isPending}>
            {t.create.submit}
          </Button>
        </Form>
      </Card>
    </>
  );
}
