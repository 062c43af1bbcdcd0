import { CONTACT_POLICIES, UpsertExpertProfileSchema, type Expert, type UpsertExpertProfile } from '#shared/contracts/experts.contract';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Checkbox, Flex, Form, Input, Radio, Select } from 'antd';
import { Link } from 'react-router-dom';
import { isApiError } from '../../../shared/api/api-error';
import type { ErrorCode } from '#shared/errors';
import type { FieldPath } from '../../../shared/forms/form-errors';
import { FormProblemAlert, useSchemaForm } from '../../../shared/forms/useSchemaForm';
import { useMessages } from '../../../shared/i18n/messages';
import { ErrorAlert } from '../../../shared/ui/ErrorAlert';
import { LoadingBlock } from '../../../shared/ui/LoadingBlock';
import { PageHeader } from '../../../shared/ui/PageHeader';
import { RegionCascader } from '../../../shared/ui/RegionCascader';
import { DomainSelect } from '../../achievements/components/CodePickers';
import { expertKeys, saveMyExpertProfile, useMyExpertProfile } from '../experts.api';
import { expertMessages } from '../messages';

type Values = {
  title?: string;
  bio?: string;
  domainCodes?: string[];
  discipline?: string;
  keywords?: string[];
  regionCode?: string;
  contactPolicy?: UpsertExpertProfile['contactPolicy'];
  isPublic?: boolean;
};

const CODE_FIELDS: Partial<Record<ErrorCode, FieldPath>> = { 'region/unknown_code': ['regionCode'] };

function toValues(e: Expert | undefined): Values {
  return e
    ? {
        title: e.title ?? '',
        bio: e.bio ?? '',
        domainCodes: e.domainCodes,
        discipline: e.discipline ?? '',
        keywords: e.keywords,
        regionCode: e.regionCode ?? undefined,
        contactPolicy: e.contactPolicy,
        isPublic: e.isPublic,
      }
    : { domainCodes: [], keywords: [], contactPolicy: 'platform_message', isPublic: true };
}

/** /experts/me — create or replace the caller's expert profile (PUT /experts/me). */
export function MyExpertProfilePage() {
  const t = useMessages(expertMessages);
  const query = useMyExpertProfile();
  const missing = query.isError && isApiError(query.error) && query.error.status === 404;
  if (query.isPending) {
    return <LoadingBlock />;
  }
  if (query.isError && !missing) {
    return <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />;
  }
  return (
    <>
      <PageHeader
        title={t.form.title}
        subtitle={t.form.subtitle}
        extra={query.data ? <Link to={`/experts/${query.data.userId}`}>{t.form.view}</Link> : null}
      />
      {missing ? <Alert type="info" showIcon title={t.form.none} className="tn-block" /> : null}
      <ProfileForm initial={toValues(query.data)} />
    </>
  );
}

function ProfileForm({ initial }: { initial: Values }) {
  const t = useMessages(expertMessages);
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const { form, validate, showApiError, problem } = useSchemaForm<Values>();
  const mutation = useMutation({
    mutationFn: saveMyExpertProfile,
    onSuccess: async (e) => {
      queryClient.setQueryData(expertKeys.mine(), e);
      void message.success(t.form.saved);
      await queryClient.invalidateQueries({ queryKey: expertKeys.all });
    },
    onError: (error) => showApiError(error, CODE_FIELDS),
  });
  const onFinish = (v: Values) => {
    const blank = (s: string | undefined) => (s && s.trim() !== '' ? s.trim() : undefined);
    const data = validate(UpsertExpertProfileSchema, {
      title: blank(v.title),
      bio: blank(v.bio),
      domainCodes: v.domainCodes ?? [],
      discipline: blank(v.discipline),
      keywords: (v.keywords ?? []).map((k) => k.trim()).filter(Boolean),
      regionCode: v.regionCode || undefined,
      contactPolicy: v.contactPolicy ?? 'platform_message',
      isPublic: v.isPublic !== false,
    });
    if (data) {
      mutation.mutate(data);
    }
  };
  const f = t.fields;
  return (
    <Card style={{ maxWidth: 820 }}>
      <FormProblemAlert problem={problem} />
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={initial}
        onFinish={onFinish}
        disabled={mutation.isPending}
        data-testid="expert-form"
      >
        <Form.Item name="title" label={f.title}>
          <Input maxLength={60} data-testid="expert-title" />
        </Form.Item>
        <Form.Item name="discipline" label={f.discipline}>
          <Input maxLength={60} />
        </Form.Item>
        <Form.Item name="domainCodes" label={f.domainCodes}>
          <DomainSelect multiple />
        </Form.Item>
        <Form.Item name="keywords" label={f.keywords}>
          <Select mode="tags" open={false} maxCount={20} tokenSeparators={[',', '，', '、', ';', '；']} />
        </Form.Item>
        <Form.Item name="regionCode" label={f.region}>
          <RegionCascader />
        </Form.Item>
        <Form.Item name="bio" label={f.bio}>
          <Input.TextArea maxLength={3000} showCount autoSize={{ minRows: 3, maxRows: 10 }} />
        </Form.Item>
        <Form.Item name="contactPolicy" label={f.contactPolicy}>
          <Radio.Group options={CONTACT_POLICIES.map((p) => ({ value: p, label: t.contactPolicies[p] }))} />
        </Form.Item>
        <Form.Item name="isPublic" valuePropName="checked">
          <Checkbox>{f.isPublic}</Checkbox>
        </Form.Item>
        <Flex gap={8}>
          <Button type="primary" htmlType="submit" loading={mutation.isPending} data-testid="expert-save">
            {t.form.save}
          </Button>
        </Flex>
      </Form>
    </Card>
  );
}
