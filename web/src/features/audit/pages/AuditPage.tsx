import { AuditQuerySchema, type AuditEvent } from '#shared/contracts/audit.contract';
import { useQuery } from '@tanstack/react-query';
import { Card, Empty, Flex, Input, Table, Typography } from 'antd';
import { formatDateTime } from '../../../shared/i18n/format';
import { useMessages } from '../../../shared/i18n/messages';
import { useLang } from '../../../shared/i18n/useLang';
import { ErrorAlert } from '../../../shared/ui/ErrorAlert';
import { PageHeader } from '../../../shared/ui/PageHeader';
import { useUrlFilters } from '../../../shared/url/useUrlFilters';
import { auditKeys, listAuditEvents } from '../audit.api';
import { AuditVerifyCard } from '../components/AuditVerifyCard';
import { auditMessages } from '../messages';

const short = (hash: string | null) => (hash ? `${hash.slice(0, 12)}…` : '—');

/** /admin/audit — chain verification and the latest events (platform admins). */
export function AuditPage() {
  const lang = useLang();
  const t = useMessages(auditMessages);
  const { filters, update } = useUrlFilters(AuditQuerySchema);
  const query = { ...filters, pageSize: filters.pageSize ?? 20 };
  const events = useQuery({
    queryKey: auditKeys.events(query),
    queryFn: ({ signal }) => listAuditEvents(query, signal),
    placeholderData: (previous) => previous,
  });

  return (
    <>
      <PageHeader title={t.title} subtitle={t.subtitle} />
      <Flex vertical gap={16}>
        <AuditVerifyCard />
        <Card
          title={t.eventsTitle}
          extra={
            <Input.Search
              key={filters.entityType ?? ''}
              defaultValue={filters.entityType}
              placeholder={t.anyEntity}
              aria-label={t.entityType}
              allowClear
              onSearch={(v) => update({ entityType: v.trim() || undefined })}
              style={{ width: 220 }}
            />
          }
        >
          {events.isError ? <ErrorAlert error={events.error} onRetry={() => void events.refetch()} className="tn-block" /> : null}
          <Table<AuditEvent>
            rowKey="seq"
            size="small"
            loading={events.isFetching}
            dataSource={events.data?.items ?? []}
            scroll={{ x: 1100 }}
            locale={{ emptyText: <Empty description={t.empty} /> }}
            data-testid="audit-events"
            pagination={{
              current: events.data?.page ?? query.page ?? 1,
              pageSize: events.data?.pageSize ?? query.pageSize,
              total: events.data?.total ?? 0,
              showSizeChanger: true,
              pageSizeOptions: [20, 50, 100, 200],
              showTotal: (n) => t.total(n),
              onChange: (page, pageSize) => update({ page, pageSize }),
            }}
            columns={[
              { title: t.seq, dataIndex: 'seq', width: 80, align: 'right' },
              { title: t.occurredAt, dataIndex: 'occurredAt', width: 170, render: (v: string) => formatDateTime(v, lang) },
              { title: t.actor, dataIndex: 'actorLabel', width: 260, render: (v: string | null) => v ?? t.system },
              {
                title: t.action,
                dataIndex: 'action',
                render: (v: string) => (
                  <Typography.Text code className="tn-nowrap">
                    {v}
                  </Typography.Text>
                ),
              },
              {
                title: t.entity,
                key: 'entity',
                render: (_, e) => (
                  <span>
                    {e.entityType} <Typography.Text type="secondary">{short(e.entityId)}</Typography.Text>
                  </span>
                ),
              },
              {
                title: t.requestId,
                dataIndex: 'requestId',
                render: (v: string | null) => (v ? <span title={v}>{short(v)}</span> : '—'),
              },
              {
                title: t.hash,
                dataIndex: 'hash',
                render: (h: string) => (
                  <Typography.Text code copyable={{ text: h }} title={h} className="tn-nowrap">
                    {short(h)}
                  </Typography.Text>
                ),
              },
            ]}
          />
        </Card>
      </Flex>
    </>
  );
}
