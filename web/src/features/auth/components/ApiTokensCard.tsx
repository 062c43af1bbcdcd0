import type { ApiToken } from '#shared/contracts/auth.contract';
import { PlusOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Empty, Flex, Popconfirm, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { describeError } from '../../../shared/api/api-error';
import { formatDateTime } from '../../../shared/i18n/format';
import { useMessages } from '../../../shared/i18n/messages';
import { useLang } from '../../../shared/i18n/useLang';
import { ErrorAlert } from '../../../shared/ui/ErrorAlert';
import { authKeys, listTokens, revokeToken } from '../auth.api';
import { authMessages } from '../messages';
import { tokenState, type TokenState } from '../token-state';
import { CreateTokenModal } from './CreateTokenModal';

const STATE_COLOR: Record<TokenState, string> = { active: 'green', revoked: 'default', expired: 'orange' };

/** Lists, creates and revokes the user's API tokens. */
export function ApiTokensCard() {
  const lang = useLang();
  const m = useMessages(authMessages);
  const t = m.tokens;
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [creating, setCreating] = useState(false);
  // Read once per mount: render must stay pure, and a token expiring meanwhile is refused by the server anyway.
  const [now] = useState(() => Date.now());
  const tokens = useQuery({ queryKey: authKeys.tokens(), queryFn: ({ signal }) => listTokens(signal) });
  const refresh = () => queryClient.invalidateQueries({ queryKey: authKeys.tokens() });

  const revoke = useMutation({
    mutationFn: revokeToken,
    onSuccess: async () => {
      void message.success(t.revoked_ok);
      await refresh();
    },
    onError: (error) => void message.error(describeError(error, lang)),
  });

  return (
    <Flex vertical gap={12}>
      <Flex justify="space-between" align="flex-start" gap={12} wrap>
        <Typography.Paragraph type="secondary" style={{ margin: 0, maxWidth: 640 }}>
          {t.intro}
        </Typography.Paragraph>
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="token-create">
          {t.create}
        </Button>
      </Flex>
      {tokens.isError ? <ErrorAlert error={tokens.error} onRetry={() => void tokens.refetch()} /> : null}
      <Table<ApiToken>
        rowKey="id"
        size="small"
        loading={tokens.isPending}
        dataSource={tokens.data?.items ?? []}
        pagination={false}
        scroll={{ x: 900 }}
        locale={{ emptyText: <Empty description={t.empty} /> }}
        columns={[
          { title: t.name, dataIndex: 'name' },
          { title: t.prefix, dataIndex: 'prefix', render: (p: string) => <Typography.Text code>{p}…</Typography.Text> },
          {
            title: t.scopes,
            dataIndex: 'scopes',
            render: (scopes: ApiToken['scopes']) => scopes.map((s) => <Tag key={s}>{m.scopes[s]}</Tag>),
          },
          { title: t.createdAt, dataIndex: 'createdAt', render: (v: string) => formatDateTime(v, lang) },
          { title: t.expiresAt, dataIndex: 'expiresAt', render: (v: string) => formatDateTime(v, lang) },
          {
            title: t.lastUsedAt,
            dataIndex: 'lastUsedAt',
            render: (v: string | null) => (v ? formatDateTime(v, lang) : t.neverUsed),
          },
          {
            title: t.state,
            key: 'state',
            render: (_, token) => {
              const state = tokenState(token, now);
              return <Tag color={STATE_COLOR[state]}>{t[state]}</Tag>;
            },
          },
          {
            title: t.actions,
            key: 'actions',
            render: (_, token) =>
              tokenState(token, now) === 'active' ? (
                <Popconfirm title={t.revokeConfirm} onConfirm={() => revoke.mutateAsync(token.id)}>
                  <Button danger size="small" loading={revoke.isPending && revoke.variables === token.id}>
                    {t.revoke}
                  </Button>
                </Popconfirm>
              ) : null,
          },
        ]}
      />
      <CreateTokenModal open={creating} onClose={() => setCreating(false)} onCreated={() => void refresh()} />
    </Flex>
  );
}
