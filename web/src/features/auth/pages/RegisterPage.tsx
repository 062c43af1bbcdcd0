import { RegisterSchema, SELF_SERVICE_ROLES } from '#shared/contracts/auth.contract';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Button, Form, Input, Radio, Typography } from 'antd';
import { Link, Navigate, useSearchParams } from 'react-router-dom';
import { safeNextPath } from '../../../shared/auth/RequireAuth';
import { applySignedIn } from '../../../shared/auth/session-cache';
import { useSession } from '../../../shared/auth/useSession';
import { blankToUndefined } from '../../../shared/forms/form-errors';
import { FormProblemAlert, useSchemaForm } from '../../../shared/forms/useSchemaForm';
import { useMessages } from '../../../shared/i18n/messages';
import { RegionCascader } from '../../../shared/ui/RegionCascader';
import { register } from '../auth.api';
import { AuthCard } from '../components/AuthCard';
import { PasswordRules } from '../components/PasswordRules';
import { authMessages } from '../messages';

type RegisterValues = {
  email: string;
  password: string;
  confirmPassword: string;
  displayName: string;
  phone?: string;
  regionCode?: string;
  role: (typeof SELF_SERVICE_ROLES)[number];
};

/** /register — self-service roles only; the new account is signed in at once. */
export function RegisterPage() {
  const t = useMessages(authMessages);
  const queryClient = useQueryClient();
  const [params] = useSearchParams();
  const next = safeNextPath(params.get('next'));
  const { user } = useSession();
  const { form, validate, showApiError, problem } = useSchemaForm<RegisterValues>();
  const password = Form.useWatch('password', form);

  const mutation = useMutation({
    mutationFn: register,
    onSuccess: (session) => applySignedIn(queryClient, session),
    onError: (error) =>
      showApiError(error, {
        'auth/email_taken': ['email'],
        'auth/weak_password': ['password'],
        'auth/role_not_self_service': ['role'],
      }),
  });

  if (user) {
    return <Navigate to={next} replace />;
  }

  const onFinish = ({ confirmPassword: _confirm, ...values }: RegisterValues) => {
    const data = validate(RegisterSchema, blankToUndefined(values));
    if (data) {
      mutation.mutate(data);
    }
  };

  return (
    <AuthCard title={t.register.title} subtitle={t.register.subtitle}>
      <FormProblemAlert problem={problem} />
      <Form form={form} layout="vertical" onFinish={onFinish} initialValues={{ role: 'visitor' }} disabled={mutation.isPending}>
        <Form.Item name="email" label={t.email} required>
          <Input autoComplete="email" inputMode="email" data-testid="register-email" />
        </Form.Item>
        <Form.Item name="displayName" label={t.register.displayName} required>
          <Input autoComplete="name" maxLength={80} data-testid="register-display-name" />
        </Form.Item>
        <Form.Item name="password" label={t.password} required extra={<PasswordRules password={password} id="register-password-rules" />}>
          <Input.Password autoComplete="new-password" aria-describedby="register-password-rules" data-testid="register-password" />
        </Form.Item>
        <Form.Item
          name="confirmPassword"
          label={t.register.confirmPassword}
          required
          dependencies={['password']}
          rules={[
            // Not part of the contract: a typing check that never leaves the browser.
            ({ getFieldValue }) => ({
              validator: (_, value: string | undefined) =>
                (value ?? '') === ((getFieldValue('password') as string | undefined) ?? '')
                  ? Promise.resolve()
                  : Promise.reject(new Error(t.register.passwordMismatch)),
            }),
          ]}
        >
          <Input.Password autoComplete="new-password" data-testid="register-confirm-password" />
        </Form.Item>
        <Form.Item name="phone" label={t.register.phone}>
          <Input autoComplete="tel" inputMode="numeric" maxLength={11} data-testid="register-phone" />
        </Form.Item>
        <Form.Item name="regionCode" label={t.register.region}>
          <RegionCascader data-testid="register-region" />
        </Form.Item>
        <Form.Item name="role" label={t.register.role} required>
          <Radio.Group
            data-testid="register-role"
            options={SELF_SERVICE_ROLES.map((role) => ({
              value: role,
              label: (
                <span>
                  {t.roles[role]}
                  <Typography.Text type="secondary"> — {t.roleHints[role]}</Typography.Text>
                </span>
              ),
            }))}
            style={{ display: 'flex', flexDirection: 'column', gap: 4 }}
          />
        </Form.Item>
        <Button type="primary" htmlType="submit" block loading={mutation.isPending} data-testid="register-submit">
          {t.register.submit}
        </Button>
      </Form>
      <Typography.Paragraph style={{ marginTop: 16, marginBottom: 0 }}>
        {t.register.haveAccount} <Link to="/login">{t.register.toLogin}</Link>
      </Typography.Paragraph>
    </AuthCard>
  );
}
