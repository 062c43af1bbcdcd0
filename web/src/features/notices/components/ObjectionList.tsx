import type { Notice, Objection } from '#shared/contracts/notices.contract';
import { App, Button, Card, Empty, Flex, Input, List, Popconfirm, Tag, Typography } from 'antd';
import { useState } from 'react';
import { formatDateTime } from '../../../shared/i18n/format';
import { useMessages } from '../../../shared/i18n/messages';
import { useLang } from '../../../shared/i18n/useLang';
import { ErrorAlert } from '../../../shared/ui/ErrorAlert';
import { decideObjection, useNoticeMutation } from '../notices.api';
import { noticeMessages } from '../messages';

const OUTCOME_COLOR = { pending: 'gold', upheld: 'red', rejected: 'green' } as const;

function DecideBox({ notice, objection }: { notice: Notice; objection: Objection }) {
  const t = useMessages(noticeMessages).decisions;
  const { message } = App.useApp();
  const [decision, setDecision] = useState('');
  const decide = useNoticeMutation((outcome: 'upheld' | 'rejected') => decideObjection(notice.id, objection.id, { outcome, decision: decision.trim() }));
  const run = (outcome: 'upheld' | 'rejected') => decide.mutate(outcome, { onSuccess: () => void message.success(t.decided) });
  const ready = decision.trim().length >= 5;
  return (
    <Flex vertical gap={8} style={{ marginTop: 8 }}>
      <Input.TextArea rows={2} maxLength={5000} value={decision} onChange={(e) => setDecision(e.target.value)} placeholder={t.decisionPlaceholder} aria-label={t.decision} data-testid="objection-decision" />
      {decide.isError ? <ErrorAlert error={decide.error} /> : null}
      <Flex gap={8}>
        <Button disabled={!ready} loading={decide.isPending} onClick={() => run('rejected')} data-testid="objection-reject">
          {t.reject}
        </Button>
        <Popconfirm title={t.upholdConfirm} onConfirm={() => run('upheld')} okButtonProps={{ danger: true, ...{ 'data-testid': 'objection-uphold-confirm' } }}>
          <Button danger disabled={!ready} loading={decide.isPending} data-testid="objection-uphold">
            {t.uphold}
          </Button>
        </Popconfirm>
      </Flex>
    </Flex>
  );
}

/** The objections with contacts and decisions, for the seller side and operators. */
export function ObjectionList({ notice }: { notice: Notice }) {
  const t = useMessages(noticeMessages);
  const lang = useLang();
  const objections = notice.objections ?? [];
  return (
    <Card title={t.decisions.title} data-testid="objection-list">
      {objections.length === 0 ? (
        <Empty description={t.decisions.none} />
      ) : (
        <List<Objection>
          dataSource={objections}
          renderItem={(o) => (
            <List.Item data-testid="objection-item" data-status={o.status}>
              <Flex vertical gap={4} style={{ width: '100%' }}>
                <Flex gap={8} wrap align="center">
                  <Tag color={OUTCOME_COLOR[o.status]} data-testid="objection-status">
                    {t.objectionStatuses[o.status]}
                  </Tag>
                  <Typography.Text strong>{o.submitterName}</Typography.Text>
                  <Typography.Text type="secondary">
                    {t.decisions.contact}: {o.submitterContact}
                  </Typography.Text>
                  <Typography.Text type="secondary">{formatDateTime(o.submittedAt, lang)}</Typography.Text>
                </Flex>
                <Typography.Paragraph style={{ margin: 0, whiteSpace: 'pre-wrap' }}>{o.body}</Typography.Paragraph>
                {o.decision ? (
                  <Typography.Paragraph type="secondary" style={{ margin: 0 }} data-testid="objection-decision-text">
                    {t.decisions.decision}: {o.decision}
                    {o.decidedAt ? ` (${formatDateTime(o.decidedAt, lang)})` : ''}
                  </Typography.Paragraph>
                ) : null}
                {o.status === 'pending' && notice.canDecide ? <DecideBox notice={notice} objection={o} /> : null}
              </Flex>
            </List.Item>
          )}
        />
      )}
    </Card>
  );
}
