import type { ChangeRequest, Registration } from '#shared/contracts/registrations.contract';
import { App, Form, Input, Modal, Radio, Typography } from 'antd';
import { useState } from 'react';
import { FormProblemAlert } from '../../../shared/forms/useSchemaForm';
import { useMessages } from '../../../shared/i18n/messages';
import { registrationMessages } from '../messages';
import { fromRegistration, registrationChanges, toRegistrationBody, type RegistrationFormValues } from '../registration-form';
import { changeKinds } from '../registration-view';
import { requestChange, useRegistrationMutation } from '../registrations.api';
import { RegistrationFormFields } from './RegistrationFormFields';
import { useRegistrationForm } from './useRegistrationForm';

type Values = RegistrationFormValues & { kind?: 'amend' | 'cancel'; reason?: string };

/**
 * 变更 / 撤销 of a registered contract: the applicant asks, a registrar of the point may do it
 * directly. An amendment sends only the fields that differ from the registration.
 */
export function ChangeRequestModal({ registration: r, open, onClose }: { registration: Registration; open: boolean; onClose: () => void }) {
  const t = useMessages(registrationMessages);
  const { message } = App.useApp();
  const { form, build, showError, problem, clearProblem } = useRegistrationForm();
  const kinds = changeKinds(r.allowedActions);
  const kind = Form.useWatch('kind' as never, form) as Values['kind'];
  // Fixed at opening (the dialog is mounted only while open).
  const [initialValues] = useState<Values>(() => ({ ...fromRegistration(r), kind: kinds[0] }));
  const send = useRegistrationMutation((body: ChangeRequest) => requestChange(r.id, body));

  const onFinish = (v: Values) => {
    const reason = v.reason?.trim() ?? '';
    let body: ChangeRequest;
    if (v.kind === 'cancel') {
      body = { kind: 'cancel', reason };
    } else {
      // Marks every field problem; the changes themselves are the differences from the registration.
      if (!build(v, 'update')) {
        return;
      }
      const changes = registrationChanges(r, toRegistrationBody(v).body);
      if (Object.keys(changes).length === 0) {
        void message.warning(t.change.noChanges);
        return;
      }
      body = { kind: 'amend', changes, reason };
    }
    send.mutate(body, {
      onSuccess: () => {
        void message.success(t.detail.changeRequested);
        onClose();
      },
      onError: showError,
    });
  };

  return (
    <Modal
      open={open}
      title={t.change.title}
      onCancel={() => {
        clearProblem();
        onClose();
      }}
      onOk={() => form.submit()}
      okText={t.change.submit}
      okButtonProps={{ loading: send.isPending, ...{ 'data-testid': 'change-confirm' } }}
      destroyOnHidden
      width={kind === 'amend' ? 1100 : 640}
    >
      <FormProblemAlert problem={problem} />
      <Form form={form} layout="vertical" onFinish={onFinish} initialValues={initialValues} data-testid="change-form">
        <Form.Item name="kind" label={t.change.kind} rules={[{ required: true }]}>
          <Radio.Group
            optionType="button"
            buttonStyle="solid"
            options={kinds.map((k) => ({ value: k, label: t.change[k] }))}
            data-testid="change-kind"
          />
        </Form.Item>
        <Form.Item name="reason" label={t.change.reason} rules={[{ required: true, whitespace: true, min: 2 }]}>
          <Input.TextArea rows={3} maxLength={2000} data-testid="change-reason" />
        </Form.Item>
        {kind === 'amend' ? (
          <>
            <Typography.Paragraph type="secondary">{t.change.amendHint}</Typography.Paragraph>
            <RegistrationFormFields />
          </>
        ) : null}
      </Form>
    </Modal>
  );
}
