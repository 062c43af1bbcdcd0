import { criteriaProblems, CreateTenderSchema, type TenderCriterion } from '#shared/contracts/tenders.contract';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Flex, Form, Input, InputNumber, Select, Typography } from 'antd';
import { useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router-dom';
import { errorMessages, formatMessage } from '#shared/i18n/error-messages';
import { toFieldPath } from '../../../shared/forms/form-errors';
import { FormProblemAlert, useSchemaForm } from '../../../shared/forms/useSchemaForm';
import { useMessages } from '../../../shared/i18n/messages';
import { useLang } from '../../../shared/i18n/useLang';
import { PageHeader } from '../../../shared/ui/PageHeader';
import { yuanToFen } from '../../achievements/money';
import { tenderMessages } from '../messages';
import { weightSum } from '../tender-format';
import { createTender, tenderKeys } from '../tenders.api';
import { toDateTimeLocal } from '../../../shared/i18n/format';

type Values = {
  demandId: string;
  title: string;
  description: string;
  budgetYuan?: string;
  deadline: string;
  criteria: Partial<TenderCriterion>[];
};

const DEFAULT_CRITERIA: TenderCriterion[] = [
  { key: 'price', label: '报价', weight: 30, kind: 'price' },
  { key: 'tech', label: '技术方案与指标', weight: 50, kind: 'manual' },
  { key: 'team', label: '团队与交付能力', weight: 20, kind: 'manual' },
];

/** /market/tenders/new?demandId= — a draft tender on a published demand of the user's organisation. */
export function TenderCreatePage() {
  const t = useMessages(tenderMessages);
  const lang = useLang();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [params] = useSearchParams();
  const { form, validate, showApiError, problem } = useSchemaForm<Values>();
  const [defaultDeadline] = useState(() => toDateTimeLocal(new Date(Date.now() + 7 * 86_400_000)));
  const criteria = Form.useWatch('criteria', form) as Values['criteria'] | undefined;
  const mutation = useMutation({
    mutationFn: createTender,
    onSuccess: async (d) => {
      queryClient.setQueryData(tenderKeys.detail(d.id), d);
      void message.success(t.form.saved);
      await queryClient.invalidateQueries({ queryKey: tenderKeys.all });
      await navigate(`/market/tenders/${d.id}`);
    },
    onError: (error) => showApiError(error),
  });
  const onFinish = (v: Values) => {
    const budget = v.budgetYuan ? yuanToFen(v.budgetYuan) : null;
    if (v.budgetYuan && budget === null) {
      form.setFields([{ name: 'budgetYuan', errors: [t.proposal.priceInvalid] }]);
      return;
    }
    const body = {
      demandId: v.demandId?.trim(),
      title: v.title,
      description: v.description,
      budgetMaxFen: budget,
      deadline: v.deadline ? new Date(v.deadline).toISOString() : '',
      criteria: (v.criteria ?? []).map((c) => ({
        key: c.key ?? '',
        label: c.label ?? '',
        weight: c.weight ?? 0,
        kind: c.kind ?? 'manual',
      })),
    };
    const data = validate(CreateTenderSchema, body);
    if (!data) {
      return;
    }
    const [p] = criteriaProblems(data.criteria);
    if (p) {
      const text = formatMessage(errorMessages[p.code][lang], p.params);
      const name = p.path === 'criteria' ? ['criteriaSum'] : toFieldPath(p.path);
      (form as unknown as { setFields: (f: { name: (string | number)[]; errors: string[] }[]) => void }).setFields([
        { name, errors: [text] },
      ]);
      void message.error(text);
      return;
    }
    mutation.mutate(data);
  };
  const sum = weightSum(criteria);

  return (
    <>
      <PageHeader title={t.form.title} subtitle={t.form.subtitle} />
      <div style={{ maxWidth: 900 }}>
        <FormProblemAlert problem={problem} />
        <Form<Values>
          form={form}
          layout="vertical"
          onFinish={onFinish}
          disabled={mutation.isPending}
          initialValues={{ demandId: params.get('demandId') ?? '', criteria: DEFAULT_CRITERIA, deadline: defaultDeadline }}
          data-testid="tender-form"
        >
          <Form.Item name="demandId" label={t.form.demandId} rules={[{ required: true }]}>
            <Input data-testid="tender-demand-id" />
          </Form.Item>
          <Form.Item name="title" label={t.form.tenderTitle} rules={[{ required: true }]}>
            <Input data-testid="tender-title" />
          </Form.Item>
          <Form.Item name="description" label={t.form.description} rules={[{ required: true }]}>
            <Input.TextArea rows={4} data-testid="tender-description-input" />
          </Form.Item>
          <Flex gap={16} wrap>
            <Form.Item name="budgetYuan" label={t.form.budget}>
              <Input inputMode="decimal" data-testid="tender-budget" />
            </Form.Item>
            <Form.Item name="deadline" label={t.form.deadline} rules={[{ required: true }]}>
              <Input type="datetime-local" data-testid="tender-deadline" />
            </Form.Item>
          </Flex>
          <Typography.Text strong>{t.form.criteria}</Typography.Text>
          <Form.List name="criteria">
            {(fields, { add, remove }) => (
              <>
                {fields.map((f) => (
                  <Flex key={f.key} gap={8} align="baseline" wrap>
                    <Form.Item name={[f.name, 'key']} label={t.form.key}>
                      <Input style={{ width: 110 }} />
                    </Form.Item>
                    <Form.Item name={[f.name, 'label']} label={t.form.label}>
                      <Input style={{ width: 200 }} />
                    </Form.Item>
                    <Form.Item name={[f.name, 'weight']} label={t.form.weight}>
                      <InputNumber min={1} max={100} precision={0} />
                    </Form.Item>
                    <Form.Item name={[f.name, 'kind']} label={t.form.kind}>
                      <Select
                        style={{ width: 110 }}
                        options={[
                          { value: 'price', label: t.form.kindPrice },
                          { value: 'manual', label: t.form.kindManual },
                        ]}
                      />
                    </Form.Item>
                    <Button icon={<DeleteOutlined />} onClick={() => remove(f.name)} aria-label="remove" />
                  </Flex>
                ))}
                <Form.Item name="criteriaSum" help={undefined}>
                  <Flex gap={12} align="center">
                    <Button icon={<PlusOutlined />} onClick={() => add({ key: '', label: '', weight: 10, kind: 'manual' })}>
                      {t.form.addCriterion}
                    </Button>
                    <Typography.Text type={sum === 100 ? 'success' : 'danger'} data-testid="tender-weight-sum">
                      {t.form.sum(sum)}
                    </Typography.Text>
                  </Flex>
                </Form.Item>
              </>
            )}
          </Form.List>
          <Button type="primary" htmlType="submit" loading={mutation.isPending} data-testid="tender-save">
            {t.form.save}
          </Button>
        </Form>
      </div>
    </>
  );
}
