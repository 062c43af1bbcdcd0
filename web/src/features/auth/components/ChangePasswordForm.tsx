import { ChangePasswordSchema } from '#shared/contracts/auth.contract';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Form, Input } from 'antd';
import { SESSION_QUERY_KEY } from '../../../shared/auth/session.api';
import { FormProblemAlert, useSchemaForm } from '../../../shared/forms/useSchemaForm';
import { useMessages } from '../../../shared/i18n/messages';
import { changePassword } from '../auth.api';
import { authMessages } from '../messages';
import { PasswordRules } from './PasswordRules';

type PasswordValues = { currentPassword: string; newPassword: string; confirmPassword: string };

/** Changes the password; the current one is required. */
export function ChangePasswordForm() {
  const m = useMessages(authMessages);
  const t = m.profile;
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const { form, validate, showApiError, problem } = useSchemaForm<PasswordValues>();
  const newPassword = Form.useWatch('newPassword', form);

  const mutation = useMutation({
    mutationFn: changePassword,
    onSuccess: async () => {
      form.resetFields();
      void message.success(t.passwordChanged);
      // The server may rotate the session (and its CSRF token) on a password change.
      await queryClient.invalidateQueries({ queryKey: SESSION_QUERY_KEY });
    },
    onError: (error) =>
      showApiError(error, {
        'auth/invalid_credentials': ['currentPassword'],
        'auth/weak_password': ['newPassword'],
      }),
  });

  const onFinish = ({ confirmPassword: _confirm, ...values }: PasswordValues) => {
    const data = validate(ChangePasswordSchema, values);
    if (data) {
      mutation.mutate(data);
    }
  };

  return (
    <>
      <FormProblemAlert problem={problem} />
      <Form form={form} layout="vertical" onFinish={onFinish} disabled={mutation.isPending} style={{ maxWidth: 480 }}>
        <Form.Item name="currentPassword" label={t.currentPassword} required>
          <Input.Password autoComplete="current-password" />
        </Form.Item>
        <Form.Item
          name="newPassword"
          label={t.newPassword}
          required
          extra={<PasswordRules password={newPassword} id="profile-password-rules" />}
        >
          <Input.Password autoComplete="new-password" aria-describedby="profile-password-rules" />
        </Form.Item>
        <Form.Item
          name="confirmPassword"
          label={t.confirmPassword}
          required
          dependencies={['newPassword']}
          rules={[
            ({ getFieldValue }) => ({
              validator: (_, value: string | undefined) =>
                (value ?? '') === ((getFieldValue('newPassword') as string | undefined) ?? '')
                  ? Promise.resolve()
                  : Promise.reject(new Error(m.register.passwordMismatch)),
            }),
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={mutation.isPending}>
          {t.changePassword}
        </Button>
      </Form>
    </>
  );
}
