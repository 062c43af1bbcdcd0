import type { Overview } from '#shared/contracts/statistics.contract';
import { Card, Col, Row, Statistic, Typography } from 'antd';
import { useMessages } from '../../../shared/i18n/messages';
import { statisticsMessages } from '../messages';
import { coverageRatio, formatCountPlain, formatFenSum, formatGrowth, growthPct, pickUnit } from '../stat-format';

function yoyLine(label: string, pct: number | null, none: string) {
  return (
    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
      {label} {pct === null ? none : formatGrowth(pct)}
    </Typography.Text>
  );
}

export type HeadlineCardsProps = {
  overview: Overview | undefined;
  /** The same scope a year earlier: the API gives no growth of 技术交易额, so it is computed here. */
  previous: Overview | undefined;
  loading: boolean;
  showCoverage?: boolean;
};

/** 合同数, 成交额, 技术交易额 with year-on-year growth, and the county coverage of the scope. */
export function HeadlineCards({ overview, previous, loading, showCoverage = true }: HeadlineCardsProps) {
  const t = useMessages(statisticsMessages);
  const total = overview?.total;
  const unit = pickUnit([total?.amountFen, total?.techAmountFen]);
  const techGrowth =
    previous && previous.year === (overview?.year ?? 0) - 1 ? growthPct(total?.techAmountFen, previous.total.techAmountFen) : null;
  const ratio = overview ? coverageRatio(overview.coverage.countiesWithContracts, overview.coverage.counties) : null;
  const span = showCoverage ? 6 : 8;
  return (
    <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
      <Col xs={24} sm={12} lg={span}>
        <Card data-testid="stat-card-count">
          <Statistic title={t.contracts} value={total ? formatCountPlain(total.count) : '—'} loading={loading} />
          {total ? yoyLine(t.yoy, total.countGrowth, t.noPrevious) : null}
        </Card>
      </Col>
      <Col xs={24} sm={12} lg={span}>
        <Card data-testid="stat-card-amount">
          <Statistic
            title={t.amount}
            value={total ? formatFenSum(total.amountFen, unit) : '—'}
            suffix={total ? t.units[unit] : undefined}
            loading={loading}
          />
          {total ? yoyLine(t.yoy, total.amountGrowth, t.noPrevious) : null}
        </Card>
      </Col>
      <Col xs={24} sm={12} lg={span}>
        <Card data-testid="stat-card-tech">
          <Statistic
            title={t.techAmount}
            value={total ? formatFenSum(total.techAmountFen, unit) : '—'}
            suffix={total ? t.units[unit] : undefined}
            loading={loading}
          />
          {total ? yoyLine(t.yoy, techGrowth, t.noPrevious) : null}
        </Card>
      </Col>
      {showCoverage ? (
        <Col xs={24} sm={12} lg={span}>
          <Card data-testid="stat-card-coverage">
            <Statistic
              title={t.coverage}
              value={
                overview
                  ? t.coverageValue(formatCountPlain(overview.coverage.countiesWithContracts), formatCountPlain(overview.coverage.counties))
                  : '—'
              }
              loading={loading}
            />
            <Typography.Text type="secondary" style={{ fontSize: 12 }} title={t.coverageHint}>
              {ratio === null ? t.coverageHint : `${ratio.toFixed(1)}% · ${t.coverageHint}`}
            </Typography.Text>
          </Card>
        </Col>
      ) : null}
    </Row>
  );
}
