import type { CreateObjection } from '#shared/contracts/notices.contract';
import { App, Button, Form, Input, Typography } from 'antd';
import { useMessages } from '../../../shared/i18n/messages';
import { ErrorAlert } from '../../../shared/ui/ErrorAlert';
import { fileObjection, useNoticeMutation } from '../notices.api';
import { noticeMessages } from '../messages';

/** The public objection form (no login needed). */
export function ObjectionForm({ noticeId }: { noticeId: string }) {
  const t = useMessages(noticeMessages).objection;
  const { message } = App.useApp();
  const [form] = Form.useForm<CreateObjection>();
  const submit = useNoticeMutation((body: CreateObjection) => fileObjection(noticeId, body));
  return (
    <Form<CreateObjection>
      form={form}
      layout="vertical"
      data-testid="objection-form"
      onFinish={(values) =>
        submit.mutate(values, {
          onSuccess: () => {
            form.resetFields();
            void message.success(t.sent);
          },
        })
      }
    >
      <Typography.Paragraph type="secondary">{t.intro}</Typography.Paragraph>
      <Form.Item name="submitterName" label={t.name} rules={[{ required: true, whitespace: true, max: 100 }]}>
        <Input maxLength={100} data-testid="objection-name" />
      </Form.Item>
      <Form.Item name="submitterContact" label={t.contact} rules={[{ required: true, whitespace: true, min: 5, max: 200 }]}>
        <Input maxLength={200} data-testid="objection-contact" />
      </Form.Item>
      <Form.Item name="body" label={t.body} rules={[{ required: true, whitespace: true, min: 10, max: 5000 }]}>
        <Input.TextArea rows={4} maxLength={5000} showCount data-testid="objection-body" />
      </Form.Item>
      {submit.isError ? <ErrorAlert error={submit.error} className="tn-block" /> : null}
      <Button type="primary" htmlType="submit" loading={submit.isPending} data-testid="objection-submit">
        {t.submit}
      </Button>
    </Form>
  );
}
