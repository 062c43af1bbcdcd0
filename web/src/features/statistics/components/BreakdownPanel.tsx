import { STAT_DIMENSIONS, type StatDimension, type StatRow, type StatSide } from '#shared/contracts/statistics.contract';
import { Card, Col, Flex, Row, Segmented, Select } from 'antd';
import { useMemo, useState, type ReactNode } from 'react';
import { useMessages } from '../../../shared/i18n/messages';
import { useLang } from '../../../shared/i18n/useLang';
import { ErrorAlert } from '../../../shared/ui/ErrorAlert';
import { statisticsMessages } from '../messages';
import { csvFileName, statRowsCsv } from '../stat-csv';
import { pickUnit } from '../stat-format';
import { useStatBreakdown, type StatSource } from '../statistics.api';
import { barHeight, buildBreakdownBarOption, buildBreakdownPieOption, type StatMeasure } from '../statistics.options';
import { statCsvHeaders } from './chart-text';
import { ExportCsvButton } from './ExportCsvButton';
import { LazyEChart } from './LazyCharts';
import { MeasureSwitch } from './MeasureSwitch';
import { StatTable } from './StatTable';

type ChartKind = 'bar' | 'pie';

export type BreakdownPanelProps = {
  source: StatSource;
  year: number;
  side?: StatSide;
  region?: string;
  dimension: StatDimension;
  onDimensionChange: (dimension: StatDimension) => void;
  scopeName: string;
  /** More controls in the header (the open-data page's province picker). */
  extra?: ReactNode;
};

/** The figures split by one dimension (合同类型, 技术领域, …): a bar chart or doughnut and the table with share and growth. */
export function BreakdownPanel({ source, year, side, region, dimension, onDimensionChange, scopeName, extra }: BreakdownPanelProps) {
  const lang = useLang();
  const t = useMessages(statisticsMessages);
  const [measure, setMeasure] = useState<StatMeasure>('amount');
  const [kind, setKind] = useState<ChartKind>('bar');
  const breakdown = useStatBreakdown(source, { year, dimension, side, region });
  const rows = useMemo<StatRow[]>(() => breakdown.data?.rows ?? [], [breakdown.data]);
  const unit = useMemo(() => pickUnit([breakdown.data?.total.amountFen, ...rows.map((r) => r.amountFen)]), [breakdown.data, rows]);
  const dimensionName = t.dimensions[dimension];
  const seriesName = measure === 'count' ? t.contracts : t.withUnit(t.amount, t.units[unit]);
  const option = useMemo(
    () =>
      kind === 'pie'
        ? buildBreakdownPieOption(rows, measure, unit, lang, seriesName)
        : buildBreakdownBarOption(rows, measure, unit, lang, seriesName),
    [kind, rows, measure, unit, lang, seriesName],
  );

  return (
    <Card
      title={`${t.breakdownTitle} · ${scopeName}`}
      data-testid="stat-breakdown"
      extra={
        <Flex gap={12} align="center" wrap>
          {extra}
          <Select<StatDimension>
            value={dimension}
            onChange={onDimensionChange}
            options={STAT_DIMENSIONS.map((d) => ({ value: d, label: t.dimensions[d] }))}
            style={{ width: 160 }}
            aria-label={t.dimension}
            data-testid="stat-dimension"
          />
          <MeasureSwitch value={measure} onChange={setMeasure} />
          <Segmented<ChartKind>
            size="small"
            value={kind}
            onChange={setKind}
            options={[
              { value: 'bar', label: t.bar },
              { value: 'pie', label: t.pie },
            ]}
            aria-label={t.chartKind}
          />
          <ExportCsvButton
            fileName={csvFileName(t.fileStem, year, scopeName, dimensionName)}
            disabled={rows.length === 0}
            build={() => statRowsCsv(rows, statCsvHeaders(t, dimensionName, unit), unit, lang)}
            testId="stat-breakdown-export"
          />
        </Flex>
      }
    >
      {breakdown.isError ? <ErrorAlert error={breakdown.error} onRetry={() => void breakdown.refetch()} className="tn-block" /> : null}
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={11}>
          {rows.length > 0 ? (
            <LazyEChart
              option={option}
              height={kind === 'pie' ? 380 : barHeight(rows.length)}
              ariaLabel={t.breakdownAria(dimensionName)}
              data-testid="stat-breakdown-chart"
            />
          ) : null}
        </Col>
        <Col xs={24} xl={13}>
          <StatTable
            rows={rows}
            unit={unit}
            labelTitle={dimensionName}
            total={breakdown.data?.total}
            loading={breakdown.isFetching}
            compact
            testId="stat-breakdown-table"
          />
        </Col>
      </Row>
    </Card>
  );
}
