import { LoginSchema } from '#shared/contracts/auth.contract';
import { LockOutlined, MailOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Button, Form, Input, Typography } from 'antd';
import { Link, Navigate, useSearchParams } from 'react-router-dom';
import { safeNextPath } from '../../../shared/auth/RequireAuth';
import { applySignedIn } from '../../../shared/auth/session-cache';
import { useSession } from '../../../shared/auth/useSession';
import { FormProblemAlert, useSchemaForm } from '../../../shared/forms/useSchemaForm';
import { useMessages } from '../../../shared/i18n/messages';
import { login } from '../auth.api';
import { AuthCard } from '../components/AuthCard';
import { DemoAccounts } from '../components/DemoAccounts';
import { authMessages } from '../messages';

type LoginValues = { email: string; password: string };

/** /login — e-mail and password; returns to `?next=` afterwards. */
export function LoginPage() {
  const t = useMessages(authMessages);
  const queryClient = useQueryClient();
  const [params] = useSearchParams();
  const next = safeNextPath(params.get('next'));
  const { user } = useSession();
  const { form, validate, showApiError, problem, clearProblem } = useSchemaForm<LoginValues>();

  const mutation = useMutation({
    mutationFn: login,
    onSuccess: (session) => applySignedIn(queryClient, session),
    // Wrong credentials are reported above the form, never on one field: do not reveal which was wrong.
    onError: (error) => showApiError(error),
  });

  if (user) {
    return <Navigate to={next} replace />;
  }

  const onFinish = (values: LoginValues) => {
    const data = validate(LoginSchema, values);
    if (data) {
      mutation.mutate(data);
    }
  };

  return (
    <AuthCard
      title={t.login.title}
      subtitle={t.login.subtitle}
      aside={
        <DemoAccounts
          onPick={(email, password) => {
            clearProblem();
            form.setFieldsValue({ email, password });
          }}
        />
      }
    >
      <FormProblemAlert problem={problem} />
      <Form form={form} layout="vertical" onFinish={onFinish} requiredMark={false} disabled={mutation.isPending}>
        <Form.Item name="email" label={t.email} required>
          <Input prefix={<MailOutlined aria-hidden />} autoComplete="username" inputMode="email" data-testid="login-email" autoFocus />
        </Form.Item>
        <Form.Item name="password" label={t.password} required>
          <Input.Password prefix={<LockOutlined aria-hidden />} autoComplete="current-password" data-testid="login-password" />
        </Form.Item>
        <Button type="primary" htmlType="submit" block loading={mutation.isPending} data-testid="login-submit">
          {t.login.submit}
        </Button>
      </Form>
      <Typography.Paragraph style={{ marginTop: 16, marginBottom: 0 }}>
        {t.login.noAccount}{' '}
        <Link to={`/register${params.get('next') ? `?next=${encodeURIComponent(next)}` : ''}`}>{t.login.toRegister}</Link>
      </Typography.Paragraph>
    </AuthCard>
  );
}
