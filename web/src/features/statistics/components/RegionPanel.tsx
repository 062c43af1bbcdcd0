import type { RegionRow, StatSide } from '#shared/contracts/statistics.contract';
import { Alert, Card, Col, Flex, Row, Switch, Typography } from 'antd';
import { useCallback, useMemo, useState, type ReactNode } from 'react';
import type { EChartClick } from '../../../dashboards/EChart';
import { useMessages } from '../../../shared/i18n/messages';
import { useLang } from '../../../shared/i18n/useLang';
import { ErrorAlert } from '../../../shared/ui/ErrorAlert';
import { LoadingBlock } from '../../../shared/ui/LoadingBlock';
import { CHINA_MAP_NAME, indexProvinces, isMapGeoJson, mapProvinces } from '../geo';
import { statisticsMessages } from '../messages';
import { csvFileName, statRowsCsv } from '../stat-csv';
import { pickUnit } from '../stat-format';
import { useChinaMapJson, useStatFlows, useStatRegions, type StatSource } from '../statistics.api';
import {
  barHeight,
  buildChoroplethOption,
  buildFlowLines,
  buildRegionBarOption,
  sortByAmount,
  type StatMeasure,
} from '../statistics.options';
import { chartText, statCsvHeaders } from './chart-text';
import { ExportCsvButton } from './ExportCsvButton';
import { LazyChinaMap, LazyStatChart } from './LazyCharts';
import { MapNote } from './MapNote';
import { MeasureSwitch } from './MeasureSwitch';
import { StatTable } from './StatTable';

export type RegionPanelProps = {
  source: StatSource;
  year: number;
  side: StatSide;
  /** The region whose children are shown; undefined: the top of the user's scope. */
  region: string | undefined;
  /** Name of the region for the title ('全国', '北京市'). */
  scopeName: string;
  /** Drill into a child region; leave out for a flat table (open data). */
  onDrill?: (row: RegionRow) => void;
  /** Draw the largest inter-provincial flows on the map (needs province → province flows). */
  withFlows?: boolean;
};

/**
 * The regions one level below the scope: a choropleth of China at the national level, bars below
 * the province (there is no geometry for cities and counties), always with the table.
 */
export function RegionPanel({ source, year, side, region, scopeName, onDrill, withFlows = false }: RegionPanelProps) {
  const lang = useLang();
  const t = useMessages(statisticsMessages);
  const [measure, setMeasure] = useState<StatMeasure>('amount');
  const [showFlows, setShowFlows] = useState(true);

  const regions = useStatRegions(source, { year, side, region });
  const rows = useMemo(() => sortByAmount(regions.data?.rows ?? []), [regions.data]);
  const national = regions.data ? regions.data.parent === null : region === undefined;
  const mapJson = useChinaMapJson();
  const flows = useStatFlows(source, withFlows && national ? { year } : null);

  const unit = useMemo(() => pickUnit(rows.map((r) => r.amountFen)), [rows]);
  const text = useMemo(() => chartText(t, unit), [t, unit]);
  const geo = national && isMapGeoJson(mapJson.data) ? mapJson.data : undefined;
  const provinces = useMemo(() => (geo ? mapProvinces(geo) : []), [geo]);
  const index = useMemo(() => indexProvinces(provinces), [provinces]);
  const rowByCode = useMemo(() => new Map(rows.map((r) => [r.code, r] as const)), [rows]);

  const lines = useMemo(
    () => (withFlows && showFlows && flows.data ? buildFlowLines(flows.data.flows, index, unit, text) : []),
    [withFlows, showFlows, flows.data, index, unit, text],
  );
  const mapOption = useMemo(
    () => buildChoroplethOption({ mapName: CHINA_MAP_NAME, provinces, rows, measure, unit, lang, text, lines }),
    [provinces, rows, measure, unit, lang, text, lines],
  );
  const barOption = useMemo(
    () => buildRegionBarOption(rows, measure, unit, lang, measure === 'count' ? t.contracts : t.withUnit(t.amount, t.units[unit])),
    [rows, measure, unit, lang, t],
  );

  const drillTo = useCallback(
    (code: string | undefined) => {
      const row = code ? rowByCode.get(code) : undefined;
      if (onDrill && row?.hasChildren) {
        onDrill(row);
      }
    },
    [onDrill, rowByCode],
  );
  const onMapClick = useCallback(
    (e: EChartClick) => {
      const data = e.data as { code?: unknown } | null | undefined;
      drillTo(typeof data?.code === 'string' ? data.code : index.codeByName.get(e.name));
    },
    [drillTo, index],
  );
  const onBarClick = useCallback(
    (e: EChartClick) => {
      const data = e.data as { code?: unknown } | null | undefined;
      drillTo(typeof data?.code === 'string' ? data.code : undefined);
    },
    [drillTo],
  );

  const table = (
    <StatTable<RegionRow>
      rows={rows}
      unit={unit}
      labelTitle={t.region}
      loading={regions.isFetching}
      onDrill={onDrill}
      canDrill={(r) => r.hasChildren}
      compact
      maxHeight={national ? 520 : undefined}
      testId="stat-regions-table"
    />
  );

  let chart: ReactNode;
  if (rows.length === 0) {
    chart = null;
  } else if (national) {
    if (mapJson.isError) {
      chart = <Alert type="warning" showIcon title={t.mapFailed} />;
    } else if (!geo) {
      chart = <LoadingBlock minHeight={480} />;
    } else {
      chart = (
        <LazyChinaMap
          geo={geo}
          option={mapOption}
          height={520}
          ariaLabel={t.mapAria}
          onClick={onDrill ? onMapClick : undefined}
          data-testid="stat-map"
        />
      );
    }
  } else {
    chart = (
      <LazyStatChart
        option={barOption}
        height={barHeight(rows.length)}
        ariaLabel={t.barAria}
        onClick={onDrill ? onBarClick : undefined}
        data-testid="stat-region-bars"
      />
    );
  }

  return (
    <Card
      title={t.mapTitle(scopeName)}
      data-testid="stat-regions"
      extra={
        <Flex gap={12} align="center" wrap>
          <MeasureSwitch value={measure} onChange={setMeasure} testId="stat-measure" />
          {withFlows && national ? (
            <Flex gap={6} align="center">
              <Switch size="small" checked={showFlows} onChange={setShowFlows} aria-label={t.showFlows} data-testid="stat-show-flows" />
              <Typography.Text>{t.showFlows}</Typography.Text>
            </Flex>
          ) : null}
          <ExportCsvButton
            fileName={csvFileName(t.fileStem, year, scopeName, t.region)}
            disabled={rows.length === 0}
            build={() => statRowsCsv(rows, statCsvHeaders(t, t.region, unit), unit, lang)}
            testId="stat-regions-export"
          />
        </Flex>
      }
    >
      {regions.isError ? <ErrorAlert error={regions.error} onRetry={() => void regions.refetch()} className="tn-block" /> : null}
      {onDrill && rows.some((r) => r.hasChildren) ? (
        <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
          {t.drillHint}
        </Typography.Paragraph>
      ) : null}
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={national ? 14 : 12}>
          {chart}
        </Col>
        <Col xs={24} xl={national ? 10 : 12}>
          {table}
        </Col>
      </Row>
      {national ? <MapNote /> : null}
    </Card>
  );
}
