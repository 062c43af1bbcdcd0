import { chinaToday } from '#shared/format/china-time';
import {
  PARAMETER_KEYS,
  PutParameterSchema,
  type ParameterKey,
  type PutParameter,
  type RegistrationPoint,
} from '#shared/contracts/registrations.contract';
import { PlusOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Flex, Form, Input, Modal, Select, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { isPlatformAdmin } from '../../../shared/auth/permissions';
import { useSession } from '../../../shared/auth/useSession';
import { FormProblemAlert, useSchemaForm } from '../../../shared/forms/useSchemaForm';
import { formatDateTime } from '../../../shared/i18n/format';
import { useMessages } from '../../../shared/i18n/messages';
import { useLang } from '../../../shared/i18n/useLang';
import { ErrorAlert } from '../../../shared/ui/ErrorAlert';
import { PageHeader } from '../../../shared/ui/PageHeader';
import { formatFen } from '../../achievements/money';
import { registrationMessages } from '../messages';
import { groupParameters, parseParameterValue, type ParameterGroup, type ParameterVersion } from '../registration-settings';
import { putParameter, registrationKeys, useRegistrationParameters, useRegistrationPoints } from '../registrations.api';

/** `value` holds the JSON as typed; it is parsed before sending. */
type Values = { key?: ParameterKey; effectiveFrom?: string; value?: string; source?: string };

/** A new dated version of a parameter (platform administrators). */
function ParameterVersionModal({
  initial,
  onClose,
}: {
  initial: { key: ParameterKey; value: Record<string, unknown> };
  onClose: () => void;
}) {
  const t = useMessages(registrationMessages);
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const { form, validate, showApiError, problem } = useSchemaForm<Values>();
  const save = useMutation({
    mutationFn: (body: PutParameter) => putParameter(body),
    onSuccess: async () => {
      void message.success(t.settings.saved);
      await queryClient.invalidateQueries({ queryKey: registrationKeys.parameters });
      onClose();
    },
    onError: (error) => showApiError(error, { 'registration/parameter_invalid': ['value'] }),
  });

  const onFinish = (v: Values) => {
    const parsed = parseParameterValue(v.value ?? '');
    if (!parsed.ok) {
      form.setFields([
        { name: 'value', errors: [parsed.reason === 'syntax' ? t.settings.invalidJson(parsed.detail ?? '') : t.settings.notObject] },
      ]);
      return;
    }
    const data = validate(PutParameterSchema, {
      key: v.key,
      effectiveFrom: v.effectiveFrom,
      value: parsed.value,
      source: v.source?.trim() ?? '',
    });
    if (data) {
      save.mutate(data);
    }
  };

  return (
    <Modal
      open
      title={`${t.settings.addVersion} · ${t.parameterKeys[initial.key]}`}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t.settings.save}
      okButtonProps={{ loading: save.isPending, ...{ 'data-testid': 'parameter-save' } }}
      destroyOnHidden
      width={720}
    >
      <FormProblemAlert problem={problem} />
      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={onFinish}
        initialValues={{ key: initial.key, effectiveFrom: chinaToday(new Date()), value: JSON.stringify(initial.value, null, 2) }}
        data-testid="parameter-form"
      >
        <Flex gap={16} wrap>
          <Form.Item name="key" label={t.settings.key} rules={[{ required: true }]} style={{ minWidth: 240 }}>
            <Select options={PARAMETER_KEYS.map((k) => ({ value: k, label: `${t.parameterKeys[k]} (${k})` }))} />
          </Form.Item>
          <Form.Item name="effectiveFrom" label={t.settings.effectiveFrom} rules={[{ required: true }]}>
            <Input type="date" data-testid="parameter-effective-from" />
          </Form.Item>
        </Flex>
        {/* The JSON text under the contract's field name, so the server's issues on `value` land here. */}
        <Form.Item name="value" label={t.settings.valueJson} rules={[{ required: true }]}>
          <Input.TextArea rows={12} spellCheck={false} style={{ fontFamily: 'monospace', fontSize: 12 }} data-testid="parameter-value" />
        </Form.Item>
        <Form.Item
          name="source"
          label={t.settings.source}
          extra={t.settings.sourceHint}
          rules={[{ required: true, whitespace: true, min: 2 }]}
        >
          <Input maxLength={500} data-testid="parameter-source" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function VersionTag({ v }: { v: ParameterVersion }) {
  const t = useMessages(registrationMessages);
  if (v.inForce) {
    return <Tag color="success">{t.settings.inForce}</Tag>;
  }
  return v.future ? <Tag color="processing">{t.settings.future}</Tag> : <Tag>{t.settings.past}</Tag>;
}

function ParameterCard({ group, canEdit, onAdd }: { group: ParameterGroup; canEdit: boolean; onAdd: () => void }) {
  const t = useMessages(registrationMessages);
  const lang = useLang();
  return (
    <Card
      size="small"
      type="inner"
      title={`${t.parameterKeys[group.key]} (${group.key})`}
      extra={
        canEdit ? (
          <Button size="small" icon={<PlusOutlined />} onClick={onAdd} data-testid={`parameter-add-${group.key}`}>
            {t.settings.addVersion}
          </Button>
        ) : null
      }
      data-testid="parameter-group"
    >
      <Table<ParameterVersion>
        size="small"
        rowKey={(v) => `${v.key}:${v.effectiveFrom}`}
        pagination={false}
        dataSource={group.versions}
        locale={{ emptyText: t.settings.noVersions }}
        columns={[
          {
            title: t.settings.effectiveFrom,
            key: 'from',
            width: 160,
            render: (_, v) => (
              <Flex gap={4} align="center">
                {v.effectiveFrom.slice(0, 10)} <VersionTag v={v} />
              </Flex>
            ),
          },
          {
            title: t.settings.value,
            key: 'value',
            render: (_, v) => (
              <pre style={{ margin: 0, fontSize: 12, whiteSpace: 'pre-wrap', maxHeight: 240, overflow: 'auto' }}>
                {JSON.stringify(v.value, null, 2)}
              </pre>
            ),
          },
          { title: t.settings.source, dataIndex: 'source', width: 240 },
          { title: t.settings.updatedAt, key: 'updatedAt', width: 160, render: (_, v) => formatDateTime(v.updatedAt, lang) },
        ]}
      />
    </Card>
  );
}

/** /registrations/settings — registration points and the dated recognition/tax parameters. */
export function RegistrationSettingsPage() {
  const t = useMessages(registrationMessages);
  const lang = useLang();
  const { user } = useSession();
  const canEdit = isPlatformAdmin(user);
  const points = useRegistrationPoints();
  const parameters = useRegistrationParameters();
  const [adding, setAdding] = useState<{ key: ParameterKey; value: Record<string, unknown> } | null>(null);
  const groups = groupParameters(parameters.data ?? [], chinaToday(new Date()));

  return (
    <>
      <PageHeader title={t.settings.title} subtitle={t.settings.subtitle} />
      <Flex vertical gap={16}>
        <Card title={t.settings.points}>
          {points.isError ? <ErrorAlert error={points.error} onRetry={() => void points.refetch()} /> : null}
          <Table<RegistrationPoint>
            rowKey="id"
            size="small"
            loading={points.isPending}
            dataSource={points.data ?? []}
            pagination={{ pageSize: 20, hideOnSinglePage: true }}
            data-testid="registration-points"
            columns={[
              { title: t.settings.code, dataIndex: 'code', width: 120 },
              { title: t.settings.name, dataIndex: 'name' },
              { title: t.settings.level, key: 'level', render: (_, p) => t.pointLevels[p.level] },
              { title: t.settings.region, key: 'region', render: (_, p) => p.regionName ?? p.regionCode ?? '—' },
              {
                title: t.settings.maxAmount,
                key: 'max',
                align: 'right',
                render: (_, p) => (p.maxContractAmountFen === null ? t.settings.anyAmount : formatFen(p.maxContractAmountFen, lang)),
              },
              {
                title: t.settings.active,
                key: 'active',
                render: (_, p) => (p.active ? <Tag color="success">{t.settings.activeYes}</Tag> : <Tag>{t.settings.activeNo}</Tag>),
              },
            ]}
          />
        </Card>
        <Card title={t.settings.parameters}>
          {parameters.isError ? <ErrorAlert error={parameters.error} onRetry={() => void parameters.refetch()} /> : null}
          {parameters.isPending ? (
            <Typography.Text type="secondary">…</Typography.Text>
          ) : (
            <Flex vertical gap={12}>
              {groups.map((g) => (
                <ParameterCard
                  key={g.key}
                  group={g}
                  canEdit={canEdit}
                  onAdd={() => setAdding({ key: g.key, value: (g.versions.find((v) => v.inForce) ?? g.versions[0])?.value ?? {} })}
                />
              ))}
            </Flex>
          )}
        </Card>
      </Flex>
      {adding ? <ParameterVersionModal initial={adding} onClose={() => setAdding(null)} /> : null}
    </>
  );
}
