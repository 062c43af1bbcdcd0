import type { StatRow, StatValues } from '#shared/contracts/statistics.contract';
import { Button, Empty, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useMessages } from '../../../shared/i18n/messages';
import { useLang } from '../../../shared/i18n/useLang';
import { statisticsMessages } from '../messages';
import { formatCountPlain, formatFenSum, formatGrowth, formatShare, type AmountUnit } from '../stat-format';
import { rowLabel } from '../statistics.options';

export type StatTableProps<R extends StatRow> = {
  rows: readonly R[];
  unit: AmountUnit;
  labelTitle: string;
  /** Shown as a summary row. */
  total?: StatValues;
  loading?: boolean;
  /** When set, rows for which `canDrill` is true get their name as a drill-down link. */
  onDrill?: (row: R) => void;
  canDrill?: (row: R) => boolean;
  /** Without the technology value and count growth columns (narrow places). */
  compact?: boolean;
  pageSize?: number;
  /** Scroll inside this height instead of paging (beside a tall chart). */
  maxHeight?: number;
  testId: string;
};

/** House rule: every chart has a table with the same numbers. Amounts in the unit, growth against the previous year. */
export function StatTable<R extends StatRow>({
  rows,
  unit,
  labelTitle,
  total,
  loading,
  onDrill,
  canDrill,
  compact,
  pageSize = 15,
  maxHeight,
  testId,
}: StatTableProps<R>) {
  const lang = useLang();
  const t = useMessages(statisticsMessages);
  const unitLabel = t.units[unit];
  const columns: ColumnsType<R> = [
    {
      title: labelTitle,
      key: 'name',
      render: (_: unknown, row: R) =>
        onDrill && (canDrill?.(row) ?? true) ? (
          <Button type="link" size="small" style={{ padding: 0 }} onClick={() => onDrill(row)} data-testid={`${testId}-drill-${row.code}`}>
            {rowLabel(row, lang)}
          </Button>
        ) : (
          <span data-testid={`${testId}-name-${row.code}`}>{rowLabel(row, lang)}</span>
        ),
    },
    { title: t.contracts, dataIndex: 'count', align: 'right', render: (n: number) => formatCountPlain(n) },
    { title: t.withUnit(t.amount, unitLabel), dataIndex: 'amountFen', align: 'right', render: (s: string) => formatFenSum(s, unit) },
    ...(compact
      ? []
      : [
          {
            title: t.withUnit(t.techAmount, unitLabel),
            dataIndex: 'techAmountFen',
            align: 'right' as const,
            render: (s: string) => formatFenSum(s, unit),
          },
        ]),
    { title: t.share, dataIndex: 'amountShare', align: 'right', render: (n: number | null) => formatShare(n) },
    { title: t.amountGrowth, dataIndex: 'amountGrowth', align: 'right', render: (n: number | null) => <Growth pct={n} /> },
    ...(compact
      ? []
      : [{ title: t.countGrowth, dataIndex: 'countGrowth', align: 'right' as const, render: (n: number | null) => <Growth pct={n} /> }]),
  ];
  const table = (
    <Table<R>
      rowKey="code"
      size="small"
      loading={loading}
      columns={columns}
      dataSource={rows}
      scroll={compact ? undefined : { x: 720 }}
      locale={{ emptyText: <Empty description={t.empty} /> }}
      pagination={maxHeight === undefined && rows.length > pageSize ? { pageSize, size: 'small', showSizeChanger: false } : false}
      data-testid={testId}
      summary={
        total
          ? () => (
              <Table.Summary.Row>
                <Table.Summary.Cell index={0}>{t.total}</Table.Summary.Cell>
                <Table.Summary.Cell index={1} align="right">
                  {formatCountPlain(total.count)}
                </Table.Summary.Cell>
                <Table.Summary.Cell index={2} align="right">
                  {formatFenSum(total.amountFen, unit)}
                </Table.Summary.Cell>
                {compact ? null : (
                  <Table.Summary.Cell index={3} align="right">
                    {formatFenSum(total.techAmountFen, unit)}
                  </Table.Summary.Cell>
                )}
                <Table.Summary.Cell index={compact ? 3 : 4} align="right">
                  100%
                </Table.Summary.Cell>
                <Table.Summary.Cell index={compact ? 4 : 5} colSpan={compact ? 1 : 2} />
              </Table.Summary.Row>
            )
          : undefined
      }
    />
  );
  // A plain scrolling box: every row stays in the DOM (find-in-page, tests), the header scrolls with it.
  return maxHeight === undefined ? table : <div style={{ maxHeight, overflowY: 'auto' }}>{table}</div>;
}

/** Growth with its sign ('+5.1%'); muted when there is nothing to compare with. */
export function Growth({ pct }: { pct: number | null | undefined }) {
  const text = formatGrowth(pct);
  return text === '—' ? <Typography.Text type="secondary">{text}</Typography.Text> : <span>{text}</span>;
}
