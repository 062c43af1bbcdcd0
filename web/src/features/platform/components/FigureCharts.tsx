import type { PlatformFigures } from '#shared/contracts/platform.contract';
import { Flex } from 'antd';
import { useMemo } from 'react';
import { barChartHeight, buildProvinceBarOption, buildTypePieOption, withShares } from '../../../dashboards/platform.options';
import { useMessages } from '../../../shared/i18n/messages';
import { organisationMessages } from '../../organisations/messages';
import { platformMessages } from '../messages';
import { ChartWithTable } from './ChartWithTable';

/** Organisations by province and by type. Loaded lazily: it pulls in the echarts chunk. */
export function FigureCharts({ figures }: { figures: PlatformFigures }) {
  const t = useMessages(platformMessages);
  const typeLabels: Record<string, string> = useMessages(organisationMessages).types;

  const provinces = useMemo(
    () => withShares(figures.organisationsByProvince.map((r) => ({ key: r.provinceCode, label: r.provinceName, count: r.count }))),
    [figures.organisationsByProvince],
  );
  const types = useMemo(
    () => withShares(figures.organisationsByType.map((r) => ({ key: r.type, label: typeLabels[r.type] ?? r.type, count: r.count }))),
    [figures.organisationsByType, typeLabels],
  );
  const provinceOption = useMemo(() => buildProvinceBarOption(provinces, t.count), [provinces, t.count]);
  const typeOption = useMemo(() => buildTypePieOption(types, t.count), [types, t.count]);

  return (
    <Flex vertical gap={16}>
      <ChartWithTable
        title={t.byProvinceTitle}
        labelTitle={t.province}
        rows={provinces}
        option={provinceOption}
        chartHeight={barChartHeight(provinces.length)}
        chartLabel={t.chartByProvince}
        testId="chart-by-province"
      />
      <ChartWithTable
        title={t.byTypeTitle}
        labelTitle={t.type}
        rows={types}
        option={typeOption}
        chartHeight={360}
        chartLabel={t.chartByType}
        testId="chart-by-type"
      />
    </Flex>
  );
}
