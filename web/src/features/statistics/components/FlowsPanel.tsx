import type { Flow } from '#shared/contracts/statistics.contract';
import { Card, Col, Empty, Flex, Row, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useMemo } from 'react';
import { useMessages } from '../../../shared/i18n/messages';
import { ErrorAlert } from '../../../shared/ui/ErrorAlert';
import { statisticsMessages } from '../messages';
import { csvFileName, toCsv } from '../stat-csv';
import { formatCountPlain, formatFenSum, pickUnit } from '../stat-format';
import { useStatFlows, type StatSource } from '../statistics.api';
import { buildZoneNetOption, sortByAmount } from '../statistics.options';
import { buildZoneMatrix, type ZoneSummary } from '../zones';
import { ExportCsvButton } from './ExportCsvButton';
import { LazyEChart } from './LazyCharts';

const TOP_FLOWS = 20;

/** 流向: the zone-to-zone table (东部/中部/西部/东北 …), each zone's net outflow, and the largest province flows. */
export function FlowsPanel({ source, year }: { source: StatSource; year: number }) {
  const t = useMessages(statisticsMessages);
  const flows = useStatFlows(source, { year });
  const zones = flows.data?.zones;
  const matrix = useMemo(() => buildZoneMatrix(zones ?? []), [zones]);
  const unit = useMemo(
    () => pickUnit([...(zones ?? []).map((z) => z.amountFen), ...matrix.summaries.map((s) => s.netFen)]),
    [zones, matrix],
  );
  const unitLabel = t.units[unit];
  const netOption = useMemo(
    () => buildZoneNetOption(matrix.summaries, unit, t.withUnit(t.zoneNet, unitLabel)),
    [matrix, unit, t, unitLabel],
  );
  const topFlows = useMemo(
    () =>
      sortByAmount((flows.data?.flows ?? []).filter((f) => f.from !== f.to).map((f) => ({ ...f, code: `${f.from}>${f.to}` }))).slice(
        0,
        TOP_FLOWS,
      ),
    [flows.data],
  );
  const flowUnit = useMemo(() => pickUnit(topFlows.map((f) => f.amountFen)), [topFlows]);

  const matrixColumns: ColumnsType<ZoneSummary> = [
    { title: t.zoneFrom, dataIndex: 'name', fixed: 'left' },
    ...matrix.zones.map((to) => ({
      title: to.name,
      key: `to-${to.code}`,
      align: 'right' as const,
      render: (_: unknown, from: ZoneSummary) => formatFenSum(matrix.amount(from.code, to.code), unit),
    })),
    { title: t.zoneOut, dataIndex: 'outFen', align: 'right', render: (s: string) => formatFenSum(s, unit) },
    { title: t.zoneIn, dataIndex: 'inFen', align: 'right', render: (s: string) => formatFenSum(s, unit) },
    {
      title: <span title={t.zoneNetHint}>{t.zoneNet}</span>,
      dataIndex: 'netFen',
      align: 'right',
      render: (s: string) => <Typography.Text strong>{formatFenSum(s, unit)}</Typography.Text>,
    },
  ];

  const flowColumns: ColumnsType<Flow & { code: string }> = [
    { title: t.flowFrom, dataIndex: 'fromName' },
    { title: t.flowTo, dataIndex: 'toName' },
    { title: t.contracts, dataIndex: 'count', align: 'right', render: (n: number) => formatCountPlain(n) },
    {
      title: t.withUnit(t.amount, t.units[flowUnit]),
      dataIndex: 'amountFen',
      align: 'right',
      render: (s: string) => formatFenSum(s, flowUnit),
    },
  ];

  return (
    <Card
      title={t.flowsTitle}
      data-testid="stat-flows"
      extra={
        <ExportCsvButton
          fileName={csvFileName(t.fileStem, year, t.flowsTitle)}
          disabled={matrix.zones.length === 0}
          build={() =>
            toCsv(
              [
                t.zoneFrom,
                ...matrix.zones.map((z) => t.withUnit(z.name, unitLabel)),
                t.withUnit(t.zoneInternal, t.contracts),
                t.withUnit(t.zoneOut, unitLabel),
                t.withUnit(t.zoneIn, unitLabel),
                t.withUnit(t.zoneNet, unitLabel),
              ],
              matrix.summaries.map((s) => [
                s.name,
                ...matrix.zones.map((to) => formatFenSum(matrix.amount(s.code, to.code), unit, 2, false)),
                s.internalCount,
                formatFenSum(s.outFen, unit, 2, false),
                formatFenSum(s.inFen, unit, 2, false),
                formatFenSum(s.netFen, unit, 2, false),
              ]),
            )
          }
          testId="stat-flows-export"
        />
      }
    >
      {flows.isError ? <ErrorAlert error={flows.error} onRetry={() => void flows.refetch()} className="tn-block" /> : null}
      <Typography.Paragraph type="secondary">{t.flowsSubtitle}</Typography.Paragraph>
      {matrix.zones.length === 0 && !flows.isPending ? (
        <Empty description={t.noFlows} />
      ) : (
        <Flex vertical gap={16}>
          <Row gutter={[16, 16]}>
            <Col xs={24} xl={9}>
              {matrix.summaries.length > 0 ? (
                <LazyEChart option={netOption} height={280} ariaLabel={t.zoneAria} data-testid="stat-zone-chart" />
              ) : null}
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t.zoneNetHint}
              </Typography.Text>
            </Col>
            <Col xs={24} xl={15}>
              <Table<ZoneSummary>
                rowKey="code"
                size="small"
                loading={flows.isFetching}
                columns={matrixColumns}
                dataSource={matrix.summaries}
                pagination={false}
                scroll={{ x: 720 }}
                data-testid="stat-zone-table"
              />
            </Col>
          </Row>
          {topFlows.length > 0 ? (
            <div>
              <Typography.Title level={5}>{t.topFlows}</Typography.Title>
              <Table<Flow & { code: string }>
                rowKey="code"
                size="small"
                columns={flowColumns}
                dataSource={topFlows}
                pagination={false}
                data-testid="stat-flows-table"
              />
            </div>
          ) : null}
        </Flex>
      )}
    </Card>
  );
}
