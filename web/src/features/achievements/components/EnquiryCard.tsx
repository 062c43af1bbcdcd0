import { CreateEnquirySchema } from '#shared/contracts/achievements.contract';
import { useMutation } from '@tanstack/react-query';
import { Alert, Button, Card, Form, Input } from 'antd';
import { useState } from 'react';
import { FormProblemAlert, useSchemaForm } from '../../../shared/forms/useSchemaForm';
import { useMessages } from '../../../shared/i18n/messages';
import { sendEnquiry } from '../achievements.api';
import { achievementMessages } from '../messages';

/** A message to the owner (recorded in the funnel). */
export function EnquiryCard({ id }: { id: string }) {
  const t = useMessages(achievementMessages).detail;
  const [sent, setSent] = useState(false);
  const { form, validate, showApiError, problem } = useSchemaForm<{ message?: string }>();
  const mutation = useMutation({
    mutationFn: (message: string) => sendEnquiry(id, message),
    onSuccess: () => {
      setSent(true);
      form.resetFields();
    },
    onError: (error) => showApiError(error),
  });
  return (
    <Card title={t.enquiryTitle} className="tn-block" data-testid="enquiry-card">
      {sent ? <Alert type="success" showIcon title={t.enquirySent} style={{ marginBottom: 12 }} data-testid="enquiry-sent" /> : null}
      <FormProblemAlert problem={problem} />
      <Form
        form={form}
        layout="vertical"
        disabled={mutation.isPending}
        onFinish={(values) => {
          const data = validate(CreateEnquirySchema, { message: values.message ?? '' });
          if (data) {
            mutation.mutate(data.message);
          }
        }}
      >
        <Form.Item name="message">
          <Input.TextArea
            placeholder={t.enquiryPlaceholder}
            maxLength={2000}
            autoSize={{ minRows: 3, maxRows: 8 }}
            aria-label={t.enquiryTitle}
            data-testid="enquiry-message"
          />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={mutation.isPending} data-testid="enquiry-send">
          {t.enquirySend}
        </Button>
      </Form>
    </Card>
  );
}
