import { CreateApiTokenSchema, TOKEN_SCOPES } from '#shared/contracts/auth.contract';
import { useMutation } from '@tanstack/react-query';
import { Alert, Button, Checkbox, Form, Input, InputNumber, Modal, Typography } from 'antd';
import { useState } from 'react';
import { FormProblemAlert, useSchemaForm } from '../../../shared/forms/useSchemaForm';
import { useMessages } from '../../../shared/i18n/messages';
import { createToken, type CreatedApiToken } from '../auth.api';
import { authMessages } from '../messages';

type TokenValues = { name: string; scopes: string[]; expiresInDays: number };

export type CreateTokenModalProps = { open: boolean; onClose: () => void; onCreated: () => void };

/** Creates an API token, then shows its secret exactly once with a copy button. */
export function CreateTokenModal({ open, onClose, onCreated }: CreateTokenModalProps) {
  const m = useMessages(authMessages);
  const t = m.tokens;
  const { form, validate, showApiError, problem, clearProblem } = useSchemaForm<TokenValues>();
  const [created, setCreated] = useState<CreatedApiToken | null>(null);

  const mutation = useMutation({
    mutationFn: createToken,
    onSuccess: (token) => {
      setCreated(token);
      onCreated();
    },
    onError: (error) => showApiError(error),
  });

  const close = () => {
    // The secret must not linger in memory once the dialog is gone.
    setCreated(null);
    form.resetFields();
    clearProblem();
    onClose();
  };

  const onFinish = (values: TokenValues) => {
    const data = validate(CreateApiTokenSchema, values);
    if (data) {
      mutation.mutate(data);
    }
  };

  return (
    <Modal
      open={open}
      title={created ? t.createdTitle : t.create}
      onCancel={close}
      destroyOnHidden
      mask={{ closable: !created }}
      footer={
        created ? (
          <Button type="primary" onClick={close} data-testid="token-created-close">
            {t.copied}
          </Button>
        ) : (
          <>
            <Button onClick={close}>{m.admin.close}</Button>
            <Button type="primary" loading={mutation.isPending} onClick={() => form.submit()} data-testid="token-create-submit">
              {t.create}
            </Button>
          </>
        )
      }
    >
      {created ? (
        <>
          <Alert type="warning" showIcon title={t.createdWarning} style={{ marginBottom: 12 }} />
          <Typography.Paragraph
            copyable={{ text: created.token }}
            code
            data-testid="token-secret"
            style={{ wordBreak: 'break-all', fontSize: 14 }}
          >
            {created.token}
          </Typography.Paragraph>
        </>
      ) : (
        <>
          <FormProblemAlert problem={problem} />
          <Form
            form={form}
            layout="vertical"
            onFinish={onFinish}
            initialValues={{ scopes: ['read'], expiresInDays: 90 }}
            disabled={mutation.isPending}
          >
            <Form.Item name="name" label={t.name} required>
              <Input maxLength={80} data-testid="token-name" />
            </Form.Item>
            <Form.Item name="scopes" label={t.scopes} required>
              <Checkbox.Group options={TOKEN_SCOPES.map((s) => ({ value: s, label: m.scopes[s] }))} />
            </Form.Item>
            <Form.Item name="expiresInDays" label={t.expiresInDays} required>
              <InputNumber min={1} max={366} precision={0} style={{ width: 160 }} />
            </Form.Item>
          </Form>
        </>
      )}
    </Modal>
  );
}
