import { COUNTED_STATUSES } from '#shared/contracts/registrations.contract';
import { Alert, Button, Card, Descriptions, Flex, Form, Input, Result, Typography } from 'antd';
import { useSearchParams } from 'react-router-dom';
import { isApiError } from '../../../shared/api/api-error';
import { formatDate } from '../../../shared/i18n/format';
import { useMessages } from '../../../shared/i18n/messages';
import { useLang } from '../../../shared/i18n/useLang';
import { ErrorAlert } from '../../../shared/ui/ErrorAlert';
import { LoadingBlock } from '../../../shared/ui/LoadingBlock';
import { PageHeader } from '../../../shared/ui/PageHeader';
import { RegistrationStatusTag } from '../components/RegistrationStatusTag';
import { registrationMessages } from '../messages';
import { normaliseRegistrationNo } from '../registration-view';
import { useCertificateCheck } from '../registrations.api';

/**
 * /registrations/check?no= — public verification of a 登记证明 by its 16-digit registration number
 * (no sign-in): the registration's public facts and the digest printed on the certificate.
 */
export function CertificateCheckPage() {
  const t = useMessages(registrationMessages);
  const lang = useLang();
  const [params, setParams] = useSearchParams();
  const [form] = Form.useForm<{ no: string }>();
  const no = normaliseRegistrationNo(params.get('no'));
  const check = useCertificateCheck(no);

  let result = null;
  if (no && check.isPending) {
    result = <LoadingBlock minHeight={120} />;
  } else if (no && check.isError) {
    result =
      isApiError(check.error) && check.error.status === 404 ? (
        <Result status="warning" title={t.check.notFound} subTitle={no} data-testid="certificate-not-found" />
      ) : (
        <ErrorAlert error={check.error} onRetry={() => void check.refetch()} />
      );
  } else if (check.data) {
    const c = check.data;
    const valid = COUNTED_STATUSES.includes(c.status);
    result = (
      <Flex vertical gap={16} data-testid="certificate-result">
        <Alert
          type={valid ? 'success' : 'warning'}
          showIcon
          title={valid ? t.check.valid : t.check.notValid(t.statuses[c.status])}
          data-testid="certificate-verdict"
          data-valid={valid}
        />
        <Descriptions column={{ xs: 1, md: 2 }} bordered size="small">
          <Descriptions.Item label={t.check.label}>{c.registrationNo}</Descriptions.Item>
          <Descriptions.Item label={t.check.status}>
            <RegistrationStatusTag status={c.status} />
          </Descriptions.Item>
          <Descriptions.Item label={t.check.projectName} span="filled">
            {c.projectName}
          </Descriptions.Item>
          <Descriptions.Item label={t.check.subtype}>{t.subtypes[c.subtype]}</Descriptions.Item>
          <Descriptions.Item label={t.check.registeredOn}>{formatDate(c.registeredOn, lang)}</Descriptions.Item>
          <Descriptions.Item label={t.check.seller}>{c.sellerName}</Descriptions.Item>
          <Descriptions.Item label={t.check.buyer}>{c.buyerName}</Descriptions.Item>
          <Descriptions.Item label={t.check.point}>{c.pointName}</Descriptions.Item>
          <Descriptions.Item label={t.check.version}>{c.version}</Descriptions.Item>
          <Descriptions.Item label={t.check.digest} span="filled">
            <Flex vertical gap={4}>
              <Typography.Text code copyable style={{ wordBreak: 'break-all' }} data-testid="certificate-digest">
                {c.digest}
              </Typography.Text>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t.check.digestHint}
              </Typography.Text>
            </Flex>
          </Descriptions.Item>
        </Descriptions>
      </Flex>
    );
  }

  return (
    <>
      <PageHeader title={t.check.title} subtitle={t.check.subtitle} />
      <Card style={{ maxWidth: 960 }}>
        <Form
          form={form}
          layout="inline"
          initialValues={{ no: params.get('no') ?? '' }}
          onFinish={(v) => {
            const next = normaliseRegistrationNo(v.no);
            if (next) {
              setParams({ no: next }, { replace: true });
            }
          }}
          style={{ marginBottom: 16 }}
          data-testid="certificate-form"
        >
          <Form.Item
            name="no"
            label={t.check.label}
            rules={[
              {
                validator: async (_, value: string | undefined) =>
                  normaliseRegistrationNo(value) ? undefined : Promise.reject(new Error(t.check.invalid)),
              },
            ]}
          >
            <Input
              placeholder={t.check.placeholder}
              maxLength={24}
              inputMode="numeric"
              style={{ width: 260 }}
              data-testid="certificate-no"
            />
          </Form.Item>
          <Form.Item>
            <Button type="primary" htmlType="submit" data-testid="certificate-submit">
              {t.check.submit}
            </Button>
          </Form.Item>
        </Form>
        {result}
      </Card>
    </>
  );
}
