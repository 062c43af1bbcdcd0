import type { AccessRequest } from '#shared/contracts/achievements.contract';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Button, Card, Flex, Table, Tag } from 'antd';
import { useMessages } from '../../../shared/i18n/messages';
import { formatDateTime } from '../../../shared/i18n/format';
import { useLang } from '../../../shared/i18n/useLang';
import { ErrorAlert } from '../../../shared/ui/ErrorAlert';
import { achievementKeys, decideAccessRequest, useAccessRequests } from '../achievements.api';
import { achievementMessages } from '../messages';

const COLORS = { pending: 'processing', granted: 'success', denied: 'error' } as const;

/** Owner side: who asked for the NDA-gated detail; grant, deny, or revoke a grant. */
export function AccessRequestsCard({ id }: { id: string }) {
  const t = useMessages(achievementMessages).detail;
  const lang = useLang();
  const queryClient = useQueryClient();
  const requests = useAccessRequests(id, true);
  const mutation = useMutation({
    mutationFn: ({ requestId, decision }: { requestId: string; decision: 'granted' | 'denied' }) =>
      decideAccessRequest(id, requestId, { decision }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: achievementKeys.accessRequests(id) }),
  });
  return (
    <Card title={t.accessRequestsTitle} size="small" className="tn-block" data-testid="access-requests-card">
      {requests.isError ? <ErrorAlert error={requests.error} onRetry={() => void requests.refetch()} className="tn-block" /> : null}
      {mutation.isError ? <ErrorAlert error={mutation.error} className="tn-block" /> : null}
      <Table<AccessRequest>
        size="small"
        rowKey="id"
        loading={requests.isPending}
        dataSource={requests.data?.items ?? []}
        pagination={false}
        locale={{ emptyText: t.noRequests }}
        scroll={{ x: 600 }}
        data-testid="access-requests-table"
        columns={[
          { title: t.requester, dataIndex: 'requesterName' },
          { title: t.message, dataIndex: 'message', render: (m: string | null) => m ?? '—' },
          { title: t.requestedAt, dataIndex: 'createdAt', render: (d: string) => formatDateTime(d, lang) },
          {
            title: t.requestStatus,
            dataIndex: 'status',
            render: (s: AccessRequest['status']) => <Tag color={COLORS[s]}>{t.requestStatuses[s]}</Tag>,
          },
          {
            title: '',
            key: 'actions',
            render: (_: unknown, r) => (
              <Flex gap={4}>
                {r.status !== 'granted' ? (
                  <Button
                    size="small"
                    type="primary"
                    onClick={() => mutation.mutate({ requestId: r.id, decision: 'granted' })}
                    loading={mutation.isPending}
                    data-testid="access-grant"
                  >
                    {t.grant}
                  </Button>
                ) : null}
                {r.status !== 'denied' ? (
                  <Button
                    size="small"
                    danger
                    onClick={() => mutation.mutate({ requestId: r.id, decision: 'denied' })}
                    loading={mutation.isPending}
                    data-testid="access-deny"
                  >
                    {r.status === 'granted' ? t.revoke : t.deny}
                  </Button>
                ) : null}
              </Flex>
            ),
          },
        ]}
      />
    </Card>
  );
}
