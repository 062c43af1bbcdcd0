import { ChangeDecisionSchema, type ChangeDecision, type Registration } from '#shared/contracts/registrations.contract';
import { App, Descriptions, Form, Input, Modal, Radio } from 'antd';
import { useMemo } from 'react';
import { FormProblemAlert, useSchemaForm } from '../../../shared/forms/useSchemaForm';
import { useMessages } from '../../../shared/i18n/messages';
import { yuanToFen } from '../../achievements/money';
import { registrationMessages } from '../messages';
import { fromRegistration, toRegistrationBody } from '../registration-form';
import { changeDecisionChoices } from '../registration-view';
import { decideChange, useRegistrationMutation } from '../registrations.api';
import { ChangeList } from './HistoryTimeline';

type Values = { decision?: 'approve' | 'decline'; note?: string; recognisedTechAmountFen?: string };

/** A pending amendment's fields as before → after, the before taken from the registration as it stands. */
export function PendingChangeList({ registration: r }: { registration: Registration }) {
  const changes = useMemo(() => {
    const proposed = r.pendingChange?.changes ?? {};
    const current = toRegistrationBody(fromRegistration(r)).body;
    return Object.fromEntries(Object.entries(proposed).map(([field, after]) => [field, { before: current[field], after }]));
  }, [r]);
  return Object.keys(changes).length > 0 ? <ChangeList changes={changes} /> : null;
}

/** The registrar approves or declines a pending amendment or cancellation. */
export function ChangeDecisionModal({
  registration: r,
  open,
  onClose,
}: {
  registration: Registration;
  open: boolean;
  onClose: () => void;
}) {
  const t = useMessages(registrationMessages);
  const { message } = App.useApp();
  const { form, validate, showApiError, problem, clearProblem } = useSchemaForm<Values>();
  const choices = changeDecisionChoices(r.allowedActions, r.pendingChange?.kind);
  const decision = Form.useWatch('decision', form);
  const send = useRegistrationMutation((body: ChangeDecision) => decideChange(r.id, body));
  const options = [
    ...(choices.approve ? [{ value: 'approve' as const, label: t.changeDecision.approve }] : []),
    ...(choices.decline ? [{ value: 'decline' as const, label: t.changeDecision.decline }] : []),
  ];

  const onFinish = (v: Values) => {
    let recognised: number | undefined;
    if (v.decision === 'approve' && r.pendingChange?.kind === 'amend' && v.recognisedTechAmountFen?.trim()) {
      const fen = yuanToFen(v.recognisedTechAmountFen);
      if (fen === null) {
        form.setFields([{ name: 'recognisedTechAmountFen', errors: [t.form.problems.amountInvalid] }]);
        return;
      }
      recognised = fen;
    }
    const data = validate(ChangeDecisionSchema, {
      approve: v.decision === 'approve',
      note: v.note?.trim() ?? '',
      ...(recognised !== undefined ? { recognisedTechAmountFen: recognised } : {}),
    });
    if (!data) {
      return;
    }
    send.mutate(data, {
      onSuccess: () => {
        void message.success(t.detail.changeDecided);
        onClose();
      },
      onError: (error) => showApiError(error, { 'registration/recognised_amount_invalid': ['recognisedTechAmountFen'] }),
    });
  };

  return (
    <Modal
      open={open}
      title={t.changeDecision.title}
      onCancel={() => {
        clearProblem();
        onClose();
      }}
      onOk={() => form.submit()}
      okText={t.changeDecision.confirm}
      okButtonProps={{ loading: send.isPending, ...{ 'data-testid': 'change-decision-confirm' } }}
      destroyOnHidden
      width={720}
    >
      {r.pendingChange ? (
        <Descriptions size="small" column={1} bordered style={{ marginBottom: 16 }}>
          <Descriptions.Item label={t.detail.changeKind}>{t.change[r.pendingChange.kind]}</Descriptions.Item>
          <Descriptions.Item label={t.detail.changeReason}>{r.pendingChange.reason}</Descriptions.Item>
          {r.pendingChange.kind === 'amend' ? (
            <Descriptions.Item label={t.detail.changes}>
              <PendingChangeList registration={r} />
            </Descriptions.Item>
          ) : null}
        </Descriptions>
      ) : null}
      <FormProblemAlert problem={problem} />
      <Form<Values> form={form} layout="vertical" onFinish={onFinish} initialValues={{ decision: options[0]?.value }}>
        <Form.Item name="decision" label={t.changeDecision.decision} rules={[{ required: true }]}>
          <Radio.Group optionType="button" buttonStyle="solid" options={options} data-testid="change-decision" />
        </Form.Item>
        {decision === 'approve' && r.pendingChange?.kind === 'amend' ? (
          <Form.Item name="recognisedTechAmountFen" label={t.changeDecision.recognisedTechAmount}>
            <Input inputMode="decimal" style={{ maxWidth: 240 }} />
          </Form.Item>
        ) : null}
        <Form.Item name="note" label={t.changeDecision.note} rules={[{ required: true, whitespace: true, min: 2 }]}>
          <Input.TextArea rows={3} maxLength={2000} data-testid="change-decision-note" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
