import {
  ACHIEVEMENT_STATUSES,
  type AchievementStatus,
  type AchievementSummary,
  type Funnel,
} from '#shared/contracts/achievements.contract';
import { PlusOutlined } from '@ant-design/icons';
import { useMutation, useQueries, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Col, Empty, Flex, Row, Select, Statistic, Table } from 'antd';
import { Link } from 'react-router-dom';
import { z } from 'zod';
import { formatDate } from '../../../shared/i18n/format';
import { useMessages } from '../../../shared/i18n/messages';
import { useLang } from '../../../shared/i18n/useLang';
import { ErrorAlert } from '../../../shared/ui/ErrorAlert';
import { PageHeader } from '../../../shared/ui/PageHeader';
import { useUrlFilters } from '../../../shared/url/useUrlFilters';
import { achievementKeys, getFunnel, runAchievementAction, useAchievements } from '../achievements.api';
import { QualityTag, StaleTag, StatusTag } from '../components/ListingTags';
import { FUNNEL_STAGES, sumFunnels } from '../funnel';
import { achievementMessages } from '../messages';

const MineUrlSchema = z.object({
  status: z.enum(ACHIEVEMENT_STATUSES).optional(),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});

const STAGES = FUNNEL_STAGES;

/** /achievements/mine — the owner dashboard: status, quality, stale flags with re-confirm, funnel totals. */
export function MyAchievementsPage() {
  const t = useMessages(achievementMessages);
  const lang = useLang();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const { filters, update } = useUrlFilters(MineUrlSchema);
  const list = useAchievements({ mine: true, status: filters.status, page: filters.page, pageSize: filters.pageSize });
  const items = list.data?.items ?? [];
  const published = items.filter((a) => a.status === 'published');
  const funnels = useQueries({
    queries: published.map((a) => ({
      queryKey: achievementKeys.funnel(a.id),
      queryFn: ({ signal }: { signal: AbortSignal }) => getFunnel(a.id, signal),
    })),
  });
  const funnelById = new Map<string, Funnel>();
  funnels.forEach((q) => q.data && funnelById.set(q.data.achievementId, q.data));
  const totals = sumFunnels([...funnelById.values()]);
  const staleCount = items.filter((a) => a.stale).length;

  const confirm = useMutation({
    mutationFn: (id: string) => runAchievementAction(id, 'confirm'),
    onSuccess: async () => {
      void message.success(t.mine.confirmed);
      await queryClient.invalidateQueries({ queryKey: achievementKeys.all });
    },
  });

  return (
    <>
      <PageHeader
        title={t.mine.title}
        subtitle={t.mine.subtitle}
        extra={
          <Link to="/achievements/new">
            <Button type="primary" icon={<PlusOutlined />} data-testid="achievement-create">
              {t.mine.create}
            </Button>
          </Link>
        }
      />
      {staleCount > 0 ? (
        <Alert type="warning" showIcon title={t.mine.staleCount(staleCount)} className="tn-block" data-testid="mine-stale-alert" />
      ) : null}
      <Card title={t.mine.funnelTotals} size="small" className="tn-block" data-testid="mine-funnel-totals">
        <Row gutter={16}>
          {STAGES.map((s) => (
            <Col key={s} xs={12} md={6}>
              <Statistic
                title={
                  {
                    views: t.detail.funnelViews,
                    detailOpens: t.detail.funnelDetailOpens,
                    accessRequests: t.detail.funnelAccessRequests,
                    enquiries: t.detail.funnelEnquiries,
                  }[s]
                }
                value={totals[s]}
                loading={funnels.some((q) => q.isPending)}
              />
            </Col>
          ))}
        </Row>
      </Card>
      <Card>
        <Flex gap={8} className="tn-block">
          <Select<AchievementStatus>
            value={filters.status}
            allowClear
            placeholder={t.mine.anyStatus}
            aria-label={t.mine.status}
            style={{ width: 160 }}
            options={ACHIEVEMENT_STATUSES.map((s) => ({ value: s, label: t.statuses[s] }))}
            onChange={(status) => update({ status })}
            data-testid="mine-status"
          />
        </Flex>
        {list.isError ? <ErrorAlert error={list.error} onRetry={() => void list.refetch()} className="tn-block" /> : null}
        {confirm.isError ? <ErrorAlert error={confirm.error} className="tn-block" /> : null}
        <Table<AchievementSummary>
          rowKey="id"
          loading={list.isFetching}
          dataSource={items}
          scroll={{ x: 900 }}
          locale={{ emptyText: <Empty description={t.mine.empty} /> }}
          data-testid="mine-table"
          pagination={{
            current: list.data?.page ?? filters.page ?? 1,
            pageSize: list.data?.pageSize ?? filters.pageSize ?? 20,
            total: list.data?.total ?? 0,
            showTotal: (n) => t.mine.total(n),
            onChange: (page, pageSize) => update({ page, pageSize }),
          }}
          columns={[
            { title: t.fields.title, dataIndex: 'title', render: (title: string, a) => <Link to={`/achievements/${a.id}`}>{title}</Link> },
            {
              title: t.mine.status,
              dataIndex: 'status',
              width: 160,
              render: (s: AchievementStatus, a) => (
                <Flex gap={4} wrap>
                  <StatusTag status={s} />
                  {a.stale ? <StaleTag /> : null}
                </Flex>
              ),
            },
            {
              title: t.mine.quality,
              dataIndex: 'qualityScore',
              width: 120,
              render: (q: number | undefined) => (q === undefined ? '—' : <QualityTag score={q} />),
            },
            {
              title: t.detail.funnelViews,
              key: 'views',
              width: 80,
              align: 'right',
              render: (_: unknown, a) => funnelById.get(a.id)?.views ?? '—',
            },
            {
              title: t.detail.funnelEnquiries,
              key: 'enquiries',
              width: 80,
              align: 'right',
              render: (_: unknown, a) => funnelById.get(a.id)?.enquiries ?? '—',
            },
            { title: t.mine.updated, dataIndex: 'updatedAt', width: 120, render: (d: string) => formatDate(d, lang) },
            {
              title: t.mine.actions,
              key: 'actions',
              width: 130,
              render: (_: unknown, a) =>
                a.status === 'published' ? (
                  <Button
                    size="small"
                    type={a.stale ? 'primary' : 'default'}
                    loading={confirm.isPending && confirm.variables === a.id}
                    onClick={() => confirm.mutate(a.id)}
                    data-testid="mine-confirm"
                  >
                    {t.mine.confirm}
                  </Button>
                ) : null,
            },
          ]}
        />
      </Card>
    </>
  );
}
