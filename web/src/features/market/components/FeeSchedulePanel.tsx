import type { FeeSchedule } from '#shared/contracts/market.contract';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Form, Input, InputNumber, Table } from 'antd';
import { isPlatformAdmin } from '../../../shared/auth/permissions';
import { useSession } from '../../../shared/auth/useSession';
import { formatDate } from '../../../shared/i18n/format';
import { useMessages } from '../../../shared/i18n/messages';
import { useLang } from '../../../shared/i18n/useLang';
import { ErrorAlert } from '../../../shared/ui/ErrorAlert';
import { formatFen, yuanToFen } from '../../achievements/money';
import { marketApi, marketKeys, useFees } from '../market.api';
import { marketMessages } from '../messages';

/** The fee schedule in force and the upcoming ones; platform administrators add dated schedules. */
export function FeeSchedulePanel() {
  const t = useMessages(marketMessages);
  const lang = useLang();
  const { message } = App.useApp();
  const { user } = useSession();
  const qc = useQueryClient();
  const fees = useFees();
  const [form] = Form.useForm<{ effectiveFrom: string; commissionBp: number; depositBp: number; depositMin: number }>();
  const add = useMutation({
    mutationFn: (v: { effectiveFrom: string; commissionBp: number; depositBp: number; depositMin: number }) =>
      marketApi.setFees({
        effectiveFrom: v.effectiveFrom,
        commissionBp: v.commissionBp,
        depositBp: v.depositBp,
        depositMinFen: yuanToFen(v.depositMin) ?? 0,
      }),
    onSuccess: (data) => {
      qc.setQueryData(marketKeys.fees, data);
      form.resetFields();
      void message.success(t.operator.added);
    },
  });
  const rows: (FeeSchedule & { key: string; label: string })[] = fees.data
    ? [
        { ...fees.data.inForce, key: 'now', label: t.operator.inForce },
        ...fees.data.upcoming.map((f) => ({ ...f, key: f.effectiveFrom ?? '', label: t.operator.upcoming })),
      ]
    : [];
  return (
    <Card className="tn-block" data-testid="fee-schedule">
      {fees.isError ? <ErrorAlert error={fees.error} /> : null}
      <Table
        rowKey="key"
        size="small"
        pagination={false}
        loading={fees.isPending}
        dataSource={rows}
        columns={[
          { title: '', dataIndex: 'label' },
          {
            title: t.operator.effectiveFrom,
            key: 'from',
            render: (_, r) => (r.effectiveFrom ? formatDate(r.effectiveFrom, lang) : t.operator.defaultFees),
          },
          { title: t.operator.commission, key: 'c', render: (_, r) => `${r.commissionBp / 100}%` },
          { title: t.operator.deposit, key: 'd', render: (_, r) => `${r.depositBp / 100}%` },
          { title: t.operator.depositMin, key: 'm', render: (_, r) => formatFen(r.depositMinFen, lang) },
        ]}
      />
      {isPlatformAdmin(user) ? (
        <Form form={form} layout="inline" style={{ marginTop: 16 }} onFinish={(v) => add.mutate(v)}>
          {add.error ? <ErrorAlert error={add.error} /> : null}
          <Form.Item name="effectiveFrom" label={t.operator.effectiveFrom} rules={[{ required: true }]}>
            <Input type="date" />
          </Form.Item>
          <Form.Item name="commissionBp" label={t.operator.commission} rules={[{ required: true }]}>
            <InputNumber min={0} max={10000} precision={0} />
          </Form.Item>
          <Form.Item name="depositBp" label={t.operator.deposit} rules={[{ required: true }]}>
            <InputNumber min={0} max={10000} precision={0} />
          </Form.Item>
          <Form.Item name="depositMin" label={t.operator.depositMin} rules={[{ required: true }]}>
            <InputNumber min={0} precision={2} />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={add.isPending}>
            {t.operator.add}
          </Button>
        </Form>
      ) : null}
    </Card>
  );
}
