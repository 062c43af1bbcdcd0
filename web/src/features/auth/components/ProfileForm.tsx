import { UpdateProfileSchema, type Session, type User } from '#shared/contracts/auth.contract';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Form, Input } from 'antd';
import { SESSION_QUERY_KEY } from '../../../shared/auth/session.api';
import { FormProblemAlert, useSchemaForm } from '../../../shared/forms/useSchemaForm';
import { useMessages } from '../../../shared/i18n/messages';
import { RegionCascader } from '../../../shared/ui/RegionCascader';
import { updateProfile } from '../auth.api';
import { authMessages } from '../messages';

type ProfileValues = { displayName: string; phone?: string | null; regionCode?: string | null };

/** Edits display name, phone and region of the signed-in user. */
export function ProfileForm({ user }: { user: User }) {
  const t = useMessages(authMessages).profile;
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const { form, validate, showApiError, problem } = useSchemaForm<ProfileValues>();

  const mutation = useMutation({
    mutationFn: updateProfile,
    onSuccess: (updated) => {
      queryClient.setQueryData<Session | null>(SESSION_QUERY_KEY, (s) => (s ? { ...s, user: updated } : s));
      void message.success(t.saved);
    },
    onError: (error) => showApiError(error),
  });

  const onFinish = (values: ProfileValues) => {
    // Clearing phone or region sends null, which the API reads as "remove".
    const data = validate(UpdateProfileSchema, {
      displayName: values.displayName,
      phone: values.phone?.trim() ? values.phone.trim() : null,
      regionCode: values.regionCode ?? null,
    });
    if (data) {
      mutation.mutate(data);
    }
  };

  return (
    <>
      <FormProblemAlert problem={problem} />
      <Form
        form={form}
        layout="vertical"
        onFinish={onFinish}
        initialValues={{ displayName: user.displayName, phone: user.phone ?? '', regionCode: user.regionCode }}
        disabled={mutation.isPending}
        style={{ maxWidth: 480 }}
      >
        <Form.Item label={t.email}>
          <Input value={user.email} disabled aria-readonly />
        </Form.Item>
        <Form.Item name="displayName" label={t.displayName} required>
          <Input autoComplete="name" maxLength={80} />
        </Form.Item>
        <Form.Item name="phone" label={t.phone}>
          <Input autoComplete="tel" inputMode="numeric" maxLength={11} />
        </Form.Item>
        <Form.Item name="regionCode" label={t.region}>
          <RegionCascader />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={mutation.isPending} data-testid="profile-save">
          {t.save}
        </Button>
      </Form>
    </>
  );
}
