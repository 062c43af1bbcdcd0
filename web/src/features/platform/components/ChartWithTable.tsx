import { Card, Col, Empty, Row, Table } from 'antd';
import { EChart } from '../../../dashboards/EChart';
import type { ChartOption } from '../../../dashboards/chart-option';
import type { ShareRow } from '../../../dashboards/platform.options';
import { formatCount } from '../../../shared/i18n/format';
import { useMessages } from '../../../shared/i18n/messages';
import { useLang } from '../../../shared/i18n/useLang';
import { platformMessages } from '../messages';

export type ChartWithTableProps = {
  title: string;
  labelTitle: string;
  rows: ShareRow[];
  option: ChartOption;
  chartHeight: number;
  chartLabel: string;
  testId: string;
};

/** House rule: every chart has a table beside it with the same numbers (and for screen readers). */
export function ChartWithTable({ title, labelTitle, rows, option, chartHeight, chartLabel, testId }: ChartWithTableProps) {
  const lang = useLang();
  const t = useMessages(platformMessages);
  const total = rows.reduce((sum, r) => sum + r.count, 0);
  if (rows.length === 0) {
    return (
      <Card title={title}>
        <Empty description={t.noOrganisations} />
      </Card>
    );
  }
  return (
    <Card title={title} data-testid={testId}>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={14}>
          <EChart option={option} height={chartHeight} ariaLabel={chartLabel} data-testid={`${testId}-chart`} />
        </Col>
        <Col xs={24} lg={10}>
          <Table<ShareRow>
            rowKey="key"
            size="small"
            dataSource={rows}
            pagination={rows.length > 15 ? { pageSize: 15, size: 'small', showSizeChanger: false } : false}
            data-testid={`${testId}-table`}
            columns={[
              { title: labelTitle, dataIndex: 'label' },
              { title: t.count, dataIndex: 'count', align: 'right', render: (n: number) => formatCount(n, lang) },
              {
                title: t.share,
                dataIndex: 'share',
                align: 'right',
                render: (s: number) => `${(s * 100).toFixed(1)}%`,
              },
            ]}
            summary={() => (
              <Table.Summary.Row>
                <Table.Summary.Cell index={0}>{t.total}</Table.Summary.Cell>
                <Table.Summary.Cell index={1} align="right">
                  {formatCount(total, lang)}
                </Table.Summary.Cell>
                <Table.Summary.Cell index={2} align="right">
                  100%
                </Table.Summary.Cell>
              </Table.Summary.Row>
            )}
          />
        </Col>
      </Row>
    </Card>
  );
}
