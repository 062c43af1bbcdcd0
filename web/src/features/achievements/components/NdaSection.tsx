import { CreateAccessRequestSchema, type Achievement } from '#shared/contracts/achievements.contract';
import { LockOutlined, UnlockOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import { Alert, Button, Card, Checkbox, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { Link, useLocation } from 'react-router-dom';
import { isApiError } from '../../../shared/api/api-error';
import { FormProblemAlert, useSchemaForm } from '../../../shared/forms/useSchemaForm';
import { useMessages } from '../../../shared/i18n/messages';
import { ErrorAlert } from '../../../shared/ui/ErrorAlert';
import { LoadingBlock } from '../../../shared/ui/LoadingBlock';
import { requestAccess, useMyAccessRequest, useNdaDetail } from '../achievements.api';
import { achievementMessages } from '../messages';

type RequestState = 'none' | 'pending' | 'exists' | 'denied';

/**
 * The NDA-gated detail. Visible to the owner side and granted requesters; others see the terms and
 * a request form (signed in) or a sign-in link. A signed-in visitor's own earlier request (pending
 * or denied) is read from the API, so the state survives a reload.
 */
export function NdaSection({ a, signedIn, ownerSide }: { a: Achievement; signedIn: boolean; ownerSide: boolean }) {
  const t = useMessages(achievementMessages).detail;
  const location = useLocation();
  const canSee = !a.detailRestricted;
  const detail = useNdaDetail(a.id, canSee);
  const [sent, setSent] = useState<RequestState>('none');
  const mine = useMyAccessRequest(a.id, signedIn && !canSee && !ownerSide);
  const stored = mine.data?.request?.status;
  const state: RequestState = sent !== 'none' ? sent : stored === 'pending' ? 'exists' : stored === 'denied' ? 'denied' : 'none';
  const { form, validate, showApiError, problem } = useSchemaForm<{ acceptNda?: boolean; message?: string }>();

  const mutation = useMutation({
    mutationFn: (body: { acceptNda: true; message?: string }) => requestAccess(a.id, body),
    onSuccess: () => setSent('pending'),
    onError: (error) => {
      if (isApiError(error) && error.is('achievement/access_request_exists')) {
        setSent('exists');
      } else {
        showApiError(error);
      }
    },
  });

  let content;
  if (canSee) {
    content = detail.isPending ? (
      <LoadingBlock minHeight={60} />
    ) : detail.isError ? (
      <ErrorAlert error={detail.error} onRetry={() => void detail.refetch()} />
    ) : (
      <>
        {!ownerSide ? (
          <Alert type="success" showIcon title={t.requestGranted} style={{ marginBottom: 12 }} data-testid="nda-granted" />
        ) : null}
        <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }} data-testid="nda-detail">
          {detail.data.detail ?? t.ndaNone}
        </Typography.Paragraph>
      </>
    );
  } else if (!signedIn) {
    content = (
      <Alert
        type="info"
        showIcon
        title={t.ndaRestricted}
        description={
          <Link to={`/login?next=${encodeURIComponent(location.pathname)}`} data-testid="nda-sign-in">
            {t.signInToRequest}
          </Link>
        }
      />
    );
  } else if (state !== 'none') {
    content = (
      <Alert
        type={state === 'denied' ? 'warning' : 'info'}
        showIcon
        title={state === 'pending' ? t.requestSent : state === 'denied' ? t.requestDenied : t.requestExists}
        data-testid="nda-request-state"
        data-state={state}
      />
    );
  } else {
    content = (
      <>
        <Typography.Paragraph type="secondary">{t.ndaRestricted}</Typography.Paragraph>
        <FormProblemAlert problem={problem} />
        <Form
          form={form}
          layout="vertical"
          disabled={mutation.isPending}
          onFinish={(values) => {
            const data = validate(CreateAccessRequestSchema, {
              acceptNda: values.acceptNda === true ? true : undefined,
              message: values.message?.trim() || undefined,
            });
            if (data) {
              mutation.mutate(data);
            }
          }}
        >
          <Form.Item name="message" label={t.ndaMessage}>
            <Input.TextArea maxLength={1000} autoSize={{ minRows: 2, maxRows: 4 }} data-testid="nda-message" />
          </Form.Item>
          <Form.Item name="acceptNda" valuePropName="checked">
            <Checkbox data-testid="nda-accept">{t.ndaAccept}</Checkbox>
          </Form.Item>
          <Form.Item noStyle shouldUpdate>
            {() => (
              <Button
                type="primary"
                htmlType="submit"
                disabled={form.getFieldValue('acceptNda') !== true}
                loading={mutation.isPending}
                data-testid="nda-request"
              >
                {t.requestAccess}
              </Button>
            )}
          </Form.Item>
        </Form>
      </>
    );
  }

  return (
    <Card
      title={
        <span>
          {canSee ? <UnlockOutlined /> : <LockOutlined />} {t.ndaTitle}
        </span>
      }
      data-testid="nda-section"
      className="tn-block"
    >
      {content}
    </Card>
  );
}
