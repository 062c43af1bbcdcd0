import { STAT_DIMENSIONS, STAT_PERIODS, type Definitions } from '#shared/contracts/statistics.contract';
import { Alert, Card, Flex, Select, Table, Typography } from 'antd';
import { useMemo } from 'react';
import { z } from 'zod';
import { useMessages } from '../../../shared/i18n/messages';
import { useLang } from '../../../shared/i18n/useLang';
import { ErrorAlert } from '../../../shared/ui/ErrorAlert';
import { LoadingBlock } from '../../../shared/ui/LoadingBlock';
import { PageHeader } from '../../../shared/ui/PageHeader';
import { useUrlFilters } from '../../../shared/url/useUrlFilters';
import { BreakdownPanel } from '../components/BreakdownPanel';
import { DownloadsPanel } from '../components/DownloadsPanel';
import { FlowsPanel } from '../components/FlowsPanel';
import { HeadlineCards } from '../components/HeadlineCards';
import { RegionPanel } from '../components/RegionPanel';
import { TrendPanel } from '../components/TrendPanel';
import { YearSelect } from '../components/YearSelect';
import { statisticsMessages, type StatisticsText } from '../messages';
import { openDataUrl, useOpenDataDefinitions, useStatOverview, useStatRegions } from '../statistics.api';
import { rowLabel, trendRange } from '../statistics.options';
import { useStatYear } from '../useStatYear';

const OpenDataFilters = z.object({
  year: z.coerce.number().int().min(1980).max(2100).optional(),
  dim: z.enum(STAT_DIMENSIONS).optional(),
  period: z.enum(STAT_PERIODS).optional(),
  /** Province of the breakdown (open data goes no lower). */
  province: z
    .string()
    .regex(/^\d{2}0000$/)
    .optional(),
});

/**
 * /open-data — national technology-market figures for everyone, no login: overview, trend, provinces,
 * zone flows and breakdowns, with the definitions and the API addresses for scripts.
 */
export function OpenDataPage() {
  const lang = useLang();
  const t = useMessages(statisticsMessages);
  const { filters, update } = useUrlFilters(OpenDataFilters);
  const { year, years, ready, probe } = useStatYear('open', filters.year);
  const overview = useStatOverview('open', ready ? { year } : null);
  const previous = useStatOverview('open', ready ? { year: year - 1 } : null);
  const provinces = useStatRegions('open', ready ? { year, side: 'out' } : null);
  const provinceOptions = useMemo(
    () => (provinces.data?.rows ?? []).filter((r) => r.level === 'province').map((r) => ({ value: r.code, label: rowLabel(r, lang) })),
    [provinces.data, lang],
  );
  const province = filters.province;
  const provinceName = province ? (provinceOptions.find((o) => o.value === province)?.label ?? province) : t.national;
  const period = filters.period ?? 'year';

  return (
    <>
      <PageHeader
        title={t.openDataTitle}
        subtitle={t.openDataSubtitle}
        extra={<YearSelect year={year} years={years} onChange={(y) => update({ year: y })} />}
      />
      {probe.isError ? <ErrorAlert error={probe.error} onRetry={() => void probe.refetch()} className="tn-block" /> : null}
      {overview.isError ? <ErrorAlert error={overview.error} onRetry={() => void overview.refetch()} className="tn-block" /> : null}
      {!ready ? (
        <LoadingBlock minHeight={320} />
      ) : (
        <Flex vertical gap={16}>
          <Alert type="info" showIcon title={t.suppressedNote} />
          <HeadlineCards overview={overview.data} previous={previous.data} loading={overview.isPending} showCoverage={false} />
          <RegionPanel source="open" year={year} side="out" region={undefined} scopeName={t.national} />
          <FlowsPanel source="open" year={year} />
          <TrendPanel
            source="open"
            year={year}
            years={years}
            period={period}
            onPeriodChange={(p) => update({ period: p })}
            scopeName={t.national}
          />
          <BreakdownPanel
            source="open"
            year={year}
            region={province}
            dimension={filters.dim ?? 'type'}
            onDimensionChange={(d) => update({ dim: d })}
            scopeName={provinceName}
            extra={
              <Select<string>
                allowClear
                placeholder={t.national}
                value={province}
                onChange={(code) => update({ province: code })}
                options={provinceOptions}
                showSearch={{ optionFilterProp: 'label' }}
                style={{ width: 160 }}
                aria-label={t.region}
                data-testid="open-data-province"
              />
            }
          />
          <DefinitionsCard />
          <ApiCard year={year} period={period} t={t} />
          <DownloadsPanel source="open" year={year} scopeName={t.national} />
        </Flex>
      )}
    </>
  );
}

type Measure = Definitions['measures'][number];
type Dimension = Definitions['dimensions'][number];

/** GET /open-data/technology-market/definitions as tables: what every published figure means. */
function DefinitionsCard() {
  const lang = useLang();
  const t = useMessages(statisticsMessages);
  const definitions = useOpenDataDefinitions();
  const d = definitions.data;
  const text = (zh: string, en: string) => (lang === 'en' && en ? en : zh);
  return (
    <Card title={t.definitionsTitle} data-testid="open-data-definitions">
      {definitions.isError ? (
        <ErrorAlert error={definitions.error} onRetry={() => void definitions.refetch()} className="tn-block" />
      ) : null}
      {definitions.isPending ? <LoadingBlock minHeight={120} /> : null}
      {d ? (
        <Flex vertical gap={16}>
          <div>
            <Typography.Title level={5}>{t.measuresTitle}</Typography.Title>
            <Table<Measure>
              rowKey="code"
              size="small"
              pagination={false}
              dataSource={d.measures}
              data-testid="open-data-measures"
              columns={[
                { title: t.code, dataIndex: 'code', render: (c: string) => <Typography.Text code>{c}</Typography.Text> },
                { title: t.name, key: 'name', render: (_: unknown, m: Measure) => text(m.name, m.nameEn) },
                { title: t.definition, key: 'definition', render: (_: unknown, m: Measure) => text(m.definition, m.definitionEn) },
              ]}
            />
          </div>
          <div>
            <Typography.Title level={5}>{t.dimensionsTitle}</Typography.Title>
            <Table<Dimension>
              rowKey="code"
              size="small"
              pagination={false}
              dataSource={d.dimensions}
              data-testid="open-data-dimensions"
              columns={[
                { title: t.code, dataIndex: 'code', render: (c: string) => <Typography.Text code>{c}</Typography.Text> },
                { title: t.name, key: 'name', render: (_: unknown, m: Dimension) => text(m.name, m.nameEn) },
                { title: t.codeList, dataIndex: 'codeList', render: (c: string | null) => c ?? '—' },
                { title: t.definition, key: 'definition', render: (_: unknown, m: Dimension) => text(m.definition, m.definitionEn) },
              ]}
            />
          </div>
          {d.rules.length > 0 ? (
            <div>
              <Typography.Title level={5}>{t.rulesTitle}</Typography.Title>
              <ul style={{ margin: 0, paddingInlineStart: 20 }} data-testid="open-data-rules">
                {d.rules.map((rule) => (
                  <li key={rule}>{rule}</li>
                ))}
              </ul>
            </div>
          ) : null}
          <Typography.Paragraph>
            <Typography.Text strong>{t.licence}：</Typography.Text>
            {d.licence}
          </Typography.Paragraph>
        </Flex>
      ) : null}
    </Card>
  );
}

type Endpoint = { key: keyof StatisticsText['endpoints']; url: string };

/** The public addresses, with this page's year, for people who script against the data. */
function ApiCard({ year, period, t }: { year: number; period: 'year' | 'quarter' | 'month'; t: StatisticsText }) {
  const origin = typeof window === 'undefined' ? '' : window.location.origin;
  const range = trendRange(period, year, []);
  const endpoints: Endpoint[] = [
    { key: 'overview', url: openDataUrl('overview', { year }) },
    { key: 'trend', url: openDataUrl('trend', { from: range.from, to: range.to, period }) },
    { key: 'regions', url: openDataUrl('regions', { year }) },
    { key: 'breakdown', url: openDataUrl('breakdown', { year, dimension: 'type' }) },
    { key: 'flows', url: openDataUrl('flows', { year }) },
    { key: 'definitions', url: openDataUrl('definitions') },
    { key: 'report', url: openDataUrl('annual-report.csv', { year }) },
  ];
  return (
    <Card title={t.apiTitle} data-testid="open-data-api">
      <Typography.Paragraph type="secondary">{t.apiHint}</Typography.Paragraph>
      <Table<Endpoint>
        rowKey="key"
        size="small"
        pagination={false}
        dataSource={endpoints}
        scroll={{ x: 640 }}
        columns={[
          { title: t.purpose, dataIndex: 'key', render: (k: Endpoint['key']) => t.endpoints[k] },
          {
            title: t.endpoint,
            dataIndex: 'url',
            render: (url: string) => (
              <Typography.Text code copyable={{ text: `${origin}${url}` }}>
                GET {url}
              </Typography.Text>
            ),
          },
        ]}
      />
    </Card>
  );
}
