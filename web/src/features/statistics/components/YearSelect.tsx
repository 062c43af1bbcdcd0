import { Select } from 'antd';
import { useMessages } from '../../../shared/i18n/messages';
import { statisticsMessages } from '../messages';
import { yearOptions } from '../statistics.options';

/** The statistics pages' year picker: the years with data (newest first) and the selected one. */
export function YearSelect({ year, years, onChange }: { year: number; years: readonly number[]; onChange: (year: number) => void }) {
  const t = useMessages(statisticsMessages);
  return (
    <Select<number>
      value={year}
      onChange={onChange}
      options={yearOptions(years, year).map((y) => ({ value: y, label: String(y) }))}
      style={{ width: 110 }}
      aria-label={t.year}
      data-testid="stat-year"
    />
  );
}
