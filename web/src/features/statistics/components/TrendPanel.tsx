import type { StatPeriod, StatSide, Trend } from '#shared/contracts/statistics.contract';
import { Card, Col, Flex, Row, Segmented, Table } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useMemo } from 'react';
import { useMessages } from '../../../shared/i18n/messages';
import { ErrorAlert } from '../../../shared/ui/ErrorAlert';
import { statisticsMessages } from '../messages';
import { csvFileName, toCsv } from '../stat-csv';
import { formatCountPlain, formatFenSum, pickUnit } from '../stat-format';
import { useStatTrend, type StatSource } from '../statistics.api';
import { buildTrendOption, trendRange } from '../statistics.options';
import { chartText } from './chart-text';
import { ExportCsvButton } from './ExportCsvButton';
import { LazyStatChart } from './LazyCharts';
import { Growth } from './StatTable';

type Point = Trend['points'][number];

export type TrendPanelProps = {
  source: StatSource;
  year: number;
  years: readonly number[];
  side?: StatSide;
  region?: string;
  period: StatPeriod;
  onPeriodChange: (period: StatPeriod) => void;
  scopeName: string;
};

/** 成交额 and contract counts by year, quarter or month, with growth against the same period a year earlier. */
export function TrendPanel({ source, year, years, side, region, period, onPeriodChange, scopeName }: TrendPanelProps) {
  const t = useMessages(statisticsMessages);
  const range = trendRange(period, year, years);
  const trend = useStatTrend(source, { ...range, period, side, region });
  const points = useMemo(() => trend.data?.points ?? [], [trend.data]);
  const unit = useMemo(() => pickUnit(points.map((p) => p.amountFen)), [points]);
  const option = useMemo(() => (trend.data ? buildTrendOption(trend.data, unit, chartText(t, unit)) : null), [trend.data, unit, t]);
  const unitLabel = t.units[unit];

  const columns: ColumnsType<Point> = [
    { title: t.period, dataIndex: 'label' },
    { title: t.contracts, dataIndex: 'count', align: 'right', render: (n: number) => formatCountPlain(n) },
    { title: t.withUnit(t.amount, unitLabel), dataIndex: 'amountFen', align: 'right', render: (s: string) => formatFenSum(s, unit) },
    {
      title: t.withUnit(t.techAmount, unitLabel),
      dataIndex: 'techAmountFen',
      align: 'right',
      render: (s: string) => formatFenSum(s, unit),
    },
    { title: t.countGrowth, dataIndex: 'countGrowth', align: 'right', render: (n: number | null) => <Growth pct={n} /> },
    { title: t.amountGrowth, dataIndex: 'amountGrowth', align: 'right', render: (n: number | null) => <Growth pct={n} /> },
  ];

  return (
    <Card
      title={`${t.trendTitle} · ${scopeName}`}
      data-testid="stat-trend"
      extra={
        <Flex gap={12} align="center" wrap>
          <Segmented<StatPeriod>
            size="small"
            value={period}
            onChange={onPeriodChange}
            options={(['year', 'quarter', 'month'] as const).map((p) => ({ value: p, label: t.periods[p] }))}
            aria-label={t.period}
            data-testid="stat-period"
          />
          <ExportCsvButton
            fileName={csvFileName(t.fileStem, `${range.from}-${range.to}`, scopeName, t.periods[period])}
            disabled={points.length === 0}
            build={() =>
              toCsv(
                [
                  t.period,
                  t.contracts,
                  t.withUnit(t.amount, unitLabel),
                  t.withUnit(t.techAmount, unitLabel),
                  `${t.countGrowth} %`,
                  `${t.amountGrowth} %`,
                ],
                points.map((p) => [
                  p.label,
                  p.count,
                  formatFenSum(p.amountFen, unit, 2, false),
                  formatFenSum(p.techAmountFen, unit, 2, false),
                  p.countGrowth === null ? '' : p.countGrowth.toFixed(1),
                  p.amountGrowth === null ? '' : p.amountGrowth.toFixed(1),
                ]),
              )
            }
            testId="stat-trend-export"
          />
        </Flex>
      }
    >
      {trend.isError ? <ErrorAlert error={trend.error} onRetry={() => void trend.refetch()} className="tn-block" /> : null}
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={13}>
          {option && points.length > 0 ? (
            <LazyStatChart option={option} height={340} ariaLabel={t.trendAria} data-testid="stat-trend-chart" />
          ) : null}
        </Col>
        <Col xs={24} xl={11}>
          <Table<Point>
            rowKey="label"
            size="small"
            loading={trend.isFetching}
            columns={columns}
            dataSource={points}
            pagination={points.length > 12 ? { pageSize: 12, size: 'small', showSizeChanger: false } : false}
            scroll={{ x: 600 }}
            data-testid="stat-trend-table"
          />
        </Col>
      </Row>
    </Card>
  );
}
