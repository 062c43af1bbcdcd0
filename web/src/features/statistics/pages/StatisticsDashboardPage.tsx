import { RegionCodeSchema } from '#shared/contracts/common.contract';
import { STAT_DIMENSIONS, STAT_PERIODS, STAT_SIDES, type RegionRow, type StatSide } from '#shared/contracts/statistics.contract';
import { Breadcrumb, Button, Flex, Segmented } from 'antd';
import { useCallback } from 'react';
import { z } from 'zod';
import { isApiError } from '../../../shared/api/api-error';
import { useRegionIndex } from '../../../shared/code-lists/code-lists.api';
import { itemLabel, pathToCode } from '../../../shared/code-lists/code-tree';
import { useMessages } from '../../../shared/i18n/messages';
import { useLang } from '../../../shared/i18n/useLang';
import { ErrorAlert } from '../../../shared/ui/ErrorAlert';
import { ForbiddenPage } from '../../../shared/ui/ForbiddenPage';
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
import { drillCrumbs } from '../drill';
import { statisticsMessages } from '../messages';
import { useStatOverview } from '../statistics.api';
import { useStatYear } from '../useStatYear';

/** What the dashboard keeps in the URL: shareable, survives reload, Back undoes a drill-down. */
const DashboardFilters = z.object({
  year: z.coerce.number().int().min(1980).max(2100).optional(),
  side: z.enum(STAT_SIDES).optional(),
  region: RegionCodeSchema.optional(),
  dim: z.enum(STAT_DIMENSIONS).optional(),
  period: z.enum(STAT_PERIODS).optional(),
});

/**
 * /statistics — 技术市场统计监测 for platform admins and regional roles. The API scopes every figure
 * to the caller's region (a region outside it answers 403); the page starts at the top of that scope.
 */
export function StatisticsDashboardPage() {
  const lang = useLang();
  const t = useMessages(statisticsMessages);
  const { filters, update } = useUrlFilters(DashboardFilters);
  const side: StatSide = filters.side ?? 'out';
  const region = filters.region;
  const { year, years, ready, root, rootName, probe } = useStatYear('internal', filters.year, side);
  const overview = useStatOverview('internal', ready ? { year, side, region } : null);
  const previous = useStatOverview('internal', ready ? { year: year - 1, side, region } : null);
  const { data: regionIndex } = useRegionIndex();

  const onDrill = useCallback((row: RegionRow) => update({ region: row.code }), [update]);

  const forbidden = [probe.error, overview.error].find((e) => isApiError(e) && e.status === 403);
  if (forbidden) {
    return <ForbiddenPage error={forbidden} />;
  }

  const nameOf = (code: string): string => {
    const item = regionIndex?.byCode.get(code);
    if (item) {
      return itemLabel(item, lang);
    }
    return code === overview.data?.region ? overview.data.regionName : code;
  };
  const rootLabel = root === null ? t.national : (rootName ?? nameOf(root));
  const crumbs = drillCrumbs(root, region ?? null, regionIndex && region ? pathToCode(regionIndex, region) : []);
  const current = region && region !== root ? region : null;
  const scopeName = current ? nameOf(current) : rootLabel;

  return (
    <>
      <PageHeader
        title={t.dashboardTitle}
        subtitle={t.dashboardSubtitle}
        extra={
          <>
            <YearSelect year={year} years={years} onChange={(y) => update({ year: y })} />
            <Segmented<StatSide>
              value={side}
              onChange={(s) => update({ side: s })}
              options={STAT_SIDES.map((s) => ({ value: s, label: t.sides[s] }))}
              aria-label={t.side}
              data-testid="stat-side"
            />
          </>
        }
      />
      <Breadcrumb
        style={{ marginBottom: 16 }}
        data-testid="stat-breadcrumb"
        items={[
          {
            key: 'root',
            title:
              crumbs.length > 0 ? (
                <Button
                  type="link"
                  size="small"
                  style={{ padding: 0, height: 'auto' }}
                  onClick={() => update({ region: undefined })}
                  data-testid="stat-crumb-root"
                >
                  {rootLabel}
                </Button>
              ) : (
                <span data-testid="stat-crumb-root">{rootLabel}</span>
              ),
          },
          ...crumbs.map((code, i) => ({
            key: code,
            title:
              i < crumbs.length - 1 ? (
                <Button
                  type="link"
                  size="small"
                  style={{ padding: 0, height: 'auto' }}
                  onClick={() => update({ region: code })}
                  data-testid={`stat-crumb-${code}`}
                >
                  {nameOf(code)}
                </Button>
              ) : (
                <span data-testid={`stat-crumb-${code}`}>{nameOf(code)}</span>
              ),
          })),
        ]}
      />
      {probe.isError && !isApiError(probe.error) ? (
        <ErrorAlert error={probe.error} onRetry={() => void probe.refetch()} className="tn-block" />
      ) : null}
      {overview.isError ? <ErrorAlert error={overview.error} onRetry={() => void overview.refetch()} className="tn-block" /> : null}
      {!ready ? (
        <LoadingBlock minHeight={320} />
      ) : (
        <Flex vertical gap={16}>
          <HeadlineCards overview={overview.data} previous={previous.data} loading={overview.isPending} />
          <RegionPanel source="internal" year={year} side={side} region={region} scopeName={scopeName} onDrill={onDrill} withFlows />
          <FlowsPanel source="internal" year={year} />
          <TrendPanel
            source="internal"
            year={year}
            years={years}
            side={side}
            region={region}
            period={filters.period ?? 'year'}
            onPeriodChange={(p) => update({ period: p })}
            scopeName={scopeName}
          />
          <BreakdownPanel
            source="internal"
            year={year}
            side={side}
            region={region}
            dimension={filters.dim ?? 'type'}
            onDimensionChange={(d) => update({ dim: d })}
            scopeName={scopeName}
          />
          <DownloadsPanel source="internal" year={year} region={region} scopeName={scopeName} />
        </Flex>
      )}
    </>
  );
}
