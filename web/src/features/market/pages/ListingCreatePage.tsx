import { LICENCE_KINDS, LISTING_MODES, LISTING_PRICINGS, type CreateListing } from '#shared/contracts/market.contract';
import { useMutation } from '@tanstack/react-query';
import { Button, Card, Form, Input, InputNumber, Select } from 'antd';
import { useNavigate, useSearchParams } from 'react-router-dom';
import { useMessages } from '../../../shared/i18n/messages';
import { ErrorAlert } from '../../../shared/ui/ErrorAlert';
import { PageHeader } from '../../../shared/ui/PageHeader';
import { useAchievements } from '../../achievements/achievements.api';
import { yuanToFen } from '../../achievements/money';
import { marketApi } from '../market.api';
import { marketMessages } from '../messages';

type Values = {
  achievementId: string;
  title?: string;
  mode: CreateListing['mode'];
  licenceKind?: CreateListing['licenceKind'];
  licenceTerritory?: string;
  licenceTermMonths?: number;
  pricing: CreateListing['pricing'];
  price?: number;
  terms?: string;
  dataRoom?: string;
  listedUntil: string;
};

/** /market/listings/new?achievementId= — list a published achievement (saved as a draft, then published from its page). */
export function ListingCreatePage() {
  const t = useMessages(marketMessages);
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const [form] = Form.useForm<Values>();
  const mode = Form.useWatch('mode', form);
  const mine = useAchievements({ mine: true, status: 'published', pageSize: 100 });
  const create = useMutation({
    mutationFn: (body: CreateListing) => marketApi.createListing(body),
    onSuccess: (l) => navigate(`/market/listings/${l.id}`),
  });
  const options = (mine.data?.items ?? []).map((a) => ({ value: a.id, label: a.title }));
  const initialId = params.get('achievementId') ?? undefined;

  function submit(v: Values) {
    const priceFen = v.price === undefined || v.price === null ? undefined : (yuanToFen(v.price) ?? undefined);
    create.mutate({
      achievementId: v.achievementId,
      ...(v.title ? { title: v.title } : {}),
      mode: v.mode,
      ...(v.mode === 'license'
        ? {
            licenceKind: v.licenceKind,
            licenceTerritory: v.licenceTerritory || undefined,
            licenceTermMonths: v.licenceTermMonths ?? undefined,
          }
        : {}),
      pricing: v.pricing,
      ...(priceFen !== undefined ? { priceFen } : {}),
      terms: v.terms ?? '',
      dataRoom: v.dataRoom ?? '',
      listedUntil: `${v.listedUntil}T23:59:59+08:00`,
    });
  }

  return (
    <>
      <PageHeader title={t.create.title} />
      <Card className="tn-block" style={{ maxWidth: 760 }}>
        {create.error ? <ErrorAlert error={create.error} /> : null}
        <Form
          form={form}
          layout="vertical"
          onFinish={submit}
          initialValues={{ achievementId: initialId, mode: 'assign', pricing: 'negotiable' }}
          data-testid="listing-form"
        >
          <Form.Item name="achievementId" label={t.fields.achievement} rules={[{ required: true }]}>
            <Select
              showSearch
              optionFilterProp="label"
              options={
                initialId && !options.some((o) => o.value === initialId) ? [{ value: initialId, label: initialId }, ...options] : options
              }
              loading={mine.isPending}
            />
          </Form.Item>
          <Form.Item name="title" label={t.fields.title}>
            <Input maxLength={200} />
          </Form.Item>
          <Form.Item name="mode" label={t.fields.mode} rules={[{ required: true }]}>
            <Select options={LISTING_MODES.map((m) => ({ value: m, label: t.modes[m] }))} />
          </Form.Item>
          {mode === 'license' ? (
            <>
              <Form.Item name="licenceKind" label={t.fields.licenceKind} rules={[{ required: true }]}>
                <Select options={LICENCE_KINDS.map((k) => ({ value: k, label: t.licenceKinds[k] }))} />
              </Form.Item>
              <Form.Item name="licenceTerritory" label={t.fields.territory}>
                <Input maxLength={200} />
              </Form.Item>
              <Form.Item name="licenceTermMonths" label={t.fields.termMonths}>
                <InputNumber min={1} max={600} precision={0} />
              </Form.Item>
            </>
          ) : null}
          <Form.Item name="pricing" label={t.fields.pricing} rules={[{ required: true }]}>
            <Select options={LISTING_PRICINGS.map((p) => ({ value: p, label: t.pricings[p] }))} />
          </Form.Item>
          <Form.Item
            name="price"
            label={t.fields.price}
            rules={[
              {
                validator: (_, v) =>
                  v === undefined || v === null || yuanToFen(v as number) !== null
                    ? Promise.resolve()
                    : Promise.reject(new Error(t.create.priceInvalid)),
              },
            ]}
          >
            <InputNumber min={0} precision={2} style={{ width: 220 }} />
          </Form.Item>
          <Form.Item name="terms" label={t.fields.terms}>
            <Input.TextArea rows={3} maxLength={5000} />
          </Form.Item>
          <Form.Item name="dataRoom" label={t.fields.dataRoom}>
            <Input.TextArea rows={4} maxLength={20000} />
          </Form.Item>
          <Form.Item name="listedUntil" label={t.fields.listedUntil} rules={[{ required: true, message: t.create.untilRequired }]}>
            <Input type="date" style={{ width: 220 }} />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={create.isPending}>
            {t.create.submit}
          </Button>
        </Form>
      </Card>
    </>
  );
}
