import type { CreateRegistration, Registration, UpdateRegistration } from '#shared/contracts/registrations.contract';
import { App, Button, Flex, Form } from 'antd';
import { FormProblemAlert } from '../../../shared/forms/useSchemaForm';
import { useMessages } from '../../../shared/i18n/messages';
import { registrationMessages } from '../messages';
import type { RegistrationFormValues } from '../registration-form';
import { createRegistration, updateRegistration, useRegistrationMutation } from '../registrations.api';
import { RegistrationFormFields } from './RegistrationFormFields';
import { useRegistrationForm } from './useRegistrationForm';

export type RegistrationFormProps = {
  /** `create` posts a new draft; `edit` patches the draft or returned application `registrationId`. */
  mode: 'create' | 'edit';
  registrationId?: string;
  initialValues: RegistrationFormValues;
  onDone: (r: Registration) => void;
  onCancel?: () => void;
};

/** The registration form with its save button: a new draft, or corrections to an application. */
export function RegistrationForm({ mode, registrationId, initialValues, onDone, onCancel }: RegistrationFormProps) {
  const t = useMessages(registrationMessages);
  const { message } = App.useApp();
  const { form, build, showError, problem } = useRegistrationForm();
  const save = useRegistrationMutation((body: CreateRegistration | UpdateRegistration) =>
    mode === 'create' ? createRegistration(body as CreateRegistration) : updateRegistration(registrationId ?? '', body),
  );

  const onFinish = (values: RegistrationFormValues) => {
    const body = mode === 'create' ? build(values, 'create') : build(values, 'update');
    if (!body) {
      return;
    }
    save.mutate(body, {
      onSuccess: (r) => {
        void message.success(mode === 'create' ? t.form.saved : t.form.updated);
        onDone(r);
      },
      onError: showError,
    });
  };

  return (
    <>
      <FormProblemAlert problem={problem} />
      <Form<RegistrationFormValues>
        form={form}
        layout="vertical"
        onFinish={onFinish}
        initialValues={initialValues}
        disabled={save.isPending}
        scrollToFirstError
        data-testid="registration-form"
      >
        <RegistrationFormFields />
        <Flex gap={8} style={{ marginTop: 16 }}>
          <Button type="primary" htmlType="submit" loading={save.isPending} data-testid="registration-save">
            {mode === 'create' ? t.form.save : t.form.update}
          </Button>
          {onCancel ? <Button onClick={onCancel}>{t.form.cancel}</Button> : null}
        </Flex>
      </Form>
    </>
  );
}
