import { Segmented } from 'antd';
import { useMessages } from '../../../shared/i18n/messages';
import { statisticsMessages } from '../messages';
import type { StatMeasure } from '../statistics.options';

/** What a panel's chart draws: 成交额 (amount) or the number of contracts. */
export function MeasureSwitch({
  value,
  onChange,
  testId,
}: {
  value: StatMeasure;
  onChange: (measure: StatMeasure) => void;
  testId?: string;
}) {
  const t = useMessages(statisticsMessages);
  return (
    <Segmented<StatMeasure>
      size="small"
      value={value}
      onChange={onChange}
      options={[
        { value: 'amount', label: t.measures.amount },
        { value: 'count', label: t.measures.count },
      ]}
      aria-label={t.measure}
      data-testid={testId}
    />
  );
}
