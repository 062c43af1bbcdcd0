import { Card, Table } from 'antd';
import { lazy, Suspense, useMemo } from 'react';
import type { ChartOption } from '../../../dashboards/chart-option';
import { useMessages } from '../../../shared/i18n/messages';
import { ErrorAlert } from '../../../shared/ui/ErrorAlert';
import { LoadingBlock } from '../../../shared/ui/LoadingBlock';
import { useFunnel } from '../achievements.api';
import { achievementMessages } from '../messages';

// ECharts is loaded only when an owner opens a listing.
const EChart = lazy(() => import('../../../dashboards/EChart').then((m) => ({ default: m.EChart })));

const STAGES = ['views', 'detailOpens', 'accessRequests', 'enquiries'] as const;

/** Funnel bar chart and the same numbers as a table (recorded events only). */
export function FunnelCard({ id }: { id: string }) {
  const t = useMessages(achievementMessages).detail;
  const funnel = useFunnel(id, true);
  const labels: Record<(typeof STAGES)[number], string> = {
    views: t.funnelViews,
    detailOpens: t.funnelDetailOpens,
    accessRequests: t.funnelAccessRequests,
    enquiries: t.funnelEnquiries,
  };
  const data = funnel.data;
  const option = useMemo<ChartOption | null>(
    () =>
      data
        ? {
            tooltip: { trigger: 'axis' },
            grid: { left: 40, right: 16, top: 16, bottom: 28 },
            xAxis: { type: 'category', data: STAGES.map((s) => labels[s]) },
            yAxis: { type: 'value', minInterval: 1 },
            series: [{ type: 'bar', data: STAGES.map((s) => data[s]), itemStyle: { color: '#1677ff' }, barMaxWidth: 48 }],
          }
        : null,
    // labels change with the language only
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [data, t],
  );
  return (
    <Card title={t.funnelTitle} size="small" className="tn-block" data-testid="funnel-card">
      {funnel.isPending ? (
        <LoadingBlock minHeight={120} />
      ) : funnel.isError ? (
        <ErrorAlert error={funnel.error} onRetry={() => void funnel.refetch()} />
      ) : (
        <>
          {option ? (
            <Suspense fallback={<LoadingBlock minHeight={200} />}>
              <EChart option={option} height={200} ariaLabel={t.funnelTitle} data-testid="funnel-chart" />
            </Suspense>
          ) : null}
          <Table
            size="small"
            pagination={false}
            rowKey="stage"
            data-testid="funnel-table"
            columns={[
              { title: t.stage, dataIndex: 'label' },
              { title: t.count, dataIndex: 'count', align: 'right' },
            ]}
            dataSource={STAGES.map((s) => ({ stage: s, label: labels[s], count: funnel.data[s] }))}
          />
        </>
      )}
    </Card>
  );
}
