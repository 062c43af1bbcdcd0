import type { AuditVerifyResult } from '#shared/contracts/audit.contract';
import { SafetyCertificateOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import { Alert, Button, Card, Descriptions, Typography } from 'antd';
import { useMessages } from '../../../shared/i18n/messages';
import { ErrorAlert } from '../../../shared/ui/ErrorAlert';
import { verifyAuditChain } from '../audit.api';
import { auditMessages } from '../messages';

/** Runs the chain verification on demand and shows the result or the first broken link. */
export function AuditVerifyCard() {
  const t = useMessages(auditMessages);
  // A mutation, not a query: verification is expensive and runs only when asked for.
  const verify = useMutation({ mutationFn: verifyAuditChain });

  return (
    <Card
      title={t.verifyTitle}
      extra={
        <Button
          type="primary"
          icon={<SafetyCertificateOutlined />}
          loading={verify.isPending}
          onClick={() => verify.mutate()}
          data-testid="audit-verify"
        >
          {t.verify}
        </Button>
      }
    >
      <div aria-live="polite" data-testid="audit-verify-result">
        {verify.isError ? <ErrorAlert error={verify.error} /> : null}
        {verify.data ? <VerifyResult result={verify.data} /> : null}
        {verify.isIdle ? <Typography.Text type="secondary">{t.verifyIdle}</Typography.Text> : null}
      </div>
    </Card>
  );
}

function VerifyResult({ result }: { result: AuditVerifyResult }) {
  const t = useMessages(auditMessages);
  const broken = result.firstBroken;
  return (
    <>
      {broken ? (
        <Alert type="error" showIcon title={t.broken} description={t.brokenDetail(broken.seq)} data-testid="audit-broken" />
      ) : (
        <Alert
          type="success"
          showIcon
          title={t.ok}
          description={t.okDetail(result.checked, Math.round(result.durationMs))}
          data-testid="audit-ok"
        />
      )}
      <Descriptions
        size="small"
        column={1}
        style={{ marginTop: 12 }}
        items={[
          { key: 'headSeq', label: t.headSeq, children: result.headSeq ?? '—' },
          {
            key: 'headHash',
            label: t.headHash,
            children: result.headHash ? (
              <Typography.Text code copyable>
                {result.headHash}
              </Typography.Text>
            ) : (
              '—'
            ),
          },
          ...(broken
            ? [
                { key: 'reason', label: t.reason, children: t.reasons[broken.reason] },
                { key: 'expected', label: t.expected, children: <Typography.Text code>{broken.expected}</Typography.Text> },
                { key: 'actual', label: t.actual, children: <Typography.Text code>{broken.actual}</Typography.Text> },
              ]
            : []),
        ]}
      />
    </>
  );
}
