import {
  CONTRACT_SUBTYPES,
  DecideSchema,
  REFUSAL_REASON_NAMES,
  REFUSAL_REASONS,
  type ContractSubtype,
  type Decide,
  type Registration,
} from '#shared/contracts/registrations.contract';
import { App, Checkbox, Flex, Form, Input, Modal, Radio, Select, Typography } from 'antd';
import { FormProblemAlert, useSchemaForm } from '../../../shared/forms/useSchemaForm';
import { useMessages } from '../../../shared/i18n/messages';
import { useLang } from '../../../shared/i18n/useLang';
import { formatFen, yuanToFen } from '../../achievements/money';
import { registrationMessages } from '../messages';
import { decisionChoices, type DecisionChoice } from '../registration-view';
import { decideRegistration, useRegistrationMutation } from '../registrations.api';

type Values = {
  action?: DecisionChoice;
  outcome?: 'full' | 'partial';
  /** 元 as typed. */
  recognisedTechAmountFen?: string;
  recognisedSubtype?: ContractSubtype;
  reasons?: string[];
  note?: string;
};

/** The registrar's decision: register (in full or in part), return for correction, or refuse. */
export function DecisionModal({ registration: r, open, onClose }: { registration: Registration; open: boolean; onClose: () => void }) {
  const t = useMessages(registrationMessages);
  const lang = useLang();
  const { message } = App.useApp();
  const { form, validate, showApiError, problem, clearProblem } = useSchemaForm<Values>();
  const choices = decisionChoices(r.allowedActions);
  const action = Form.useWatch('action', form);
  const outcome = Form.useWatch('outcome', form);
  const decide = useRegistrationMutation((body: Decide) => decideRegistration(r.id, body));

  const onFinish = (v: Values) => {
    let body: Record<string, unknown>;
    if (v.action === 'register') {
      let recognised: number | undefined;
      if (v.outcome === 'partial' && v.recognisedTechAmountFen?.trim()) {
        const fen = yuanToFen(v.recognisedTechAmountFen);
        if (fen === null) {
          form.setFields([{ name: 'recognisedTechAmountFen', errors: [t.form.problems.amountInvalid] }]);
          return;
        }
        if (fen > r.techAmountFen) {
          form.setFields([{ name: 'recognisedTechAmountFen', errors: [t.decide.recognisedTooHigh] }]);
          return;
        }
        recognised = fen;
      }
      body = {
        action: 'register',
        outcome: v.outcome ?? 'full',
        ...(recognised !== undefined ? { recognisedTechAmountFen: recognised } : {}),
        ...(v.outcome === 'partial' && v.recognisedSubtype ? { recognisedSubtype: v.recognisedSubtype } : {}),
        ...(v.note?.trim() ? { note: v.note.trim() } : {}),
      };
    } else {
      body = { action: v.action, reasons: v.reasons ?? [], note: v.note?.trim() ?? '' };
    }
    const data = validate(DecideSchema, body);
    if (!data) {
      return;
    }
    decide.mutate(data, {
      onSuccess: () => {
        void message.success(t.detail.decided);
        onClose();
      },
      onError: (error) => showApiError(error, { 'registration/recognised_amount_invalid': ['recognisedTechAmountFen'] }),
    });
  };

  return (
    <Modal
      open={open}
      title={t.decide.title}
      onCancel={() => {
        clearProblem();
        onClose();
      }}
      onOk={() => form.submit()}
      okText={t.decide.confirm}
      okButtonProps={{ loading: decide.isPending, ...{ 'data-testid': 'decision-confirm' } }}
      destroyOnHidden
      width={640}
    >
      <FormProblemAlert problem={problem} />
      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={onFinish}
        initialValues={{ action: choices[0], outcome: 'full', reasons: [] }}
        data-testid="decision-form"
      >
        <Form.Item name="action" label={t.decide.action} rules={[{ required: true }]}>
          <Radio.Group
            optionType="button"
            buttonStyle="solid"
            options={choices.map((c) => ({ value: c, label: t.decide[c] }))}
            data-testid="decision-action"
          />
        </Form.Item>
        {action === 'register' ? (
          <>
            <Form.Item name="outcome" label={t.decide.outcome}>
              <Radio.Group
                options={[
                  { value: 'full', label: t.decide.full },
                  { value: 'partial', label: t.decide.partial },
                ]}
                data-testid="decision-outcome"
              />
            </Form.Item>
            <Typography.Paragraph type="secondary">{t.decide.declared(formatFen(r.techAmountFen, lang))}</Typography.Paragraph>
            {outcome === 'partial' ? (
              <Flex gap={16} wrap>
                <Form.Item name="recognisedTechAmountFen" label={t.decide.recognisedTechAmount} style={{ minWidth: 220 }}>
                  <Input inputMode="decimal" data-testid="decision-recognised-amount" />
                </Form.Item>
                <Form.Item name="recognisedSubtype" label={t.decide.recognisedSubtype} style={{ minWidth: 260 }}>
                  <Select
                    allowClear
                    options={CONTRACT_SUBTYPES.filter((s) => s !== r.subtype).map((s) => ({ value: s, label: t.subtypes[s] }))}
                  />
                </Form.Item>
              </Flex>
            ) : null}
          </>
        ) : action ? (
          <Form.Item name="reasons" label={t.decide.reasons} rules={[{ required: true }]}>
            <Checkbox.Group data-testid="decision-reasons">
              <Flex vertical gap={4}>
                {REFUSAL_REASONS.map((code) => (
                  <Checkbox key={code} value={code}>
                    {code} {REFUSAL_REASON_NAMES[code][lang]}
                  </Checkbox>
                ))}
              </Flex>
            </Checkbox.Group>
          </Form.Item>
        ) : null}
        <Form.Item name="note" label={t.decide.note} rules={action && action !== 'register' ? [{ required: true }] : []}>
          <Input.TextArea rows={3} maxLength={2000} placeholder={t.decide.notePlaceholder} data-testid="decision-note" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
